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
    public let query: SearchQuery

    public init(_ query: SearchQuery) {
        self.query = query
        self.clauses = query.clauses.map {
            CompiledClause(words: $0.words.map { Array($0.utf8) }, isPhrase: $0.isPhrase, isExcluded: $0.isExcluded)
        }
    }

    /// The matches of the query's required clauses in `entry`, or nil when the entry does not match.
    ///
    /// An empty query matches every entry with no ranges.
    public func matches(in entry: Entry) -> [SearchMatch]? {
        if clauses.isEmpty { return [] }
        var found = [Bool](repeating: false, count: clauses.count)
        var result: [SearchMatch] = []
        var words = FieldWords()
        var excludedHit = false
        func visit(_ text: String, _ field: SearchField, _ index: Int?) {
            if excludedHit { return }
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
        if let headline = entry.headline { visit(headline, .headline, nil) }
        for (i, paragraph) in entry.paragraphs.enumerated() { visit(paragraph, .paragraph, i) }
        for (i, link) in entry.related.enumerated() {
            visit(link.title, .relatedTitle, i)
            if let summary = link.summary { visit(summary, .relatedSummary, i) }
        }
        if excludedHit { return nil }
        for (c, clause) in clauses.enumerated() where !clause.isExcluded && !found[c] { return nil }
        result.sort { a, b in
            if a.field != b.field { return fieldOrder(a.field) < fieldOrder(b.field) }
            if a.paragraph != b.paragraph { return (a.paragraph ?? -1) < (b.paragraph ?? -1) }
            return a.start < b.start
        }
        return result
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
