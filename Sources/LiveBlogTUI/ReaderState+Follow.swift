import LiveBlogCore

extension ReaderState {
    /// Entries listed in the blog that are still new (arrived and not yet shown).
    public var newCount: Int { newEntryIDs.count }

    /// Whether the entry with this id carries the "edited" badge.
    public func isEdited(_ id: EntryID) -> Bool { editedEntryIDs.contains(id) }

    /// Whether the entry with this id is new (arrived, not yet shown).
    public func isNew(_ id: EntryID) -> Bool { newEntryIDs.contains(id) }

    /// Sets up following before the first frame: whether the source is followed, and which entries arrived
    /// since the last session (they start as new, not merely unread).
    public mutating func startFollowing(_ following: Bool, newSinceLastTime: Set<EntryID> = []) {
        isFollowing = following
        for (k, entry) in blog.entries.enumerated() where newSinceLastTime.contains(entry.id) && !isRead[k] {
            isNew[k] = true
            newEntryIDs.insert(entry.id)
        }
        acknowledgeShownEntry()
    }

    /// Takes a new version of a followed source, merged by entry id: marks stay on their entries, the selected
    /// entry stays selected on the same screen row with its scroll, arrivals are new, changed entries get the
    /// edited badge, a removed entry's selection goes to its neighbour. A version that looks broken (no
    /// entries, nothing in common with the last) is refused and the last good one kept, with a note saying so.
    mutating func mergeUpdate(_ newBlog: LiveBlog) -> [Effect] {
        if let reason = BlogMerge.rejection(of: newBlog, replacing: blog) {
            followNote = .init("Kept the last good version: \(reason)", isError: true)
            message = nil
            return []
        }
        let merge = BlogMerge(from: blog, to: newBlog)
        followNote = nil
        guard !merge.isEmpty || newBlog.title != blog.title || newBlog.standfirst != blog.standfirst else { return [] }
        // Times and other small changes are taken too; only a real change is reported.
        _ = replaceBlog(newBlog)
        editedEntryIDs.formUnion(merge.edited)
        let present = Set(newBlog.entries.map(\.id))
        editedEntryIDs.formIntersection(present)
        newEntryIDs.formIntersection(present)
        // An entry that arrived while read elsewhere (another session) is not new.
        for (k, entry) in newBlog.entries.enumerated() where isNew[k] && isRead[k] {
            isNew[k] = false
            newEntryIDs.remove(entry.id)
        }
        if !merge.isEmpty { message = .init("Updated: " + merge.summary) }
        let arrived = merge.added.filter { newEntryIDs.contains($0) }
        return arrived.isEmpty ? [] : [.announce(arrived)]
    }

    /// The entry on show is no longer new: the user has looked at it.
    mutating func acknowledgeShownEntry() {
        guard !newEntryIDs.isEmpty, let shown = shownEntry, isNew[shown] else { return }
        isNew[shown] = false
        newEntryIDs.remove(blog.entries[shown].id)
    }

    /// Selects the newest entry (the first new one in page order, else the page's first entry, as live blogs
    /// put the newest on top; by timestamp when every entry has one) and scrolls it into view; nothing listed
    /// stays new, since the user has now seen what arrived.
    mutating func jumpToNewest() {
        guard !listing.isEmpty else { message = .init("No entries"); return }
        var target: Int?
        if blog.entries.allSatisfy({ $0.timestamp != nil }) {
            target = listing.max { blog.entries[$0].timestamp! < blog.entries[$1].timestamp! }
        } else {
            target = listing.min()
        }
        for k in listing where isNew[k] {
            isNew[k] = false
            newEntryIDs.remove(blog.entries[k].id)
        }
        guard let target else { return }
        let position = listPosition(of: target)
        moveSelection { $0.select(position, count: $1, height: $2) }
        message = .init("Newest entry")
    }
}
