/// A parsed blog that still holds its normalised source bytes, with entries as spans of them.
///
/// `LiveBlogParser.parse` turns it into a `LiveBlog` at once. One-shot commands such as `liveblog search` keep it,
/// search its bytes, and build strings only for the entries they print.
public struct ParsedSource: Sendable {
    private let bytes: [UInt8]
    let spans: [EntrySpans]
    public let title: String
    public let standfirst: String?
    public let diagnostics: [Diagnostic]

    init(bytes: [UInt8], spans: [EntrySpans], title: String, standfirst: String?, diagnostics: [Diagnostic]) {
        self.bytes = bytes
        self.spans = spans
        self.title = title
        self.standfirst = standfirst
        self.diagnostics = diagnostics
    }

    public var entryCount: Int { spans.count }

    /// The id of the entry at `index`, without building its strings.
    public func id(at index: Int) -> EntryID { spans[index].id }

    /// The headline of the entry at `index`, or nil for an untitled entry, without building its other strings.
    public func headline(at index: Int) -> String? {
        guard let span = spans[index].headline else { return nil }
        return bytes.withUnsafeBufferPointer { span.string(in: $0) }
    }

    /// One entry with its strings.
    public func entry(at index: Int) -> Entry {
        bytes.withUnsafeBufferPointer { spans[index].materialize(in: $0) }
    }

    /// The whole blog with its strings, built on all cores for large blogs.
    public func materialize() -> LiveBlog {
        var blog = LiveBlog(title: title, standfirst: standfirst, entries: [], diagnostics: diagnostics)
        blog.entries = bytes.withUnsafeBufferPointer { buffer in
            let text = SendableBuffer(readOnly: buffer)
            let spans = self.spans
            return Parallel.map(spans.count, minimum: 4000) { range in
                spans[range].map { $0.materialize(in: text.readable) }
            }.flatMap { $0 }
        }
        return blog
    }

    /// Searches the source bytes on all cores; hits carry positions into the entry list, as `SearchIndex.scan`'s.
    public func search(_ query: SearchQuery, order: SearchOrder = .blog) -> [SearchHit] {
        search(query, order: order, limit: nil).hits
    }

    /// How many entries match, and the first `limit` hits (all without a limit) with their matches.
    public func search(_ query: SearchQuery, order: SearchOrder = .blog, limit: Int?) -> (total: Int, hits: [SearchHit])
    {
        let matcher = EntryMatcher(query)
        return bytes.withUnsafeBufferPointer { buffer in
            let text = SendableBuffer(readOnly: buffer)
            let spans = self.spans
            return SearchHit.collect(count: spans.count, order: order, limit: limit) { index in
                matcher.matches(fields: { visit in spans[index].forEachField(in: text.readable, visit) })
            }
        }
    }
}
