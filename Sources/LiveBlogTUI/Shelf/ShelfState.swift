import Foundation
import LiveBlogCore

/// The state of the reader over several blogs: the blog list, the blog open in today's reader, and the river of
/// every blog's entries. Pure data; change it only through `ShelfReducer.reduce`, draw it with `ShelfRenderer`.
///
/// Each blog keeps a whole `ReaderState`, so that opening it is today's reader with its marks, new entries and
/// search; the river is one more `ReaderState` over a merged blog (see `River`) whose marks go back to the blogs.
public struct ShelfState: Sendable {
    /// What is on the screen.
    public enum View: Hashable, Sendable {
        case blogs
        case blog(Int)
        case river
    }

    public internal(set) var blogs: [ShelfBlog]
    public internal(set) var view: View = .blogs
    public internal(set) var options: ReaderOptions
    public internal(set) var size = TerminalSize(rows: 24, columns: 80)
    public internal(set) var message: ReaderState.StatusMessage?
    /// The tag set with `:tag NAME`: the list and the river show only blogs with it.
    public internal(set) var tagFilter: String?
    public internal(set) var shouldQuit = false
    /// The cursor over the shown blogs.
    var list = ListMovement()
    var river: River?
    var riverReader: ReaderState?
    /// The help screen and the `:` prompt of the blog list: a reader over an empty blog, so that both work
    /// (keys, history, editing) exactly as they do in a blog.
    var host: ReaderState
    /// The blog and entries the last `A` in the list marked read, for its undo.
    var lastMarkAll: (blog: Int, ids: [EntryID])?

    public init(blogs: [ShelfBlog], options: ReaderOptions, message: String? = nil) {
        var blogs = blogs
        for (k, short) in ShelfBlog.shortNames(for: blogs.map(\.name)).enumerated() { blogs[k].shortName = short }
        self.blogs = blogs
        self.options = options
        var hostOptions = options
        hostOptions.markAfter = nil
        host = ReaderState(
            blog: LiveBlog(title: "Blogs"), readMarks: [], options: hostOptions, sourceName: "blog list")
        self.message = message.map { ReaderState.StatusMessage($0, isError: true) }
    }

    // MARK: Read-only views for the terminal layer and tests

    /// Positions (in `blogs`) of the blogs listed: all of them, or those with the tag set by `:tag`.
    public var shownBlogs: [Int] {
        guard let tag = tagFilter else { return Array(blogs.indices) }
        return blogs.indices.filter { blogs[$0].tags.contains(tag) }
    }

    /// The blog under the list's cursor.
    public var selectedBlog: Int? {
        let shown = shownBlogs
        guard !shown.isEmpty else { return nil }
        return shown[min(max(0, list.cursor), shown.count - 1)]
    }

    /// The reader on show: the open blog's or the river's; nil on the blog list.
    public var currentReader: ReaderState? {
        switch view {
        case .blogs: nil
        case .blog(let b): blogs[b].reader
        case .river: riverReader
        }
    }

    /// Each read blog's row as the list shows it now, by source, to be remembered for the next start.
    public var rowsToRemember: [String: ShelfBlog.Remembered] {
        var rows: [String: ShelfBlog.Remembered] = [:]
        for blog in blogs {
            if let reader = blog.reader {
                rows[blog.source] = .init(
                    unread: blog.unreadCount, new: blog.newCount,
                    newest: ShelfRenderer.newestTime(reader.blog, timeZone: options.timeZone))
            } else if let remembered = blog.remembered {
                rows[blog.source] = remembered
            }
        }
        return rows
    }

    /// Rows of the blog list on screen (between the title and the status line).
    var listHeight: Int { max(1, size.rows - 2) }

    // MARK: Changing readers

    /// Runs `body` on the reader of the view on show (the host on the blog list).
    mutating func withCurrentReader<T>(_ body: (inout ReaderState) -> T) -> T {
        switch view {
        case .blogs:
            return body(&host)
        case .blog(let b):
            // Taken out while it changes, so that the blog's reader is not copied on write.
            var reader = blogs[b].reader!
            blogs[b].reader = nil
            defer { blogs[b].reader = reader }
            return body(&reader)
        case .river:
            var reader = riverReader!
            riverReader = nil
            defer { riverReader = reader }
            return body(&reader)
        }
    }

    /// Sets entries of blog `b` read or unread there and in the river; answers the ids that changed.
    mutating func setRead(blog b: Int, _ ids: [EntryID], _ read: Bool) -> [EntryID] {
        guard var reader = blogs[b].reader else { return [] }
        blogs[b].reader = nil
        let wanted = Set(ids)
        var changed: [EntryID] = []
        for (k, entry) in reader.blog.entries.enumerated() where wanted.contains(entry.id) {
            if reader.setRead(k, read) { changed.append(entry.id) }
        }
        if reader.isUnreadOnly { reader.rebuildListing(keeping: reader.selectedEntry) }
        blogs[b].reader = reader
        syncRiverMarks(blog: b, ids)
        return changed
    }

    /// Brings the river's marks for these entries of blog `b` in line with the blog's.
    mutating func syncRiverMarks(blog b: Int, _ ids: [EntryID]) {
        guard var reader = riverReader, let marks = blogs[b].reader?.readMarks else { return }
        riverReader = nil
        let wanted = Set(ids.map { River.riverID(blog: b, $0) })
        for (k, entry) in reader.blog.entries.enumerated() where wanted.contains(entry.id) {
            guard let origin = river?.origin[entry.id] else { continue }
            reader.setRead(k, marks.contains(origin.id))
        }
        riverReader = reader
    }

    /// Builds the river again from the blogs shown now, keeping the selected entry; new and read follow the
    /// blogs.
    mutating func rebuildRiver() {
        let river = River(blogs: blogs, positions: shownBlogs, title: riverTitle)
        var marks = Set<EntryID>()
        var new = Set<EntryID>()
        // Blog by blog: a blog's reader is a large value, looked at once, not once per entry.
        for b in shownBlogs {
            guard let reader = blogs[b].reader else { continue }
            for id in reader.readMarks { marks.insert(River.riverID(blog: b, id)) }
            for id in reader.newEntryIDs { new.insert(River.riverID(blog: b, id)) }
        }
        var options = self.options
        options.unreadOnly = riverReader?.isUnreadOnly ?? false
        var reader = ReaderState(blog: river.blog, readMarks: marks, options: options, sourceName: "river")
        reader.setRowLabels(river.labels, width: river.labelWidth)
        reader.startFollowing(true, newSinceLastTime: new)
        reader.size = size
        if let old = riverReader {
            reader.searchHistory = old.searchHistory
            reader.listWidth = old.listWidth
            reader.focus = old.focus
            let kept = old.selectedEntryID.flatMap { id in river.blog.entries.firstIndex { $0.id == id } }
            // A search on show stays on (it waits for the new index when the text is large).
            if let query = old.query { reader.applyQuery(query, keeping: kept) }
            if let k = kept {
                let position = reader.listPosition(of: k)
                reader.list.select(position, count: reader.listing.count, height: reader.listHeight)
                reader.selectionDidChange()
            }
        }
        self.river = river
        riverReader = reader
    }

    var riverTitle: String {
        let count = shownBlogs.count
        return "River — \(count) \(count == 1 ? "blog" : "blogs")" + (tagFilter.map { " tagged \($0)" } ?? "")
    }
}
