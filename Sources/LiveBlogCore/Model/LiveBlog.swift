/// A parsed live blog: title, standfirst, entries in the order the page shows them, and the parser's notes.
public struct LiveBlog: Hashable, Sendable {
    public var title: String
    public var standfirst: String?
    public var entries: [Entry]
    public var diagnostics: [Diagnostic]
    /// The page's own canonical address (`<link rel=canonical>`, `og:url`, JSON-LD `url`), where it gives one:
    /// the blog's identity for read marks, whatever file or address it was read from.
    public var canonicalURL: String? = nil

    public init(title: String, standfirst: String? = nil, entries: [Entry] = [], diagnostics: [Diagnostic] = []) {
        self.title = title
        self.standfirst = standfirst
        self.entries = entries
        self.diagnostics = diagnostics
    }
}
