/// What changed between two versions of one blog, entry by entry: matched by entry id, so an entry keeps its
/// identity (and its read mark) however the entries around it move.
///
/// `added` and `edited` are in the new version's page order; `removed` in the old version's.
public struct BlogMerge: Equatable, Sendable {
    public var added: [EntryID] = []
    public var edited: [EntryID] = []
    public var removed: [EntryID] = []

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
