/// What changed between two versions of one blog, entry by entry: matched by entry id, so an entry keeps its
/// identity (and its read mark) however the entries around it move.
///
/// `added` and `edited` are in the new version's page order; `removed` in the old version's.
public struct BlogMerge: Equatable, Sendable {
    public var added: [EntryID] = []
    public var edited: [EntryID] = []
    public var removed: [EntryID] = []
    /// Entries whose id changed because their headline did (a post with no id of its own is known by its
    /// headline): the old id and the new. The new id is listed in `edited` too, and in neither `added` nor
    /// `removed`, so the entry keeps its marks under its new id.
    public var retitled: [(old: EntryID, new: EntryID)] = []

    public static func == (a: BlogMerge, b: BlogMerge) -> Bool {
        a.added == b.added && a.edited == b.edited && a.removed == b.removed
            && a.retitled.map(\.old) == b.retitled.map(\.old) && a.retitled.map(\.new) == b.retitled.map(\.new)
    }

    public init(added: [EntryID] = [], edited: [EntryID] = [], removed: [EntryID] = []) {
        self.added = added
        self.edited = edited
        self.removed = removed
    }

    /// Whether nothing a reader would notice changed (a time such as "4m ago" changing does not count).
    public var isEmpty: Bool { added.isEmpty && edited.isEmpty && removed.isEmpty }

    /// Compares `old` with `new` by entry id. An entry is edited when its headline, paragraphs, related links or
    /// links differ; its time text alone changing ("4m ago" → "5m ago") is not an edit.
    public init(from old: LiveBlog, to new: LiveBlog) {
        var oldByID: [EntryID: Int] = [:]
        oldByID.reserveCapacity(old.entries.count)
        for (k, entry) in old.entries.enumerated() { oldByID[entry.id] = k }
        var kept = Set<EntryID>()
        kept.reserveCapacity(new.entries.count)
        for entry in new.entries {
            kept.insert(entry.id)
            if let k = oldByID[entry.id] {
                if !Self.sameContent(old.entries[k], entry) { edited.append(entry.id) }
            } else {
                added.append(entry.id)
            }
        }
        for entry in old.entries where !kept.contains(entry.id) { removed.append(entry.id) }
        if !added.isEmpty && !removed.isEmpty { pairRetitled(old: old, new: new) }
    }

    /// A removed and an added entry with the same first paragraph (long enough to be telling, and found once on
    /// each side) are one entry whose headline was edited.
    private mutating func pairRetitled(old: LiveBlog, new: LiveBlog) {
        func body(_ entry: Entry) -> String? {
            guard entry.headline != nil, let first = entry.paragraphs.first, first.unicodeScalars.count >= 40 else {
                return nil
            }
            return first
        }
        func unique(_ ids: [EntryID], in blog: LiveBlog) -> [String: EntryID] {
            let wanted = Set(ids)
            var found: [String: EntryID] = [:]
            var repeated = Set<String>()
            for entry in blog.entries where wanted.contains(entry.id) {
                guard let key = body(entry) else { continue }
                if found[key] != nil { repeated.insert(key) } else { found[key] = entry.id }
            }
            for key in repeated { found[key] = nil }
            return found
        }
        let gone = unique(removed, in: old)
        let arrived = unique(added, in: new)
        var pairs: [EntryID: EntryID] = [:]
        for (key, newID) in arrived { if let oldID = gone[key] { pairs[newID] = oldID } }
        guard !pairs.isEmpty else { return }
        let oldIDs = Set(pairs.values)
        for id in added where pairs[id] != nil {
            retitled.append((old: pairs[id]!, new: id))
            edited.append(id)
        }
        added.removeAll { pairs[$0] != nil }
        removed.removeAll { oldIDs.contains($0) }
    }

    /// The text a reader sees, compared field by field (cheapest first).
    public static func sameContent(_ a: Entry, _ b: Entry) -> Bool {
        a.headline == b.headline && a.paragraphs == b.paragraphs && a.related == b.related && a.links == b.links
            && a.flags == b.flags
    }

    /// Why `new` must not replace `old` (a server answering with an empty or broken page), or nil when it may.
    ///
    /// A blog never loses every entry at once: a version with no entries, or one that shares no entry with a
    /// previous version of two entries or more, is taken for a failed page and the last good version is kept.
    public static func rejection(of new: LiveBlog, replacing old: LiveBlog) -> String? {
        if new.entries.isEmpty { return old.entries.isEmpty ? nil : "the new version has no entries" }
        guard old.entries.count >= 2 else { return nil }
        let oldIDs = Set(old.entries.map(\.id))
        if !new.entries.contains(where: { oldIDs.contains($0.id) }) {
            return "the new version shares no entry with the last one (a broken page?)"
        }
        return nil
    }

    /// A short summary for a status line: "2 new, 1 edited, 1 removed"; "no changes" when empty.
    public var summary: String {
        var parts: [String] = []
        if !added.isEmpty { parts.append("\(added.count) new") }
        if !edited.isEmpty { parts.append("\(edited.count) edited") }
        if !removed.isEmpty { parts.append("\(removed.count) removed") }
        return parts.isEmpty ? "no changes" : parts.joined(separator: ", ")
    }
}
