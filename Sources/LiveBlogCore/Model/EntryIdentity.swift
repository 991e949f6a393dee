/// Gives entries ids derived from their content, so that ids survive entries added or removed around them
/// and later paragraphs being edited.
///
/// An id hashes the headline, or for an untitled entry the start (160 scalars) of its first paragraph, or else
/// its first related link's title. Times are left out on purpose: relative ages ("4m ago") change every time a
/// page is saved.
enum EntryIdentity {
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
        assign(count: entries.count, hash: { hashValue(of: entries[$0]) }, set: { entries[$0].id = $1 })
    }

    /// The same ids for entries that are still spans of `text`.
    /// The hashes are computed on all cores for a large blog; only the repeat count is sequential.
    static func assignIDs(to entries: inout [EntrySpans], text: UnsafeBufferPointer<UInt8>) {
        let hashes = hashValues(of: entries, text: text)
        assign(count: entries.count, hash: { hashes[$0] }, set: { entries[$0].id = $1 })
    }

    /// `hashValue` of each entry, in order (a borrowed array: no copy that the ids would then have to undo).
    private static func hashValues(of spans: [EntrySpans], text: UnsafeBufferPointer<UInt8>) -> [UInt64] {
        let shared = SendableBuffer(readOnly: text)
        return Parallel.map(spans.count, minimum: 20_000) { range in
            range.map { k in
                let e = spans[k]
                let text = shared.readable
                return hashValue(
                    headline: e.headline.map { $0.bytes(in: text) },
                    firstParagraph: e.paragraphs.first.map { $0.bytes(in: text) },
                    firstLinkTitle: e.related.first.map { $0.title.bytes(in: text) })
            }
        }.flatMap { $0 }
    }

    private static func assign(count: Int, hash: (Int) -> UInt64, set: (Int, EntryID) -> Void) {
        var seen: [UInt64: Int] = [:]
        seen.reserveCapacity(count)
        for k in (0..<count).reversed() {
            // Ids show the top 48 bits, so repeats are counted on those.
            let value = hash(k) >> 16
            let repeats = seen[value, default: 0] + 1
            seen[value] = repeats
            let base = hex48(value)
            set(k, EntryID(repeats == 1 ? base : "\(base)-\(repeats)"))
        }
    }

    /// The id's hash as a number, computed over the entry's bytes without building a key string.
    static func hashValue(of entry: Entry) -> UInt64 {
        func withBytes<R>(_ text: String?, _ body: (UnsafeBufferPointer<UInt8>?) -> R) -> R {
            guard var copy = text else { return body(nil) }
            return copy.withUTF8 { body($0) }
        }
        return withBytes(entry.headline) { headline in
            withBytes(entry.paragraphs.first) { first in
                withBytes(entry.related.first?.title) { link in
                    hashValue(headline: headline, firstParagraph: first, firstLinkTitle: link)
                }
            }
        }
    }

    static func hashValue(
        headline: UnsafeBufferPointer<UInt8>?, firstParagraph: UnsafeBufferPointer<UInt8>?,
        firstLinkTitle: UnsafeBufferPointer<UInt8>?
    ) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        @inline(__always) func mix(_ b: UInt8) {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01B3
        }
        @inline(__always) func mix(_ buf: UnsafeBufferPointer<UInt8>, scalarLimit: Int) {
            var scalars = 0
            for b in buf {
                if b & 0xC0 != 0x80 {
                    scalars += 1
                    if scalars > scalarLimit { break }
                }
                mix(b)
            }
        }
        if let headline {
            mix(UInt8(ascii: "h"))
            mix(UInt8(ascii: ":"))
            mix(headline, scalarLimit: .max)
        } else if let firstParagraph {
            mix(UInt8(ascii: "p"))
            mix(UInt8(ascii: ":"))
            // The first 160 Unicode scalars: stop at the lead byte of the 161st.
            mix(firstParagraph, scalarLimit: 160)
        } else if let firstLinkTitle {
            mix(UInt8(ascii: "r"))
            mix(UInt8(ascii: ":"))
            mix(firstLinkTitle, scalarLimit: .max)
        } else {
            mix(UInt8(ascii: "e"))
            mix(UInt8(ascii: ":"))
        }
        return h
    }

    /// The 12 hex digits shown for the top 48 bits of a hash value (a small string: no allocation).
    static func hex48(_ top: UInt64) -> String {
        String(unsafeUninitializedCapacity: 12) { buffer in
            let digits: StaticString = "0123456789abcdef"
            for k in 0..<12 {
                let nibble = Int((top >> UInt64(4 * (11 - k))) & 0xF)
                buffer[k] = digits.utf8Start[nibble]
            }
            return 12
        }
    }
}
