/// The parser's working state for one text: classifies lines, then groups them into entries.
struct BlogAssembler {
    /// A trimmed line of the normalised text, as a byte range.
    struct Line {
        var start: Int
        var end: Int
        /// 1-based line number in the source.
        var number: Int
    }

    enum LineClass {
        case dropped
        case time(PostTime)
        case flag(EntryFlags)
        case cardIntro
        case media(RelatedLink.Kind)
        case separator
        case text
    }

    let text: UnsafeBufferPointer<UInt8>
    let rules: BoilerplateRules
    var lines: [Line] = []
    var classes: [LineClass] = []
    var diagnostics: [Diagnostic] = []

    init(text: UnsafeBufferPointer<UInt8>, rules: BoilerplateRules) {
        self.text = text
        self.rules = rules
    }

    // MARK: - Lines

    func bytes(_ i: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: text[lines[i].start..<lines[i].end])
    }

    func string(_ i: Int) -> String {
        String(decoding: bytes(i), as: UTF8.self)
    }

    /// Splits the text into trimmed, non-empty lines.
    mutating func splitLines() {
        var number = 1
        var start = 0
        let n = text.count
        lines.reserveCapacity(n / 80 + 1)
        text.withMemoryRebound(to: UInt8.self) { buf in
            var i = 0
            while i <= n {
                if i == n || buf[i] == 0x0A {
                    var s = start, e = i
                    while s < e && (buf[s] == 0x20 || buf[s] == 0x09) { s += 1 }
                    while e > s && (buf[e - 1] == 0x20 || buf[e - 1] == 0x09) { e -= 1 }
                    if e > s { lines.append(Line(start: s, end: e, number: number)) }
                    number += 1
                    start = i + 1
                    if i == n { break }
                    // memchr is far faster than a byte loop on long paragraphs.
                    let rest = n - start
                    if rest > 0, let p = memchr(buf.baseAddress! + start, 0x0A, rest) {
                        i = buf.baseAddress!.distance(to: p.assumingMemoryBound(to: UInt8.self))
                    } else {
                        i = n
                    }
                    continue
                }
                i += 1
            }
        }
    }

    // MARK: - Running

    mutating func run() -> LiveBlog {
        splitLines()
        classes = [LineClass](repeating: .text, count: lines.count)
        dropBlocksAndGluedSentences()
        dropFooter()
        for i in lines.indices {
            if case .dropped = classes[i] { continue }
            classes[i] = classify(i)
        }
        guard let titleIndex = lines.indices.first(where: { if case .text = classes[$0] { return true } else { return false } })
        else {
            if lines.isEmpty { diagnostics.append(Diagnostic(line: 0, kind: .note, message: "the input is empty")) }
            return LiveBlog(title: "", entries: [], diagnostics: diagnostics)
        }
        var blog = LiveBlog(title: string(titleIndex))
        var next = titleIndex + 1
        // The line after the title is its standfirst, unless it is a time, a flag, a card or a list item.
        if let s = nextSignificant(after: titleIndex), isText(s), lines[s].end - lines[s].start <= 600,
            !LineShape.isListItem(bytes(s)) {
            blog.standfirst = string(s)
            next = s + 1
        }
        var builder = EntryListBuilder()
        assembleEntries(from: next, into: &builder)
        blog.entries = builder.finish(diagnostics: &diagnostics)
        blog.diagnostics = diagnostics.sorted { $0.line < $1.line }
        return blog
    }

    // MARK: - Blocks, glued sentences, footer

    mutating func dropBlocksAndGluedSentences() {
        guard rules.has(.block) || rules.has(.glued) else { return }
        var i = 0
        while i < lines.count {
            let line = bytes(i)
            if let block = rules.match(.block, line) {
                var end: Int?
                var k = i
                while k < min(lines.count, i + 12) {
                    if rules.gluedSentenceLength(bytes(k), endOf: block) != nil { end = k; break }
                    k += 1
                }
                if let end {
                    for d in i..<end { drop(d, because: "\(block.description) (\(block.origin))") }
                    trimGluedStart(end, length: rules.gluedSentenceLength(bytes(end), endOf: block)!, rule: block)
                    i = end + 1
                    continue
                }
                drop(i, because: "\(block.description) (\(block.origin)), its end was not found")
            } else if let length = rules.gluedSentenceLength(line) {
                trimGluedStart(i, length: length, rule: nil)
            }
            i += 1
        }
    }

    mutating func trimGluedStart(_ i: Int, length: Int, rule: BoilerplateRules.Rule?) {
        var s = lines[i].start + length
        while s < lines[i].end && text[s] == 0x20 { s += 1 }
        let dropped = String(decoding: UnsafeBufferPointer(rebasing: text[lines[i].start..<(lines[i].start + length)]), as: UTF8.self)
        diagnostics.append(Diagnostic(line: lines[i].number, kind: .dropped,
                                      message: "dropped the glued sentence “\(dropped)” at the start of the line"))
        lines[i].start = s
        if s >= lines[i].end { classes[i] = .dropped }
    }

    /// Drops the page footer: from the earliest footer line among the last lines to the end.
    mutating func dropFooter() {
        guard rules.has(.footer), !lines.isEmpty else { return }
        let window = max(0, lines.count - 12)
        var footerStart: Int?
        for i in stride(from: lines.count - 1, through: window, by: -1) where rules.match(.footer, bytes(i)) != nil {
            footerStart = i
        }
        guard let start = footerStart else { return }
        for i in start..<lines.count { drop(i, because: "page footer from line \(lines[start].number)") }
    }

    mutating func drop(_ i: Int, because reason: String) {
        if case .dropped = classes[i] { return }
        classes[i] = .dropped
        diagnostics.append(Diagnostic(line: lines[i].number, kind: .dropped, message: "\(reason): “\(preview(i))”"))
    }

    func preview(_ i: Int) -> String {
        let s = string(i)
        return s.count > 60 ? String(s.prefix(59)) + "…" : s
    }

    // MARK: - Classifying

    mutating func classify(_ i: Int) -> LineClass {
        let line = bytes(i)
        if line.count <= TimeLineRecognizer.maximumLength, let time = TimeLineRecognizer.recognize(Substring(string(i))) {
            return .time(time)
        }
        if LineShape.isSeparator(line) { return .separator }
        if line.count <= 40 {
            if rules.match(.keyEvent, line) != nil { return .flag(.keyEvent) }
            if rules.match(.pinned, line) != nil { return .flag(.pinned) }
            if rules.match(.card, line) != nil { return .cardIntro }
        }
        if let rule = rules.match(.line, line) ?? rules.match(.prefix, line)
            ?? (line.count <= 300 ? rules.match(.pattern, line) : nil) {
            drop(i, because: "\(rule.description) (\(rule.origin))")
            return .dropped
        }
        if rules.match(.gallery, line) != nil { return .media(.gallery) }
        if rules.match(.video, line) != nil { return .media(.video) }
        return .text
    }

    func nextSignificant(after i: Int) -> Int? {
        var k = i + 1
        while k < lines.count {
            if case .dropped = classes[k] { k += 1; continue }
            return k
        }
        return nil
    }

    func isText(_ i: Int?) -> Bool {
        guard let i else { return false }
        if case .text = classes[i] { return true }
        return false
    }

    /// A short, unpunctuated line that the next line shows to be a headline: it is followed by a paragraph.
    func isHeadline(_ i: Int) -> Bool {
        guard LineShape.isHeadlineShaped(bytes(i)) else { return false }
        guard let n = nextSignificant(after: i) else { return false }
        switch classes[n] {
        case .text:
            return !LineShape.isHeadlineShaped(bytes(n)) || LineShape.isListItem(bytes(n))
        case .cardIntro, .media:
            return false
        default:
            return false
        }
    }

    func sameText(_ a: Int, _ b: Int) -> Bool {
        let x = bytes(a), y = bytes(b)
        return x.count == y.count && memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0
    }

    // MARK: - Entries

    mutating func assembleEntries(from start: Int, into builder: inout EntryListBuilder) {
        var i = start
        while i < lines.count {
            let number = lines[i].number
            switch classes[i] {
            case .dropped:
                break
            case .separator:
                builder.close()
            case .time(let time):
                builder.addTime(time, line: number)
            case .flag(let flags):
                builder.addFlags(flags, line: number)
            case .cardIntro:
                // The card's title, then its summary unless that line heads a post of its own.
                guard let t = nextSignificant(after: i), isText(t) else { break }
                var summary: String?
                var last = t
                if let s = nextSignificant(after: t), isText(s), !isHeadline(s), !startsEcho(s) {
                    summary = string(s)
                    last = s
                }
                builder.addRelated(RelatedLink(kind: .story, title: string(t), summary: summary), line: number)
                diagnostics.append(Diagnostic(line: number, kind: .related, message: "story card “\(preview(t))” kept as a related link"))
                i = last
            case .media(let kind):
                builder.addRelated(RelatedLink(kind: kind, title: string(i)), line: number)
                diagnostics.append(Diagnostic(line: number, kind: .related, message: "\(kind.rawValue) link kept as a related link: “\(preview(i))”"))
            case .text:
                if startsEcho(i) {
                    // A promo card: its title twice, then a one-line summary.
                    let echo = nextSignificant(after: i)!
                    var summary: String?
                    var last = echo
                    if let s = nextSignificant(after: echo), isText(s), !isHeadline(s), !startsEcho(s),
                        !LineShape.isHeadlineShaped(bytes(s)) || !isTextFollowedByParagraph(s) {
                        summary = string(s)
                        last = s
                    }
                    builder.addRelated(RelatedLink(kind: .story, title: string(i), summary: summary), line: number)
                    diagnostics.append(Diagnostic(line: number, kind: .related, message: "promo card with an echoed title “\(preview(i))” kept as a related link"))
                    i = last
                } else if isHeadline(i) {
                    let shape = bytes(i)
                    if LineShape.isDoubtfulHeadline(shape) {
                        diagnostics.append(Diagnostic(line: number, kind: .doubtfulHeadline, message: "taken as a headline, but it is long or quoted: “\(preview(i))”"))
                    }
                    builder.addHeadline(string(i), line: number)
                } else {
                    if LineShape.isHeadlineShaped(bytes(i)) && builder.isAtEntryStart {
                        diagnostics.append(Diagnostic(line: number, kind: .doubtfulHeadline, message: "shaped like a headline but no paragraph follows; kept as text: “\(preview(i))”"))
                    }
                    builder.addParagraph(string(i), line: number)
                }
            }
            i += 1
        }
        builder.close()
    }

    func startsEcho(_ i: Int) -> Bool {
        guard let n = nextSignificant(after: i), isText(n) else { return false }
        return LineShape.isHeadlineShaped(bytes(i)) && sameText(i, n)
    }

    func isTextFollowedByParagraph(_ i: Int) -> Bool {
        guard let n = nextSignificant(after: i), isText(n) else { return false }
        return !LineShape.isHeadlineShaped(bytes(n))
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
