import Testing

@testable import LiveBlogTUI

/// Cursor and scroll of a list, with two rows of context (newsboat's list movement, as a value type).
struct ListMovementTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var start: (cursor: Int, top: Int)
        var op: @Sendable (inout ListMovement) -> Void
        var end: (cursor: Int, top: Int)
        var testDescription: String { name }
    }

    static let count = 100
    static let height = 10

    static let cases: [Case] = [
        Case(
            name: "down from the top moves without scrolling", start: (0, 0),
            op: { $0.move(by: 1, count: count, height: height) }, end: (1, 0)),
        Case(
            name: "down keeps two rows of context below", start: (7, 0),
            op: { $0.move(by: 1, count: count, height: height) }, end: (8, 1)),
        Case(
            name: "up keeps two rows of context above", start: (12, 10),
            op: { $0.move(by: -1, count: count, height: height) }, end: (11, 9)),
        Case(
            name: "up at the first entry stays", start: (0, 0), op: { $0.move(by: -1, count: count, height: height) },
            end: (0, 0)),
        Case(
            name: "down at the last entry stays", start: (99, 90), op: { $0.move(by: 1, count: count, height: height) },
            end: (99, 90)),
        Case(
            name: "the last entry may sit on the last row", start: (97, 90),
            op: { $0.move(by: 2, count: count, height: height) }, end: (99, 90)),
        Case(
            name: "select far below scrolls it into view with context", start: (0, 0),
            op: { $0.select(50, count: count, height: height) }, end: (50, 43)),
        Case(
            name: "select past the end clamps to the last", start: (0, 0),
            op: { $0.select(500, count: count, height: height) }, end: (99, 90)),
        Case(
            name: "page down moves view and cursor a page", start: (3, 0),
            op: { $0.page(by: 10, count: count, height: height) }, end: (13, 10)),
        Case(
            name: "page down from the first row keeps context rows", start: (0, 0),
            op: { $0.page(by: 10, count: count, height: height) }, end: (12, 10)),
        Case(
            name: "page down near the end stops the view and moves the cursor on", start: (93, 88),
            op: { $0.page(by: 10, count: count, height: height) }, end: (99, 90)),
        Case(
            name: "page up at the top goes to the first entry", start: (4, 0),
            op: { $0.page(by: -10, count: count, height: height) }, end: (0, 0)),
        Case(name: "half page down", start: (2, 0), op: { $0.page(by: 5, count: count, height: height) }, end: (7, 5)),
        Case(
            name: "wheel scrolls the view and drags the cursor along", start: (2, 0),
            op: { $0.scrollView(by: 3, count: count, height: height) }, end: (5, 3)),
        Case(
            name: "wheel leaves a cursor that stays in view alone", start: (6, 0),
            op: { $0.scrollView(by: 3, count: count, height: height) }, end: (6, 3)),
        Case(
            name: "a shrunken list brings the cursor back", start: (80, 75), op: { $0.clamp(count: 5, height: height) },
            end: (4, 0)),
        Case(
            name: "an empty list puts everything at zero", start: (8, 3), op: { $0.clamp(count: 0, height: height) },
            end: (0, 0)),
        Case(
            name: "a one-row pane has no room for context", start: (5, 5),
            op: { $0.move(by: 1, count: count, height: 1) }, end: (6, 6)),
    ]

    @Test("List movement", arguments: cases)
    func movement(_ c: Case) {
        var list = ListMovement(cursor: c.start.cursor, top: c.start.top)
        c.op(&list)
        #expect(list.cursor == c.end.cursor)
        #expect(list.top == c.end.top)
    }

    @Test("Moving anywhere always leaves the cursor on screen and the view in range")
    func invariants() {
        for height in [1, 2, 3, 5, 10] {
            for count in [0, 1, 3, 10, 37] {
                var list = ListMovement()
                for delta in [1, 1, 5, -2, 40, -100, 7, 3, 3, -1] {
                    list.move(by: delta, count: count, height: height)
                    list.page(by: delta * 2, count: count, height: height)
                    list.scrollView(by: -delta, count: count, height: height)
                    #expect(list.cursor >= 0 && list.cursor <= max(0, count - 1))
                    #expect(list.top >= 0 && list.top <= max(0, count - height))
                    if count > 0 { #expect(list.cursor >= list.top && list.cursor < list.top + height) }
                }
            }
        }
    }
}
