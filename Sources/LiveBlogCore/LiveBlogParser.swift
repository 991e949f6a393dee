/// Turns the plain text of a live blog into a `LiveBlog`. Never fails: odd input gives a blog plus diagnostics.
public struct LiveBlogParser: Sendable {
    public init() {}

    /// Parses text that is already a `String`.
    public func parse(_ text: String) -> LiveBlog {
        // Temporary: every non-empty line after the first is one untitled entry. Replaced by the real parser.
        let lines = text.split(separator: "\n").map(String.init)
        guard let title = lines.first else { return LiveBlog(title: "") }
        var blog = LiveBlog(title: title, standfirst: lines.count > 1 ? lines[1] : nil)
        for (i, line) in lines.dropFirst(2).enumerated() {
            blog.entries.append(Entry(id: EntryID(String(i)), paragraphs: [line], line: i + 3))
        }
        return blog
    }
}
