import Foundation
import LiveBlogCore
import LiveBlogHTML
import LiveBlogStore

/// One blog of the list as `liveblog blogs` shows it: its counts against the stored marks and the newest post's
/// time, or why it could not be read.
struct BlogSummary: Sendable {
    var item: BlogList.Item
    /// The source actually read (see `BlogListFile.resolvedSource`).
    var source: String
    /// The counts, nil when the blog could not be read.
    var entries: Int?
    var unread: Int?
    /// Entries neither shown before (the store's seen entries) nor read.
    var new: Int?
    /// The newest post's moment, among the posts whose time is known.
    var newest: Date?
    /// Why the blog could not be read, short (`HTTP 404 Not Found`, `no such file`).
    var error: String?

    /// How many blogs are fetched or read at once.
    static let width = 4

    /// Reads every item (at most `width` at once) and counts its entries against `store` (nil: nothing stored).
    /// A blog that fails has its error in its summary; the others are unaffected.
    static func summarize(_ items: [BlogList.Item], loader: SourceLoader, store: (any ReadMarkStore)?) -> [BlogSummary]
    {
        let sources = items.map(BlogListFile.resolvedSource)
        let loaded = Parallel.each(items.count, atOnce: width) { k -> Loaded in
            let source = BlogSource(argument: sources[k])
            do {
                return Loaded(blog: try loader.loadBlog(from: source))
            } catch {
                return Loaded(error: shortError(error, source: sources[k]))
            }
        }
        // The store is read on this thread only, after the slow part.
        var storeFailure: String?
        return zip(items, zip(sources, loaded)).map { item, pair in
            let (source, loaded) = pair
            var summary = BlogSummary(item: item, source: source, error: loaded.error)
            guard let blog = loaded.blog else { return summary }
            var read = Set<EntryID>()
            var seen = Set<EntryID>()
            if let store, storeFailure == nil {
                do {
                    if let stored = try BlogSource(argument: source).identity(for: blog).find(in: store) {
                        read = Set(try store.readMarks(for: stored.key).keys)
                        seen = try store.seenEntries(for: stored.key)
                    }
                } catch {
                    // Said once: the same store fails the same way for every blog.
                    storeFailure = String(describing: error)
                    Diagnostics.warning("read marks unavailable: \(error)")
                }
            }
            summary.entries = blog.entries.count
            summary.unread = blog.entries.count { !read.contains($0.id) }
            summary.new = blog.entries.count { !read.contains($0.id) && !seen.contains($0.id) }
            summary.newest = blog.entries.compactMap(\.timestamp).max()
            return summary
        }
    }

    /// What one load gave.
    private struct Loaded: Sendable {
        var blog: LiveBlog?
        var error: String?
    }

    /// A load's error as a row shows it: the cause without the command's framing ("cannot fetch ADDRESS: ").
    static func shortError(_ error: any Error, source: String) -> String {
        var text = String(describing: error).replacingOccurrences(of: "\n", with: " ")
        if text.hasPrefix("cannot fetch ") { text.removeFirst("cannot fetch ".count) }
        for name in [source, EchoedText.sanitized(source), EchoedText.sanitized(source, limit: 4096)]
        where text.hasPrefix(name + ": ") {
            text.removeFirst(name.count + 2)
            break
        }
        for name in [EchoedText.sanitized(source), EchoedText.sanitized(source, limit: 4096)]
        where text.hasPrefix("cannot open \(name): ") {
            text.removeFirst("cannot open \(name): ".count)
            break
        }
        if text == "No such file or directory" { return "no such file" }
        // strerror's words start with a capital; the row's do not.
        if let first = text.first, first.isUppercase, text.dropFirst().first?.isLowercase == true {
            text = first.lowercased() + text.dropFirst()
        }
        return text
    }
}
