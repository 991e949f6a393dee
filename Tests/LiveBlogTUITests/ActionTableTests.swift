import LiveBlogCore
import Testing

@testable import LiveBlogTUI

/// The request table, the keymap built from it, and the program-level keys.
struct ActionTableTests {
    @Test("Every action has keys, a title, a help line and a group")
    func complete() {
        for action in Action.allCases {
            #expect(!action.keys.isEmpty, "\(action)")
            #expect(!action.title.isEmpty && !action.helpText.isEmpty, "\(action)")
            #expect(action.keyNames.count == action.keys.count)
        }
        #expect(Set(Action.allCases.map(\.group)) == Set(Action.Group.allCases))
    }

    @Test("No key is bound twice in the same keymap")
    func noConflicts() {
        #expect(Keymap.conflicts.isEmpty)
    }

    struct Binding: CustomTestStringConvertible, Sendable {
        var key: Key
        var context: Keymap.Context
        var action: Action?
        var testDescription: String { "\(key.displayName) in \(context)" }
    }

    static let bindings: [Binding] = [
        Binding(key: .character("j"), context: .list, action: .moveDown),
        Binding(key: .character("j"), context: .detail, action: .scrollDown),
        Binding(key: .down, context: .detail, action: .scrollDown),
        Binding(key: .character("j"), context: .help, action: .moveDown),
        Binding(key: .escape, context: .detail, action: .backToList),
        Binding(key: .escape, context: .list, action: .clearSearch),
        Binding(key: .escape, context: .prompt, action: .cancelSearch),
        Binding(key: .escape, context: .help, action: .closeHelp),
        Binding(key: .enter, context: .list, action: .open),
        Binding(key: .enter, context: .prompt, action: .acceptSearch),
        Binding(key: .up, context: .prompt, action: .historyOlder),
        Binding(key: .character("q"), context: .list, action: .quit),
        Binding(key: .character("q"), context: .help, action: .closeHelp),
        Binding(key: .character("q"), context: .prompt, action: nil),
        Binding(key: .character("/"), context: .prompt, action: nil),
        Binding(key: .control("c"), context: .prompt, action: .quit),
        Binding(key: .control("c"), context: .help, action: .quit),
        Binding(key: .control("z"), context: .detail, action: .suspend),
        Binding(key: .character("?"), context: .list, action: .help),
        Binding(key: .character("?"), context: .help, action: .closeHelp),
        Binding(key: .click(row: 7, column: 9), context: .detail, action: .mouseSelect),
        Binding(key: .wheel(row: 1, column: 2, down: false), context: .list, action: .mouseWheel),
        Binding(key: .character("U"), context: .list, action: .nextUnread),
        Binding(key: .character("x"), context: .list, action: nil),
    ]

    @Test("Keys resolve in the focused keymap first, then the global one", arguments: bindings)
    func resolve(_ b: Binding) {
        #expect(Keymap.action(for: b.key, in: b.context) == b.action)
    }

    @Test("Keys are named as the help screen writes them")
    func keyNames() {
        #expect(Action.pageDown.keyNames == ["PgDn", "Ctrl-F"])
        #expect(Action.moveDown.keyNames == ["j", "↓"])
        #expect(Action.spacePage.keyNames == ["Space"])
        #expect(Action.quit.keyNames == ["q", "Ctrl-C", "Ctrl-\\"])
    }

    @Test("q and Ctrl-C quit with a quit effect")
    func quit() {
        for key in [Key.character("q"), .control("c")] {
            var state = makeState()
            let effects = send(&state, key)
            #expect(effects == [.quit])
            #expect(state.shouldQuit)
        }
    }

    @Test("Ctrl-Z asks for a suspend and does not quit")
    func suspend() {
        var state = makeState()
        #expect(send(&state, .control("z")) == [.suspend])
        #expect(!state.shouldQuit)
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
        #expect(end == HelpScreen.lines(width: 80).count - 22)
        #expect(screen(state).contains("Scroll the pane under the pointer"))
    }
}
