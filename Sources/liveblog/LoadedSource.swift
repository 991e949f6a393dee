import LiveBlogCore

/// A source read and parsed once for a one-shot search: text stays as spans of its bytes (see `ParsedSource`);
/// a page read from HTML is already a `LiveBlog`.
enum LoadedSource: Sendable {
    case text(ParsedSource)
    case page(LiveBlog)

    /// How many entries match, and the first `limit` hits (all without a limit).
    func search(_ query: SearchQuery, order: SearchOrder, limit: Int?) -> (total: Int, hits: [SearchHit]) {
        switch self {
        case .text(let parsed):
            return parsed.search(query, order: order, limit: limit)
        case .page(let blog):
            // A page's blog is small: scan it whole, then cut.
            let hits = SearchIndex.scan(blog, for: query, order: order)
            return (hits.count, limit.map { Array(hits.prefix($0)) } ?? hits)
        }
    }

    func id(at index: Int) -> EntryID {
        switch self {
        case .text(let parsed): parsed.id(at: index)
        case .page(let blog): blog.entries[index].id
        }
    }

    func headline(at index: Int) -> String? {
        switch self {
        case .text(let parsed): parsed.headline(at: index)
        case .page(let blog): blog.entries[index].headline
        }
    }

    func entry(at index: Int) -> Entry {
        switch self {
        case .text(let parsed): parsed.entry(at: index)
        case .page(let blog): blog.entries[index]
        }
    }
}
