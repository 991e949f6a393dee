import LiveBlogCore

extension Renderer {
    /// Put before the headline of an entry whose text changed while followed.
    static let editedBadge = "✎"

    /// "▲ 3 new" at the top right of the list, over the title line, so that it moves no list row: new entries
    /// go in above the rows on screen, and the marker says they are there.
    static func drawNewMarker(_ state: ReaderState, _ layout: ScreenLayout, _ frame: inout Frame) {
        let count = state.newCount
        guard count > 0, layout.list.row > 0 else { return }
        let text = " ▲ \(count) new "
        let width = DisplayWidth.of(text)
        let rect = layout.list
        guard rect.width >= width + 4 else { return }
        frame.draw(
            text, row: rect.row - 1, column: rect.column + rect.width - width - 1, width: width,
            style: CellStyle(role: .unreadMarker, bold: true, reverse: true))
    }
}
