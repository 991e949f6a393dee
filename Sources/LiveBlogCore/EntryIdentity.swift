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
        var seen: [UInt64: Int] = [:]
        seen.reserveCapacity(entries.count)
        for k in entries.indices.reversed() {
            // Ids show the top 48 bits, so repeats are counted on those.
            let value = hashValue(of: entries[k]) >> 16
            let count = seen[value, default: 0] + 1
            seen[value] = count
            let base = hex48(value)
            entries[k].id = EntryID(count == 1 ? base : "\(base)-\(count)")
        }
    }

    /// `hash(key(of: entry))` as a number, computed over the entry's bytes without building the key string.
    static func hashValue(of entry: Entry) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        @inline(__always) func mix(_ b: UInt8) {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01B3
        }
        @inline(__always) func mix(_ text: String, scalarLimit: Int) {
            var copy = text
            copy.withUTF8 { buf in
                var scalars = 0
                for b in buf {
                    if b & 0xC0 != 0x80 {
                        scalars += 1
                        if scalars > scalarLimit { break }
                    }
                    mix(b)
                }
            }
        }
        if let headline = entry.headline {
            mix(UInt8(ascii: "h")); mix(UInt8(ascii: ":"))
            mix(headline, scalarLimit: .max)
        } else if let first = entry.paragraphs.first {
            mix(UInt8(ascii: "p")); mix(UInt8(ascii: ":"))
            // The first 160 Unicode scalars: stop at the lead byte of the 161st.
            mix(first, scalarLimit: 160)
        } else if let link = entry.related.first {
            mix(UInt8(ascii: "r")); mix(UInt8(ascii: ":"))
            mix(link.title, scalarLimit: .max)
        } else {
            mix(UInt8(ascii: "e")); mix(UInt8(ascii: ":"))
        }
        return h
    }

    /// The 12 hex digits shown for the top 48 bits of a hash value.
    static func hex48(_ top: UInt64) -> String {
        let hex = String(top, radix: 16)
        return String(repeating: "0", count: max(0, 12 - hex.count)) + hex
    }
}
