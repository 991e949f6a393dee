import Foundation
import LiveBlogCore

/// One blog of the blog list: how the list names it, its reader once it has been read, and whether reading it
/// fails.
public struct ShelfBlog: Sendable {
    /// Why the blog's source cannot be read right now, and since when (kept through repeated failures).
    public struct Failure: Hashable, Sendable {
        public var text: String
        public var since: Date
        public init(text: String, since: Date) {
            self.text = text
            self.since = since
        }
    }

    /// What the list showed of the blog when the reader last closed: its row until the blog is read again, so
    /// that the first frame says something of every blog rather than "loading…".
    public struct Remembered: Hashable, Sendable {
        public var unread: Int
        public var new: Int
        /// The newest entry's time as the row showed it.
        public var newest: String?
        public init(unread: Int, new: Int, newest: String?) {
            self.unread = unread
            self.new = new
            self.newest = newest
        }

        /// The rows of a blog list as one text: a line per source, its fields after tabs (a source is one word).
        public static func encode(_ rows: [String: Remembered]) -> String {
            rows.sorted { $0.key < $1.key }.map { source, row in
                "\(source)\t\(row.unread)\t\(row.new)\t\(row.newest ?? "")"
            }.joined(separator: "\n")
        }

        /// The rows `encode` wrote; a line that does not read is skipped (it is only a cache).
        public static func decode(_ text: String) -> [String: Remembered] {
            var rows: [String: Remembered] = [:]
            for line in text.split(separator: "\n") {
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                guard fields.count == 4, let unread = Int(fields[1]), let new = Int(fields[2]) else { continue }
                rows[fields[0]] = Remembered(unread: unread, new: new, newest: fields[3].isEmpty ? nil : fields[3])
            }
            return rows
        }
    }

    /// The name the list shows (the blog list's quoted name, else one made from the source).
    public var name: String
    /// A few cells of the name, for the river's label column.
    public var shortName: String
    public var tags: [String]
    /// The source as the blog list writes it.
    public var source: String
    /// The blog's reader, from its first successful read on; nil while it is loading or has never loaded.
    public internal(set) var reader: ReaderState?
    public internal(set) var failure: Failure?
    /// The row from the last session, shown (dimmed) until the blog is read.
    public var remembered: Remembered?

    public init(name: String, tags: [String] = [], source: String) {
        self.name = name
        self.shortName = ShelfBlog.shortName(for: name)
        self.tags = tags
        self.source = source
    }

    /// Entries not read yet (0 before the blog is read).
    public var unreadCount: Int { reader?.unreadCount ?? 0 }

    /// Entries that arrived since the user last looked at this blog.
    public var newCount: Int { reader?.newCount ?? 0 }

    /// The newest entry's timestamp, if any entry has one.
    public var newestTimestamp: Date? { reader?.blog.entries.compactMap(\.timestamp).max() }

    /// At most ten cells of the name: its first word when that is long enough to tell it apart, else the name
    /// cut; the river's label column is only as wide as the widest of these.
    static func shortName(for name: String) -> String {
        let words = name.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" || $0 == "." })
        var short = words.first.map(String.init) ?? name
        if short.count < 4, words.count > 1 { short += " " + words[1] }
        return short.count > 10 ? String(short.prefix(9)) + "…" : short
    }
}
