import Foundation
import LiveBlogCore
import Testing

@testable import LiveBlogTUI

/// The request table, the keymap built from it, and the program-level keys.
struct ActionTableTests {
    @Test("Every action has exactly one row, with keys, a unique name, help and a group")
    func complete() {
        #expect(Action.table.count == Action.allCases.count)
        #expect(Set(Action.table.map(\.action)) == Set(Action.allCases))
        #expect(Set(Action.table.map(\.name)).count == Action.table.count)
        for row in Action.table {
            #expect(!row.keys.isEmpty && !row.help.isEmpty, "\(row.action)")
            #expect(Action.named(row.name) == row.action)
        }
        #expect(Set(Action.table.map(\.group)) == Set(Action.Group.allCases))
    }

    @Test("The table lists each group's rows together, in the groups' order")
    func displayOrder() {
        let groups = Action.table.map(\.group)
        var seen: [Action.Group] = []
        for group in groups where seen.last != group { seen.append(group) }
        #expect(seen == Action.Group.allCases)
    }

    @Test("No key is bound twice in the same keymap")
    func noConflicts() {
        var seen: [Action.Scope: [Key: Action]] = [:]
        for row in Action.table {
            for key in row.keys {
                #expect(seen[row.scope]?[key] == nil, "\(key.displayName) in \(row.scope): \(row.action)")
                seen[row.scope, default: [:]][key] = row.action
            }
        }
    }

    struct Binding: CustomTestStringConvertible, Sendable {
        var key: Key
        var scope: Action.Scope
        var action: Action?
        var testDescription: String { "\(key.displayName) in \(scope)" }
    }

    static let bindings: [Binding] = [
        Binding(key: .character("j"), scope: .list, action: .moveDown),
        Binding(key: .character("j"), scope: .detail, action: .scrollDown),
        Binding(key: .down, scope: .detail, action: .scrollDown),
        Binding(key: .character("j"), scope: .help, action: .moveDown),
        Binding(key: .character("J"), scope: .detail, action: .nextEntry),
        Binding(key: .character("K"), scope: .detail, action: .previousEntry),
        Binding(key: .character("b"), scope: .detail, action: .pageUp),
        Binding(key: .character("5"), scope: .list, action: .count),
        Binding(key: .character("0"), scope: .list, action: .count),
        Binding(key: .character("3"), scope: .detail, action: .openNumberedLink),
        Binding(key: .character("0"), scope: .detail, action: nil),
        Binding(key: .character("o"), scope: .list, action: .openLink),
        Binding(key: .character("y"), scope: .detail, action: .copyLink),
        Binding(key: .character("s"), scope: .list, action: .toggleOrder),
        Binding(key: .control("l"), scope: .list, action: .redraw),
        Binding(key: .character("r"), scope: .list, action: .reload),
        Binding(key: .character("R"), scope: .detail, action: .reload),
        Binding(key: .character(":"), scope: .list, action: .commandLine),
        Binding(key: .character(">"), scope: .list, action: .widenList),
        Binding(key: .character("<"), scope: .detail, action: .narrowList),
        Binding(key: .character("z"), scope: .detail, action: .maximize),
        Binding(key: .character("X"), scope: .list, action: .undoMarkAll),
        Binding(key: .escape, scope: .detail, action: .backToList),
        Binding(key: .character("q"), scope: .detail, action: .backToList),
        Binding(key: .character("h"), scope: .detail, action: .backToList),
        Binding(key: .left, scope: .detail, action: .backToList),
        Binding(key: .character("l"), scope: .list, action: .open),
        Binding(key: .escape, scope: .list, action: .clearSearch),
        Binding(key: .escape, scope: .prompt, action: .cancelPrompt),
        Binding(key: .escape, scope: .help, action: .closeHelp),
        Binding(key: .enter, scope: .list, action: .open),
        Binding(key: .enter, scope: .prompt, action: .acceptPrompt),
        Binding(key: .up, scope: .prompt, action: .historyOlder),
        Binding(key: .left, scope: .prompt, action: .cursorLeft),
        Binding(key: .control("a"), scope: .prompt, action: .cursorStart),
        Binding(key: .control("e"), scope: .prompt, action: .cursorEnd),
        Binding(key: .control("w"), scope: .prompt, action: .deleteWord),
        Binding(key: .control("u"), scope: .prompt, action: .deleteToStart),
        Binding(key: .character("q"), scope: .list, action: .quit),
        Binding(key: .character("q"), scope: .help, action: .closeHelp),
        Binding(key: .character("q"), scope: .prompt, action: nil),
        Binding(key: .character("5"), scope: .prompt, action: nil),
        Binding(key: .character("/"), scope: .prompt, action: nil),
        Binding(key: .control("c"), scope: .prompt, action: .quit),
        Binding(key: .control("c"), scope: .help, action: .quit),
        Binding(key: .control("z"), scope: .detail, action: .suspend),
        Binding(key: .character("?"), scope: .list, action: .help),
        Binding(key: .character("?"), scope: .help, action: .closeHelp),
        Binding(key: .click(row: 7, column: 9), scope: .detail, action: .mouseSelect),
        Binding(key: .wheel(row: 1, column: 2, down: false), scope: .list, action: .mouseWheel),
        Binding(key: .character("U"), scope: .list, action: .nextUnread),
        Binding(key: .character("x"), scope: .list, action: nil),
    ]

    @Test("Keys resolve in the focused keymap first, then the global one", arguments: bindings)
    func resolve(_ b: Binding) {
        #expect(Keymap.standard.action(for: b.key, in: b.scope) == b.action)
    }

    @Test("Keys are named as the help screen writes them; digit runs as a range")
    func keyNames() {
        #expect(Action.pageDown.row.keyNames == ["PgDn", "Ctrl-F"])
        #expect(Action.moveDown.row.keyNames == ["j", "↓"])
        #expect(Action.spacePage.row.keyNames == ["Space"])
        #expect(Action.quit.row.keyNames == ["q", "Ctrl-C", "Ctrl-\\"])
        #expect(Action.count.row.keyNames == ["0–9"])
        #expect(Action.openNumberedLink.row.keyNames == ["1–9"])
    }

    @Test("q and Ctrl-C quit from the list with a quit effect")
    func quit() {
        for key in [Key.character("q"), .control("c"), .control("\\")] {
            var state = makeState()
            let effects = send(&state, key)
            #expect(effects == [.quit])
            #expect(state.shouldQuit)
        }
    }

    @Test("q, h and ← in the detail pane go back to the list without quitting")
    func backFromDetail() {
        for key in [Key.character("q"), .character("h"), .left, .escape] {
            var state = makeState()
            send(&state, .enter)
            #expect(state.focus == .detail)
            #expect(!send(&state, key).contains(.quit))
            #expect(state.focus == .list && !state.shouldQuit)
        }
    }

    @Test("Ctrl-Z asks for a suspend and does not quit")
    func suspend() {
        var state = makeState()
        #expect(send(&state, .control("z")) == [.suspend])
        #expect(!state.shouldQuit)
    }

    @Test("Ctrl-L asks for a full redraw, also on the help screen")
    func redraw() {
        var state = makeState()
        #expect(send(&state, .control("l")) == [.redraw])
        send(&state, .character("?"))
        #expect(send(&state, .control("l")) == [.redraw])
    }

    @Test("? opens the help; movement keys scroll it; q, ? and Esc close it without quitting")
    func help() {
        var state = makeState(size: .standard)
        send(&state, .character("?"))
        #expect(state.mode == .help)
        send(&state, .character("j"), .character("j"), .pageDown)
        #expect(state.helpScroll == 23)
        send(&state, .character("g"))
        #expect(state.helpScroll == 0)
        send(&state, .escape)
        #expect(state.mode == .browsing)
        for close in [Key.character("q"), .character("?"), .escape] {
            send(&state, .character("?"))
            send(&state, close)
            #expect(state.mode == .browsing)
            #expect(!state.shouldQuit)
        }
        send(&state, .character("?"))
        #expect(send(&state, .control("c")).contains(.quit))
    }

    @Test("Help scrolling stops at the end of the help")
    func helpEnd() {
        var state = makeState(size: .standard)
        send(&state, .character("?"), .character("G"))
        let end = state.helpScroll
        send(&state, .character("j"), .pageDown)
        #expect(state.helpScroll == end)
        #expect(end == HelpScreen.lines(width: 79).count - 22)
        #expect(screen(state).contains("Close the help"))
    }

    @Test("The README's key table is the one generated from the request table")
    func readmeKeyTable() throws {
        try expectReadmeSection(
            begin:
                "<!-- keys: generated from Action.table; LIVEBLOG_RECORD_README=1 swift test --filter readmeKeyTable -->\n",
            end: "<!-- end of keys -->", generated: HelpScreen.markdownTable())
    }
}
