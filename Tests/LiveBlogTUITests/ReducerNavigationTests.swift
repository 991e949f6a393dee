import LiveBlogCore
import Testing

@testable import LiveBlogTUI

/// Moving through the list and the detail pane, focus, paging and the mouse.
struct ReducerNavigationTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var keys: [Key]
        var position: Int
        var top: Int = 0
        var testDescription: String { name }
    }

    static let f = Key.control("f"), b = Key.control("b"), d = Key.control("d"), u = Key.control("u")
    // swift-format-ignore: AlwaysUseLowerCamelCase
    static let j = Key.character("j"), k = Key.character("k"), g = Key.character("g"), G = Key.character("G")

    /// 30 entries in a 12-row terminal at 100 columns: a 10-row list.
    static let listCases: [Case] = [
        Case(name: "j moves down", keys: [j], position: 1),
        Case(name: "↓ moves down like j", keys: [.down, .down], position: 2),
        Case(name: "k moves back up", keys: [j, j, k], position: 1),
        Case(name: "k at the first entry stays", keys: [k, .up], position: 0),
        Case(name: "G goes to the last entry", keys: [G], position: 29, top: 20),
        Case(name: "j at the last entry stays", keys: [G, j], position: 29, top: 20),
        Case(name: "g goes back to the first", keys: [G, g], position: 0),
        Case(name: "End and Home work as G and g", keys: [.end, .home, .end], position: 29, top: 20),
        Case(
            name: "the list scrolls keeping two rows of context", keys: Array(repeating: j, count: 8), position: 8,
            top: 1),
        Case(name: "PgDn pages the list", keys: [.pageDown], position: 12, top: 10),
        Case(name: "Ctrl-F pages like PgDn", keys: [f, f], position: 22, top: 20),
        Case(name: "paging past the end stops at the last entry", keys: [f, f, f, f], position: 29, top: 20),
        // From the last row, a page up lands the cursor two rows above the view's foot (its context rows).
        Case(name: "PgUp pages back", keys: [G, .pageUp], position: 17, top: 10),
        Case(name: "Ctrl-B pages back like PgUp", keys: [G, .pageUp, b], position: 7, top: 0),
        // Half pages scroll the view and the cursor together; the cursor keeps out of the top context rows.
        Case(name: "Ctrl-D moves half a page", keys: [d], position: 7, top: 5),
        Case(name: "Ctrl-D twice moves a page", keys: [d, d], position: 12, top: 10),
        Case(name: "Ctrl-U moves half a page back", keys: [d, d, u], position: 7, top: 5),
        Case(name: "Ctrl-U at the top goes to the first entry", keys: [j, j, u], position: 0, top: 0),
    ]

    @Test("List movement keys", arguments: listCases)
    func listKeys(_ c: Case) {
        var state = makeState(Fixture.numbered(30), size: TerminalSize(rows: 12, columns: 100))
        for key in c.keys { send(&state, key) }
        #expect(state.selectedPosition == c.position)
        #expect(state.listScrollTop == c.top)
        #expect(state.selectedEntryID == EntryID("n\(c.position)"))
        #expect(state.focus == .list)
    }

    /// One entry of 40 one-line paragraphs: 2 + 79 = 81 layout lines; the 12-row terminal shows 10 of them.
    static func longState() -> ReaderState {
        let blog = LiveBlog(
            title: "Long", entries: [Fixture.longEntry(id: "l", lines: 40), Fixture.longEntry(id: "m", lines: 3)])
        return makeState(blog, size: TerminalSize(rows: 12, columns: 100))
    }

    @Test("With the detail pane focused, j and k scroll it by a line and leave the selection alone")
    func detailLines() {
        var state = Self.longState()
        send(&state, .tab)
        #expect(state.focus == .detail)
        send(&state, Self.j, Self.j, .down)
        #expect(state.detailScrollLine == 3)
        send(&state, Self.k)
        #expect(state.detailScrollLine == 2)
        #expect(state.selectedEntryID == EntryID("l"))
        send(&state, .up, .up, .up)
        #expect(state.detailScrollLine == 0)
    }

    @Test("In the detail pane g, G and the page keys move within the entry, clamped to its end")
    func detailPaging() {
        var state = Self.longState()
        send(&state, .tab, Self.G)
        #expect(state.detailScrollLine == 71)
        send(&state, Self.j)
        #expect(state.detailScrollLine == 71)
        send(&state, Self.g, .pageDown)
        #expect(state.detailScrollLine == 9)
        send(&state, Self.f, Self.d)
        #expect(state.detailScrollLine == 23)
        send(&state, Self.u, .pageUp)
        #expect(state.detailScrollLine == 9)
        send(&state, Self.b, Self.b)
        #expect(state.detailScrollLine == 0)
    }

    @Test("Space pages the detail pane and at its end goes on to the next entry")
    func spaceReadsOn() {
        var state = Self.longState()
        let space = Key.character(" ")
        send(&state, space)
        #expect(state.detailScrollLine == 9)
        #expect(state.focus == .list)
        for _ in 0..<7 { send(&state, space) }
        #expect(state.detailScrollLine == 71)
        #expect(state.selectedEntryID == EntryID("l"))
        send(&state, space)
        #expect(state.selectedEntryID == EntryID("m"))
        #expect(state.detailScrollLine == 0)
        send(&state, space)
        #expect(state.selectedEntryID == EntryID("m"))
        #expect(state.message?.text == "End of the list")
    }

    @Test("Moving to another entry starts its detail at the top")
    func newEntryScrollsToTop() {
        var state = Self.longState()
        send(&state, .tab, .pageDown, .tab, Self.j)
        #expect(state.selectedEntryID == EntryID("m"))
        #expect(state.detailScrollLine == 0)
    }

    @Test("Tab and Shift-Tab switch focus; Enter focuses the detail; Esc there goes back to the list")
    func focus() {
        var state = makeState()
        send(&state, .tab)
        #expect(state.focus == .detail)
        send(&state, .backTab)
        #expect(state.focus == .list)
        send(&state, .enter)
        #expect(state.focus == .detail)
        send(&state, .escape)
        #expect(state.focus == .list)
        send(&state, .escape)
        #expect(state.focus == .list)
        #expect(state.selectedEntryID == EntryID("e0"))
    }

    @Test("A click selects the row under it and focuses the list; a click in the detail pane focuses it")
    func mouseClick() {
        var state = makeState(size: .wide)
        send(&state, .tab)
        send(&state, .click(row: 3, column: 10))
        #expect(state.selectedEntryID == EntryID("e2"))
        #expect(state.focus == .list)
        send(&state, .click(row: 20, column: 10))
        #expect(state.selectedEntryID == EntryID("e2"))
        send(&state, .click(row: 5, column: 80))
        #expect(state.focus == .detail)
        send(&state, .click(row: 0, column: 3), .click(row: 39, column: 3))
        #expect(state.selectedEntryID == EntryID("e2"))
    }

    @Test("The wheel scrolls the pane under the pointer")
    func mouseWheel() {
        var state = Self.longState()
        send(&state, .wheel(row: 5, column: 60, down: true), .wheel(row: 5, column: 60, down: true))
        #expect(state.detailScrollLine == 6)
        #expect(state.focus == .list)
        send(&state, .wheel(row: 5, column: 60, down: false))
        #expect(state.detailScrollLine == 3)
        var list = makeState(Fixture.numbered(30), size: TerminalSize(rows: 12, columns: 100))
        send(&list, .wheel(row: 4, column: 5, down: true))
        #expect(list.listScrollTop == 3)
        // The selection is dragged along, just below the two context rows.
        #expect(list.selectedPosition == 5)
    }

    @Test("A smaller terminal keeps the selection in view")
    func resizeKeepsSelection() {
        var state = makeState(Fixture.numbered(30), size: TerminalSize(rows: 40, columns: 120))
        send(&state, .character("G"), .character("k"), .character("k"), .character("k"))
        #expect(state.listScrollTop == 0)
        _ = Reducer.reduce(&state, .resized(TerminalSize(rows: 12, columns: 100)))
        #expect(state.selectedPosition == 26)
        #expect(state.listScrollTop == 19)
        let frame = Renderer.render(state, size: state.size)
        #expect(frame.columns(row: 8, where: \.reverse).count == 35)  // short rows: 35 % of 100 columns
        #expect(frame.line(8).hasPrefix("• Entry 26"))
    }

    @Test("Keys without a binding change nothing")
    func unboundKeys() {
        var state = makeState()
        let effects = send(&state, .character("Z"), .left, .delete, .control("x"), .resize)
        #expect(effects.isEmpty)
        #expect(state.selectedPosition == 0 && state.focus == .list && state.mode == .browsing)
    }

    @Test("An empty blog takes every key without trouble")
    func emptyBlog() {
        var state = makeState(LiveBlog(title: "Empty"))
        let keys: [Key] = [
            .down, .up, .end, .home, .pageDown, .character(" "), .enter, .tab, .character("j"), .character("m"),
            .character("A"), .character("U"), .character("n"), .character("s"), .character("u"),
            .click(row: 2, column: 2), .wheel(row: 2, column: 60, down: true),
        ]
        for key in keys { send(&state, key) }
        type(&state, "/ash")
        send(&state, .enter, .escape)
        #expect(state.listedCount == 0)
        #expect(state.selectedEntryID == nil)
        #expect(screen(state).contains("No entries"))
    }
}
