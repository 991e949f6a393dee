/// A search index over one blog, built once: a sorted vocabulary of folded words, their postings, and each
/// entry's words as term numbers for phrase checks.
///
/// Term numbers follow the sorted vocabulary, so every word with a given prefix has a number in one range.
public final class SearchIndex: Sendable {
    public let blog: LiveBlog
    /// Folded words in byte order.
    private let vocabulary: [[UInt8]]
    /// For each term, the entries it occurs in, ascending.
    private let postings: [[Int32]]
    /// Each entry's term numbers in reading order, fields separated by `fieldBreak`.
    private let sequences: [[UInt32]]
    /// Entry sets for short prefixes that match many terms, so that typing one or two letters stays fast.
    private let prefixSets: [[UInt8]: EntrySet]
    private static let fieldBreak = UInt32.max
    private static let prefixSetMinimumTerms = 48

    /// Builds the index for `blog`.
    public init(blog: LiveBlog) {
        self.blog = blog
        var termNumbers: [[UInt8]: UInt32] = [:]
        var provisional: [[UInt32]] = []
        provisional.reserveCapacity(blog.entries.count)
        var scratch: [UInt8] = []
        for entry in blog.entries {
            var sequence: [UInt32] = []
            SearchIndex.forEachField(of: entry) { text in
                if !sequence.isEmpty { sequence.append(SearchIndex.fieldBreak) }
                var copy = text
                copy.withUTF8 { buffer in
                    WordScanner.scan(buffer) { word in
                        scratch.removeAll(keepingCapacity: true)
                        scratch.append(contentsOf: word.folded)
                        if let number = termNumbers[scratch] {
                            sequence.append(number)
                        } else {
                            let number = UInt32(termNumbers.count)
                            termNumbers[scratch] = number
                            sequence.append(number)
                        }
                    }
                }
            }
            provisional.append(sequence)
        }
        // Renumber in sorted order so prefixes become ranges.
        var byNumber = [[UInt8]](repeating: [], count: termNumbers.count)
        for (word, number) in termNumbers { byNumber[Int(number)] = word }
        let order = byNumber.indices.sorted { byNumber[$0].lexicographicallyPrecedes(byNumber[$1]) }
        var renumber = [UInt32](repeating: 0, count: order.count)
        for (rank, old) in order.enumerated() { renumber[old] = UInt32(rank) }
        vocabulary = order.map { byNumber[$0] }

        var postings = [[Int32]](repeating: [], count: order.count)
        var sequences: [[UInt32]] = []
        sequences.reserveCapacity(provisional.count)
        for (entryIndex, old) in provisional.enumerated() {
            var sequence = old
            for k in sequence.indices where sequence[k] != SearchIndex.fieldBreak {
                let term = Int(renumber[Int(sequence[k])])
                sequence[k] = UInt32(term)
                if postings[term].last != Int32(entryIndex) { postings[term].append(Int32(entryIndex)) }
            }
            sequences.append(sequence)
        }
        self.postings = postings
        self.sequences = sequences

        var prefixSets: [[UInt8]: EntrySet] = [:]
        let vocabulary = self.vocabulary
        for length in 1...3 {
            var k = 0
            while k < vocabulary.count {
                guard vocabulary[k].count >= length else { k += 1; continue }
                let prefix = Array(vocabulary[k].prefix(length))
                let range = SearchIndex.range(of: prefix, in: vocabulary, from: k)
                if range.count >= SearchIndex.prefixSetMinimumTerms {
                    var set = EntrySet(capacity: blog.entries.count)
                    for term in range { for e in postings[term] { set.insert(Int(e)) } }
                    prefixSets[prefix] = set
                }
                k = max(range.upperBound, k + 1)
            }
        }
        self.prefixSets = prefixSets
    }

    /// Number of distinct folded words.
    public var vocabularySize: Int { vocabulary.count }

    /// Positions of the entries matching `query`, ascending; every entry for an empty query.
    public func matchingEntries(_ query: SearchQuery) -> [Int] {
        entrySet(query).members
    }

    /// The matching entries as a set.
    public func entrySet(_ query: SearchQuery) -> EntrySet {
        let n = blog.entries.count
        var result = EntrySet(capacity: n, full: true)
        for clause in query.clauses where !clause.isExcluded {
            result.formIntersection(candidates(clause, within: result))
        }
        for clause in query.clauses where clause.isExcluded {
            result.subtract(candidates(clause, within: result))
        }
        return result
    }

    /// Hits with their match ranges, in the order asked for.
    public func search(_ query: SearchQuery, order: SearchOrder = .blog) -> [SearchHit] {
        let matcher = EntryMatcher(query)
        var hits: [SearchHit] = []
        for index in matchingEntries(query) {
            guard let matches = matcher.matches(in: blog.entries[index]) else { continue }
            hits.append(SearchHit(entryIndex: index, score: EntryMatcher.score(matches), matches: matches))
        }
        if order == .relevance { hits.sort { $0.score != $1.score ? $0.score > $1.score : $0.entryIndex < $1.entryIndex } }
        return hits
    }

    /// Entries containing `clause`, looked up among `scope`.
    private func candidates(_ clause: SearchQuery.Clause, within scope: EntrySet) -> EntrySet {
        let words = clause.words.map { Array($0.utf8) }
        let lastRange = prefixRange(words[words.count - 1])
        if words.count == 1 { return prefixSet(words[0], lastRange) }
        var exact: [Int] = []
        var set = scope
        for word in words.dropLast() {
            guard let term = exactTerm(word) else { return EntrySet(capacity: blog.entries.count) }
            exact.append(term)
            set.formIntersection(postingSet(term))
        }
        set.formIntersection(prefixSet(words[words.count - 1], lastRange))
        var verified = EntrySet(capacity: blog.entries.count)
        for entry in set.members where containsPhrase(sequences[entry], exact, lastRange) { verified.insert(entry) }
        return verified
    }

    private func containsPhrase(_ sequence: [UInt32], _ exact: [Int], _ last: Range<Int>) -> Bool {
        let length = exact.count + 1
        guard sequence.count >= length else { return false }
        let first = UInt32(exact[0])
        outer: for start in 0...(sequence.count - length) where sequence[start] == first {
            for k in 1..<exact.count where sequence[start + k] != UInt32(exact[k]) { continue outer }
            let tail = sequence[start + exact.count]
            if tail != SearchIndex.fieldBreak && last.contains(Int(tail)) { return true }
        }
        return false
    }

    private func postingSet(_ term: Int) -> EntrySet {
        var set = EntrySet(capacity: blog.entries.count)
        for e in postings[term] { set.insert(Int(e)) }
        return set
    }

    private func prefixSet(_ prefix: [UInt8], _ range: Range<Int>) -> EntrySet {
        if let cached = prefixSets[prefix] { return cached }
        var set = EntrySet(capacity: blog.entries.count)
        for term in range { for e in postings[term] { set.insert(Int(e)) } }
        return set
    }

    private func exactTerm(_ word: [UInt8]) -> Int? {
        let k = SearchIndex.lowerBound(word, in: vocabulary, from: 0)
        return k < vocabulary.count && vocabulary[k] == word ? k : nil
    }

    private func prefixRange(_ prefix: [UInt8]) -> Range<Int> {
        SearchIndex.range(of: prefix, in: vocabulary, from: 0)
    }

    /// The terms starting with `prefix`, found by binary search.
    private static func range(of prefix: [UInt8], in vocabulary: [[UInt8]], from start: Int) -> Range<Int> {
        let lower = lowerBound(prefix, in: vocabulary, from: start)
        var lo = lower, hi = vocabulary.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if vocabulary[mid].starts(with: prefix) { lo = mid + 1 } else { hi = mid }
        }
        return lower..<lo
    }

    private static func lowerBound(_ word: [UInt8], in vocabulary: [[UInt8]], from start: Int) -> Int {
        var lo = start, hi = vocabulary.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if vocabulary[mid].lexicographicallyPrecedes(word) { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The searchable texts of an entry, in the order the matcher visits them.
    static func forEachField(of entry: Entry, _ body: (String) -> Void) {
        if let headline = entry.headline { body(headline) }
        for paragraph in entry.paragraphs { body(paragraph) }
        for link in entry.related {
            body(link.title)
            if let summary = link.summary { body(summary) }
        }
    }
}

extension SearchIndex {
    /// Searches without an index by scanning every entry: the cheapest way to answer one query once.
    public static func scan(_ blog: LiveBlog, for query: SearchQuery, order: SearchOrder = .blog) -> [SearchHit] {
        let matcher = EntryMatcher(query)
        var hits: [SearchHit] = []
        for (index, entry) in blog.entries.enumerated() {
            guard let matches = matcher.matches(in: entry) else { continue }
            hits.append(SearchHit(entryIndex: index, score: EntryMatcher.score(matches), matches: matches))
        }
        if order == .relevance { hits.sort { $0.score != $1.score ? $0.score > $1.score : $0.entryIndex < $1.entryIndex } }
        return hits
    }
}
