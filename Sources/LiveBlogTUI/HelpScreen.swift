/// The `?` screen, generated from the `Action` table so that it always says what the keys do.
enum HelpScreen {
    /// Help lines for a body `width` cells wide: a heading per group, then one line per action.
    static func lines(width: Int) -> [[Glyph]] {
        guard width > 0 else { return [] }
        let keyColumn = min(max(8, width / 3), 2 + Action.allCases.map { DisplayWidth.ofKeys($0) }.max()! + 2)
        var result: [[Glyph]] = []
        for group in Action.Group.allCases {
            let actions = Action.allCases.filter { $0.group == group }
            guard !actions.isEmpty else { continue }
            if !result.isEmpty { result.append([]) }
            result.append(GlyphBuilder.glyphs(group.rawValue, style: CellStyle(role: .help, bold: true), singleLine: true).cut(to: width))
            for action in actions {
                var glyphs = GlyphBuilder.glyphs("  " + action.keyNames.joined(separator: " "), style: CellStyle(role: .help), singleLine: true)
                if glyphs.cellWidth + 1 > keyColumn {
                    // Keys too long for the column: the text goes on the next line.
                    result.append(glyphs.cut(to: width))
                    glyphs = []
                }
                let pad = keyColumn - glyphs.cellWidth
                glyphs += Array(repeating: Glyph.plain(" "), count: max(0, pad))
                let text = GlyphBuilder.glyphs(action.helpText, style: .plain, singleLine: true)
                if keyColumn + 4 <= width {
                    let wrapped = TextWrap.wrap(text, width: width - keyColumn)
                    for (k, part) in wrapped.enumerated() {
                        let lead = k == 0 ? glyphs : Array(repeating: Glyph.plain(" "), count: keyColumn)
                        result.append(lead + part)
                    }
                } else {
                    result.append(glyphs.cut(to: width))
                    for part in TextWrap.wrap(text, width: width, indent: 0) { result.append(part) }
                }
            }
        }
        return result
    }
}

import LiveBlogCore

extension DisplayWidth {
    /// Cells of an action's keys as help writes them.
    static func ofKeys(_ action: Action) -> Int { of(action.keyNames.joined(separator: " ")) }
}
