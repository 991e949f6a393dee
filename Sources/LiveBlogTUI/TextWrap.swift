/// Word wrapping of glyphs to a width in cells.
enum TextWrap {
    static let tabStop = 8

    /// Lines of at most `width` cells. Words go whole onto a line where they fit; a word wider than the line is
    /// broken; blanks at a break are dropped; tabs expand to the next tab stop; line breaks in the text are kept.
    /// Continuation lines start with `indent` blank cells (a hanging indent).
    static func wrap(_ glyphs: [Glyph], width: Int, indent: Int = 0) -> [[Glyph]] {
        guard width > 0 else { return [] }
        let indent = indent > 0 && indent + 2 <= width ? indent : 0
        var lines: [[Glyph]] = []
        var line: [Glyph] = []
        var column = 0
        var lineStart = 0
        var pending: [Glyph] = []
        var pendingWidth = 0

        func newLine(continuation: Bool) {
            lines.append(line)
            line = []
            column = 0
            lineStart = 0
            if continuation && indent > 0 {
                line = Array(repeating: Glyph(text: " ", width: 1, style: .plain, kind: .space), count: indent)
                column = indent
                lineStart = indent
            }
        }
        func placePending() {
            line.append(contentsOf: pending)
            column += pendingWidth
            dropPending()
        }
        func dropPending() {
            pending.removeAll(keepingCapacity: true)
            pendingWidth = 0
        }

        var i = 0
        let n = glyphs.count
        while i < n {
            switch glyphs[i].kind {
            case .newline:
                dropPending()
                newLine(continuation: false)
                i += 1
            case .space, .tab:
                var g = glyphs[i]
                if g.kind == .tab {
                    let spaces = tabStop - (column + pendingWidth) % tabStop
                    g.kind = .space
                    g.width = 1
                    g.text = " "
                    for _ in 0..<spaces { pending.append(g) }
                    pendingWidth += spaces
                } else {
                    pending.append(g)
                    pendingWidth += g.width
                }
                i += 1
            case .word:
                var j = i
                var wordWidth = 0
                while j < n, glyphs[j].kind == .word {
                    wordWidth += glyphs[j].width
                    j += 1
                }
                if column + pendingWidth + wordWidth <= width {
                    placePending()
                    line.append(contentsOf: glyphs[i..<j])
                    column += wordWidth
                } else if wordWidth <= width - indent {
                    dropPending()
                    if column > lineStart { newLine(continuation: true) }
                    line.append(contentsOf: glyphs[i..<j])
                    column += wordWidth
                } else {
                    // Longer than a line: break it, starting on this line if some room is left.
                    if column + pendingWidth < width {
                        placePending()
                    } else {
                        dropPending()
                        newLine(continuation: true)
                    }
                    for g in glyphs[i..<j] {
                        if g.width > width { continue }  // can never be shown whole
                        if column + g.width > width { newLine(continuation: true) }
                        line.append(g)
                        column += g.width
                    }
                }
                i = j
            }
        }
        lines.append(line)
        return lines
    }

    /// How many lines `wrap` makes of the glyphs of `text` (no indent): the same steps, on the kinds and widths
    /// `GlyphBuilder.cell` gives, without building glyphs. Words longer than a line are measured glyph by glyph.
    static func countLines(_ text: Substring.UnicodeScalarView, width: Int) -> Int {
        guard width > 0 else { return 0 }
        var lines = 0
        var column = 0
        var pendingWidth = 0
        var wordWidth = 0
        var wordGlyphs: [Int] = []
        func endWord() {
            guard wordWidth > 0 || !wordGlyphs.isEmpty else { return }
            if column + pendingWidth + wordWidth <= width {
                column += pendingWidth + wordWidth
            } else if wordWidth <= width {
                if column > 0 { lines += 1 }
                column = wordWidth
            } else {
                if column + pendingWidth < width {
                    column += pendingWidth
                } else {
                    lines += 1
                    column = 0
                }
                for w in wordGlyphs where w <= width {
                    if column + w > width {
                        lines += 1
                        column = 0
                    }
                    column += w
                }
            }
            pendingWidth = 0
            wordWidth = 0
            wordGlyphs.removeAll(keepingCapacity: true)
        }
        for scalar in text {
            let cell: (kind: Glyph.Kind, width: Int)
            if scalar.value > 0x20 && scalar.value < 0x7F {
                cell = (.word, 1)
            } else if let c = GlyphBuilder.cell(scalar) {
                cell = c
            } else {
                continue
            }
            switch cell.kind {
            case .word:
                wordWidth += cell.width
                wordGlyphs.append(cell.width)
            case .space:
                endWord()
                pendingWidth += 1
            case .tab:
                endWord()
                pendingWidth += tabStop - (column + pendingWidth) % tabStop
            case .newline:
                endWord()
                pendingWidth = 0
                lines += 1
                column = 0
            }
        }
        endWord()
        return lines + 1
    }
}
