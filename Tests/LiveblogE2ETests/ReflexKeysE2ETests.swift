import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The reflexes of newsboat, mutt, tig and less users, tried on the real binary in tmux: counts, `q` from the
/// detail pane, a link opened through `$BROWSER`, the session kept across a restart.
@Suite(.enabled(if: tmuxAvailable, "tmux is not installed"), .timeLimit(.minutes(1)))
struct ReflexKeysE2ETests {
    static let entryCount = ReaderE2ETests.entryCount

    /// A saved page with three timed posts over two days, one with a link in its text.
    static let page = """
        <!doctype html><html><head><meta charset="utf-8"><title>Harbour strike latest</title></head><body><main>
        <h1>Harbour strike latest: ferries stop as talks fail</h1>
        <article id="post-3"><time datetime="2026-11-30T14:05:00Z">14:05</time><h2>Unions say pay offer an insult</h2>
        <p>The union said the offer was far below inflation, <a href="https://news.example/pay-offer">the full offer</a> shows.</p></article>
        <article id="post-2"><time datetime="2026-11-30T13:40:00Z">13:40</time><h2>Operator blames fuel costs</h2>
        <p>The operator said fuel costs had doubled since spring.</p></article>
        <article id="post-1"><time datetime="2026-11-29T22:10:00Z">22:10</time><h2>Crews walk out after a night of talks</h2>
        <p>Ferries between the islands stopped at dawn.</p></article>
        </main></body></html>
        """

    @Test("A count before j moves that many entries; 3G goes to the third")
    func counts() async throws {
        let state = try TemporaryDirectory()
        let t = try ReaderE2ETests.reader(state, ["--mark-after", "never"])
        defer { t.shutdown() }
        try await t.waitFor("1/\(Self.entryCount)")
        try t.type("5j")
        try await t.waitFor("6/\(Self.entryCount)")
        try t.type("3G")
        try await t.waitFor("3/\(Self.entryCount)")
        try t.type("12j")
        try await t.waitFor("15/\(Self.entryCount)")
    }

    @Test("q in the detail pane goes back to the list; q in the list quits")
    func qFromDetail() async throws {
        let state = try TemporaryDirectory()
        let t = try ReaderE2ETests.reader(state, ["--mark-after", "never"])
        defer { t.shutdown() }
        try await t.waitFor("1/\(Self.entryCount)")
        try t.send("Enter")
        try await t.waitFor("\(Self.entryCount - 1) unread")
        try t.send("q")
        // Back in the list: j moves the selection rather than scrolling the entry.
        try t.send("j")
        try await t.waitFor("2/\(Self.entryCount)")
        #expect(!(try t.screen()).contains("__EXIT_"))
        try t.send("q")
        try await t.waitFor(TmuxSession.exitMarker(0))
    }

    @Test("1 in the detail pane opens the entry's first link through $BROWSER, as one argument, without blocking")
    func linkThroughBrowser() async throws {
        let state = try TemporaryDirectory()
        let page = state.file("page.html")
        try Self.page.write(toFile: page, atomically: true, encoding: .utf8)
        let opened = state.file("opened.txt")
        let browser = state.file("browser.sh")
        // The stub records its arguments, one per line, then lingers: the reader must not wait for it.
        try "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"\(opened).tmp\"; mv \"\(opened).tmp\" \"\(opened)\"; sleep 30\n"
            .write(toFile: browser, atomically: true, encoding: .utf8)
        chmod(browser, 0o755)
        let t = try ReaderE2ETests.reader(
            state, [page, "--mark-after", "never", "--utc"], environment: ["BROWSER": browser])
        defer { t.shutdown() }
        let first = try await t.waitFor("[1] the full offer https://news.example/pay-offer")
        #expect(first.contains("Monday 30 November 2026, 14:05 UTC"))
        #expect(first.contains("13:40 Operator blames fuel costs"))
        try t.send("Tab", "1")
        try await t.waitFor("Opening https://news.example/pay-offer")
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(10)
        while !FileManager.default.fileExists(atPath: opened) && clock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(try String(contentsOfFile: opened, encoding: .utf8) == "https://news.example/pay-offer\n")
        // Still answering keys while the browser runs.
        try t.send("q", "j")
        try await t.waitFor("2/3")
    }

    @Test("The reader reopens a blog on the entry, order and search it was left on")
    func sessionRestored() async throws {
        let state = try TemporaryDirectory()
        do {
            let t = try ReaderE2ETests.reader(state, ["--mark-after", "never"])
            defer { t.shutdown() }
            try await t.waitFor("1/\(Self.entryCount)")
            try t.type("s")
            try await t.waitFor("oldest first")
            try t.type("/ash")
            try t.send("Enter")
            try await t.waitFor("/ash  entry")
            try t.send("g", "j")
            try await t.waitFor("/ash  entry 2 of")
            try t.send("q")
            try await t.waitFor(TmuxSession.exitMarker(0))
        }
        let t = try ReaderE2ETests.reader(state, ["--mark-after", "never"])
        defer { t.shutdown() }
        let screen = try await t.waitFor("/ash  entry 2 of")
        #expect(Screen(screen).status.contains("oldest first"))
        // The search is in the history too: ↑ in a new prompt brings it back.
        try t.send("Escape", "/", "Up")
        try await t.waitUntil("the last search recalled") { Screen($0).status.hasPrefix("/ash") }
    }

    @Test("A configuration file with a bad line stops the reader with one line naming the file and the line")
    func configError() async throws {
        let state = try TemporaryDirectory()
        let config = state.file("config/liveblog")
        try FileManager.default.createDirectory(atPath: config, withIntermediateDirectories: true)
        try "mouse off\nbind x mark-al\n".write(toFile: config + "/config", atomically: true, encoding: .utf8)
        let t = try ReaderE2ETests.reader(state, [], environment: ["XDG_CONFIG_HOME": state.file("config")])
        defer { t.shutdown() }
        let screen = try await t.waitFor(TmuxSession.exitMarker(2))
        #expect(screen.contains("liveblog: error: \(config)/config: line 2: unknown action 'mark-al'"))
        #expect(!screen.contains("Mount Corrigan"))
    }

    @Test("A key bound in the configuration file works, and mouse off leaves the mouse to the terminal")
    func configBinding() async throws {
        let state = try TemporaryDirectory()
        let config = state.file("config/liveblog")
        try FileManager.default.createDirectory(atPath: config, withIntermediateDirectories: true)
        try "bind x mark-all\nmouse off\n".write(toFile: config + "/config", atomically: true, encoding: .utf8)
        let t = try ReaderE2ETests.reader(
            state, ["--mark-after", "never"], environment: ["XDG_CONFIG_HOME": state.file("config")])
        defer { t.shutdown() }
        try await t.waitFor("\(Self.entryCount) unread")
        #expect(try t.format("#{mouse_any_flag}") == "0")
        try t.send("x")
        try await t.waitFor("0 unread")
    }

    @Test("y puts the entry's link on the clipboard with OSC 52, which tmux takes as its paste buffer")
    func copyWithOSC52() async throws {
        let state = try TemporaryDirectory()
        let page = state.file("page.html")
        try Self.page.write(toFile: page, atomically: true, encoding: .utf8)
        let t = try ReaderE2ETests.reader(state, [page, "--mark-after", "never"])
        defer { t.shutdown() }
        try t.allowClipboard()
        try await t.waitFor("1/3")
        try t.send("y")
        try await t.waitFor("Copied the link")
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(5)
        while try t.pasteBuffer() != "https://news.example/pay-offer" && clock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(try t.pasteBuffer() == "https://news.example/pay-offer")
    }
}

extension ReflexKeysE2ETests {
    @Test("S saves the entry's text to a new file, with its links; an existing file is never overwritten")
    func saveEntry() async throws {
        let state = try TemporaryDirectory()
        let pagePath = state.file("strike.html")
        try Self.page.write(toFile: pagePath, atomically: true, encoding: .utf8)
        let t = try ReaderE2ETests.reader(state, [pagePath, "--mark-after", "never"])
        defer { t.shutdown() }
        try await t.waitFor("Unions say pay offer an insult")
        let target = state.file("saved.txt")
        try t.send("S")
        try await t.waitUntil("the save prompt") { Screen($0).status.hasPrefix(":save") }
        try t.type(target)
        try t.send("Enter")
        try await t.waitFor("Saved the entry to")
        let saved = try String(contentsOfFile: target, encoding: .utf8)
        #expect(saved.contains("Unions say pay offer an insult"))
        #expect(saved.contains("far below inflation"))
        #expect(saved.contains("[1] https://news.example/pay-offer"))
        try t.send("j", ":")
        try t.type("save \(target)")
        try t.send("Enter")
        try await t.waitFor("it exists and is not overwritten")
        #expect(try String(contentsOfFile: target, encoding: .utf8) == saved)
    }
}
