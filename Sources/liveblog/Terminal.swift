import CNcursesw
import Foundation
import LiveBlogCore
import LiveBlogTUI

#if canImport(Glibc)
import Glibc
#endif

/// Why the reader cannot take over the terminal; the description is one line for standard error.
struct TerminalError: Error, CustomStringConvertible {
    let description: String
}

/// The ncurses screen, and the only code that talks to curses: it starts and restores the terminal,
/// decodes key presses into `Key`s and paints `Frame`s. It knows nothing of blogs.
///
/// One instance at a time. `stop()` is safe to call more than once, and the crash-signal handlers end curses
/// too, so the shell never inherits an alternate screen, a hidden cursor or raw modes.
final class Terminal {
    /// Rows and columns of the screen as ncurses sees them now.
    var size: (rows: Int, columns: Int) {
        guard let window else { return (0, 0) }
        return (Int(getmaxy(window)), Int(getmaxx(window)))
    }

    /// Whether the palette is in use (false with `--no-color`, `NO_COLOR`, or a terminal without colours).
    private(set) var usesColor = false

    private var screen: OpaquePointer?
    private var window: UnsafeMutablePointer<WINDOW>?
    private var inputFile: UnsafeMutablePointer<FILE>?
    private var outputFile: UnsafeMutablePointer<FILE>?
    private var cursorVisible = false
    /// ncurses attributes (colour pair included) for each role, for plain cells; index = `Role.rawValue`.
    private var roleAttributes: [attr_t] = []
    private var rolePairs: [Int16] = []

    /// Takes over the terminal: locale, checks, signal set-up, then curses in full-screen mode.
    ///
    /// Throws, with the terminal untouched, when standard output is not a terminal, `TERM` is missing or
    /// unknown, or there is no terminal to read keys from. Reads keys from standard input when it is a
    /// terminal and from `/dev/tty` otherwise (the blog itself may arrive on standard input).
    /// `colors` gives each role's colours (the configuration's, else `ReaderConfig.defaultColors`); without
    /// `mouse` the terminal keeps the mouse, so text can be selected as usual.
    init(noColor: Bool, colors: [CellStyle.Role: ReaderConfig.Colors] = ReaderConfig.defaultColors, mouse: Bool = true)
        throws
    {
        Terminal.prepareLocale()
        guard isatty(STDOUT_FILENO) != 0 else {
            throw TerminalError(description: "standard output is not a terminal")
        }
        guard let term = Terminal.environment("TERM"), !term.isEmpty else {
            throw TerminalError(description: "TERM is not set; cannot drive the terminal")
        }
        let input: UnsafeMutablePointer<FILE>?
        if isatty(STDIN_FILENO) != 0 {
            input = fdopen(dup(STDIN_FILENO), "r")
        } else {
            input = fopen("/dev/tty", "r")
        }
        guard let input else {
            throw TerminalError(description: "no terminal to read keys from (/dev/tty cannot be opened)")
        }
        guard let output = fdopen(dup(STDOUT_FILENO), "w") else {
            fclose(input)
            throw TerminalError(description: "cannot open the terminal for output")
        }
        inputFile = input
        outputFile = output

        // Processes started from test runners can inherit a mask that blocks SIGWINCH, SIGINT and friends.
        var empty = sigset_t()
        sigemptyset(&empty)
        sigprocmask(SIG_SETMASK, &empty, nil)
        // Our handlers go in before newterm, so ncurses keeps its hands off SIGINT and SIGTERM.
        TerminalSignals.install()

        guard let screen = newterm(term, output, input) else {
            TerminalSignals.uninstall()
            fclose(input)
            fclose(output)
            throw TerminalError(description: "unknown terminal type \"\(term)\" (TERM); try TERM=xterm-256color")
        }
        self.screen = screen
        set_term(screen)
        // A terminal that cannot place the cursor ("dumb", say) would show a stream of garbage.
        if !Terminal.hasCapability("cup") || !Terminal.hasCapability("clear") && !Terminal.hasCapability("ed") {
            endwin()
            delscreen(screen)
            self.screen = nil
            TerminalSignals.uninstall()
            fclose(input)
            fclose(output)
            throw TerminalError(
                description:
                    "the terminal \"\(term)\" (TERM) cannot move the cursor; the reader needs a full-screen terminal")
        }
        let window = cn_stdscr()
        self.window = window
        TerminalSignals.cursesRunning = 1

        // raw, not cbreak: with ISIG off, Ctrl-C, Ctrl-Z and Ctrl-\ reach the reader as keys (the action table
        // binds them), so there is one path for each; signals from elsewhere (kill) still go to the handlers.
        raw()
        noecho()
        keypad(window, true)
        curs_set(0)
        set_escdelay(25)
        leaveok(window, false)
        mouseinterval(0)
        if mouse { mousemask(CN_BUTTON1_PRESSED | CN_BUTTON4_PRESSED | CN_BUTTON5_PRESSED, nil) }
        setUpColors(enabled: !noColor && !Terminal.noColorRequested, colors: colors)
        // Bracketed paste: the terminal wraps pasted text in ESC [200~ … ESC [201~, which arrive as two key
        // codes of our own, so a paste is read as text and never as keys (an ESC in it would end the prompt).
        define_key("\u{1B}[200~", Terminal.pasteStartCode)
        define_key("\u{1B}[201~", Terminal.pasteEndCode)
        Terminal.setBracketedPaste(true)
    }

    /// Key codes given to the bracketed-paste markers, above every code ncurses uses.
    static let pasteStartCode: Int32 = 0x1F00
    static let pasteEndCode: Int32 = 0x1F01
    /// The most characters of one paste that are kept; the rest is read and dropped.
    static let pasteLimit = 4096

    /// Turns bracketed paste on or off (written straight to the terminal; curses does not know of it).
    static func setBracketedPaste(_ on: Bool) {
        let sequence = on ? "\u{1B}[?2004h" : "\u{1B}[?2004l"
        _ = sequence.withCString { write(STDOUT_FILENO, $0, strlen($0)) }
    }

    deinit { stop() }

    // MARK: - Input

    /// Waits for one key press, at most `timeoutMs` milliseconds (negative: until one comes).
    ///
    /// Returns nil when the time ran out, a signal interrupted the wait, or the input means nothing to the
    /// reader (a mouse event it does not use, an unknown function key).
    func read(timeoutMs: Int) -> Key? {
        guard let window else { return nil }
        wtimeout(window, timeoutMs < 0 ? -1 : Int32(clamping: timeoutMs))
        var code: wint_t = 0
        switch wget_wch(window, &code) {
        case OK: return Terminal.decodeCharacter(code)
        case KEY_CODE_YES:
            if Int32(bitPattern: code) == Terminal.pasteStartCode { return readPaste(window) }
            return decodeFunctionKey(Int32(bitPattern: code))
        default: return nil
        }
    }

    /// Waits for a key as `read(timeoutMs:)` does, and also ends the wait when `wake` becomes readable (the
    /// poller has news): nil then, with nothing consumed from `wake`.
    func read(timeoutMs: Int, wake: Int32) -> Key? {
        // Keys curses has already taken from the terminal are not seen by poll: they go first.
        if let key = read(timeoutMs: 0) { return key }
        guard let inputFile else { return nil }
        var descriptors = [
            pollfd(fd: fileno(inputFile), events: Int16(POLLIN), revents: 0),
            pollfd(fd: wake, events: Int16(POLLIN), revents: 0),
        ]
        guard poll(&descriptors, 2, Int32(clamping: timeoutMs)) > 0, descriptors[0].revents != 0 else { return nil }
        // An escape sequence may arrive in pieces: give it curses' usual moment.
        return read(timeoutMs: 50)
    }

    /// Reads a bracketed paste up to its end marker (or a pause of a second, should the marker never come) and
    /// returns it as one `.paste`; keys inside it are text, whatever they are.
    private func readPaste(_ window: UnsafeMutablePointer<WINDOW>) -> Key {
        wtimeout(window, 1000)
        var text = String.UnicodeScalarView()
        var count = 0
        while true {
            var code: wint_t = 0
            let result = wget_wch(window, &code)
            if result == KEY_CODE_YES && Int32(bitPattern: code) == Terminal.pasteEndCode { break }
            if result == OK {
                if count < Terminal.pasteLimit, let scalar = Unicode.Scalar(UInt32(code)) { text.append(scalar) }
                count += 1
            } else if result != KEY_CODE_YES {
                break  // the time ran out, or a signal: end the paste here
            }
        }
        return .paste(String(text))
    }

    /// A code point from `get_wch`: Enter arrives as 10 (13 after `nonl`), Backspace as 127 or 8.
    static func decodeCharacter(_ code: wint_t) -> Key? {
        switch code {
        case 10, 13: return .enter
        case 9: return .tab
        case 8, 127: return .backspace
        case 27: return .escape
        case 1...26: return .control(Character(Unicode.Scalar(UInt8(code) + 96)))
        case 28: return .control("\\")  // Ctrl-\, a key since ISIG is off (see `raw()`)
        case 0..<32, 0x80..<0xA0: return nil
        default:
            guard let scalar = Unicode.Scalar(UInt32(code)) else { return nil }
            return .character(Character(scalar))
        }
    }

    private func decodeFunctionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_NPAGE: return .pageDown
        case KEY_PPAGE: return .pageUp
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        case KEY_RESIZE: return .resize
        case KEY_MOUSE: return mouseKey()
        case (KEY_F0 + 1)...(KEY_F0 + 12): return .function(Int(code - KEY_F0))
        default: return nil
        }
    }

    private func mouseKey() -> Key? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        let row = Int(event.y)
        let column = Int(event.x)
        if event.bstate & (CN_BUTTON1_PRESSED | CN_BUTTON1_CLICKED) != 0 { return .click(row: row, column: column) }
        if event.bstate & CN_BUTTON4_PRESSED != 0 { return .wheel(row: row, column: column, down: false) }
        if event.bstate & CN_BUTTON5_PRESSED != 0 { return .wheel(row: row, column: column, down: true) }
        return nil
    }

    // MARK: - Output

    /// Draws a frame: runs of same-style cells in one call each, continuation cells skipped, then the cursor.
    ///
    /// Only the part that fits the screen is drawn (the screen may have changed size since the frame was
    /// rendered). Control characters never reach the terminal: each becomes U+FFFD.
    func paint(_ frame: Frame) {
        guard let window, !roleAttributes.isEmpty else { return }
        let (rows, columns) = size
        let height = min(rows, frame.height)
        let width = min(columns, frame.width)
        let cells = frame.cells
        var run = ""
        for row in 0..<height {
            let base = row * frame.width
            var column = 0
            while column < width {
                let first = cells[base + column]
                if first.isContinuation {
                    // The right half of a wide glyph drawn just before (an orphan one is left alone).
                    column += 1
                    continue
                }
                let style = first.style
                let start = column
                run.removeAll(keepingCapacity: true)
                // ASCII cells of one style go in a single run; any other glyph is placed at its own column,
                // so that a width disagreement can never shift the rest of the row.
                if !Terminal.isPlainASCII(first.text) {
                    Terminal.appendSanitized(first.text, to: &run)
                    column += 1
                    while column < width, cells[base + column].isContinuation { column += 1 }
                } else {
                    while column < width {
                        let cell = cells[base + column]
                        if cell.style != style || cell.isContinuation || !Terminal.isPlainASCII(cell.text) { break }
                        run += cell.text
                        column += 1
                    }
                }
                if run.isEmpty { continue }
                applyStyle(style, window: window)
                mvwaddstr(window, Int32(row), Int32(start), run)
            }
        }
        wattr_set(window, CN_A_NORMAL, 0, nil)
        if let cursor = frame.cursor, cursor.row < rows, cursor.column < columns {
            if !cursorVisible {
                curs_set(1)
                cursorVisible = true
            }
            wmove(window, Int32(cursor.row), Int32(cursor.column))
        } else if cursorVisible {
            curs_set(0)
            cursorVisible = false
        }
        wrefresh(window)
    }

    /// Clears ncurses' idea of the screen so the next paint redraws every cell (after a resume, say).
    func invalidate() {
        guard let window else { return }
        clearok(window, true)
    }

    /// Puts `text` on the clipboard with OSC 52: only its base64 reaches the terminal, so no byte of a blog is
    /// ever read as a control sequence. Texts past 64 KB are cut (terminals drop longer ones anyway).
    func copyToClipboard(_ text: String) {
        let bytes = Array(text.utf8.prefix(65_536))
        let sequence = "\u{1B}]52;c;" + Data(bytes).base64EncodedString() + "\u{07}"
        if let outputFile {
            fflush(outputFile)
            sequence.withCString { fputs($0, outputFile) }
            fflush(outputFile)
        }
    }

    @inline(__always)
    private static func isPlainASCII(_ text: String) -> Bool {
        var utf8 = text.utf8.makeIterator()
        guard let byte = utf8.next(), byte >= 0x20, byte < 0x7F else { return false }
        return utf8.next() == nil
    }

    /// Copies a glyph, turning anything a terminal could take as a control into U+FFFD and dropping the
    /// joiners that terminals disagree on (VS16, ZWJ).
    private static func appendSanitized(_ text: String, to run: inout String) {
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value == 0xFE0F || value == 0x200D { continue }
            // Bidi controls and line separators (the one output filter's) are invisible: dropped, not shown.
            if value >= 0xA0 && OutputSanitizer.isStripped(scalar) { continue }
            if value < 0x20 || (value >= 0x7F && value < 0xA0) {
                run.unicodeScalars.append("\u{FFFD}")
            } else if value >= 0xA0 && wcwidth(wchar_t(bitPattern: value)) < 0 {
                run.unicodeScalars.append("\u{FFFD}")
            } else {
                run.unicodeScalars.append(scalar)
            }
        }
        if run.isEmpty { run = " " }
    }

    private func applyStyle(_ style: CellStyle, window: UnsafeMutablePointer<WINDOW>) {
        let role = style.role.rawValue
        var attributes = roleAttributes[role]
        var reverse = style.reverse
        if style.role == .match {
            // A match must stand out on the selected (reversed) row too: with colours it keeps its own
            // background; without, it flips the reverse bit, as `less` does.
            reverse = usesColor ? false : !style.reverse
        }
        if style.bold { attributes |= CN_A_BOLD }
        if reverse { attributes |= CN_A_REVERSE }
        if style.underline { attributes |= CN_A_UNDERLINE }
        wattr_set(window, attributes, rolePairs[role], nil)
    }

    // MARK: - Colours

    /// Attributes that stand in for a role's colour when colours are off.
    private static func monochrome(_ role: CellStyle.Role) -> attr_t {
        switch role {
        case .normal, .standfirst, .status, .headline, .help, .divider, .time, .related: return CN_A_NORMAL
        case .title, .unreadMarker, .match, .error: return CN_A_BOLD
        case .dim: return CN_A_DIM
        }
    }

    /// Gives the mouse to the reader, or back to the terminal (`:set mouse`).
    func setMouse(_ on: Bool) {
        mousemask(on ? CN_BUTTON1_PRESSED | CN_BUTTON4_PRESSED | CN_BUTTON5_PRESSED : 0, nil)
    }

    /// Draws `role` in `colors` from the next frame on (`:set color`); nothing changes without colour.
    func setColors(_ role: CellStyle.Role, _ colors: ReaderConfig.Colors) {
        guard usesColor else { return }
        let fg = colors.foreground < Int(cn_colors()) ? colors.foreground : -1
        let bg = colors.background < Int(cn_colors()) ? colors.background : -1
        let pair = Int16(role.rawValue + 1)
        init_pair(pair, Int16(fg), Int16(bg))
        rolePairs[role.rawValue] = fg == -1 && bg == -1 ? 0 : pair
        roleAttributes[role.rawValue] = fg == -1 && bg == -1 && role == .dim ? CN_A_DIM : CN_A_NORMAL
        invalidate()
    }

    private func setUpColors(enabled: Bool, colors: [CellStyle.Role: ReaderConfig.Colors]) {
        let roles = CellStyle.Role.allCases
        roleAttributes = Array(repeating: CN_A_NORMAL, count: roles.count)
        rolePairs = Array(repeating: 0, count: roles.count)
        usesColor =
            enabled && has_colors() && start_color() == OK && use_default_colors() == OK
            && cn_colors() >= 8 && cn_color_pairs() > roles.count
        for role in roles {
            let entry = colors[role] ?? ReaderConfig.Colors(-1)
            // A colour past what the terminal has falls back to the terminal's own.
            let fg = entry.foreground < Int(cn_colors()) ? entry.foreground : -1
            let bg = entry.background < Int(cn_colors()) ? entry.background : -1
            if usesColor {
                if fg == -1 && bg == -1 {
                    roleAttributes[role.rawValue] = role == .dim ? CN_A_DIM : CN_A_NORMAL
                } else {
                    let pair = Int16(role.rawValue + 1)
                    init_pair(pair, Int16(fg), Int16(bg))
                    rolePairs[role.rawValue] = pair
                }
            } else {
                roleAttributes[role.rawValue] = Terminal.monochrome(role)
            }
        }
    }

    // MARK: - Stopping and suspending

    /// Gives the terminal back: normal screen, cursor shown, modes restored. Safe to call again.
    func stop() {
        guard screen != nil else { return }
        Terminal.setBracketedPaste(false)
        if !isendwin() { endwin() }
        TerminalSignals.cursesRunning = 0
        TerminalSignals.uninstall()
        if let screen { delscreen(screen) }
        screen = nil
        window = nil
        if let inputFile { fclose(inputFile) }
        if let outputFile { fclose(outputFile) }
        inputFile = nil
        outputFile = nil
    }

    /// Ctrl-Z done by hand: restore the terminal, stop the process, and take the screen back on `fg`.
    func suspend() {
        guard let window else { return }
        Terminal.setBracketedPaste(false)
        if !isendwin() { endwin() }
        TerminalSignals.suspendProcess()
        Terminal.setBracketedPaste(true)
        clearok(window, true)
        wrefresh(window)
    }

    // MARK: - Environment

    /// Whether the current terminal's terminfo entry has the string capability `name`.
    private static func hasCapability(_ name: String) -> Bool {
        guard let value = tigetstr(name) else { return false }
        return Int(bitPattern: value) != -1
    }

    private static func environment(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        return String(cString: value)
    }

    /// `NO_COLOR` set to anything but the empty string turns colours off (no-color.org).
    private static var noColorRequested: Bool {
        guard let value = environment("NO_COLOR") else { return false }
        return !value.isEmpty
    }

    /// ncurses draws wide characters only in a UTF-8 locale; with LANG unset the process stays in "C".
    private static func prepareLocale() {
        setlocale(LC_ALL, "")
        if String(cString: nl_langinfo(nl_item(CODESET))) != "UTF-8" {
            setlocale(LC_ALL, "C.UTF-8")
        }
    }
}

/// Signals while the reader owns the terminal.
///
/// SIGINT, SIGTERM, SIGHUP and SIGQUIT only set `pendingQuit`, without `SA_RESTART`, so that a wait for a key
/// returns at once and the run loop quits cleanly. Crash signals restore the terminal first, then hand the
/// signal to the handler that was there before (the Swift runtime's backtracer), so the report lands on a
/// normal screen.
enum TerminalSignals {
    /// The quit signal received, or 0.
    nonisolated(unsafe) static var pendingQuit: sig_atomic_t = 0
    /// 1 while curses owns the screen (read by the crash handler).
    nonisolated(unsafe) static var cursesRunning: sig_atomic_t = 0

    /// SIGQUIT (Ctrl-\\) quits like SIGTERM: the backtracer would otherwise paint a crash report over the screen.
    static let quitSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]
    static let crashSignals: [Int32] = [SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE, SIGSEGV]

    /// Saved actions, indexed by signal number; raw memory so a signal handler can read it safely.
    nonisolated(unsafe) private static let saved = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
    nonisolated(unsafe) private static var installed = false

    static func install() {
        guard !installed else { return }
        installed = true
        pendingQuit = 0
        var quit = sigaction()
        quit.__sigaction_handler.sa_handler = { signal in TerminalSignals.pendingQuit = signal }
        sigemptyset(&quit.sa_mask)
        quit.sa_flags = 0
        for signal in quitSignals { sigaction(signal, &quit, saved + Int(signal)) }

        var crash = sigaction()
        crash.__sigaction_handler.sa_handler = { signal in
            if TerminalSignals.cursesRunning != 0 {
                TerminalSignals.cursesRunning = 0
                _ = write(STDOUT_FILENO, "\u{1B}[?2004l", 8)  // bracketed paste off
                if !isendwin() { endwin() }
            }
            // Re-raised on return (the signal is blocked while we run) into the previous handler.
            sigaction(signal, TerminalSignals.saved + Int(signal), nil)
            raise(signal)
        }
        sigemptyset(&crash.sa_mask)
        crash.sa_flags = Int32(SA_ONSTACK)
        for signal in crashSignals { sigaction(signal, &crash, saved + Int(signal)) }
    }

    static func uninstall() {
        guard installed else { return }
        installed = false
        for signal in quitSignals + crashSignals { sigaction(signal, saved + Int(signal), nil) }
    }

    /// Stops the process as the terminal's Ctrl-Z would, returning when it is continued.
    static func suspendProcess() {
        var defaultAction = sigaction()
        defaultAction.__sigaction_handler.sa_handler = SIG_DFL
        sigemptyset(&defaultAction.sa_mask)
        var previous = sigaction()
        sigaction(SIGTSTP, &defaultAction, &previous)
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, SIGTSTP)
        sigprocmask(SIG_UNBLOCK, &unblock, nil)
        raise(SIGTSTP)
        sigaction(SIGTSTP, &previous, nil)
    }
}
