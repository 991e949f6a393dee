import Foundation

/// One row of the settings table: what the configuration file, `:set`, `config --dump`, the README and the man
/// page know of a setting. The file and `:set` read a setting's words through the same `apply`, so the two can
/// never take different values.
public struct Setting: Sendable {
    /// The word that starts the line (`list-width`).
    public let name: String
    /// The values, as help writes them (`COLUMNS|auto`).
    public let values: String
    /// The value in effect when nothing says otherwise, as the file would write it.
    public let defaultValue: String
    /// One line of help.
    public let help: String
    /// A line of the file that uses it, for messages.
    public let example: String
    /// How many words follow the name.
    let arity: ClosedRange<Int>
    /// Reads the words after the name into a configuration; throws the reason a value is refused.
    let read: @Sendable ([String], inout ReaderConfig) throws(Refusal) -> Void

    /// Why a setting's words were refused, in the user's terms.
    public struct Refusal: Error, Sendable {
        public var message: String
        init(_ message: String) { self.message = message }
    }

    /// Applies `words` (the values after the name) to `config`, or says why not.
    public func apply(_ words: [String], to config: inout ReaderConfig) throws(Refusal) {
        guard arity.contains(words.count) else { throw Refusal("\(name) takes \(values) (\(example))") }
        try read(words, &config)
    }

    /// The setting of this name, if any.
    public static func named(_ name: String) -> Setting? {
        table.first { $0.name == name || $0.aliases.contains(name) }
    }

    /// Other names the file accepts (`colour`).
    var aliases: [String] { name == "color" ? ["colour"] : [] }

    /// Every setting, in the order the file's documentation lists them.
    public static let table: [Setting] = [
        Setting(
            name: "bind", values: "KEY ACTION", defaultValue: "(the key table)",
            help: "Bind a key (j, G, Ctrl-X, Enter, Space, PgDn, F5…) to an action's : name",
            example: "bind x mark-all", arity: 2...2
        ) { words, config throws(Refusal) in
            guard let key = Key(configName: words[0]) else { throw Refusal("unknown key '\(words[0])'") }
            guard let action = Action.named(words[1]), action.row.group != .mouse else {
                throw Refusal("unknown action '\(words[1])' (see liveblog config --dump)")
            }
            config.keymap.bind(key, to: action)
        },
        Setting(
            name: "color", values: "ROLE FG [BG]", defaultValue: "(per role)",
            help: "A role's colours: default, black, red, green, yellow, blue, … or 0-255",
            example: "color time magenta",
            arity: 2...3
        ) { words, config throws(Refusal) in
            guard let role = CellStyle.Role.named(words[0]) else {
                throw Refusal(
                    "unknown role '\(words[0])'; roles: "
                        + CellStyle.Role.allCases.map(\.configName).joined(separator: ", "))
            }
            guard let fg = ReaderConfig.color(words[1]) else { throw Refusal("unknown colour '\(words[1])'") }
            var bg = -1
            if words.count == 3 {
                guard let b = ReaderConfig.color(words[2]) else { throw Refusal("unknown colour '\(words[2])'") }
                bg = b
            }
            config.colors[role] = ReaderConfig.Colors(fg, bg)
        },
        Setting(
            name: "mouse", values: "on|off", defaultValue: "on",
            help: "off leaves the mouse to the terminal, to select text as usual", example: "mouse off", arity: 1...1
        ) { words, config throws(Refusal) in
            guard words[0] == "on" || words[0] == "off" else {
                throw Refusal("mouse takes on or off, not '\(words[0])'")
            }
            config.mouse = words[0] == "on"
        },
        Setting(
            name: "list-width", values: "COLUMNS|auto", defaultValue: "auto",
            help: "Columns of the list beside the detail pane (\(ScreenLayout.minimumPaneColumns) to 1000), or auto",
            example: "list-width 50",
            arity: 1...1
        ) { words, config throws(Refusal) in
            if words[0] == "auto" {
                config.listWidth = nil
            } else if let columns = Int(words[0]), (ScreenLayout.minimumPaneColumns...1000).contains(columns) {
                config.listWidth = columns
            } else {
                throw Refusal(
                    "list-width takes auto or \(ScreenLayout.minimumPaneColumns) to 1000 columns, not '\(words[0])'")
            }
        },
        Setting(
            name: "mark-after", values: "SECONDS|never", defaultValue: "2",
            help: "Seconds an entry is shown before it counts as read, or never", example: "mark-after 5", arity: 1...1
        ) { words, config throws(Refusal) in
            if words[0] == "never" {
                config.markAfter = .some(nil)
            } else if let seconds = Double(words[0]), seconds.isFinite, seconds >= 0, seconds <= 86_400 {
                config.markAfter = .some(seconds)
            } else {
                throw Refusal("mark-after takes seconds or never, not '\(words[0])'")
            }
        },
        Setting(
            name: "time-zone", values: "local|utc|ZONE", defaultValue: "local",
            help: "The zone times are shown in: local, utc, or a name such as Europe/Paris", example: "time-zone utc",
            arity: 1...1
        ) { words, config throws(Refusal) in
            switch words[0] {
            case "local": config.timeZone = nil
            case "utc", "UTC": config.timeZone = TimeZone(identifier: "UTC")
            default:
                guard let zone = TimeZone(identifier: words[0]) else {
                    throw Refusal("unknown time zone '\(words[0])'")
                }
                config.timeZone = zone
            }
        },
    ]

    /// The table as Markdown, for the README (a test keeps the two equal).
    public static func markdownTable() -> String {
        var lines = ["| setting | values | default | what it does |", "|---|---|---|---|"]
        for row in table {
            lines.append("| `\(row.name)` | `\(row.values)` | \(row.defaultValue) | \(row.help) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The table as plain lines, `name VALUES` over its indented help (each under 80 columns), for
    /// `config --help` and the man page.
    public static func plainLines() -> [String] {
        table.flatMap { ["  " + $0.name + " " + $0.values, "      " + $0.help] }
    }
}
