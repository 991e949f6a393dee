extension Frame {
    /// Draws glyphs from `column` on `row`, never past `column + width` nor the frame's edge. A wide glyph that
    /// does not fit leaves a blank. Returns the column after the last cell written.
    @discardableResult
    mutating func draw(_ glyphs: [Glyph], row: Int, column: Int, width: Int) -> Int {
        guard row >= 0, row < height, column >= 0 else { return column }
        let limit = min(self.width, column + max(0, width))
        var x = column
        for glyph in glyphs {
            if x >= limit { break }
            let w = max(1, glyph.width)
            if x + w > limit {
                self[row, x] = Cell(text: " ", style: glyph.style)
                x += 1
                break
            }
            self[row, x] = Cell(text: glyph.text, style: glyph.style)
            if w == 2 { self[row, x + 1] = Cell(text: "", style: glyph.style, isContinuation: true) }
            x += w
        }
        return x
    }

    /// Draws plain text (sanitised, single line), cut with "…" to `width`.
    @discardableResult
    mutating func draw(_ text: String, row: Int, column: Int, width: Int, style: CellStyle) -> Int {
        let glyphs = GlyphBuilder.glyphs(text, style: style, singleLine: true, maxWidth: width + 1).cut(to: width)
        return draw(glyphs, row: row, column: column, width: width)
    }

    /// Sets `count` cells from `column` on `row` to blanks in `style`.
    mutating func fill(row: Int, column: Int, count: Int, style: CellStyle, text: String = " ") {
        guard row >= 0, row < height else { return }
        let start = max(0, column)
        let end = min(width, column + count)
        guard start < end else { return }
        for x in start..<end { self[row, x] = Cell(text: text, style: style) }
    }

    /// Restyles the cells of a row segment (keeping their text), e.g. to highlight a selected row.
    mutating func restyle(row: Int, column: Int, count: Int, _ change: (inout CellStyle) -> Void) {
        guard row >= 0, row < height else { return }
        let start = max(0, column)
        let end = min(width, column + count)
        guard start < end else { return }
        for x in start..<end {
            var cell = self[row, x]
            change(&cell.style)
            self[row, x] = cell
        }
    }
}
