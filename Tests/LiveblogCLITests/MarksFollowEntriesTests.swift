import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Read marks hang on the blog's identity (its canonical address, else its entries) and on entry ids, not on
/// file names; `liveblog follow` signals arrivals; a kill during following loses no mark.
@Suite("Marks follow the entries")
struct MarksFollowEntriesTests {
    static let page = """
        <!doctype html><html><head><title>Harbour storm live</title>
        <link rel="canonical" href="https://news.example/live/harbour-storm#top"></head><body><h1>Harbour storm live</h1>
        <div class="feed">
        <article class="post" id="post-2"><time>10:05</time><h2>Wind rises along the coast</h2><p>Gusts at the pier.</p></article>
        <article class="post" id="post-1"><time>10:00</time><h2>Warning issued for the harbour</h2><p>A warning for the coast.</p></article>
        </div></body></html>
        """

    func unreadCount(_ runner: CommandRunner, _ arguments: [String], input: Data? = nil) throws -> Int {
        let result = try runner.run(["list"] + arguments + ["--unread"], input: input)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.split(separator: "\n").count
    }

    @Test("A copy of a file keeps every mark: the blog is found by its entries")
    func copyKeepsMarks() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let path = try runner.write("strike.txt", CommandLineTests.blogText)
        _ = try runner.run(["mark", path, "--all"])
        let copy = try runner.write("copy.txt", CommandLineTests.blogText)
        #expect(try unreadCount(runner, [copy]) == 0)
        // Piped in with a changed title, it is still the same blog.
        let retitled = "Ferry strike: the latest" + CommandLineTests.blogText.drop { $0 != "\n" }
        #expect(try unreadCount(runner, ["-"], input: Data(retitled.utf8)) == 0)
        // A different blog shares nothing.
        let other = try runner.write(
            "other.txt", "Election night\n\n21:00\nPolls close\nCounting begins.\n\n21:30\nFirst result\nA hold.\n")
        #expect(try unreadCount(runner, [other]) == 2)
    }

    @Test("Two saved copies of a page with one canonical address share their marks")
    func canonicalAddress() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let first = try runner.write("saved.html", Self.page)
        let second = try runner.write(
            "saved-again.html",
            Self.page.replacingOccurrences(of: "Gusts at the pier.", with: "Gusts at the pier, 90 km/h."))
        #expect(try runner.run(["mark", first, "--all"]).status == 0)
        #expect(try unreadCount(runner, [second]) == 0)
        let export = try runner.run(["export", first])
        #expect(export.stdout.contains("Harbour storm live"))
    }

    @Test("follow --notify-command runs the command once per arrival with the entry in its environment")
    func notifyCommand() async throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let path = try runner.write(
            "blog.txt", "Harbour storm live\n\n10:00\nWarning issued\n\nA warning for the coast.\n")
        let log = runner.directory.appendingPathComponent("notified.txt").path
        let process = Process()
        process.executableURL = CommandRunner.binary
        process.arguments = [
            "follow", path, "--state", runner.statePath,
            "--notify-command", "printf '%s|%s\\n' \"$LIVEBLOG_HEADLINE\" \"$LIVEBLOG_BLOG\" >> \(log)",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        try await Task.sleep(for: .milliseconds(500))
        let grown =
            "Harbour storm live\n\n10:10\nFerries stop\n\nNo crossings today.\n\n10:05\nWind rises\n\nGusts at the pier.\n\n10:00\nWarning issued\n\nA warning for the coast.\n"
        try grown.write(toFile: path, atomically: true, encoding: .utf8)
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(30)  // a hang guard for a loaded machine, not a timing
        var lines: [String] = []
        while clock.now < deadline {
            lines = ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
            if lines.count >= 2 { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(Set(lines) == ["Ferries stop|Harbour storm live", "Wind rises|Harbour storm live"])
    }

    @Test("kill -9 while following and merging updates loses no mark made before")
    func killDuringMerge() async throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        var text = "Harbour storm live\n\n"
        for n in (1...40).reversed() {
            text += "10:\(String(format: "%02d", n))\nUpdate \(n) from the quay\n\nReport \(n).\n\n"
        }
        let path = try runner.write("blog.txt", text)
        #expect(try runner.run(["mark", path, "--all"]).status == 0)
        let process = Process()
        process.executableURL = CommandRunner.binary
        process.arguments = ["follow", path, "--state", runner.statePath]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Rewrite the file again and again, so that the kill lands while versions are read and merged.
        for round in 0..<20 {
            let grown = text.replacingOccurrences(
                of: "Harbour storm live\n\n",
                with: "Harbour storm live\n\n11:\(String(format: "%02d", round))\nLate update \(round)\n\nMore.\n\n")
            try grown.write(toFile: path, atomically: round % 2 == 0, encoding: .utf8)
            try await Task.sleep(for: .milliseconds(15))
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try unreadCount(runner, [path]) == 0)
    }
}
