import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Following a blog with the real binary: a page served on 127.0.0.1 that grows while the reader shows it, a
/// file saved by rename, and the headless `follow --json`.
@Suite(.enabled(if: tmuxAvailable, "tmux is not installed"), .timeLimit(.minutes(1)))
struct FollowE2ETests {
    /// A post of the served blog; `number` is its place in time (higher is newer).
    static func post(_ number: Int, edited: Bool = false) -> String {
        let minute = String(format: "%02d", number)
        return """
            <article class="post" id="post-\(number)"><time datetime="2026-11-30T10:\(minute):00Z">10:\(minute)</time>\
            <h2>Harbour update number \(number)</h2><p>Report \(number) from the quay\(edited ? ", corrected" : "").</p></article>
            """
    }

    /// The page with posts `1...newest`, newest first.
    static func page(newest: Int, edited: Set<Int> = [], removed: Set<Int> = []) -> String {
        let posts = (1...newest).reversed().filter { !removed.contains($0) }.map {
            post($0, edited: edited.contains($0))
        }
        return """
            <!doctype html><html><head><title>Harbour storm live</title></head><body><h1>Harbour storm live</h1>
            <div class="feed">\(posts.joined(separator: "\n"))</div></body></html>
            """
    }

    /// Waits until `condition` holds, polling every 20 ms.
    static func eventually(_ what: String, timeout: Duration = .seconds(15), _ condition: () -> Bool) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while !condition() {
            if clock.now >= deadline { throw TmuxError("timed out waiting for \(what)") }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    @Test(
        "New posts arrive while an entry is read: its row stays, the new marker shows, . brings the newest; a failing or empty server keeps the list"
    )
    func arrivalsKeepTheRow() async throws {
        let state = try TemporaryDirectory()
        let version = Version(20)
        // 0 stands for a failing server, -1 for an empty page.
        let server = try ScriptedServer { _ in
            switch version.value {
            case 0: .init(status: 500)
            case -1: .init(body: [])
            case let newest: .page(FollowE2ETests.page(newest: newest))
            }
        }
        defer { server.stop() }
        let t = try ReaderE2ETests.reader(state, [server.url(), "--every", "1s", "--mark-after", "never"])
        defer { t.shutdown() }
        try await t.waitFor("Harbour update number 20")
        // Following shows: when the source was checked and when it is checked next.
        try await t.waitUntil("the following indicator") {
            Screen($0).status.contains("following · checked ") && Screen($0).status.contains(" · next ")
        }
        try t.send("j", "j", "j")
        let before = try await t.waitUntil("entry 17 selected") {
            Screen($0).detail.contains("Harbour update number 17")
        }
        let row = Screen(before).lines.firstIndex { $0.hasPrefix("•") && $0.contains("number 17") }

        version.value = 22
        // Wait for the whole frame: a capture can land while the terminal is still painting it (title before status).
        let after = try await t.waitUntil("the arrivals counted") { text in
            text.contains("▲ 2 new") && Screen(text).status.contains("2 new")
        }
        let s = Screen(after)
        #expect(s.lines.firstIndex { $0.hasPrefix("•") && $0.contains("number 17") } == row)
        #expect(s.detail.contains("Report 17 from the quay"))
        #expect(s.status.contains("2 new"))

        try t.send(".")
        try await t.waitUntil("the newest entry selected") { text in
            let s = Screen(text)
            return s.status.hasPrefix("1/22") && s.detail.contains("Harbour update number 22") && !text.contains("▲")
        }

        // A failing server, then an empty page: the list stays and the status line says why.
        version.value = 0
        let failed = try await t.waitFor("Update failed")
        #expect(Screen(failed).status.contains("offline · retrying "))
        version.value = -1
        let kept = try await t.waitFor("Kept the last good version", timeout: .seconds(15))
        #expect(Screen(kept).status.hasPrefix("1/22"))
        #expect(Screen(kept).detail.contains("Harbour update number 22"))
    }

    @Test("A followed file saved by rename (as editors do) is read again")
    func renameSave() async throws {
        let state = try TemporaryDirectory()
        let path = state.file("blog.txt")
        func write(_ newest: Int) throws {
            var text = "Harbour storm live\n\n"
            for n in (1...newest).reversed() {
                text += "10:\(String(format: "%02d", n))\nHarbour update number \(n)\n\nReport \(n) from the quay.\n\n"
            }
            try text.write(toFile: path + ".tmp", atomically: false, encoding: .utf8)
            guard rename(path + ".tmp", path) == 0 else { throw TmuxError("rename failed") }
        }
        try write(3)
        let t = try ReaderE2ETests.reader(state, [path, "--follow", "--mark-after", "never"])
        defer { t.shutdown() }
        try await t.waitFor("Harbour update number 3")
        try write(4)
        // The arrival goes in above the rows on screen; the marker says so, and `.` shows it.
        try await t.waitFor("▲ 1 new")
        try t.send(".")
        try await t.waitUntil("the arrival shown") { Screen($0).detail.contains("Report 4 from the quay") }
    }

    @Test(
        "Headless follow --json prints exactly the arrivals and edits, in order, across 304, 500, slow and empty answers"
    )
    func headlessJSON() async throws {
        let state = try TemporaryDirectory()
        // Request by request: the first is the initial read.
        let server = try ScriptedServer { request in
            switch request.number {
            case 0: return .page(FollowE2ETests.page(newest: 3), etag: "\"3\"")
            case 1: return .page(FollowE2ETests.page(newest: 4), etag: "\"4\"")
            case 2:
                return request.headers["if-none-match"] == "\"4\""
                    ? .init(status: 304, headers: []) : .init(status: 400)
            case 3: return .init(status: 500)
            case 4: return .page(FollowE2ETests.page(newest: 6, edited: [2], removed: [1]), etag: "\"6\"")
            case 5: return .init(body: [])
            case 6: return .init(body: Array("<p>late</p>".utf8), delay: 3)
            default: return .page(FollowE2ETests.page(newest: 7, edited: [2], removed: [1]), etag: "\"7\"")
            }
        }
        defer { server.stop() }
        let process = Process()
        process.executableURL = TmuxSession.binary
        process.arguments = ["follow", server.url(), "--json", "--every", "1s", "--state", state.file("state.sqlite")]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        let collected = Collected()
        out.fileHandleForReading.readabilityHandler = { handle in collected.append(handle.availableData) }
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        try await Self.eventually("four arrivals") { collected.lines.count >= 4 }
        // One more poll cycle, to be sure nothing else is printed.
        try await Self.eventually("two more requests") { server.requests.count >= 9 }
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        out.fileHandleForReading.readabilityHandler = nil
        #expect(process.terminationStatus == 0)
        let events = collected.lines.map { line -> String in
            let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
            return "\(object?["event"] as? String ?? "?") \(object?["headline"] as? String ?? "?")"
        }
        #expect(
            events == [
                "new Harbour update number 4",
                "new Harbour update number 5",
                "new Harbour update number 6",
                "edited Harbour update number 2",
                "new Harbour update number 7",
            ])
    }
}

/// The newest post a test's server shows; changed by the test while the server answers.
final class Version: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Int
    init(_ value: Int) { stored = value }
    var value: Int {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}

/// Output gathered from a pipe as it arrives.
final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func append(_ more: Data) { lock.withLock { data.append(more) } }
    var lines: [String] {
        lock.withLock { String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init) }
    }
}
