import LiveBlogCore

/// The parse of `blog` as the golden tests write it: entries with times, headlines, flags, paragraphs cut at
/// `paragraphWidth` characters, and related links (see `BlogDump`; `liveblog check --dump` shows everything).
public func dump(_ blog: LiveBlog, paragraphWidth: Int = 60) -> String {
    blog.dump(paragraphWidth: paragraphWidth)
}
