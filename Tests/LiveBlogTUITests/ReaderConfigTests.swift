import Foundation
import LiveBlogCore
import Testing

@testable import LiveBlogTUI

/// The configuration file: each setting, the errors that name their line, and the dump that reads back.
struct ReaderConfigTests {
    @Test("Every setting is read: keys, colours, mouse, list width, mark-after, time zone")
    func settings() throws {
        let config = try ReaderConfig(
            parsing: """
                # mine
                bind x mark-all
                bind Ctrl-N next-entry   # a control key
                color time magenta
                color match 0 226

                mouse off
                list-width 50
                mark-after never
                time-zone utc
                """)
        #expect(config.keymap.action(for: .character("x"), in: .list) == .markAllRead)
        #expect(config.keymap.action(for: .control("n"), in: .detail) == .nextEntry)
        #expect(config.colors[.time] == ReaderConfig.Colors(5))
        #expect(config.colors[.match] == ReaderConfig.Colors(0, 226))
        #expect(!config.mouse && config.listWidth == 50)
        #expect(config.markAfter == .some(nil))
        #expect(config.timeZone?.secondsFromGMT() == 0)
    }

    struct Bad: CustomTestStringConvertible, Sendable {
        var text: String
        var error: String
        var testDescription: String { error }
    }

    static let bad: [Bad] = [
        Bad(text: "bind x\n", error: "line 1: bind takes KEY ACTION (bind x mark-all)"),
        Bad(text: "\n\nbind x mark-al\n", error: "line 3: unknown action 'mark-al' (see liveblog config --dump)"),
        Bad(text: "bind Ctrl-12 quit", error: "line 1: unknown key 'Ctrl-12'"),
        Bad(text: "bind x select", error: "line 1: unknown action 'select' (see liveblog config --dump)"),
        Bad(
            text: "color tim red",
            error:
                "line 1: unknown role 'tim'; roles: normal, title, standfirst, divider, status, unread-marker, time, headline, match, dim, related, help, error"
        ),
        Bad(text: "color time pink", error: "line 1: unknown colour 'pink'"),
        Bad(text: "mouse maybe", error: "line 1: mouse takes on or off, not 'maybe'"),
        Bad(text: "list-width 5", error: "line 1: list-width takes auto or 20 to 1000 columns, not '5'"),
        Bad(text: "mark-after soon", error: "line 1: mark-after takes seconds or never, not 'soon'"),
        Bad(text: "time-zone Mars/Olympus", error: "line 1: unknown time zone 'Mars/Olympus'"),
        Bad(text: "colour", error: "line 1: color takes ROLE FG [BG] (color time magenta)"),
        Bad(
            text: "keys vim",
            error: "line 1: unknown setting 'keys'; settings: bind, color, mouse, list-width, mark-after, time-zone"),
    ]

    @Test("A bad line is an error naming it", arguments: bad)
    func errors(_ b: Bad) {
        #expect(throws: ReaderConfig.ParseError.self) { try ReaderConfig(parsing: b.text) }
        do {
            _ = try ReaderConfig(parsing: b.text)
        } catch {
            #expect(error.description == b.error)
        }
    }

    @Test("The dump is a configuration that reads back to itself")
    func dumpRoundTrip() throws {
        let config = try ReaderConfig(parsing: "bind x mark-all\ncolor dim 8\nmouse off\nmark-after 5\n")
        let dump = config.dump()
        #expect(
            dump.contains("bind x mark-all\n") && dump.contains("bind A mark-all\n") && dump.contains("color dim 8\n"))
        #expect(dump.contains("bind Space read-on\n") && dump.contains("bind Up move-up\n"))
        #expect(try ReaderConfig(parsing: dump).dump() == dump)
        #expect(try ReaderConfig(parsing: ReaderConfig().dump()).dump() == ReaderConfig().dump())
    }

    @Test("A bound key works in the reducer and shows on the help screen")
    func boundKey() throws {
        let config = try ReaderConfig(parsing: "bind x mark-all")
        var state = makeState(options: ReaderOptions(keymap: config.keymap), size: TerminalSize(rows: 90, columns: 120))
        #expect(send(&state, .character("x")).contains(.cancelMarkTimer))
        #expect(state.unreadCount == 0)
        send(&state, .character("?"))
        #expect(screen(state).contains("A x"))
    }

    @Test("Keys are read by name as the dump writes them")
    func keyNames() {
        #expect(
            Key(configName: "Ctrl-F") == .control("f") && Key(configName: "C-f") == .control("f")
                && Key(configName: "^F") == .control("f"))
        #expect(
            Key(configName: "PgDn") == .pageDown && Key(configName: "Space") == .character(" ")
                && Key(configName: "Esc") == .escape)
        #expect(Key(configName: "\u{1B}") == nil && Key(configName: "ab") == nil)
        for row in Action.table where row.group != .mouse {
            for key in row.keys { #expect(Key(configName: key.configName) == key, "\(key.configName)") }
        }
    }
}
