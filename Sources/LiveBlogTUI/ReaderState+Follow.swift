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
        // An entry whose headline was edited has a new id: it is the same entry, so its mark moves with it and
        // it is edited, not new.
        var carried: [EntryID] = []
        for (old, new) in merge.retitled {
            guard let k = newBlog.entries.firstIndex(where: { $0.id == new }) else { continue }
            isNew[k] = false
            newEntryIDs.remove(new)
            if readMarks.contains(old), setRead(k, true) { carried.append(new) }
        }
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
        var effects: [Effect] = carried.isEmpty ? [] : [.persistReadMarks(carried, read: true)]
        if !arrived.isEmpty { effects.append(.announce(arrived)) }
        return effects
    }

    /// Nothing is new any more: the user has looked at the blog (and left it, in the blog list).
    mutating func forgetNew() {
        guard !newEntryIDs.isEmpty else { return }
        newEntryIDs.removeAll()
        isNew = Array(repeating: false, count: blog.entries.count)
    }

    /// The entry on show is no longer new: the user has looked at it.
    mutating func acknowledgeShownEntry() {
        guard !newEntryIDs.isEmpty, let shown = shownEntry, isNew[shown] else { return }
        isNew[shown] = false
        newEntryIDs.remove(blog.entries[shown].id)
    }

    /// Selects the newest entry and scrolls it into view; nothing listed stays new, since the user has now
    /// seen what arrived. The newest is the latest timestamp when every entry has one; else the newest arrival
    /// (the last when arrivals were appended, as a log or a pipe grows, else the first); else the page's top, or
    /// its bottom when its times run oldest first.
    mutating func jumpToNewest() {
        guard !listing.isEmpty else {
            message = .init("No entries")
            return
        }
        var target: Int?
        let arrivals = listing.filter { isNew[$0] }
        if blog.entries.allSatisfy({ $0.timestamp != nil }) {
            target = listing.max { blog.entries[$0].timestamp! < blog.entries[$1].timestamp! }
        } else if let first = arrivals.min(), let last = arrivals.max() {
            target = first >= blog.entries.count - arrivals.count ? last : first
        } else if let top = listing.min(), let bottom = listing.max(),
            let a = blog.entries[top].time, let b = blog.entries[bottom].time,
            Self.isClock(a), Self.isClock(b), a.count == b.count, a < b
        {
            target = bottom
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

    /// "9:05" or "10:05": a time text that sorts as a clock when lengths agree.
    static func isClock(_ text: String) -> Bool {
        let parts = text.split(separator: ":")
        return parts.count == 2
            && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
    }
}
