import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The reader against its sources: standard input however it is given (issue 21), a hostile link copied with
/// `y`, and a followed server that redirects to a port no socket can have (issue 19, rows 1 and 5).
@Suite(.enabled(if: tmuxAvailable, "tmux is not installed"), .timeLimit(.minutes(1)))
struct SourceSurfaceE2ETests {
    static let blog = """
        Harbour strike latest: ferries stop as talks fail
        Crews walk out after a night of talks
        14:05
        Unions say pay offer an insult
        The union said the offer was far below inflation.
        13:40
        Operator blames fuel costs
        The operator said fuel costs had doubled since spring.

        """

    @Test(
        "cat blog | liveblog, cat blog | liveblog -, liveblog < blog and liveblog - < blog show the same blog",
        arguments: [([], true), (["-"], true), ([], false), (["-"], false)] as [([String], Bool)])
    func standardInputForms(arguments: [String], piped: Bool) async throws {
        let state = try TemporaryDirectory()
        let path = state.file("blog.txt")
        try Self.blog.write(toFile: path, atomically: true, encoding: .utf8)
        let t = try ReaderE2ETests.reader(
            state, arguments + ["--mark-after", "never"], stdinFile: path, pipeStdin: piped)
        defer { t.shutdown() }
        let screen = try await t.waitFor("Unions say pay offer")
        #expect(!screen.contains("Mount Corrigan"))
        #expect(!screen.contains("bundled sample"))
        #expect(Screen(screen).status.contains("2 unread"))
        try t.send("q")
        try await t.waitFor(TmuxSession.exitMarker(0))
    }

    @Test("y on a link whose address holds ESC and newlines puts only URL characters on the clipboard")
    func hostileLinkCopy() async throws {
        let state = try TemporaryDirectory()
        let page = state.file("page.html")
        try """
        <!doctype html><html><head><meta charset="utf-8"><title>Hostile live</title></head><body><main>
        <h1>Hostile live</h1>
        <article id="post-2"><time datetime="2026-11-30T14:05:00Z">14:05</time><h2>Pasted command</h2>
        <p>See <a href="https://e.example/p4&#27;[201~&#10;touch /tmp/x&#10;">this link</a> now.</p></article>
        <article id="post-1"><time datetime="2026-11-30T13:40:00Z">13:40</time><h2>Quiet post</h2>
        <p>Nothing here.</p></article>
        </main></body></html>
        """.write(toFile: page, atomically: true, encoding: .utf8)
        let t = try ReaderE2ETests.reader(state, [page, "--mark-after", "never"])
        defer { t.shutdown() }
        try t.allowClipboard()
        try await t.waitFor("Pasted command")
        try t.send("y")
        try await t.waitFor("Copied")
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(5)
        while try t.pasteBuffer().isEmpty && clock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        let copied = try t.pasteBuffer()
        #expect(!copied.isEmpty)
        #expect(
            !copied.contains("\u{1B}") && !copied.contains("\n") && !copied.contains(" "), "\(copied.debugDescription)")
    }

    @Test(
        "A followed page that starts redirecting to port 70000 is an update failure on the status line; the reader lives"
    )
    func redirectToBadPortWhileFollowing() async throws {
        let state = try TemporaryDirectory()
        let server = try ScriptedServer { request in
            if request.number == 0 { return .page(FollowE2ETests.page(newest: 3)) }
            return .init(status: 302, headers: [("Location", "http://127.0.0.1:70000/blog")])
        }
        defer { server.stop() }
        let t = try ReaderE2ETests.reader(state, [server.url(), "--every", "1s", "--mark-after", "never"])
        defer { t.shutdown() }
        try await t.waitFor("Harbour update number 3")
        let failed = try await t.waitFor("Update failed", timeout: .seconds(15))
        #expect(!failed.contains("__EXIT_"))
        try t.send("j")
        try await t.waitFor("2/3")
        try t.send("q")
        try await t.waitFor(TmuxSession.exitMarker(0))
    }
}
