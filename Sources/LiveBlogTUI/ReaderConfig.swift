import Foundation

/// The configuration file (`$XDG_CONFIG_HOME/liveblog/config`): keys, colours by role, mouse, list width,
/// mark-after and time zone, one setting per line.
///
/// ```
/// # comments and blank lines are ignored
/// bind x mark-all          # a key (j, G, Ctrl-X, Enter, Space, PgDn…) and an action's `:` name
/// color time magenta       # a role, a foreground and optionally a background colour
/// color match black yellow # colours: default, black, red, green, yellow, blue, magenta, cyan, white, 0-255
/// mouse off                # on (the default) or off, so the terminal selects text as usual
/// list-width 50            # columns of the list beside the detail pane, or auto
/// mark-after 5             # seconds, or never
/// time-zone utc            # local (the default), utc, or a zone name such as Europe/Paris
/// ```
/// Parsing stops at the first bad line with ``ParseError``, which names the line.
public struct ReaderConfig: Sendable {
    /// A foreground and background colour: a terminal colour number, or -1 for the terminal's own.
    public struct Colors: Hashable, Sendable {
        public var foreground: Int
        public var background: Int
        public init(_ foreground: Int, _ background: Int = -1) {
            self.foreground = foreground
            self.background = background
        }
    }

    /// A line the configuration cannot take: its number (from 1) and why.
    public struct ParseError: Error, CustomStringConvertible, Sendable {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    public var keymap = Keymap.standard
    public var colors: [CellStyle.Role: Colors] = ReaderConfig.defaultColors
    public var mouse = true
    /// Columns of the list side by side; nil follows the content.
    public var listWidth: Int?
    /// Seconds before an entry shown counts as read: nil when the file does not say, `.some(nil)` for never.
    public var markAfter: Double??
    /// The zone times are shown in; nil for the local one.
    public var timeZone: TimeZone?

    public init() {}

    /// The colour names the file accepts, as terminal colour numbers.
    public static let colorNames: [String: Int] = [
        "default": -1, "black": 0, "red": 1, "green": 2, "yellow": 3, "blue": 4, "magenta": 5, "cyan": 6, "white": 7,
    ]

    /// Each role's colours unless the file says otherwise.
    public static let defaultColors: [CellStyle.Role: Colors] = [
        .normal: Colors(-1), .title: Colors(6), .standfirst: Colors(-1), .divider: Colors(4), .status: Colors(-1),
        .unreadMarker: Colors(2), .time: Colors(6), .headline: Colors(-1), .match: Colors(0, 3), .dim: Colors(-1),
        .related: Colors(4), .help: Colors(-1), .error: Colors(1),
    ]

    /// Reads a configuration; the first line it cannot take throws.
    public init(parsing text: String) throws(ParseError) {
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            var line = Substring(raw)
            if let hash = line.firstIndex(of: "#"), !line.hasPrefix("bind #") { line = line[..<hash] }
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).map(String.init)
            guard let setting = words.first else { continue }
            guard let row = Setting.named(setting) else {
                throw ParseError(
                    line: number,
                    message: "unknown setting '\(setting)'; settings: "
                        + Setting.table.map(\.name).joined(separator: ", "))
            }
            do throws(Setting.Refusal) {
                try row.apply(Array(words.dropFirst()), to: &self)
            } catch {
                throw ParseError(line: number, message: error.message)
            }
        }
    }

    static func color(_ word: String) -> Int? {
        if let named = colorNames[word.lowercased()] { return named }
        if let number = Int(word), (0...255).contains(number) { return number }
        return nil
    }

    static func colorName(_ number: Int) -> String {
        colorNames.first { $0.value == number }?.key ?? String(number)
    }

    /// The effective settings, in the file's own format (a valid configuration file).
    public func dump() -> String {
        var lines = ["# liveblog configuration: the effective settings", ""]
        lines.append("mouse " + (mouse ? "on" : "off"))
        lines.append("list-width " + (listWidth.map(String.init) ?? "auto"))
        lines.append(
            "mark-after "
                + (markAfter.map { $0.map { $0 == $0.rounded() ? String(Int($0)) : String($0) } ?? "never" } ?? "2"))
        lines.append("time-zone " + (timeZone.map { $0.identifier == "GMT" ? "utc" : $0.identifier } ?? "local"))
        lines.append("")
        for role in CellStyle.Role.allCases {
            let c = colors[role] ?? Colors(-1)
            lines.append(
                "color \(role.configName) \(Self.colorName(c.foreground))"
                    + (c.background == -1 ? "" : " " + Self.colorName(c.background)))
        }
        lines.append("")
        for row in Action.table where row.group != .mouse {
            for key in keymap.keys(for: row.action) { lines.append("bind \(key.configName) \(row.name)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension CellStyle.Role {
    /// The role's name in the configuration file ("unread-marker").
    public var configName: String {
        switch self {
        case .normal: "normal"
        case .title: "title"
        case .standfirst: "standfirst"
        case .divider: "divider"
        case .status: "status"
        case .unreadMarker: "unread-marker"
        case .time: "time"
        case .headline: "headline"
        case .match: "match"
        case .dim: "dim"
        case .related: "related"
        case .help: "help"
        case .error: "error"
        }
    }

    static func named(_ name: String) -> Self? { allCases.first { $0.configName == name } }
}

extension Key {
    /// The key as the configuration file writes it: as help does, but arrows and Space by name.
    public var configName: String {
        switch self {
        case .up: "Up"
        case .down: "Down"
        case .left: "Left"
        case .right: "Right"
        default: displayName
        }
    }

    /// Reads a key as the configuration file writes it: a character, `Ctrl-X` (or `C-x`, `^X`), or a name
    /// such as Enter, Esc, Tab, Space, Up, PgDn, Home.
    public init?(configName name: String) {
        let named: [String: Key] = [
            "space": .character(" "), "enter": .enter, "return": .enter, "esc": .escape, "escape": .escape,
            "tab": .tab, "shift-tab": .backTab, "backtab": .backTab, "backspace": .backspace, "delete": .delete,
            "up": .up, "down": .down, "left": .left, "right": .right, "↑": .up, "↓": .down, "←": .left, "→": .right,
            "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown, "pagedown": .pageDown, "home": .home, "end": .end,
        ]
        if let key = named[name.lowercased()] {
            self = key
            return
        }
        let lower = name.lowercased()
        if lower.count >= 2, lower.first == "f", let n = Int(lower.dropFirst()), (1...12).contains(n) {
            self = .function(n)
            return
        }
        for prefix in ["ctrl-", "c-", "^"] where lower.hasPrefix(prefix) && lower.count == prefix.count + 1 {
            let c = lower.last!
            guard c.isASCII, c.isLetter || c == "\\" else { return nil }
            self = .control(c)
            return
        }
        guard name.count == 1, let c = name.first, !c.isWhitespace,
            c.unicodeScalars.allSatisfy({ $0.value >= 0x21 && !(0x7F...0x9F).contains($0.value) })
        else { return nil }
        self = .character(c)
    }
}
