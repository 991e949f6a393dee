/// The part of an entry a match was found in.
public enum SearchField: String, Codable, Sendable, CaseIterable {
    case headline
    case paragraph
    case relatedTitle = "related-title"
    case relatedSummary = "related-summary"
}

/// One matched run of words, as offsets in Unicode scalars into one field of an entry.
public struct SearchMatch: Hashable, Codable, Sendable {
    public var field: SearchField
    /// Index of the paragraph or related link for those fields; nil for the headline.
    public var paragraph: Int?
    public var start: Int
    public var length: Int

    public init(field: SearchField, paragraph: Int?, start: Int, length: Int) {
        self.field = field
        self.paragraph = paragraph
        self.start = start
        self.length = length
    }
}

/// One entry that matched a query.
public struct SearchHit: Hashable, Sendable {
    /// Position of the entry in `LiveBlog.entries`.
    public var entryIndex: Int
    /// Relevance: headline matches weigh more than body matches.
    public var score: Double
    public var matches: [SearchMatch]
}

/// How hits are ordered.
public enum SearchOrder: String, Sendable, CaseIterable {
    /// As the entries stand in the blog.
    case blog
    /// Highest score first; ties in blog order.
    case relevance
}

extension SearchHit {
    /// Hits for entries `0..<count`, matched on all cores for large blogs, in the order asked for.
    /// `matches` gives an entry's matches, or nil when it does not match.
    static func collect(count: Int, order: SearchOrder, matches: @Sendable (Int) -> [SearchMatch]?) -> [SearchHit] {
        collect(count: count, order: order, limit: nil, matches: matches).hits
    }

    /// The number of matching entries among `0..<count` and the first `limit` hits in the order asked for.
    ///
    /// Under a limit only the hits shown keep their matches: in blog order each piece keeps its first `limit`
    /// and only counts the rest; by relevance every hit keeps just its score, and the matches of the `limit` best
    /// are found again. Memory then follows what is printed, not how often the query matches.
    static func collect(
        count: Int, order: SearchOrder, limit: Int?,
        matches: @Sendable (Int) -> [SearchMatch]?
    ) -> (total: Int, hits: [SearchHit]) {
        let pieces = Parallel.map(count, minimum: 2000) { range -> (hits: [SearchHit], total: Int) in
            var hits: [SearchHit] = []
            var total = 0
            for index in range {
                guard let found = matches(index) else { continue }
                total += 1
                if let limit, order == .blog && hits.count >= limit { continue }
                let keep = limit == nil || order == .blog
                hits.append(SearchHit(entryIndex: index, score: EntryMatcher.score(found), matches: keep ? found : []))
            }
            return (hits, total)
        }
        let total = pieces.reduce(0) { $0 + $1.total }
        let all = pieces.flatMap(\.hits)
        guard let limit else { return (total, ordered(all, by: order)) }
        var shown = Array(ordered(all, by: order).prefix(limit))
        if order == .relevance {
            for k in shown.indices { shown[k].matches = matches(shown[k].entryIndex) ?? [] }
        }
        return (total, shown)
    }

    /// Hits in blog order as given, or by relevance: highest score first, ties in blog order.
    static func ordered(_ hits: [SearchHit], by order: SearchOrder) -> [SearchHit] {
        guard order == .relevance else { return hits }
        return hits.sorted { $0.score != $1.score ? $0.score > $1.score : $0.entryIndex < $1.entryIndex }
    }
}
