import Dispatch
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A search index over one blog, built once: a sorted vocabulary of folded words, the entries each word occurs
/// in, and every word's positions in one flat token stream, so that phrases are checked from their rarest word.
///
/// Term numbers follow the sorted vocabulary, so every word with a given prefix has a number in one range, and
/// the positions of all those words form one contiguous slice.
public final class SearchIndex: Sendable {
    public let blog: LiveBlog
    /// The vocabulary in byte order: term `t` is `vocabularyBytes[vocabularyStarts[t]..<vocabularyStarts[t + 1]]`.
    private let vocabularyBytes: [UInt8]
    private let vocabularyStarts: [Int32]
    /// Every entry's words as term numbers, entry after entry; `fieldBreak` ends each field.
    private let tokens: [UInt32]
    /// Where each entry's tokens start; one more element than there are entries.
    private let entryStarts: [Int32]
    /// For term `t`, the entries it occurs in (ascending): `postingEntries[postingStarts[t]..<postingStarts[t + 1]]`.
    private let postingStarts: [Int32]
    private let postingEntries: [Int32]
    /// For term `t`, its positions in `tokens`: `occurrencePositions[occurrenceStarts[t]..<occurrenceStarts[t + 1]]`.
    private let occurrenceStarts: [Int32]
    private let occurrencePositions: [UInt32]
    /// For each occurrence, the term that follows it in its field (`fieldBreak` at a field's end).
    private let occurrenceNext: [UInt32]
    /// Entry sets for short prefixes that match many terms, so that typing one or two letters stays fast.
    private let prefixSets: [[UInt8]: EntrySet]
    private static let fieldBreak = UInt32.max
    private static let cachedPrefixLength = 6

    /// Builds the index for `blog`.
    public init(blog: LiveBlog) {
        self.blog = blog
        var table = TermTable(expectedTerms: 1 << 15)
        var tokens: [UInt32] = []
        var entryStarts: [Int32] = []
        entryStarts.reserveCapacity(blog.entries.count + 1)
        for entry in blog.entries {
            entryStarts.append(Int32(tokens.count))
            EntryMatcher.forEachField(entry) { text, _, _ in
                var copy = text
                copy.withUTF8 { buffer in
                    WordScanner.scan(buffer) { word in tokens.append(UInt32(table.intern(word.folded))) }
                }
                tokens.append(SearchIndex.fieldBreak)
            }
        }
        entryStarts.append(Int32(tokens.count))
        let termCount = table.count

        // Renumber in byte order so that prefixes become ranges.
        let order = (0..<termCount).sorted { table.precedes($0, $1) }
        var rank = [UInt32](repeating: 0, count: termCount)
        var vocabularyBytes: [UInt8] = []
        vocabularyBytes.reserveCapacity(table.arena.count)
        var vocabularyStarts: [Int32] = []
        vocabularyStarts.reserveCapacity(termCount + 1)
        for (r, old) in order.enumerated() {
            rank[old] = UInt32(r)
            vocabularyStarts.append(Int32(vocabularyBytes.count))
            vocabularyBytes.append(contentsOf: table.arena[table.range(of: old)])
        }
        vocabularyStarts.append(Int32(vocabularyBytes.count))

        // Tokens to ranks; count occurrences and entries per term.
        var occurrenceCounts = [Int32](repeating: 0, count: termCount + 1)
        var postingCounts = [Int32](repeating: 0, count: termCount + 1)
        var lastEntry = [Int32](repeating: -1, count: termCount)
        tokens.withUnsafeMutableBufferPointer { toks in
            for e in 0..<blog.entries.count {
                for k in Int(entryStarts[e])..<Int(entryStarts[e + 1]) where toks[k] != SearchIndex.fieldBreak {
                    let t = Int(rank[Int(toks[k])])
                    toks[k] = UInt32(t)
                    occurrenceCounts[t] += 1
                    if lastEntry[t] != Int32(e) {
                        lastEntry[t] = Int32(e)
                        postingCounts[t] += 1
                    }
                }
            }
        }
        func prefixSums(_ counts: [Int32]) -> [Int32] {
            var starts = [Int32](repeating: 0, count: counts.count)
            var total: Int32 = 0
            for k in 0..<counts.count {
                starts[k] = total
                total += counts[k]
            }
            return starts
        }
        let occurrenceStarts = prefixSums(occurrenceCounts)
        let postingStarts = prefixSums(postingCounts)
        var occurrencePositions = [UInt32](repeating: 0, count: Int(occurrenceStarts[termCount]))
        var occurrenceNext = [UInt32](repeating: SearchIndex.fieldBreak, count: Int(occurrenceStarts[termCount]))
        var postingEntries = [Int32](repeating: 0, count: Int(postingStarts[termCount]))
        var occurrenceFill = occurrenceStarts
        var postingFill = postingStarts
        for k in 0..<termCount { lastEntry[k] = -1 }
        for e in 0..<blog.entries.count {
            for k in Int(entryStarts[e])..<Int(entryStarts[e + 1]) where tokens[k] != SearchIndex.fieldBreak {
                let t = Int(tokens[k])
                occurrencePositions[Int(occurrenceFill[t])] = UInt32(k)
                // Every field ends with a break, so k + 1 is always inside the stream.
                occurrenceNext[Int(occurrenceFill[t])] = tokens[k + 1]
                occurrenceFill[t] += 1
                if lastEntry[t] != Int32(e) {
                    lastEntry[t] = Int32(e)
                    postingEntries[Int(postingFill[t])] = Int32(e)
                    postingFill[t] += 1
                }
            }
        }
        self.vocabularyBytes = vocabularyBytes
        self.vocabularyStarts = vocabularyStarts
        self.tokens = tokens
        self.entryStarts = entryStarts
        self.occurrenceStarts = occurrenceStarts
        self.occurrencePositions = occurrencePositions
        self.occurrenceNext = occurrenceNext
        self.postingStarts = postingStarts
        self.postingEntries = postingEntries

        // Cache the entry sets of prefixes whose postings are many, so that no prefix query unions more than a
        // bounded number of postings: a query then costs a few bitset operations.
        var prefixSets: [[UInt8]: EntrySet] = [:]
        let heavy = max(2048, blog.entries.count / 8)
        for length in 1...SearchIndex.cachedPrefixLength {
            var k = 0
            while k < termCount {
                let word = SearchIndex.term(k, vocabularyBytes, vocabularyStarts)
                guard word.count >= length else {
                    k += 1
                    continue
                }
                let prefix = Array(word.prefix(length))
                let range = SearchIndex.range(of: prefix, vocabularyBytes, vocabularyStarts, from: k)
                let postings = Int(postingStarts[range.upperBound] - postingStarts[range.lowerBound])
                if range.count > 1 && postings >= heavy {
                    var set = EntrySet(capacity: blog.entries.count)
                    for e in postingEntries[Int(postingStarts[range.lowerBound])..<Int(postingStarts[range.upperBound])]
                    {
                        set.insert(Int(e))
                    }
                    prefixSets[prefix] = set
                }
                k = max(range.upperBound, k + 1)
            }
        }
        self.prefixSets = prefixSets
    }

    /// Number of distinct folded words.
    public var vocabularySize: Int { vocabularyStarts.count - 1 }

    /// Positions of the entries matching `query`, ascending; every entry for an empty query.
    public func matchingEntries(_ query: SearchQuery) -> [Int] {
        entrySet(query).members
    }

    /// The matching entries as a set.
    public func entrySet(_ query: SearchQuery) -> EntrySet {
        let n = blog.entries.count
        var result = EntrySet(capacity: n, full: true)
        for clause in query.clauses where !clause.isExcluded {
            result.formIntersection(candidates(clause))
        }
        for clause in query.clauses where clause.isExcluded {
            result.subtract(candidates(clause))
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
        return SearchHit.ordered(hits, by: order)
    }

    /// Entries containing `clause`.
    private func candidates(_ clause: SearchQuery.Clause) -> EntrySet {
        let words = clause.words.map { Array($0.utf8) }
        let last = prefixRange(words[words.count - 1])
        if words.count == 1 { return prefixSet(words[0], last) }
        var exact: [Int] = []
        for word in words.dropLast() {
            guard let term = exactTerm(word) else { return EntrySet(capacity: blog.entries.count) }
            exact.append(term)
        }
        return phraseSet(exact, last)
    }

    /// Entries where the exact terms stand in order, followed by a term from `last`.
    ///
    /// Only sequential reads: the last exact word's occurrences are filtered by the term that follows each one
    /// (`occurrenceNext`), then the sorted position lists of the other words are merged against them. A phrase
    /// of two common words therefore costs a pass over their occurrence lists, never a random read per occurrence.
    private func phraseSet(_ exact: [Int], _ last: Range<Int>) -> EntrySet {
        let k = exact.count
        let lower = UInt32(last.lowerBound)
        let upper = UInt32(last.upperBound)
        let lastExact = exact[k - 1]
        var starts: [UInt32] = []
        let range = Int(occurrenceStarts[lastExact])..<Int(occurrenceStarts[lastExact + 1])
        occurrencePositions.withUnsafeBufferPointer { positions in
            occurrenceNext.withUnsafeBufferPointer { next in
                for p in range where next[p] >= lower && next[p] < upper { starts.append(positions[p]) }
            }
        }
        // `starts` holds positions of word k-1; walk back to where the phrase begins, word by word.
        for j in stride(from: k - 2, through: 0, by: -1) where !starts.isEmpty {
            starts = SearchIndex.keep(positions(of: exact[j]), followedAt: 1, by: starts[...])
        }
        var set = EntrySet(capacity: blog.entries.count)
        var e = 0
        for position in starts {
            while Int(entryStarts[e + 1]) <= Int(position) { e += 1 }
            set.insert(e)
        }
        return set
    }

    private func positions(of term: Int) -> ArraySlice<UInt32> {
        occurrencePositions[Int(occurrenceStarts[term])..<Int(occurrenceStarts[term + 1])]
    }

    /// The positions `p` of `starts` for which `p + offset` is in `next` (both ascending), by merging.
    private static func keep(_ starts: ArraySlice<UInt32>, followedAt offset: Int, by next: ArraySlice<UInt32>)
        -> [UInt32]
    {
        var result: [UInt32] = []
        let shift = UInt32(offset)
        starts.withUnsafeBufferPointer { a in
            next.withUnsafeBufferPointer { b in
                var i = 0
                var j = 0
                while i < a.count && j < b.count {
                    let want = a[i] &+ shift
                    if want == b[j] {
                        result.append(a[i])
                        i += 1
                        j += 1
                    } else if want < b[j] {
                        i += 1
                    } else {
                        j += 1
                    }
                }
            }
        }
        return result
    }

    private func prefixSet(_ prefix: [UInt8], _ range: Range<Int>) -> EntrySet {
        if let cached = prefixSets[prefix] { return cached }
        var set = EntrySet(capacity: blog.entries.count)
        guard !range.isEmpty else { return set }
        postingEntries.withUnsafeBufferPointer { entries in
            for k in Int(postingStarts[range.lowerBound])..<Int(postingStarts[range.upperBound]) {
                set.insert(Int(entries[k]))
            }
        }
        return set
    }

    private func exactTerm(_ word: [UInt8]) -> Int? {
        let k = SearchIndex.lowerBound(word, vocabularyBytes, vocabularyStarts, from: 0)
        guard k < vocabularySize else { return nil }
        return SearchIndex.term(k, vocabularyBytes, vocabularyStarts).elementsEqual(word) ? k : nil
    }

    private func prefixRange(_ prefix: [UInt8]) -> Range<Int> {
        SearchIndex.range(of: prefix, vocabularyBytes, vocabularyStarts, from: 0)
    }

    private static func term(_ t: Int, _ bytes: [UInt8], _ starts: [Int32]) -> ArraySlice<UInt8> {
        bytes[Int(starts[t])..<Int(starts[t + 1])]
    }

    /// The terms starting with `prefix`, found by binary search.
    private static func range(of prefix: [UInt8], _ bytes: [UInt8], _ starts: [Int32], from start: Int) -> Range<Int> {
        let lower = lowerBound(prefix, bytes, starts, from: start)
        var lo = lower
        var hi = starts.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if term(mid, bytes, starts).starts(with: prefix) { lo = mid + 1 } else { hi = mid }
        }
        return lower..<lo
    }

    private static func lowerBound(_ word: [UInt8], _ bytes: [UInt8], _ starts: [Int32], from start: Int) -> Int {
        var lo = start
        var hi = starts.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if term(mid, bytes, starts).lexicographicallyPrecedes(word) { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

}

extension SearchIndex {
    /// Searches without an index by scanning every entry: the cheapest way to answer one query once.
    /// Large blogs are scanned on all cores, each taking a contiguous run of entries.
    public static func scan(_ blog: LiveBlog, for query: SearchQuery, order: SearchOrder = .blog) -> [SearchHit] {
        let matcher = EntryMatcher(query)
        let entries = blog.entries
        return SearchHit.collect(count: entries.count, order: order) { matcher.matches(in: entries[$0]) }
    }
}
