/// Gives entries ids derived from their content, so that ids survive entries added or removed around them
/// and later paragraphs being edited.
enum EntryIdentity {
    /// The text an id is derived from: the headline, or for an untitled entry the start of its first paragraph.
    /// Times are left out on purpose: relative ages ("4m ago") change every time a page is saved.
    static func key(of entry: Entry) -> String {
        if let headline = entry.headline { return "h:" + headline }
        if let first = entry.paragraphs.first { return "p:" + String(first.unicodeScalars.prefix(160)) }
        if let link = entry.related.first { return "r:" + link.title }
        return "e:"
    }

    /// 64-bit FNV-1a, shown as 12 hex digits.
    static func hash(_ key: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in key.utf8 {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01B3
        }
        let hex = String(h >> 16, radix: 16)
        return String(repeating: "0", count: max(0, 12 - hex.count)) + hex
    }

    /// Assigns ids; repeated content gets `-2`, `-3` counted from the end of the page, where a newest-first feed
    /// keeps its oldest posts, so that a new post at the top never shifts an existing id.
    static func assignIDs(to entries: inout [Entry]) {
        var seen: [String: Int] = [:]
        for k in entries.indices.reversed() {
            let base = hash(key(of: entries[k]))
            let count = seen[base, default: 0] + 1
            seen[base] = count
            entries[k].id = EntryID(count == 1 ? base : "\(base)-\(count)")
        }
    }
}
