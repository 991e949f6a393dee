import LiveBlogCore

/// The whole state of the reader: what is listed, selected, scrolled, searched and read. Pure data, no curses.
public struct ReaderState: Sendable {
    public private(set) var blog: LiveBlog
    public let options: ReaderOptions
    public let sourceName: String
    public internal(set) var readMarks: Set<EntryID>
    public internal(set) var shouldQuit: Bool = false

    public init(blog: LiveBlog, readMarks: Set<EntryID>, options: ReaderOptions, sourceName: String) {
        self.blog = blog
        self.readMarks = readMarks
        self.options = options
        self.sourceName = sourceName
    }
}
