import Foundation
import LiveBlogTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Several blogs at once with the real binary: five blogs served on 127.0.0.1 that change while the blog list,
/// a blog and the river are on screen, and the headless `follow --all-blogs --json`.
@Suite(.enabled(if: tmuxAvailable, "tmux is not installed"), .timeLimit(.minutes(2)))
struct ShelfE2ETests {
    static let names = ["Avon", "Brent", "Clyde", "Dee", "Esk"]

    /// Post `number` of blog `blog` (0…4): its minute interleaves the blogs, so that the river mixes them.
    static func post(blog: Int, _ number: Int) -> String {
        let minute = String(format: "%02d", number * 5 + blog)
        return """
            <article class="post" id="post-\(number)"><time datetime="2026-11-30T10:\(minute):00Z">10:\(minute)</time>\
            <h2>\(names[blog]) river report \(number)</h2><p>Water level note \(number) from the \(names[blog]).</p></article>
            """
    }

    static func page(blog: Int, newest: Int) -> String {
        let posts = (1...newest).reversed().map { post(blog: blog, $0) }
        return """
            <!doctype html><html><head><title>\(names[blog]) flood watch</title></head><body>\
            <h1>\(names[blog]) flood watch</h1><div class="feed">\(posts.joined(separator: "\n"))</div></body></html>
            """
    }

    /// Five servers, blog k showing posts 1…versions[k]; a version of 0 answers 404.
    struct Servers {
        let versions: [Version]
        let servers: [ScriptedServer]

        init(newest: [Int]) throws {
            let versions = newest.map { Version($0) }
            self.versions = versions
            servers = try (0..<newest.count).map { k in
                try ScriptedServer { _ in
                    let v = versions[k].value
                    return v == 0 ? .init(status: 404) : .page(ShelfE2ETests.page(blog: k, newest: v))
                }
            }
        }

        func stop() { for server in servers { server.stop() } }

        /// The blog list: each server under its name, the first two tagged `politics`.
        func blogList(in directory: TemporaryDirectory) throws -> String {
            let config = directory.file("config/liveblog")
            try FileManager.default.createDirectory(atPath: config, withIntermediateDirectories: true)
            var lines = ["# flood blogs"]
            for (k, server) in servers.enumerated() {
                lines.append("\(server.url()) \"\(ShelfE2ETests.names[k]) watch\" \(k < 2 ? "politics" : "rivers")")
            }
            try (lines.joined(separator: "\n") + "\n").write(
                toFile: config + "/blogs", atomically: true, encoding: .utf8)
            return directory.file("config")
        }
    }

    static func row(_ name: String, in screen: String) -> String {
        Screen(screen).lines.first { $0.contains("\(name) watch") } ?? ""
    }

    @Test(
        "The blog list counts new posts per blog, the river merges them, ] jumps, marks go both ways, a failing blog keeps its row"
    )
    func blogListAndRiver() async throws {
        let directory = try TemporaryDirectory()
        let servers = try Servers(newest: [3, 3, 3, 3, 0])
        defer { servers.stop() }
        let config = try servers.blogList(in: directory)
        let t = try ReaderE2ETests.reader(
            directory, ["--every", "1s", "--mark-after", "never"], environment: ["XDG_CONFIG_HOME": config])
        defer { t.shutdown() }

        // Every blog read; the failing one says how, in its own row only.
        let first = try await t.waitUntil("four blogs read and one failing", timeout: .seconds(20)) { text in
            ShelfE2ETests.names.prefix(4).allSatisfy { ShelfE2ETests.row($0, in: text).contains("3 unread") }
                && ShelfE2ETests.row("Esk", in: text).contains("HTTP 404")
        }
        #expect(Screen(first).lines[0].contains("Blogs — 5 blogs, 12 unread"))
        #expect(ShelfE2ETests.row("Esk", in: first).contains(" since "))

        // New posts on two blogs: counted per blog and in the title; the failing blog recovers.
        servers.versions[0].value = 5
        servers.versions[2].value = 4
        servers.versions[4].value = 2
        let updated = try await t.waitUntil("arrivals counted per blog", timeout: .seconds(20)) { text in
            ShelfE2ETests.row("Avon", in: text).contains("▲ 2 new")
                && ShelfE2ETests.row("Clyde", in: text).contains("▲ 1 new")
                && ShelfE2ETests.row("Esk", in: text).contains("2 unread") && text.contains("▲ 3 new")
        }
        #expect(ShelfE2ETests.row("Brent", in: updated).contains("3 unread"))
        #expect(!ShelfE2ETests.row("Esk", in: updated).contains("HTTP 404"))

        // The river: every blog's posts, newest first, each with its blog's short name.
        try t.send("v")
        let river = try await t.waitUntil("the river") { text in
            Screen(text).lines[0].contains("River — 5 blogs") && Screen(text).status.contains("/17")
        }
        let rows = Screen(river).listRows.filter { $0.contains("river report") }
        #expect(rows.first?.contains("Avon") == true && rows.first?.contains("report 5") == true)
        #expect(
            rows.dropFirst().first?.contains("Clyde") == true && rows.dropFirst().first?.contains("report 4") == true)

        // A mark made in the river shows in the blog.
        try t.send("m")
        try await t.waitUntil("the mark in the river") { Screen($0).status.contains("16 unread") }
        try t.send("q")
        let back = try await t.waitUntil("the list again") { ShelfE2ETests.row("Avon", in: $0).contains("4 unread") }
        #expect(!back.contains("River"))
        try t.send("Enter")
        let avon = try await t.waitUntil("Avon open") { $0.contains("Avon river report 5") }
        let reportFive = Screen(avon).listRows.first { $0.contains("report 5") } ?? ""
        #expect(!reportFive.contains("•"))

        // A mark made in the blog shows in the river.
        try t.send("j", "m")
        try await t.waitUntil("the mark in the blog") { Screen($0).status.contains("3 unread") }
        try t.send("v")
        // The whole frame: a capture can land while the title is painted and the status not yet.
        let river2 = try await t.waitUntil("the river again") { text in
            Screen(text).lines[0].contains("River") && Screen(text).status.contains("15 unread")
        }
        let reportFour = Screen(river2).listRows.first { $0.contains("Avon river report 4") } ?? ""
        #expect(!reportFour.contains("•"))

        // `:tag` filters the river by the blog list's tags.
        try t.send(":")
        try t.type("tag politics")
        try t.send("Enter")
        try await t.waitUntil("the politics river") { text in
            Screen(text).lines[0].contains("River — 2 blogs tagged politics") && Screen(text).status.contains("/8")
        }

        // `]` goes straight to the next blog with unread posts, and on.
        try t.send(":")
        try t.type("tag")
        try t.send("Enter")
        try t.send("h")
        try await t.waitFor("Blogs — 5 blogs")
        try t.send("g", "]")
        try await t.waitFor("Brent flood watch")
        try t.send("]")
        try await t.waitFor("Clyde flood watch")
        try t.send("[")
        try await t.waitFor("Brent flood watch")

        // A whole blog read with A in the list, and undone with X.
        try t.send("q", "g", "A")
        try await t.waitUntil("Avon all read") { ShelfE2ETests.row("Avon", in: $0).contains(" 0 unread") }
        try t.send("X")
        try await t.waitUntil("Avon unread again") { ShelfE2ETests.row("Avon", in: $0).contains("3 unread") }

        try t.send("q")
        try await t.waitFor(TmuxSession.exitMarker(0))
    }

    @Test("A server that hangs or answers garbage holds up only its own row")
    func hostileServers() async throws {
        let directory = try TemporaryDirectory()
        let good = try ScriptedServer { _ in .page(ShelfE2ETests.page(blog: 0, newest: 4)) }
        let hanging = try ScriptedServer { _ in .init(body: Array("<p>late</p>".utf8), delay: 20) }
        let garbage = try ScriptedServer { request in
            var random = SeededRandom(seed: UInt64(request.number + 7))
            return .init(
                headers: [("Content-Type", "application/octet-stream")],
                body: (0..<4096).map { _ in UInt8(truncatingIfNeeded: random.next()) })
        }
        defer { for server in [good, hanging, garbage] { server.stop() } }
        let config = directory.file("config/liveblog")
        try FileManager.default.createDirectory(atPath: config, withIntermediateDirectories: true)
        let list = "\(hanging.url()) \"Slow watch\"\n\(garbage.url()) \"Noise watch\"\n\(good.url()) \"Avon watch\"\n"
        try list.write(toFile: config + "/blogs", atomically: true, encoding: .utf8)
        let t = try ReaderE2ETests.reader(
            directory, ["--mark-after", "never"], environment: ["XDG_CONFIG_HOME": directory.file("config")])
        defer { t.shutdown() }
        let screen = try await t.waitUntil("the good blog read beside the others", timeout: .seconds(20)) { text in
            ShelfE2ETests.row("Avon", in: text).contains("4 unread")
                && ShelfE2ETests.row("Noise", in: text).contains(" since ")
        }
        #expect(ShelfE2ETests.row("Slow", in: screen).contains("loading…"))
        try t.send("q")
        try await t.waitFor(TmuxSession.exitMarker(0))
    }

    @Test("follow --all-blogs --json prints each blog's arrivals with its name")
    func followAllBlogs() async throws {
        let directory = try TemporaryDirectory()
        let servers = try Servers(newest: [2, 2, 2, 2, 0])
        defer { servers.stop() }
        let config = try servers.blogList(in: directory)
        let process = Process()
        process.executableURL = TmuxSession.binary
        process.arguments = [
            "follow", "--all-blogs", "--json", "--every", "1s", "--state", directory.file("state.sqlite"),
        ]
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CONFIG_HOME"] = config
        environment["HOME"] = directory.path
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let collected = Collected()
        let warnings = Collected()
        out.fileHandleForReading.readabilityHandler = { handle in collected.append(handle.availableData) }
        err.fileHandleForReading.readabilityHandler = { handle in warnings.append(handle.availableData) }
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        // Every blog read once (the first read is not an arrival), then two of them change.
        try await FollowE2ETests.eventually("the first reads") {
            servers.servers.prefix(4).allSatisfy { $0.requests.count >= 1 }
        }
        try await FollowE2ETests.eventually("the failing blog said once") {
            warnings.lines.contains { $0.contains("Esk watch") }
        }
        servers.versions[1].value = 3
        servers.versions[3].value = 4
        try await FollowE2ETests.eventually("three arrivals") { collected.lines.count >= 3 }
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        out.fileHandleForReading.readabilityHandler = nil
        err.fileHandleForReading.readabilityHandler = nil
        #expect(process.terminationStatus == 0)
        let events = collected.lines.map { line -> String in
            let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
            return "\(object?["blog"] as? String ?? "?"): \(object?["headline"] as? String ?? "?")"
        }
        #expect(
            Set(events) == [
                "Brent watch: Brent river report 3", "Dee watch: Dee river report 3", "Dee watch: Dee river report 4",
            ])
        // Oldest first within a blog, as a log reads.
        #expect(
            events.firstIndex(of: "Dee watch: Dee river report 3")! < events.firstIndex(
                of: "Dee watch: Dee river report 4")!)
        #expect(warnings.lines.filter { $0.contains("Esk watch") }.count == 1)
    }
}

extension ShelfE2ETests {
    @Test("A follow running on the same state records nothing as seen: the reader still shows what arrived as new")
    func followLeavesNewAlone() async throws {
        let directory = try TemporaryDirectory()
        let servers = try Servers(newest: [2])
        defer { servers.stop() }
        let url = servers.servers[0].url()
        let state = directory.file("state.sqlite")
        // The reader sees version 2 once, then quits.
        do {
            let t = try ReaderE2ETests.reader(directory, [url, "--mark-after", "never"])
            defer { t.shutdown() }
            try await t.waitFor("Avon river report 2")
            try t.send("q")
            try await t.waitFor(TmuxSession.exitMarker(0))
        }
        // A follow prints two arrivals meanwhile.
        let process = Process()
        process.executableURL = TmuxSession.binary
        process.arguments = ["follow", url, "--json", "--every", "1s", "--state", state]
        process.standardOutput = Pipe()
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        try await FollowE2ETests.eventually("the first poll") { servers.servers[0].requests.count >= 2 }
        servers.versions[0].value = 4
        try await FollowE2ETests.eventually("the follow's poll of version 4") { servers.servers[0].requests.count >= 4 }
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        // The reader, opened again, shows them as new.
        let t = try ReaderE2ETests.reader(directory, [url, "--mark-after", "never"])
        defer { t.shutdown() }
        try await t.waitUntil("two new since the last session") { text in
            text.contains("▲ 2 new") && Screen(text).status.contains("2 new")
        }
    }
}
