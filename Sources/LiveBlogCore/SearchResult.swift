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
