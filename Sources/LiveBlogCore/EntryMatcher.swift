#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decides whether one entry matches a query, and where, by scanning its text.
///
/// This is the reference semantics of search: the index only narrows the entries this matcher looks at.
public struct EntryMatcher {
    private struct CompiledClause {
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
    /// First words of required clauses that are plain ASCII, for a cheap byte test before scanning words.
    private let requiredASCIIWords: [[UInt8]]
    public let query: SearchQuery

    public init(_ query: SearchQuery) {
        self.query = query
        self.clauses = query.clauses.map {
            CompiledClause(words: $0.words.map { Array($0.utf8) }, isPhrase: $0.isPhrase, isExcluded: $0.isExcluded)
        }
        hasPhrase = clauses.contains { $0.words.count > 1 }
        requiredASCIIWords = clauses.filter { !$0.isExcluded }.map { $0.words[0] }
            .filter { word in word.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) } }
    }

    /// False when the entry certainly cannot match: a required ASCII word occurs in no field, and no field has
    /// letters outside ASCII that could fold into it.
    private func mayMatch(_ entry: Entry) -> Bool {
        for word in requiredASCIIWords {
            var found = false
            EntryMatcher.forEachField(entry) { text, _, _ in
                if found { return }
                var copy = text
                found = copy.withUTF8 { EntryMatcher.mayContain($0, word) }
            }
            if !found { return false }
        }
        return true
    }

    /// Whether `text` contains `word` ignoring ASCII case, or has a non-ASCII letter that might fold into it.
    static func mayContain(_ text: UnsafeBufferPointer<UInt8>, _ word: [UInt8]) -> Bool {
        let n = text.count, m = word.count
        guard m > 0 else { return true }
        let first = word[0]
        var i = 0
        while i < n {
            let b = text[i]
            if b >= 0x80 {
                // U+2000..U+203F (quotes, dashes, spaces) cannot fold to a letter; other non-ASCII might.
                if b == 0xE2 && i + 1 < n && text[i + 1] == 0x80 { i += 3; continue }
                if b == 0xC2 && i + 1 < n && text[i + 1] != 0xAA && text[i + 1] != 0xB5 && text[i + 1] != 0xBA { i += 2; continue }
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
        if clauses.isEmpty { return [] }
        if !requiredASCIIWords.isEmpty && !mayMatch(entry) { return nil }
        var found = [Bool](repeating: false, count: clauses.count)
        var result: [SearchMatch] = []
        var words = FieldWords()
        var excludedHit = false
        func visit(_ text: String, _ field: SearchField, _ index: Int?) {
            if excludedHit { return }
            if !hasPhrase {
                // Single words only: test each word as it is scanned, without collecting the field's words.
                var copy = text
                copy.withUTF8 { buffer in
                    WordScanner.scan(buffer) { word in
                        if excludedHit { return }
                        for (c, clause) in clauses.enumerated() {
                            let term = clause.words[0]
                            guard word.folded.count >= term.count,
                                memcmp(word.folded.baseAddress!, term, term.count) == 0 else { continue }
                            if clause.isExcluded { excludedHit = true; return }
                            found[c] = true
                            result.append(SearchMatch(field: field, paragraph: index, start: word.scalarStart,
                                                      length: word.scalarLength))
                        }
                    }
                }
                return
            }
            words.reset()
            var copy = text
            copy.withUTF8 { buffer in
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
                        if clause.isExcluded { excludedHit = true; return }
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
        EntryMatcher.forEachField(entry, visit)
        if excludedHit { return nil }
        for (c, clause) in clauses.enumerated() where !clause.isExcluded && !found[c] { return nil }
        result.sort { a, b in
            if a.field != b.field { return fieldOrder(a.field) < fieldOrder(b.field) }
            if a.paragraph != b.paragraph { return (a.paragraph ?? -1) < (b.paragraph ?? -1) }
            if a.start != b.start { return a.start < b.start }
            return a.length < b.length
        }
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
