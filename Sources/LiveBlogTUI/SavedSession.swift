import LiveBlogCore

/// Where the reader was in a blog, kept between runs: the entry, the order and the filter the user left.
///
/// Stored as `name=value` lines (the store keeps it as text); unknown or malformed lines are ignored, so a
/// session written by another version never stops the reader from starting.
public struct SavedSession: Equatable, Sendable {
    public var entry: EntryID?
    public var oldestFirst: Bool
    public var search: String?
    public var unreadOnly: Bool

    public init(entry: EntryID? = nil, oldestFirst: Bool = false, search: String? = nil, unreadOnly: Bool = false) {
        self.entry = entry
        self.oldestFirst = oldestFirst
        self.search = search
        self.unreadOnly = unreadOnly
    }

    /// The session as stored.
    public var text: String {
        var lines = ["order=\(oldestFirst ? "oldest-first" : "published")", "unread-only=\(unreadOnly)"]
        if let entry { lines.append("entry=" + Self.oneLine(entry.rawValue)) }
        if let search { lines.append("search=" + Self.oneLine(search)) }
        return lines.joined(separator: "\n")
    }

    /// Reads a stored session.
    public init(text: String) {
        self.init()
        for line in text.split(separator: "\n") {
            guard let eq = line.firstIndex(of: "=") else { continue }
            let value = String(line[line.index(after: eq)...])
            switch line[..<eq] {
            case "entry": entry = value.isEmpty ? nil : EntryID(value)
            case "order": oldestFirst = value == "oldest-first"
            case "search": search = value.isEmpty ? nil : value
            case "unread-only": unreadOnly = value == "true"
            default: continue
            }
        }
    }

    private static func oneLine(_ text: String) -> String {
        String(text.unicodeScalars.filter { $0 != "\n" && $0 != "\r" }.map(Character.init))
    }
}

extension ReaderState {
    /// The session to save when the reader closes.
    public var session: SavedSession {
        SavedSession(
            entry: selectedEntryID, oldestFirst: order == .oldestFirst, search: query?.text,
            unreadOnly: isUnreadOnly)
    }

    /// Reopens where a session left off: order, filter, then the entry (when it is still in the blog).
    public mutating func restore(_ session: SavedSession) {
        order = session.oldestFirst ? .oldestFirst : .published
        rebuildOrder()
        isUnreadOnly = isUnreadOnly || session.unreadOnly
        let entry = session.entry.flatMap { id in blog.entries.firstIndex { $0.id == id } }
        applyQuery(session.search.map { SearchQuery($0) }, keeping: entry)
        if let entry, selectedEntry != entry {
            // Filtered out since: the list starts at the top rather than on a neighbour.
            list.cursor = 0
        }
        list.clamp(count: listing.count, height: listHeight)
        // Centre the entry, rather than leaving it at the bottom edge.
        list.top = max(0, list.cursor - listHeight / 2)
        list.clamp(count: listing.count, height: listHeight)
        selectionDidChange()
    }

    /// Searches from earlier runs, oldest first (the newest `limit` kept).
    public mutating func restoreSearchHistory(_ history: [String], limit: Int = 100) {
        searchHistory = Array(history.filter { !$0.isEmpty }.suffix(limit))
    }

    /// The list width chosen with `<` and `>` in an earlier run.
    public mutating func restoreListWidth(_ columns: Int?) {
        listWidth = columns.map { max(ScreenLayout.minimumPaneColumns, min($0, 1000)) }
    }
}
