import LiveBlogCore

/// The lines of one entry laid out for the detail pane: headline, time, paragraphs, related links.
///
/// Only the shown entry is ever laid out, and of it only the lines in `window` are kept: the others are counted
/// (for scrolling) and searched for match positions, then dropped. A paragraph longer than
/// ``slicedParagraphScalars`` is wrapped in slices of about ``sliceBytes`` (each slice starts a new line), and
/// a slice with no match on it that lies off screen is counted without building glyphs, so a 20 MB paragraph
/// costs memory for a screenful and one quick pass to count its lines.
struct DetailLayout: Sendable {
    /// How many lines the whole entry takes.
    private(set) var lineCount = 0
    /// The line numbers kept; `line(_:)` is empty outside it.
    let window: Range<Int>
    private var windowLines: [[Glyph]] = []
    /// Line of each search match, in reading order; `matchNumbers[k]` is the match drawn on `matchLines[k]`.
    private(set) var matchLines: [Int] = []
    private(set) var matchNumbers: [Int] = []

    static let headlineStyle = CellStyle(role: .headline, bold: true)
    static let matchStyle = CellStyle(role: .match, reverse: true)
    static let currentMatchStyle = CellStyle(role: .match, bold: true, reverse: true, underline: true)
    /// Paragraphs with more scalars than this are wrapped in slices.
    static let slicedParagraphScalars = 32_768
    /// The length of a slice in bytes (it ends at the next space after this many).
    static let sliceBytes = 8_192

    /// Lays out `entry` for `width` cells, painting `matches` (from `EntryMatcher`) and marking `isNew`;
    /// keeps the lines in `window` (all lines when nil).
    /// `time` is the line shown under the headline (the full date and time; the entry's own words by default).
    init(
        entry: Entry, width: Int, matches: [SearchMatch] = [], isNew: Bool = false, isEdited: Bool = false,
        window: Range<Int>? = nil, time: String?? = nil
    ) {
        self.window = window ?? 0..<Int.max
        guard width > 0 else { return }
        var sink = LineSink(window: self.window)

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
            for line in TextWrap.wrap(glyphs, width: width, indent: indent) { sink.emit(line) }
        }

        if let headline = entry.headline { add(text(headline, Self.headlineStyle, .headline, nil)) }
        var meta: [Glyph] = []
        if let time = time ?? entry.time {
            meta += GlyphBuilder.glyphs(time, style: CellStyle(role: .time), singleLine: true)
        }
        var notes: [(String, CellStyle.Role)] = []
        if entry.flags.contains(.keyEvent) { notes.append(("key event", .dim)) }
        if entry.flags.contains(.pinned) { notes.append(("pinned", .dim)) }
        if isNew { notes.append(("new", .unreadMarker)) }
        if isEdited { notes.append(("edited", .unreadMarker)) }
        for (note, role) in notes {
            if !meta.isEmpty { meta += GlyphBuilder.glyphs(" · ", style: CellStyle(role: .dim)) }
            meta += GlyphBuilder.glyphs(note, style: CellStyle(role: role))
        }
        if !meta.isEmpty { add(meta) }
        if sink.total > 0 { sink.emit([]) }

        for (i, paragraph) in entry.paragraphs.enumerated() {
            if i > 0 { sink.emit([]) }
            if paragraph.utf8.count > Self.slicedParagraphScalars
                && paragraph.unicodeScalars.count > Self.slicedParagraphScalars
            {
                Self.addSliced(paragraph, highlights: highlights(.paragraph, i), width: width, into: &sink)
            } else if let marked = Self.markedLinks(
                paragraph, index: i, entry: entry, highlights: highlights(.paragraph, i))
            {
                add(marked)
            } else {
                add(text(paragraph, .plain, .paragraph, i))
            }
        }
        if !entry.related.isEmpty {
            if !entry.paragraphs.isEmpty { sink.emit([]) }
            let linkStyle = CellStyle(role: .related)
            for (i, link) in entry.related.enumerated() {
                var glyphs = GlyphBuilder.glyphs(
                    Self.symbol(link.kind) + " " + link.kind.rawValue + ": ", style: linkStyle)
                glyphs += text(link.title, CellStyle(role: .related, bold: true), .relatedTitle, i)
                if let summary = link.summary {
                    glyphs += GlyphBuilder.glyphs(" — ", style: linkStyle)
                    glyphs += text(summary, linkStyle, .relatedSummary, i)
                }
                add(glyphs, indent: 2)
            }
        }
        let links = Self.links(of: entry)
        if !links.isEmpty {
            if sink.total > 0 { sink.emit([]) }
            for (n, link) in links.enumerated() {
                var glyphs = GlyphBuilder.glyphs("[\(n + 1)] ", style: CellStyle(role: .related, bold: true))
                if !link.text.isEmpty && link.text != link.url {
                    glyphs += GlyphBuilder.glyphs(link.text + " ", style: CellStyle(role: .related), singleLine: true)
                }
                glyphs += GlyphBuilder.glyphs(link.url, style: CellStyle(role: .dim), singleLine: true)
                add(glyphs, indent: 4)
            }
        }
        sink.finish()
        lineCount = sink.total
        windowLines = sink.kept
        matchLines = sink.matchLines
        matchNumbers = sink.matchNumbers
    }

    /// Line `n` of the entry, or nothing when it is outside the window (or the entry).
    func line(_ n: Int) -> [Glyph] {
        guard window.contains(n), n - window.lowerBound < windowLines.count else { return [] }
        return windowLines[n - window.lowerBound]
    }

    /// Every kept line (all lines when no window was given).
    var lines: [[Glyph]] { windowLines }

    /// Wraps a huge paragraph slice by slice: each slice is laid out on its own, and one that lies wholly off
    /// screen and has no match is only counted.
    private static func addSliced(_ paragraph: String, highlights: [Highlight], width: Int, into sink: inout LineSink) {
        let bytes = Array(paragraph.utf8)
        var start = 0
        var scalarBase = 0
        var h = 0
        while start < bytes.count {
            var end = min(bytes.count, start + sliceBytes)
            while end < bytes.count && bytes[end - 1] != 0x20 && end - start < 2 * sliceBytes { end += 1 }
            while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }  // never inside a character
            var scalars = 0
            for k in start..<end where bytes[k] & 0xC0 != 0x80 { scalars += 1 }
            let range = scalarBase..<(scalarBase + scalars)
            while h < highlights.count && highlights[h].range.upperBound <= range.lowerBound { h += 1 }
            var local: [Highlight] = []
            var k = h
            while k < highlights.count && highlights[k].range.lowerBound < range.upperBound {
                let r = highlights[k].range.clamped(to: range)
                local.append(
                    Highlight(
                        range: (r.lowerBound - scalarBase)..<(r.upperBound - scalarBase), number: highlights[k].number))
                k += 1
            }
            let slice = String(decoding: bytes[start..<end], as: UTF8.self)
            let counted = local.isEmpty ? TextWrap.countLines(slice[...].unicodeScalars, width: width) : nil
            if let counted, !sink.window.overlaps(sink.total..<(sink.total + counted)) {
                sink.skip(counted)
            } else {
                let glyphs = GlyphBuilder.glyphs(slice, style: .plain, highlights: local, matchStyle: matchStyle)
                for line in TextWrap.wrap(glyphs, width: width) { sink.emit(line) }
            }
            scalarBase += scalars
            start = end
        }
    }

    /// Paragraph `index` with its links underlined and followed by their numbers ("the offer[1]"), so that
    /// `1`–`9` can be read off the text; nil when it has no link whose text can be found in it.
    static func markedLinks(_ paragraph: String, index: Int, entry: Entry, highlights: [Highlight]) -> [Glyph]? {
        let inParagraph = entry.links.filter { $0.paragraph == index && !$0.text.isEmpty }
        guard !inParagraph.isEmpty else { return nil }
        let numbers = Dictionary(
            links(of: entry).enumerated().map { ($1.url, $0 + 1) }, uniquingKeysWith: { a, _ in a })
        let scalars = Array(paragraph.unicodeScalars)
        // Each link's text, found in order after the previous one: (start, end, number).
        var spans: [(Int, Int, Int)] = []
        var from = 0
        for link in inParagraph {
            let needle = Array(link.text.unicodeScalars)
            guard let number = numbers[link.url], needle.count <= scalars.count else { continue }
            var found: Int?
            var k = from
            while k + needle.count <= scalars.count {
                if scalars[k] == needle[0] && Array(scalars[k..<(k + needle.count)]) == needle {
                    found = k
                    break
                }
                k += 1
            }
            guard let start = found else { continue }
            spans.append((start, start + needle.count, number))
            from = start + needle.count
        }
        guard !spans.isEmpty else { return nil }
        func piece(_ range: Range<Int>, _ style: CellStyle) -> [Glyph] {
            let local = highlights.compactMap { h -> Highlight? in
                let r = h.range.clamped(to: range)
                return r.isEmpty
                    ? nil
                    : Highlight(
                        range: (r.lowerBound - range.lowerBound)..<(r.upperBound - range.lowerBound), number: h.number)
            }
            let text = String(String.UnicodeScalarView(scalars[range]))
            return GlyphBuilder.glyphs(text, style: style, highlights: local, matchStyle: matchStyle)
        }
        var glyphs: [Glyph] = []
        var at = 0
        for (start, end, number) in spans {
            glyphs += piece(at..<start, .plain)
            glyphs += piece(start..<end, CellStyle(role: .normal, underline: true))
            glyphs += GlyphBuilder.glyphs("[\(number)]", style: CellStyle(role: .related, bold: true))
            at = end
        }
        glyphs += piece(at..<scalars.count, .plain)
        return glyphs
    }

    /// The entry's links as the detail pane numbers them (from 1): those in its paragraphs, each address once.
    static func links(of entry: Entry) -> [EntryLink] {
        var seen = Set<String>()
        return entry.links.filter { seen.insert($0.url).inserted }
    }

    static func symbol(_ kind: RelatedLink.Kind) -> String {
        switch kind {
        case .story: "→"
        case .gallery: "▣"
        case .video: "▶"
        }
    }

    /// Largest useful scroll position for a pane of `height` rows.
    func maxScroll(height: Int) -> Int { max(0, lineCount - max(1, height)) }
}

/// Receives the lines of a layout in order: counts them all, keeps those in the window, notes where each match
/// starts, and drops one trailing empty line.
private struct LineSink {
    let window: Range<Int>
    private(set) var total = 0
    private(set) var kept: [[Glyph]] = []
    private(set) var matchLines: [Int] = []
    private(set) var matchNumbers: [Int] = []
    private var seen = Set<Int>()
    /// An empty line held back until another line follows it: the last line of a layout is never empty.
    private var heldEmpty = false

    init(window: Range<Int>) { self.window = window }

    mutating func emit(_ line: [Glyph]) {
        releaseHeld()
        if line.isEmpty {
            heldEmpty = true
            total += 1
            return
        }
        store(line, at: total)
        total += 1
    }

    /// Lines counted but not built (none of them empty or holding a match).
    mutating func skip(_ count: Int) {
        guard count > 0 else { return }
        releaseHeld()
        total += count
    }

    mutating func finish() {
        if heldEmpty {
            heldEmpty = false
            total -= 1
        }
    }

    private mutating func releaseHeld() {
        guard heldEmpty else { return }
        heldEmpty = false
        store([], at: total - 1)
    }

    private mutating func store(_ line: [Glyph], at number: Int) {
        for glyph in line where glyph.match >= 0 && !seen.contains(glyph.match) {
            seen.insert(glyph.match)
            matchLines.append(number)
            matchNumbers.append(glyph.match)
        }
        if window.contains(number) { kept.append(line) }
    }
}
