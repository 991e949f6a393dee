#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decides whether one entry matches a query, and where, by scanning its text.
///
/// This is the reference semantics of search: the index only narrows the entries this matcher looks at.
public struct EntryMatcher: Sendable {
    private struct CompiledClause: Sendable {
        var words: [[UInt8]]
        var isPhrase: Bool
        var isExcluded: Bool
    }

    /// The words of one field, folded into one flat buffer.
    private struct FieldWords {
        var bytes: [UInt8] = []
        var ends: [Int] = []
        var starts: [Int] = []
        var lengths: [Int] = []
        var count: Int { ends.count }

        mutating func reset() {
            bytes.removeAll(keepingCapacity: true)
            ends.removeAll(keepingCapacity: true)
            starts.removeAll(keepingCapacity: true)
            lengths.removeAll(keepingCapacity: true)
        }

        func word(_ i: Int) -> ArraySlice<UInt8> {
            bytes[(i == 0 ? 0 : ends[i - 1])..<ends[i]]
        }
    }

    private let clauses: [CompiledClause]
    private let hasPhrase: Bool
    /// Every clause is one word of ASCII letters and digits: fields without non-ASCII letters can then be
    /// searched as bytes, without scanning words.
    private let allPlainASCII: Bool
    /// The plain ASCII terms back to back (term `c` is `plainTerms[plainStarts[c]..<plainStarts[c + 1]]`), so that
    /// the byte path reads them without touching nested arrays.
    private let plainTerms: [UInt8]
    private let plainStarts: [Int]
    private let plainExcluded: [Bool]
    /// First words of required clauses that are plain ASCII, for a cheap byte test before scanning words.
    private let requiredASCIIWords: [[UInt8]]
    public let query: SearchQuery

    public init(_ query: SearchQuery) {
        self.query = query
        self.clauses = query.clauses.map {
            CompiledClause(words: $0.words.map { Array($0.utf8) }, isPhrase: $0.isPhrase, isExcluded: $0.isExcluded)
        }
        hasPhrase = clauses.contains { $0.words.count > 1 }
        var terms: [UInt8] = []
        var starts: [Int] = [0]
        for clause in clauses {
            terms.append(contentsOf: clause.words[0])
            starts.append(terms.count)
        }
        plainTerms = terms
        plainStarts = starts
        plainExcluded = clauses.map(\.isExcluded)
        allPlainASCII = clauses.allSatisfy { clause in
            clause.words.count == 1
                && clause.words[0].allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) }
        }
        requiredASCIIWords = clauses.filter { !$0.isExcluded }.map { $0.words[0] }
            .filter { word in word.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) } }
    }

    /// False when the entry certainly cannot match: a required ASCII word occurs in no field, and no field has
    /// letters outside ASCII that could fold into it.
    private func mayMatch(_ fields: (FieldVisitor) -> Void) -> Bool {
        for word in requiredASCIIWords {
            var found = false
            fields { text, _, _ in
                if !found { found = EntryMatcher.mayContain(text, word) }
            }
            if !found { return false }
        }
        return true
    }

    /// Receives one searchable field: its UTF-8 bytes, which field it is, and the paragraph or link index.
    public typealias FieldVisitor = (UnsafeBufferPointer<UInt8>, SearchField, Int?) -> Void

    /// Whether `text` contains `word` ignoring ASCII case, or has a non-ASCII letter that might fold into it.
    static func mayContain(_ text: UnsafeBufferPointer<UInt8>, _ word: [UInt8]) -> Bool {
        let n = text.count
        let m = word.count
        guard m > 0 else { return true }
        let first = word[0]
        var i = 0
        while i < n {
            let b = text[i]
            if b >= 0x80 {
                // U+2000..U+203F (quotes, dashes, spaces) cannot fold to a letter; other non-ASCII might.
                if b == 0xE2 && i + 1 < n && text[i + 1] == 0x80 {
                    i += 3
                    continue
                }
                if b == 0xC2 && i + 1 < n && text[i + 1] != 0xAA && text[i + 1] != 0xB5 && text[i + 1] != 0xBA {
                    i += 2
                    continue
                }
                if b >= 0xC2 { return true }
                i += 1
                continue
            }
            if (b | 0x20) == first || b == first, i + m <= n {
                var k = 1
                while k < m {
                    let c = text[i + k]
                    if c != word[k] && (c | 0x20) != word[k] { break }
                    k += 1
                }
                if k == m { return true }
            }
            i += 1
        }
        return false
    }

    /// Calls `body` with the scalar offset and length of each word that starts with `term` (ASCII letters and
    /// digits, lower case). Returns false, part way, on meeting a non-ASCII scalar that could fold to a letter:
    /// such text needs the word scanner. Eight bytes are tested at a time for the term's first byte.
    @discardableResult
    static func forEachWordStart(
        of term: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>,
        _ body: (Int, Int) -> Void
    ) -> Bool {
        let n = text.count
        let m = term.count
        guard m > 0, let base = text.baseAddress else { return true }
        @inline(__always) func isAlnum(_ b: UInt8) -> Bool {
            let l = b | 0x20
            return (l >= 0x61 && l <= 0x7A) || (b >= 0x30 && b <= 0x39)
        }
        @inline(__always) func apostropheEnding(at end: Int) -> Int {
            if end >= 1 && text[end - 1] == 0x27 { return 1 }
            if end >= 3 && text[end - 3] == 0xE2 && text[end - 2] == 0x80
                && (text[end - 1] == 0x99 || text[end - 1] == 0x98)
            {
                return 3
            }
            return 0
        }
        let first = term[0]
        let firstIsLetter = first >= 0x61 && first <= 0x7A
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let pattern = UInt64(first) &* ones
        let fold: UInt64 = firstIsLetter ? 0x2020_2020_2020_2020 : 0
        // A chunk is looked at only where the term's first two (or three) bytes stand together.
        let second = m > 1 ? term[1] : first
        let secondPattern = UInt64(second) &* ones
        let secondFold: UInt64 = second >= 0x61 && second <= 0x7A ? 0x2020_2020_2020_2020 : 0
        let third = m > 2 ? term[2] : second
        let thirdPattern = UInt64(third) &* ones
        let thirdFold: UInt64 = third >= 0x61 && third <= 0x7A ? 0x2020_2020_2020_2020 : 0
        var scalars = 0
        var counted = 0
        var i = 0
        /// Looks at byte `i`: false for a foldable non-ASCII letter; otherwise reports a match starting there and
        /// returns where scanning goes on.
        @inline(__always) func visit(_ i: Int) -> (ok: Bool, next: Int) {
            let b = text[i]
            if b >= 0x80 {
                if b < 0xC0 { return (true, i + 1) }  // a continuation byte
                if b == 0xE2 && i + 1 < n && text[i + 1] == 0x80 { return (true, i + 1) }  // U+2000..U+203F
                if b == 0xC2 && i + 1 < n && text[i + 1] != 0xAA && text[i + 1] != 0xB5 && text[i + 1] != 0xBA {
                    return (true, i + 1)
                }
                return (false, i)
            }
            guard b == first || (firstIsLetter && b | 0x20 == first), i + m <= n else { return (true, i + 1) }
            var k = 1
            while k < m {
                let c = text[i + k]
                if c != term[k] && ((c | 0x20) != term[k] || c < 0x41) { return (true, i + 1) }
                k += 1
            }
            if i > 0 {
                if isAlnum(text[i - 1]) { return (true, i + 1) }
                let a = apostropheEnding(at: i)
                if a > 0 && i - a > 0 && isAlnum(text[i - a - 1]) { return (true, i + 1) }
            }
            var end = i + m
            while end < n {
                if isAlnum(text[end]) {
                    end += 1
                    continue
                }
                if text[end] == 0x27, end + 1 < n, isAlnum(text[end + 1]) {
                    end += 2
                    continue
                }
                if end + 3 < n, text[end] == 0xE2, text[end + 1] == 0x80,
                    text[end + 2] == 0x99 || text[end + 2] == 0x98,
                    isAlnum(text[end + 3])
                {
                    end += 4
                    continue
                }
                break
            }
            while counted < i {
                if text[counted] & 0xC0 != 0x80 { scalars += 1 }
                counted += 1
            }
            var length = 0
            for j in i..<end where text[j] & 0xC0 != 0x80 { length += 1 }
            body(scalars, length)
            return (true, end)
        }
        while i < n {
            if i + 10 <= n {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                let x = (word | fold) ^ pattern
                var candidate = (x &- ones) & ~x & highs
                if m > 1 {
                    let next = UnsafeRawPointer(base + i + 1).loadUnaligned(as: UInt64.self)
                    let y = (next | secondFold) ^ secondPattern
                    candidate &= (y &- ones) & ~y & highs
                }
                if m > 2 && candidate != 0 {
                    let after = UnsafeRawPointer(base + i + 2).loadUnaligned(as: UInt64.self)
                    let z = (after | thirdFold) ^ thirdPattern
                    candidate &= (z &- ones) & ~z & highs
                }
                if word & highs == 0 && candidate == 0 {
                    i += 8
                    continue
                }
                // Something in these eight bytes: look at them one by one.
                let stop = i + 8
                while i < stop {
                    let (ok, next) = visit(i)
                    if !ok { return false }
                    i = next
                }
                continue
            }
            let (ok, next) = visit(i)
            if !ok { return false }
            i = next
        }
        return true
    }

    static func forEachField(_ entry: Entry, _ body: (String, SearchField, Int?) -> Void) {
        if let headline = entry.headline { body(headline, .headline, nil) }
        for (i, paragraph) in entry.paragraphs.enumerated() { body(paragraph, .paragraph, i) }
        for (i, link) in entry.related.enumerated() {
            body(link.title, .relatedTitle, i)
            if let summary = link.summary { body(summary, .relatedSummary, i) }
        }
    }

    /// The matches of the query's required clauses in `entry`, or nil when the entry does not match.
    ///
    /// An empty query matches every entry with no ranges.
    public func matches(in entry: Entry) -> [SearchMatch]? {
        matches { visit in
            EntryMatcher.forEachField(entry) { text, field, index in
                var copy = text
                copy.withUTF8 { visit($0, field, index) }
            }
        }
    }

    /// The matches in an entry given as byte fields (`fields` calls its argument once per field, in entry order),
    /// or nil when it does not match. This is how text that was never turned into `String`s is searched.
    public func matches(fields: (FieldVisitor) -> Void) -> [SearchMatch]? {
        if clauses.isEmpty { return [] }
        // Byte matching is as cheap as the prefilter, so the prefilter only serves the word-scanning paths.
        if !allPlainASCII && !requiredASCIIWords.isEmpty && !mayMatch(fields) { return nil }
        var found = [Bool](repeating: false, count: clauses.count)
        var result: [SearchMatch] = []
        var words = FieldWords()
        var excludedHit = false
        func visit(_ buffer: UnsafeBufferPointer<UInt8>, _ field: SearchField, _ index: Int?) {
            if excludedHit { return }
            if allPlainASCII {
                let done = plainTerms.withUnsafeBufferPointer { terms -> Bool in
                    var local: [SearchMatch] = []
                    var localFound = found
                    var excluded = false
                    for c in 0..<plainExcluded.count {
                        let isExcluded = plainExcluded[c]
                        let term = UnsafeBufferPointer(rebasing: terms[plainStarts[c]..<plainStarts[c + 1]])
                        let complete = EntryMatcher.forEachWordStart(of: term, in: buffer) { start, length in
                            if isExcluded {
                                excluded = true
                                return
                            }
                            localFound[c] = true
                            local.append(SearchMatch(field: field, paragraph: index, start: start, length: length))
                        }
                        // A letter outside ASCII: this field needs the word scanner after all.
                        if !complete { return false }
                        if excluded { break }
                    }
                    if excluded {
                        excludedHit = true
                        return true
                    }
                    if !local.isEmpty {
                        found = localFound
                        result.append(contentsOf: local)
                    }
                    return true
                }
                if done { return }
            }
            if !hasPhrase {
                // Single words only: test each word as it is scanned, without collecting the field's words.
                do {
                    WordScanner.scan(buffer) { word in
                        if excludedHit { return }
                        for (c, clause) in clauses.enumerated() {
                            let term = clause.words[0]
                            guard word.folded.count >= term.count,
                                memcmp(word.folded.baseAddress!, term, term.count) == 0
                            else { continue }
                            if clause.isExcluded {
                                excludedHit = true
                                return
                            }
                            found[c] = true
                            result.append(
                                SearchMatch(
                                    field: field, paragraph: index, start: word.scalarStart,
                                    length: word.scalarLength))
                        }
                    }
                }
                return
            }
            words.reset()
            do {
                WordScanner.scan(buffer) { word in
                    words.bytes.append(contentsOf: word.folded)
                    words.ends.append(words.bytes.count)
                    words.starts.append(word.scalarStart)
                    words.lengths.append(word.scalarLength)
                }
            }
            for (c, clause) in clauses.enumerated() {
                let limit = words.count - clause.words.count
                guard limit >= 0 else { continue }
                var w = 0
                while w <= limit {
                    if matchesAt(clause, words, w) {
                        if clause.isExcluded {
                            excludedHit = true
                            return
                        }
                        found[c] = true
                        let last = w + clause.words.count - 1
                        let start = words.starts[w]
                        let end = words.starts[last] + words.lengths[last]
                        result.append(SearchMatch(field: field, paragraph: index, start: start, length: end - start))
                        w += clause.words.count
                    } else {
                        w += 1
                    }
                }
            }
        }
        fields(visit)
        if excludedHit { return nil }
        for (c, clause) in clauses.enumerated() where !clause.isExcluded && !found[c] { return nil }
        let ordered = { (a: SearchMatch, b: SearchMatch) -> Bool in
            if a.field != b.field { return fieldOrder(a.field) < fieldOrder(b.field) }
            if a.paragraph != b.paragraph { return (a.paragraph ?? -1) < (b.paragraph ?? -1) }
            if a.start != b.start { return a.start < b.start }
            return a.length < b.length
        }
        // One word clause visits fields in order, so its matches usually come sorted and unique already.
        var sorted = true
        for k in result.indices.dropFirst() where !ordered(result[k - 1], result[k]) {
            sorted = false
            break
        }
        if sorted { return result }
        result.sort(by: ordered)
        // A word matched by two clauses is one highlighted range.
        var unique: [SearchMatch] = []
        unique.reserveCapacity(result.count)
        for m in result where unique.last != m { unique.append(m) }
        return unique
    }

    /// Relevance of a set of matches: headline matches weigh three times a body match.
    public static func score(_ matches: [SearchMatch]) -> Double {
        matches.reduce(0) { $0 + ($1.field == .headline ? 3 : 1) }
    }

    private func fieldOrder(_ field: SearchField) -> Int {
        switch field {
        case .headline: 0
        case .paragraph: 1
        case .relatedTitle: 2
        case .relatedSummary: 3
        }
    }

    /// Every word but the last of a phrase matches whole; the last (or only) word matches as a prefix.
    @inline(__always)
    private func matchesAt(_ clause: CompiledClause, _ words: FieldWords, _ w: Int) -> Bool {
        let last = clause.words.count - 1
        for k in 0...last {
            let word = words.word(w + k)
            let term = clause.words[k]
            if k < last {
                if !word.elementsEqual(term) { return false }
            } else {
                if word.count < term.count || !word.prefix(term.count).elementsEqual(term) { return false }
            }
        }
        return true
    }
}
