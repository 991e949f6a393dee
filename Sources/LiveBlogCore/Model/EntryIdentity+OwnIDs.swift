extension Entry {
    /// Gives entries their ids: from the post's own id where the source has one (`ownIDs[k]`), so that marks
    /// survive edits to the post; from the content otherwise, as for text. Repeats get `-2`, `-3` from the end.
    public static func assignIDs(_ entries: inout [Entry], ownIDs: [String?]) {
        EntryIdentity.assignIDs(to: &entries)
        var seen: [String: Int] = [:]
        for k in entries.indices.reversed() {
            guard k < ownIDs.count, let own = ownIDs[k], !own.isEmpty else { continue }
            let base = EntryIdentity.hash("id:" + own)
            let repeats = seen[base, default: 0] + 1
            seen[base] = repeats
            entries[k].id = EntryID(repeats == 1 ? base : "\(base)-\(repeats)")
        }
    }
}
