import LiveBlogCore

extension Renderer {
    /// Put before the headline of an entry whose text changed while followed.
    static let editedBadge = "✎"
    /// Before the headline of a post the page marks as a key event, and of one it pins to the top.
    static let keyEventBadge = "★"
    static let pinnedBadge = "⚑"

    /// "▲ 3 new" at the right end of the title line, in a place of its own: the title is cut short of it, so the
    /// badge never covers a word, and no list row moves (new entries go in above the rows on screen; the badge
    /// says they are there). Nothing when nothing is new or the line is too narrow to hold both. Answers the
    /// cells left for the title.
    static func drawNewBadge(count: Int, _ frame: inout Frame) -> Int {
        let badge = " ▲ \(count) new "
        let badgeWidth = DisplayWidth.of(badge)
        guard count > 0, badgeWidth + 8 <= frame.width else { return frame.width }
        let width = frame.width - badgeWidth
        frame.draw(
            badge, row: 0, column: width, width: badgeWidth,
            style: CellStyle(role: .unreadMarker, bold: true, reverse: true))
        return width
    }

    /// `text` in a column `width` cells wide: cut to it, then padded with blanks.
    static func padded(_ text: String, _ width: Int, style: CellStyle) -> [Glyph] {
        var glyphs = GlyphBuilder.glyphs(text, style: style, singleLine: true, maxWidth: width + 1).cut(to: width)
        glyphs += Array(repeating: Glyph.plain(" "), count: max(0, width - glyphs.cellWidth))
        return glyphs
    }

    /// The status line's text at its left and `? help` at its right end, when both fit; the text cut otherwise.
    static func drawStatusLine(_ glyphs: [Glyph], row: Int, _ frame: inout Frame) {
        let help = "? help"
        if glyphs.cellWidth + 2 + help.count <= frame.width {
            frame.draw(glyphs, row: row, column: 0, width: frame.width)
            frame.draw(help, row: row, column: frame.width - help.count, width: help.count, style: statusStyle)
        } else {
            frame.draw(glyphs.cut(to: frame.width), row: row, column: 0, width: frame.width)
        }
    }
}
