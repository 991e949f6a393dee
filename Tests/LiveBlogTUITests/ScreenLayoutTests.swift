import Testing

@testable import LiveBlogTUI

/// Where the panes go for a terminal size.
struct ScreenLayoutTests {
    @Test("At 120 columns the list sits left of the detail pane with a divider between")
    func sideBySide() {
        let layout = ScreenLayout(size: TerminalSize(rows: 40, columns: 120))
        #expect(layout.split == .sideBySide)
        #expect(layout.list == Rect(row: 1, column: 0, height: 38, width: 48))
        #expect(layout.divider == Rect(row: 1, column: 48, height: 38, width: 1))
        #expect(layout.detail == Rect(row: 1, column: 49, height: 38, width: 71))
        #expect(layout.detailText == Rect(row: 1, column: 50, height: 38, width: 69))
        #expect(layout.statusRow == 39)
    }

    @Test("Under 90 columns the list goes above the detail pane")
    func stacked() {
        #expect(ScreenLayout(size: TerminalSize(rows: 24, columns: 90)).split == .sideBySide)
        let layout = ScreenLayout(size: TerminalSize(rows: 24, columns: 89))
        #expect(layout.split == .stacked)
        #expect(layout.list == Rect(row: 1, column: 0, height: 8, width: 89))
        #expect(layout.divider == Rect(row: 9, column: 0, height: 1, width: 89))
        #expect(layout.detail == Rect(row: 10, column: 0, height: 13, width: 89))
    }

    @Test("Below 30×8 only the note fits")
    func tooSmall() {
        #expect(ScreenLayout(size: TerminalSize(rows: 8, columns: 30)).split == .stacked)
        #expect(ScreenLayout(size: TerminalSize(rows: 7, columns: 200)).isTooSmall)
        #expect(ScreenLayout(size: TerminalSize(rows: 50, columns: 29)).isTooSmall)
        #expect(ScreenLayout(size: TerminalSize(rows: 0, columns: 0)).isTooSmall)
        #expect(ScreenLayout(size: TerminalSize(rows: -3, columns: -1)).isTooSmall)
    }

    @Test("Every pane stays inside the screen at every size up to 130×45")
    func panesInside() {
        for rows in 0...45 {
            for columns in 0...130 {
                let layout = ScreenLayout(size: TerminalSize(rows: rows, columns: columns))
                for rect in [layout.list, layout.divider, layout.detail, layout.detailText, layout.body] {
                    #expect(
                        rect.row >= 0 && rect.row + rect.height <= rows && rect.column >= 0
                            && rect.column + rect.width <= columns)
                }
                if !layout.isTooSmall {
                    #expect(layout.list.height >= 2 && layout.detailText.height >= 3 && layout.detailText.width >= 20)
                }
            }
        }
    }
}
