import LiveBlogCore

/// One glyph ready for the screen: a base scalar with any combining marks, its width in cells and its style.
///
/// Glyphs are what text becomes after sanitising: control characters are gone (shown as `?`), the joiners the
/// terminals disagree on are stripped, and every glyph is 1 or 2 cells wide, measured per scalar as ncurses does.
struct Glyph: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        case word, space, tab, newline
    }

    var text: String
    var width: Int
    var style: CellStyle
    var kind: Kind
    /// Number of the search match this glyph belongs to, or -1.
    var match: Int = -1

    static func plain(_ text: String, style: CellStyle = .plain) -> Glyph {
        Glyph(text: text, width: 1, style: style, kind: .word)
    }

    static let ellipsis = "…"
}

/// A search match to paint over a run of scalars of one text.
struct Highlight: Equatable, Sendable {
    /// Scalar offsets into the source text.
    var range: Range<Int>
    var number: Int
}

/// Turns text into glyphs.
enum GlyphBuilder {
    /// The glyphs of `text` in `style`; scalars inside a highlight get `matchStyle` and the match number.
    ///
    /// With `singleLine`, tabs and line breaks become spaces (list rows, title, status); past `maxWidth` cells
    /// it stops (enough to decide on an ellipsis).
    static func glyphs(
        _ text: String, style: CellStyle, highlights: [Highlight] = [], matchStyle: CellStyle = CellStyle(role: .match),
        singleLine: Bool = false, maxWidth: Int = .max
    ) -> [Glyph] {
        var result: [Glyph] = []
        var width = 0
        var offset = 0
        var h = 0
        for scalar in text.unicodeScalars {
            defer { offset += 1 }
            if width > maxWidth { break }
            while h < highlights.count && highlights[h].range.upperBound <= offset { h += 1 }
            var cellStyle = style
            var match = -1
            if h < highlights.count && highlights[h].range.contains(offset) {
                cellStyle = matchStyle
                match = highlights[h].number
            }
            let v = scalar.value
            if v == 0x20 {
                result.append(Glyph(text: " ", width: 1, style: cellStyle, kind: .space, match: match))
                width += 1
                continue
            }
            if v == 0x09 {
                result.append(
                    Glyph(
                        text: " ", width: singleLine ? 1 : 0, style: cellStyle, kind: singleLine ? .space : .tab,
                        match: match))
                width += 1
                continue
            }
            if v == 0x0A || v == 0x0D || v == 0x2028 || v == 0x2029 || v == 0x0B || v == 0x0C {
                if v == 0x0D { continue }
                result.append(
                    Glyph(
                        text: " ", width: singleLine ? 1 : 0, style: cellStyle, kind: singleLine ? .space : .newline,
                        match: match))
                width += 1
                continue
            }
            if v < 0x20 || (v >= 0x7F && v < 0xA0) {
                result.append(Glyph(text: "?", width: 1, style: cellStyle, kind: .word, match: match))
                width += 1
                continue
            }
            if v < 0x7F {
                result.append(
                    Glyph(text: String(Character(scalar)), width: 1, style: cellStyle, kind: .word, match: match))
                width += 1
                continue
            }
            if DisplayWidth.isStripped(scalar) { continue }
            let w = DisplayWidth.of(scalar)
            if w <= 0 {
                // Combining marks ride on the glyph before them; other zero-width scalars (format controls such as
                // bidi overrides) are dropped so that nothing reorders or hides text on the terminal.
                if isCombining(scalar), let last = result.indices.last, result[last].kind == .word {
                    result[last].text.unicodeScalars.append(scalar)
                }
                continue
            }
            if DisplayWidth.terminalCells(scalar) < 0 {
                // Unassigned or unprintable: the terminal would show it unpredictably.
                result.append(Glyph(text: "?", width: 1, style: cellStyle, kind: .word, match: match))
                width += 1
                continue
            }
            result.append(
                Glyph(text: String(Character(scalar)), width: min(w, 2), style: cellStyle, kind: .word, match: match))
            width += min(w, 2)
        }
        return result
    }

    /// What `glyphs` (not single-line) makes of one scalar, for counting lines without building glyphs: its kind
    /// and width, or nil when it adds no glyph (a carriage return, a stripped or zero-width scalar).
    static func cell(_ scalar: Unicode.Scalar) -> (kind: Glyph.Kind, width: Int)? {
        let v = scalar.value
        if v == 0x20 { return (.space, 1) }
        if v == 0x09 { return (.tab, 0) }
        if v == 0x0D { return nil }
        if v == 0x0A || v == 0x2028 || v == 0x2029 || v == 0x0B || v == 0x0C { return (.newline, 0) }
        if v < 0xA0 { return (.word, 1) }  // printable ASCII, or a control shown as "?"
        if DisplayWidth.isStripped(scalar) { return nil }
        let w = DisplayWidth.of(scalar)
        if w <= 0 { return nil }
        if DisplayWidth.terminalCells(scalar) < 0 { return (.word, 1) }
        return (.word, min(w, 2))
    }

    private static func isCombining(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }
}

extension Array where Element == Glyph {
    /// Total width in cells (tabs and line breaks count as one).
    var cellWidth: Int { reduce(0) { $0 + $1.width } }

    /// The glyphs cut to `width` cells, with "…" standing for what was cut. A wide glyph that would straddle the
    /// edge is left out rather than overflowing.
    func cut(to width: Int, ellipsisStyle: CellStyle? = nil) -> [Glyph] {
        guard width > 0 else { return [] }
        if cellWidth <= width { return self }
        var result: [Glyph] = []
        var used = 0
        for glyph in self {
            if used + glyph.width > width - 1 { break }
            result.append(glyph)
            used += glyph.width
        }
        let style = ellipsisStyle ?? result.last?.style ?? first?.style ?? .plain
        result.append(Glyph(text: Glyph.ellipsis, width: 1, style: style, kind: .word))
        return result
    }
}
