import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The real `liveblog` binary in tmux: keys in, screen text (and SGR) out, always by polling.
///
/// Every test uses its own `--state` file in a fresh temporary directory, so no test touches the user's
/// marks, and `--mark-after never` unless it is about the timer, so unread counts only change on purpose.
@Suite(.enabled(if: tmuxAvailable, "tmux is not installed"), .timeLimit(.minutes(1)))
struct ReaderE2ETests {
    /// The bundled sample: 28 entries, these among them.
    static let title = "Mount Corrigan eruption latest"
    static let entryCount = 28
    static let secondHeadline = "Ash begins to fall on Castlemere"
    static let lastHeadline = "Welcome to our live coverage"

    @Test("The reader opens on the bundled sample with title, list, detail and status")
    func startsWithTitleAndStatus() async throws {
        let state = try TemporaryDirectory()
        let t = try Self.reader(state, ["--mark-after", "never"])
        defer { t.shutdown() }
        let screen = try await t.waitFor(Self.title)
        let status = Screen(screen).status
        #expect(status.contains("1/\(Self.entryCount)"))
        #expect(status.contains("\(Self.entryCount) unread"))
        #expect(try t.format("#{alternate_on}") == "1")
    }

    @Test("j, k, G and g move the selection and the detail pane follows")
    func navigation() async throws {
        let state = try TemporaryDirectory()
        let t = try Self.reader(state, ["--mark-after", "never"])
        defer { t.shutdown() }
        try await t.waitFor(Self.title)

        try t.send("j")
        try await t.waitUntil("entry 2 selected and shown") { text in
            let s = Screen(text)
            return s.status.contains("2/\(Self.entryCount)") && s.detail.contains(Self.secondHeadline)
        }
        let second = try t.screen(escapes: true)
        #expect(Screen(second).selectedListRow.contains(Self.secondHeadline))

        try t.send("G")
        try await t.waitUntil("last entry selected and shown") { text in
            let s = Screen(text)
            return s.status.contains("\(Self.entryCount)/\(Self.entryCount)") && s.detail.contains(Self.lastHeadline)
        }
        try t.send("k")
        try await t.waitFor("\(Self.entryCount - 1)/\(Self.entryCount)")
        try t.send("g")
        try await t.waitUntil("first entry selected again") { text in
            let s = Screen(text)
            return s.status.contains("1/\(Self.entryCount)") && !s.detail.contains(Self.lastHeadline)
        }
        try t.send("Down")
        try await t.waitFor("2/\(Self.entryCount)")
    }

    @Test("Enter opens the entry and marks it read at once")
    func enterMarksRead() async throws {
        let state = try TemporaryDirectory()
        let t = try Self.reader(state, ["--mark-after", "never"])
        defer { t.shutdown() }
        try await t.waitFor("\(Self.entryCount) unread")
        try t.send("j", "Enter")
        try await t.waitUntil("one entry fewer unread") { text in
            let s = Screen(text)
            return s.status.contains("\(Self.entryCount - 1) unread") && s.detail.contains(Self.secondHeadline)
        }
    }

    @Test("The mark timer marks the shown entry read after --mark-after seconds")
    func markTimer() async throws {
        let state = try TemporaryDirectory()
        let t = try Self.reader(state, ["--mark-after", "0.3"])
        defer { t.shutdown() }
        try await t.waitFor(Self.title)
        try await t.waitFor("\(Self.entryCount - 1) unread")
    }

    @Test("Typing a search filters the list live, counts and highlights matches; Esc clears it")
    func searchFiltersAndHighlights() async throws {
        let state = try TemporaryDirectory()
        let t = try Self.reader(state, ["--mark-after", "never"])
        defer { t.shutdown() }
        try await t.waitFor(Self.title)
        try t.send("/")
        try t.type("lava")
        let screen = try await t.waitUntil("the list filtered for \"lava\", with a count") { text in
            let status = Screen(text).status
            return status.contains("lava")
                && status.range(of: #"\d+ of \#(Self.entryCount)"#, options: .regularExpression) != nil
        }
        let count = Screen(screen).status.firstMatch(of: #/(\d+) of /#).map { Int($0.1)! } ?? 0
        #expect(count > 0 && count < Self.entryCount)
        #expect(!Screen(screen).list.contains(Self.lastHeadline), "a non-matching entry is filtered out")
        #expect(Screen(screen).list.contains("Lava reaches coastal road"))
        let styled = try t.screen(escapes: true)
        #expect(Screen.highlighted("lava", in: styled), "matches are drawn on a yellow background")

        try t.send("Escape")
        try await t.waitUntil("the search gone") { text in
            let s = Screen(text)
            return !s.status.contains(" of \(Self.entryCount)") && s.list.contains(Self.lastHeadline)
                && s.status.contains("/\(Self.entryCount)")
        }
        #expect(!Screen.highlighted("lava", in: try t.screen(escapes: true)))
    }

    @Test("u shows unread entries only, and again all")
    func unreadOnly() async throws {
        let state = try TemporaryDirectory()
        let t = try Self.reader(state, ["--mark-after", "never"])
        defer { t.shutdown() }
        try await t.waitFor(Self.title)
        try t.send("j", "m")
        try await t.waitFor("\(Self.entryCount - 1) unread")
        try t.send("k", "u")
        try await t.waitUntil("the read entry hidden") { !Screen($0).list.contains(Self.secondHeadline) }
        try t.send("u")
        try await t.waitUntil("the read entry back") { Screen($0).list.contains(Self.secondHeadline) }
    }

    @Test("? shows the help generated from the key table, and closes again")
    func help() async throws {
        let state = try TemporaryDirectory()
        let t = try Self.reader(state, ["--mark-after", "never"])
        defer { t.shutdown() }
        try await t.waitFor(Self.title)
        try t.send("?")
        try await t.waitFor("Next entry in the list")
        // The table is longer than the screen: G scrolls the help to its end.
        try t.send("G")
        let screen = try await t.waitFor("Mark the entry read or unread")
        #expect(screen.contains("Close the help"))
        try t.send("?")
        try await t.waitUntil("help closed") { !$0.contains("Next entry in the list") && $0.contains(Self.title) }
    }

    @Test("Resizing switches to the stacked layout, to the too-small note, and back")
    func resize() async throws {
        let state = try TemporaryDirectory()
        let t = try Self.reader(state, ["--mark-after", "never"])
        defer { t.shutdown() }
        try await t.waitFor(Self.title)
        #expect(Screen(try t.screen()).hasVerticalDivider)

        try t.resize(width: 80, height: 24)
        try await t.waitUntil("the stacked layout at 80x24") { text in
            let s = Screen(text)
            return s.lines.count == 24 && s.hasHorizontalDivider && !s.hasVerticalDivider
                && s.status.contains("/\(Self.entryCount)")
        }
        try t.resize(width: 20, height: 5)
        try await t.waitUntil("the too-small note") { $0.lowercased().contains("small") }
        try t.resize(width: 120, height: 40)
        try await t.waitUntil("the side-by-side layout back") { text in
            let s = Screen(text)
            return s.hasVerticalDivider && text.contains(Self.title) && s.status.contains("/\(Self.entryCount)")
        }
    }

    @Test("q quits with status 0, the terminal restored and the alternate screen off")
    func quit() async throws {
        let state = try TemporaryDirectory()
        let t = try Self.reader(state, [])
        defer { t.shutdown() }
        try await t.waitFor(Self.title)
        try t.send("q")
        try await t.waitFor(TmuxSession.exitMarker(0))
        #expect(try t.format("#{alternate_on} #{cursor_flag} #{keypad_cursor_flag} #{mouse_any_flag}") == "0 1 0 0")
    }

    @Test("Ctrl-C quits cleanly too")
    func controlC() async throws {
        let state = try TemporaryDirectory()
        let t = try Self.reader(state, [])
        defer { t.shutdown() }
        try await t.waitFor(Self.title)
        try t.send("C-c")
        try await t.waitFor(TmuxSession.exitMarker(0))
        #expect(try t.format("#{alternate_on} #{cursor_flag}") == "0 1")
    }

    @Test("Control keys arrive as keys, not signals: ISIG is off and Ctrl-\\ quits through the key table with status 0")
    func controlKeysAreKeys() async throws {
        let state = try TemporaryDirectory()
        let t = try Self.reader(state, ["--mark-after", "never"])
        defer { t.shutdown() }
        try await t.waitFor(Self.title)
        // With ISIG on (cbreak), the kernel would turn Ctrl-C, Ctrl-Z and Ctrl-\ into signals instead.
        #expect(try t.terminalModes().contains("-isig"))
        // As SIGQUIT, Ctrl-\ would end the reader with 128 + SIGQUIT; as a key it is the quit action.
        try t.send("C-\\")
        let screen = try await t.waitFor("_TTY_OK__")
        #expect(screen.contains(TmuxSession.exitMarker(0)))
    }

    @Test("SIGTERM restores the terminal before the program dies of it")
    func sigterm() async throws {
        let state = try TemporaryDirectory()
        let t = try Self.reader(state, [])
        defer { t.shutdown() }
        try await t.waitFor(Self.title)
        kill(try t.programPID(), SIGTERM)
        try await t.waitFor(TmuxSession.exitMarker(128 + SIGTERM))
        #expect(try t.format("#{alternate_on} #{cursor_flag}") == "0 1")
    }

    @Test("Ctrl-Z suspends to the shell with the terminal restored, and fg brings the reader back")
    func suspendAndResume() async throws {
        let state = try TemporaryDirectory()
        let t = try Self.reader(state, ["--mark-after", "never"], jobControl: true)
        defer { t.shutdown() }
        try await t.waitFor("1/\(Self.entryCount)")
        try t.send("j")
        try await t.waitFor("2/\(Self.entryCount)")
        try t.send("C-z")
        try await t.waitFor("__STOPPED__")
        #expect(try t.format("#{alternate_on} #{cursor_flag}") == "0 1")
        try t.send("Enter")
        try await t.waitUntil("the reader back where it was") {
            $0.contains(Self.title) && $0.contains("2/\(Self.entryCount)")
        }
        #expect(try t.format("#{alternate_on}") == "1")
        try t.send("j")
        try await t.waitFor("3/\(Self.entryCount)")
        try t.send("q")
        try await t.waitFor(TmuxSession.exitMarker(0))
    }

    @Test("A click selects the row under the pointer; the wheel scrolls the pane under it")
    func mouse() async throws {
        let state = try TemporaryDirectory()
        // 16 rows: the 28 entries do not fit, so the list can scroll.
        let t = try Self.reader(state, ["--mark-after", "never"], width: 100, height: 16)
        defer { t.shutdown() }
        let first = try await t.waitFor("1/\(Self.entryCount)")
        // What a terminal sends in normal mouse tracking: ESC [ M, then 32 + button, 33 + column, 33 + row.
        try t.sendBytes([0x1B, 0x5B, 0x4D, 32 + 0, 33 + 10, 33 + 5])  // button 1 pressed on screen row 5
        try t.sendBytes([0x1B, 0x5B, 0x4D, 32 + 3, 33 + 10, 33 + 5])  // released
        try await t.waitFor("5/\(Self.entryCount)")

        let topRow = try #require(Screen(first).listRows.first)
        for _ in 0..<3 { try t.sendBytes([0x1B, 0x5B, 0x4D, 32 + 65, 33 + 10, 33 + 3]) }  // wheel down over the list
        try await t.waitUntil("the list scrolled") { Screen($0).listRows.first != topRow }
    }

    @Test("Marks survive a restart with the same --state")
    func marksSurviveRestart() async throws {
        let state = try TemporaryDirectory()
        do {
            let t = try Self.reader(state, ["--mark-after", "never"])
            defer { t.shutdown() }
            try await t.waitFor("\(Self.entryCount) unread")
            try t.send("j", "m")
            try await t.waitFor("\(Self.entryCount - 1) unread")
            try t.send("q")
            try await t.waitFor(TmuxSession.exitMarker(0))
        }
        let t = try Self.reader(state, ["--mark-after", "never"])
        defer { t.shutdown() }
        let screen = try await t.waitFor("\(Self.entryCount - 1) unread")
        let rows = Screen(screen).listRows
        let second = try #require(rows.first { $0.contains(Self.secondHeadline) })
        let third = try #require(rows.first { $0.contains("Observatory") })
        #expect(second.prefix(2) != third.prefix(2), "the read entry's marker differs from an unread one")
    }

    @Test("A blog's escape sequences and control bytes never reach the terminal")
    func controlBytesAreNeutralised() async throws {
        let state = try TemporaryDirectory()
        let blog = state.file("evil.txt")
        let text = """
            Evil \u{1B}]2;pwned\u{07}blog \u{1B}[31mtitle
            A standfirst with a bell \u{07} and a CSI \u{9B}31m in it
            12:00
            Headline \u{1B}[31mred\u{1B}[0m and \u{1B}]0;pwned-too\u{1B}\\ here
            A paragraph with \u{1B}[2J clear and \u{1B}[5;5H moves and \u{08}\u{08} backspaces.
            11:00
            Second headline
            Plain paragraph.

            """
        try text.write(toFile: blog, atomically: true, encoding: .utf8)
        let t = try Self.reader(state, [blog, "--mark-after", "never"])
        defer { t.shutdown() }
        let titleBefore = try t.format("#{pane_title}")
        try await t.waitFor("Second headline")
        try t.send("j")
        try await t.waitFor("Plain paragraph")
        try t.send("k")
        let screen = try await t.waitFor("clear and")
        let styled = try t.screen(escapes: true)
        #expect(try t.format("#{pane_title}") == titleBefore)
        #expect(!styled.contains("\u{1B}[31m"), "no red from the blog")
        #expect(try t.format("#{window_bell_flag}") == "0")
        #expect(Screen(screen).lines.count == 40)
        #expect(Screen(screen).lines[0].contains("Evil"), "nothing moved the title line")
    }

    @Test("A blog read from standard input takes its keys from the terminal")
    func standardInputSource() async throws {
        let state = try TemporaryDirectory()
        let t = try Self.reader(
            state, ["-", "--mark-after", "never"],
            stdinFile: try Self.sampleFile(in: state))
        defer { t.shutdown() }
        try await t.waitFor(Self.title)
        try t.send("j")
        try await t.waitFor("2/\(Self.entryCount)")
        try t.send("q")
        try await t.waitFor(TmuxSession.exitMarker(0))
    }

    @Test(
        "NO_COLOR and plain terminals get bold and reverse only", arguments: ["NO_COLOR", "vt100", "linux", "screen"])
    func monochrome(_ variant: String) async throws {
        let state = try TemporaryDirectory()
        let environment = variant == "NO_COLOR" ? ["NO_COLOR": "1"] : ["TERM": variant]
        let t = try Self.reader(
            state, ["--mark-after", "never"],
            environment: environment)
        defer { t.shutdown() }
        try await t.waitFor(Self.title)
        try t.send("/")
        try t.type("lava")
        try await t.waitUntil("the search for \"lava\"") {
            $0.contains("lava") && $0.contains(" of \(Self.entryCount)")
        }
        let styled = try t.screen(escapes: true)
        if variant == "NO_COLOR" || variant == "vt100" {
            #expect(styled.range(of: #"\e\[(3|4)[0-7]m"#, options: .regularExpression) == nil, "no colours")
        }
        #expect(styled.contains("\u{1B}[7m"), "reverse video is used")
        try t.send("Escape", "q")
        try await t.waitFor(TmuxSession.exitMarker(0))
    }

    @Test(
        "A terminal the reader cannot drive is refused with a message, the terminal untouched",
        arguments: ["dumb", "no-such-terminal"])
    func unusableTerminal(_ term: String) async throws {
        let state = try TemporaryDirectory()
        let t = try Self.reader(state, [], environment: ["TERM": term])
        defer { t.shutdown() }
        let screen = try await t.waitUntil("the program to end") { $0.contains("__EXIT_") }
        #expect(screen.contains("TERM"), "the message names the variable to fix")
        #expect(!screen.contains(TmuxSession.exitMarker(0)))
        #expect(screen.contains("_TTY_OK__"))
        #expect(try t.format("#{alternate_on}") == "0")
    }

    /// Starts `liveblog ARGS --state DIR/state.sqlite` with `HOME` in the temporary directory too, so neither
    /// the user's marks nor their rules file can change what the test sees.
    static func reader(
        _ directory: TemporaryDirectory, _ arguments: [String], width: Int = 120, height: Int = 40,
        environment: [String: String] = [:], stdinFile: String? = nil, pipeStdin: Bool = false,
        jobControl: Bool = false
    ) throws -> TmuxSession {
        var environment = environment
        environment["HOME"] = directory.path
        return try TmuxSession(
            arguments + ["--state", directory.file("state.sqlite")], width: width, height: height,
            environment: environment, stdinFile: stdinFile, pipeStdin: pipeStdin, jobControl: jobControl)
    }

    /// Writes the bundled sample to a file, through the binary itself (`liveblog export`-free: `cat` of the resource).
    static func sampleFile(in directory: TemporaryDirectory) throws -> String {
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Resources/sample-liveblog.txt").standardized.path
        let copy = directory.file("sample.txt")
        try FileManager.default.copyItem(atPath: source, toPath: copy)
        return copy
    }
}

/// A captured screen, split into the reader's parts by its layout (list left of a `│` divider when wide,
/// above a `─` divider when stacked; the status on the last row).
struct Screen {
    /// Whether `word` (either case of its first letter) appears in a capture with escapes right after SGR
    /// sequences that set a yellow background (43), the match style with colours.
    static func highlighted(_ word: String, in capture: String) -> Bool {
        let first = word.prefix(1)
        let pattern =
            #"(\e\[[0-9;]*m)*\e\[([0-9;]*;)?43(;[0-9;]*)?m(\e\[[0-9;]*m)*"#
            + "[\(first.lowercased())\(first.uppercased())]\(word.dropFirst())"
        return capture.range(of: pattern, options: .regularExpression) != nil
    }

    let lines: [String]

    init(_ text: String) {
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        self.lines = lines
    }

    /// The last row.
    var status: String { lines.last ?? "" }

    var bodyLines: ArraySlice<String> { lines.count > 2 ? lines[1..<(lines.count - 1)] : [] }

    var hasVerticalDivider: Bool { bodyLines.filter { $0.contains("│") }.count >= max(1, bodyLines.count - 1) }

    var hasHorizontalDivider: Bool { bodyLines.contains { $0.hasPrefix("──") || $0.hasPrefix("─") && $0.count > 10 } }

    /// The list pane's rows (left of the divider, or above it).
    var listRows: [String] {
        if hasVerticalDivider {
            return bodyLines.map { line in
                line.firstIndex(of: "│").map { String(line[..<$0]) } ?? line
            }
        }
        var rows: [String] = []
        for line in bodyLines {
            if line.hasPrefix("─") { break }
            rows.append(line)
        }
        return rows
    }

    var list: String { listRows.joined(separator: "\n") }

    /// The detail pane's text (right of the divider, or below it).
    var detail: String {
        if hasVerticalDivider {
            return bodyLines.map { line in
                line.firstIndex(of: "│").map { String(line[line.index(after: $0)...]) } ?? ""
            }.joined(separator: "\n")
        }
        guard let divider = bodyLines.firstIndex(where: { $0.hasPrefix("─") }) else { return "" }
        return bodyLines[(divider + 1)...].joined(separator: "\n")
    }

    /// In a capture with escapes: the list row drawn in reverse video, with the escapes taken out.
    var selectedListRow: String {
        let row =
            bodyLines.first { line in
                let left = line.components(separatedBy: "│").first ?? line
                return left.contains("\u{1B}[7m") || left.contains(";7m")
            } ?? ""
        return row.replacingOccurrences(of: #"\e\[[0-9;]*m"#, with: "", options: .regularExpression)
    }
}
