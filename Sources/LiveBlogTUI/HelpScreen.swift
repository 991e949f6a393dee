import LiveBlogCore

/// The `?` screen and the README's key table, both generated from the request table (`Action.table`), so that
/// they always say what the keys do.
public enum HelpScreen {
    /// Help lines for a body `width` cells wide: a heading per group, then one line per action.
    static func lines(width: Int, keymap: Keymap = .standard) -> [[Glyph]] {
        guard width > 0 else { return [] }
        func keysText(_ row: Action.Row) -> String {
            HelpScreen.keysText(row.with(keys: keymap.keys(for: row.action)))
        }
        let keyColumn = min(max(8, width / 3), 2 + Action.table.map { DisplayWidth.of(keysText($0)) }.max()! + 2)
        var result: [[Glyph]] = []
        for group in Action.Group.allCases {
            let rows = Action.table.filter { $0.group == group }
            guard !rows.isEmpty else { continue }
            if !result.isEmpty { result.append([]) }
            result.append(
                GlyphBuilder.glyphs(group.rawValue, style: CellStyle(role: .help, bold: true), singleLine: true).cut(
                    to: width))
            for row in rows {
                var glyphs = GlyphBuilder.glyphs("  " + keysText(row), style: CellStyle(role: .help), singleLine: true)
                if glyphs.cellWidth + 1 > keyColumn {
                    // Keys too long for the column: the text goes on the next line.
                    result.append(glyphs.cut(to: width))
                    glyphs = []
                }
                let pad = keyColumn - glyphs.cellWidth
                glyphs += Array(repeating: Glyph.plain(" "), count: max(0, pad))
                let text = GlyphBuilder.glyphs(row.help, style: .plain, singleLine: true)
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

    /// The keys of a row as help writes them ("j ↓").
    static func keysText(_ row: Action.Row) -> String { row.keyNames.joined(separator: " ") }

    /// The README's key table in Markdown: a bold row per group, then keys, help and the `:` name per action.
    public static func markdownTable() -> String {
        var out = "| Keys | What they do | `:` name |\n|---|---|---|\n"
        for group in Action.Group.allCases {
            let rows = Action.table.filter { $0.group == group }
            guard !rows.isEmpty else { continue }
            out += "| **\(group.rawValue)** | | |\n"
            for row in rows {
                let keys = row.keyNames.map { "`\($0 == "|" ? "\\|" : $0)`" }.joined(separator: " ")
                out += "| \(keys) | \(row.help.replacingOccurrences(of: "|", with: "\\|")) | `\(row.name)` |\n"
            }
        }
        return out
    }
}
