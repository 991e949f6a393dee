import Foundation
import LiveBlogCore

/// Every blog's entries in one list, newest first, and the way back from a river entry to its blog.
///
/// A river entry is the blog's entry under an id that names the blog too (`3/<id>`), so that two blogs with
/// the same post id stay two entries, and a mark made in the river goes to the right blog.
struct River: Sendable {
    let blog: LiveBlog
    /// For each river entry id: the blog's position in the list and the entry's own id.
    let origin: [EntryID: (blog: Int, id: EntryID)]
    /// The blog's short name for each river entry, for the list's label column.
    let labels: [EntryID: String]
    /// Cells of the widest label.
    let labelWidth: Int

    /// The river entry id of entry `id` of blog `index`.
    static func riverID(blog index: Int, _ id: EntryID) -> EntryID { EntryID("\(index)/\(id.rawValue)") }

    /// The river of the blogs at `positions` (the others are filtered out by tag).
    ///
    /// Entries are ordered by timestamp, newest first. A post whose page gives no moment (a floating clock,
    /// no time) stays where its own page put it: it takes the moment of the nearest post above it that has
    /// one (below, when none above does), so that a blog's own order is never shuffled.
    init(blogs: [ShelfBlog], positions: [Int], title: String) {
        var keyed: [(key: Date, blog: Int, place: Int, entry: Entry)] = []
        var origin: [EntryID: (blog: Int, id: EntryID)] = [:]
        var labels: [EntryID: String] = [:]
        var labelWidth = 0
        for b in positions {
            guard let entries = blogs[b].reader?.blog.entries, !entries.isEmpty else { continue }
            let short = blogs[b].shortName
            labelWidth = max(labelWidth, short.count)
            let keys = River.sortKeys(entries)
            for (k, entry) in entries.enumerated() {
                var copy = entry
                copy.id = River.riverID(blog: b, entry.id)
                origin[copy.id] = (b, entry.id)
                labels[copy.id] = short
                keyed.append((keys[k], b, k, copy))
            }
        }
        keyed.sort { a, b in
            if a.key != b.key { return a.key > b.key }
            if a.blog != b.blog { return a.blog < b.blog }
            return a.place < b.place
        }
        self.blog = LiveBlog(title: title, entries: keyed.map(\.entry))
        self.origin = origin
        self.labels = labels
        self.labelWidth = labelWidth
    }

    /// Each entry's moment for ordering: its own timestamp, else its nearest timestamped neighbour's (above
    /// first), else the distant past.
    static func sortKeys(_ entries: [Entry]) -> [Date] {
        var keys = [Date?](repeating: nil, count: entries.count)
        var last: Date?
        for (k, entry) in entries.enumerated() {
            if let t = entry.timestamp { last = t }
            keys[k] = entry.timestamp ?? last
        }
        var next: Date?
        for k in entries.indices.reversed() {
            if let t = entries[k].timestamp { next = t }
            if keys[k] == nil { keys[k] = next }
        }
        return keys.map { $0 ?? .distantPast }
    }
}
