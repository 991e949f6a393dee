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
    /// A few cells of the name, for the river's label column; the list makes them tell blogs apart.
    public internal(set) var shortName: String
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
        self.shortName = ShelfBlog.shortNames(for: [name])[0]
        self.tags = tags
        self.source = source
    }

    /// Entries not read yet (0 before the blog is read).
    public var unreadCount: Int { reader?.unreadCount ?? 0 }

    /// Entries that arrived since the user last looked at this blog.
    public var newCount: Int { reader?.newCount ?? 0 }

    /// A short name for each of `names` that tells it from the others, for the river's label column: the first
    /// word, or as many words as it takes to differ; past twelve cells, the first word cut and the word that
    /// tells it apart ("Elect… UK").
    static func shortNames(for names: [String]) -> [String] {
        let words = names.map { name in
            name.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" || $0 == "." }).map(String.init)
        }
        func prefix(_ k: Int, _ n: Int) -> [String] { Array(words[n].prefix(k)) }
        return names.indices.map { n in
            guard !words[n].isEmpty else { return cut(names[n], 12) }
            var k = 1
            while k < words[n].count, names.indices.contains(where: { $0 != n && prefix(k, $0) == prefix(k, n) }) {
                k += 1
            }
            let short = prefix(k, n).joined(separator: " ")
            if short.count <= 12 || k == 1 { return cut(short, 12) }
            let last = cut(words[n][k - 1], 6)
            return cut(words[n][0], max(2, 11 - last.count)) + " " + last
        }
    }

    /// `text` in at most `limit` characters, an ellipsis marking a cut.
    static func cut(_ text: String, _ limit: Int) -> String {
        text.count > limit ? String(text.prefix(limit - 1)) + "…" : text
    }
}
