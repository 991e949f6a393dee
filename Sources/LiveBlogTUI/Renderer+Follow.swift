import LiveBlogCore

extension Renderer {
    /// Put before the headline of an entry whose text changed while followed.
    static let editedBadge = "✎"
    /// Before the headline of a post the page marks as a key event, and of one it pins to the top.
    static let keyEventBadge = "★"
    static let pinnedBadge = "⚑"

    /// "▲ 3 new" at the right end of the title line, in a place of its own: the title is cut short of it, so the
    /// badge never covers a word, and no list row moves (new entries go in above the rows on screen; the badge
    /// says they are there). Empty when nothing is new or the line is too narrow to hold both.
    static func newBadge(_ state: ReaderState, width: Int) -> String {
        let count = state.newCount
        guard count > 0 else { return "" }
        let text = " ▲ \(count) new "
        return DisplayWidth.of(text) + 8 <= width ? text : ""
    }
}
