import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The reader against hostile keys and signals: Ctrl-\ and pastes full of escape sequences and command letters.
@Suite(.enabled(if: tmuxAvailable, "tmux is not installed"), .timeLimit(.minutes(1)))
struct HostileReaderE2ETests {
    @Test("SIGQUIT from kill quits like SIGTERM: terminal restored, no crash report on the screen")
    func sigquit() async throws {
        let state = try TemporaryDirectory()
        let t = try ReaderE2ETests.reader(state, ["--mark-after", "never"])
        defer { t.shutdown() }
        try await t.waitFor(ReaderE2ETests.title)
        // Ctrl-\ is a key now (ISIG is off, see ReaderE2ETests.controlKeysAreKeys); the signal can still come.
        kill(try t.programPID(), SIGQUIT)
        let screen = try await t.waitFor("_TTY_OK__")
        #expect(screen.contains(TmuxSession.exitMarker(128 + SIGQUIT)))
        #expect(!screen.contains("crashed") && !screen.contains("Backtrace") && !screen.contains("Thread 0"))
        #expect(try t.format("#{alternate_on} #{cursor_flag}") == "0 1")
    }

    @Test("A paste into the search prompt is text: its ESC and letters never end the prompt or run commands")
    func pasteIntoPrompt() async throws {
        let state = try TemporaryDirectory()
        let t = try ReaderE2ETests.reader(state, ["--mark-after", "never"])
        defer { t.shutdown() }
        try await t.waitFor(ReaderE2ETests.title)
        try t.send("/")
        try await t.waitUntil("the prompt") { Screen($0).status.contains("/") }
        // ESC, then A (mark all read) and q (quit), as a hostile clipboard would hold them.
        try t.paste("ash\u{1B}Aq\nlava")
        let screen = try await t.waitUntil("the pasted query") { Screen($0).status.contains("/ashAq lava") }
        #expect(!screen.contains("_TTY_"))
        try t.send("Escape")
        try await t.waitUntil("the prompt to close") { !Screen($0).status.contains("/ash") }
        // Outside the prompt a paste is ignored altogether.
        try t.paste("Aq")
        try t.send("?")
        try await t.waitFor("Next entry in the list")
        try t.send("?")
        // Closed means the status line is the list's again (a help page scrolled by a stray key is still help).
        let back = try await t.waitUntil("help closed") {
            !Screen($0).status.hasPrefix("Help") && $0.contains(ReaderE2ETests.title)
        }
        #expect(Screen(back).status.contains("\(ReaderE2ETests.entryCount) unread"))
        #expect(!back.contains("_TTY_"))
        try t.send("q")
        try await t.waitFor(TmuxSession.exitMarker(0))
    }
}
