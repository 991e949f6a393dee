import LiveBlogCore

/// The lines of one entry laid out for the detail pane: headline, time, paragraphs, related links.
///
/// Only the shown entry is ever laid out, so the cost does not grow with the blog.
struct DetailLayout: Sendable {
    var lines: [[Glyph]]
    /// Line of each search match, in reading order; `matchNumbers[k]` is the match drawn on `matchLines[k]`.
    var matchLines: [Int]
    var matchNumbers: [Int]

    static let headlineStyle = CellStyle(role: .headline, bold: true)
    static let matchStyle = CellStyle(role: .match, reverse: true)
    static let currentMatchStyle = CellStyle(role: .match, bold: true, reverse: true, underline: true)

    /// Lays out `entry` for `width` cells, painting `matches` (from `EntryMatcher`) and marking `isNew`.
    init(entry: Entry, width: Int, matches: [SearchMatch] = [], isNew: Bool = false) {
        lines = []
        matchLines = []
        matchNumbers = []
        guard width > 0 else { return }

        func highlights(_ field: SearchField, _ index: Int?) -> [Highlight] {
            var result: [Highlight] = []
            for (number, match) in matches.enumerated() where match.field == field && match.paragraph == index {
                result.append(Highlight(range: match.start..<(match.start + match.length), number: number))
            }
            return result.sorted { $0.range.lowerBound < $1.range.lowerBound }
        }
        func text(_ s: String, _ style: CellStyle, _ field: SearchField, _ index: Int?) -> [Glyph] {
            GlyphBuilder.glyphs(s, style: style, highlights: highlights(field, index), matchStyle: Self.matchStyle)
        }
        func add(_ glyphs: [Glyph], indent: Int = 0) {
            lines.append(contentsOf: TextWrap.wrap(glyphs, width: width, indent: indent))
        }

        if let headline = entry.headline { add(text(headline, Self.headlineStyle, .headline, nil)) }
        var meta: [Glyph] = []
        if let time = entry.time {
            meta += GlyphBuilder.glyphs(time, style: CellStyle(role: .time), singleLine: true)
        }
        var notes: [(String, CellStyle.Role)] = []
        if entry.flags.contains(.keyEvent) { notes.append(("key event", .dim)) }
        if entry.flags.contains(.pinned) { notes.append(("pinned", .dim)) }
        if isNew { notes.append(("new", .unreadMarker)) }
        for (note, role) in notes {
            if !meta.isEmpty { meta += GlyphBuilder.glyphs(" · ", style: CellStyle(role: .dim)) }
            meta += GlyphBuilder.glyphs(note, style: CellStyle(role: role))
        }
        if !meta.isEmpty { add(meta) }
        if !lines.isEmpty { lines.append([]) }

        for (i, paragraph) in entry.paragraphs.enumerated() {
            if i > 0 { lines.append([]) }
            add(text(paragraph, .plain, .paragraph, i))
        }
        if !entry.related.isEmpty {
            if !entry.paragraphs.isEmpty { lines.append([]) }
            let linkStyle = CellStyle(role: .related)
            for (i, link) in entry.related.enumerated() {
                var glyphs = GlyphBuilder.glyphs(Self.symbol(link.kind) + " " + link.kind.rawValue + ": ", style: linkStyle)
                glyphs += text(link.title, CellStyle(role: .related, bold: true), .relatedTitle, i)
                if let summary = link.summary {
                    glyphs += GlyphBuilder.glyphs(" — ", style: linkStyle)
                    glyphs += text(summary, linkStyle, .relatedSummary, i)
                }
                add(glyphs, indent: 2)
            }
        }
        if lines.last?.isEmpty == true { lines.removeLast() }

        // Where each match starts, in reading order.
        var seen = Set<Int>()
        for (lineNumber, line) in lines.enumerated() {
            for glyph in line where glyph.match >= 0 && !seen.contains(glyph.match) {
                seen.insert(glyph.match)
                matchLines.append(lineNumber)
                matchNumbers.append(glyph.match)
            }
        }
    }

    static func symbol(_ kind: RelatedLink.Kind) -> String {
        switch kind {
        case .story: "→"
        case .gallery: "▣"
        case .video: "▶"
        }
    }

    /// Largest useful scroll position for a pane of `height` rows.
    func maxScroll(height: Int) -> Int { max(0, lines.count - max(1, height)) }
}
