/// A parsed live blog: title, standfirst, entries in the order the page shows them, and the parser's notes.
public struct LiveBlog: Hashable, Sendable {
    public var title: String
    public var standfirst: String?
    public var entries: [Entry]
    public var diagnostics: [Diagnostic]

    public init(title: String, standfirst: String? = nil, entries: [Entry] = [], diagnostics: [Diagnostic] = []) {
        self.title = title
        self.standfirst = standfirst
        self.entries = entries
        self.diagnostics = diagnostics
    }
}
