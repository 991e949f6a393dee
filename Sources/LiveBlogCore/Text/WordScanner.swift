/// One word found in UTF-8 text, with its folded bytes and where it stands, in Unicode scalars.
struct ScannedWord {
    /// Folded bytes; valid only during the callback that receives the word.
    let folded: UnsafeBufferPointer<UInt8>
    /// Offset of the word's first scalar in the scanned text.
    let scalarStart: Int
    /// Number of scalars the word spans in the scanned text.
    let scalarLength: Int
}

/// Splits UTF-8 text into searchable words on bytes, without building a `String` per word.
///
/// A word is a run of letters, digits and combining marks; an apostrophe between two such scalars stays inside the
/// word. Each ideographic character is a word of its own.
enum WordScanner {
    /// Calls `body` for each word of `text` in order.
    static func scan(_ text: UnsafeBufferPointer<UInt8>, _ body: (ScannedWord) -> Void) {
        // Folded bytes go to a plain buffer: Array appends cost a uniqueness check per byte in this hot loop.
        var capacity = 256
        var folded = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { folded.deallocate() }
        var count = 0
        var spill: [UInt8] = []
        var inWord = false
        var wordStart = 0
        var scalarIndex = 0
        var i = 0
        let n = text.count
        @inline(__always) func append(_ b: UInt8) {
            if count == capacity {
                let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
                grown.update(from: folded, count: count)
                folded.deallocate()
                folded = grown
                capacity *= 2
            }
            folded[count] = b
            count += 1
        }
        @inline(__always) func flush(_ end: Int) {
            if inWord {
                body(
                    ScannedWord(
                        folded: UnsafeBufferPointer(start: folded, count: count), scalarStart: wordStart,
                        scalarLength: end - wordStart))
                count = 0
                inWord = false
            }
        }
        while i < n {
            let b = text[i]
            if b < 0x80 {
                let lower = b | 0x20
                if (lower >= 0x61 && lower <= 0x7A) || (b >= 0x30 && b <= 0x39) {
                    if !inWord {
                        inWord = true
                        wordStart = scalarIndex
                    }
                    append(b >= 0x41 && b <= 0x5A ? lower : b)
                } else if b == 0x27, inWord, startsWordScalar(text, i + 1) {
                    append(0x27)
                } else if inWord {
                    flush(scalarIndex)
                }
                i += 1
                scalarIndex += 1
                continue
            }
            let (scalar, length) = decode(text, i)
            if SearchFolding.isIdeographic(scalar) {
                flush(scalarIndex)
                inWord = true
                wordStart = scalarIndex
                spill.removeAll(keepingCapacity: true)
                SearchFolding.appendFolded(scalar, to: &spill)
                for x in spill { append(x) }
                flush(scalarIndex + 1)
            } else if SearchFolding.isWordScalar(scalar) {
                if !inWord {
                    if SearchFolding.isCombiningMark(scalar) {
                        i += length
                        scalarIndex += 1
                        continue
                    }
                    inWord = true
                    wordStart = scalarIndex
                }
                spill.removeAll(keepingCapacity: true)
                SearchFolding.appendFolded(scalar, to: &spill)
                for x in spill { append(x) }
            } else if inWord, SearchFolding.isApostrophe(scalar), startsWordScalar(text, i + length) {
                append(0x27)
            } else {
                flush(scalarIndex)
            }
            i += length
            scalarIndex += 1
        }
        flush(scalarIndex)
    }

    /// Whether the scalar at byte `i` can continue a word (so that an apostrophe before it stays in the word).
    @inline(__always)
    private static func startsWordScalar(_ text: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        guard i < text.count else { return false }
        let b = text[i]
        if b < 0x80 {
            return (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39)
        }
        let (scalar, _) = decode(text, i)
        return SearchFolding.isWordScalar(scalar) && !SearchFolding.isIdeographic(scalar)
    }

    /// Decodes the scalar at byte `i` of valid UTF-8 (the normaliser guarantees validity; stray bytes become U+FFFD).
    @inline(__always)
    static func decode(_ text: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Unicode.Scalar, Int) {
        let b0 = UInt32(text[i])
        let n = text.count
        if b0 < 0x80 { return (Unicode.Scalar(b0)!, 1) }
        if b0 >= 0xC0 && b0 < 0xE0 && i + 1 < n {
            let v = ((b0 & 0x1F) << 6) | (UInt32(text[i + 1]) & 0x3F)
            return (Unicode.Scalar(v) ?? "\u{FFFD}", 2)
        }
        if b0 >= 0xE0 && b0 < 0xF0 && i + 2 < n {
            let v = ((b0 & 0x0F) << 12) | ((UInt32(text[i + 1]) & 0x3F) << 6) | (UInt32(text[i + 2]) & 0x3F)
            return (Unicode.Scalar(v) ?? "\u{FFFD}", 3)
        }
        if b0 >= 0xF0 && i + 3 < n {
            let v =
                ((b0 & 0x07) << 18) | ((UInt32(text[i + 1]) & 0x3F) << 12)
                | ((UInt32(text[i + 2]) & 0x3F) << 6) | (UInt32(text[i + 3]) & 0x3F)
            return (Unicode.Scalar(v) ?? "\u{FFFD}", 4)
        }
        return ("\u{FFFD}", 1)
    }
}
