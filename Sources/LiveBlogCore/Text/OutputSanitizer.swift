/// The one filter for every string that leaves the program: screen, clipboard, a child's environment, exports.
///
/// A blog's text comes from strangers. Whatever path it took (text scrape or HTML), it may hold ESC and the
/// other C0 and C1 controls, DEL, bidi overrides and isolates that reorder what a reader sees, or the Unicode
/// line and paragraph separators that some tools take as newlines. None of them is ever wanted in output, so
/// they are dropped here, at the boundary, rather than trusted to each reader.
public enum OutputSanitizer {
    /// Whether `scalar` never leaves the program: C0 (tab and newline are decided by the caller), DEL, C1,
    /// the bidi embeddings, overrides and isolates, and U+2028/U+2029.
    @inline(__always)
    public static func isStripped(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return true }
        return (0x2028...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }

    /// `text` with every stripped scalar removed; newlines and tabs stay when `keepingLines` is set (an entry's
    /// paragraphs on the clipboard), else each becomes a space (an environment variable, a status line).
    public static func text<S: StringProtocol>(_ text: S, keepingLines: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: isStripped) else { return String(text) }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\t" {
                out.append(keepingLines ? scalar : " ")
            } else if !isStripped(scalar) {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// `address` as a URL that is safe to paste or hand on: stripped scalars removed, then every character a
    /// URL may not hold unencoded (space, quotes, non-ASCII…) percent-encoded as UTF-8. Existing `%XX` stay.
    public static func url<S: StringProtocol>(_ address: S) -> String {
        var out = ""
        out.reserveCapacity(address.utf8.count)
        for scalar in address.unicodeScalars where !isStripped(scalar) {
            if isURLCharacter(scalar) {
                out.unicodeScalars.append(scalar)
            } else {
                for byte in String(scalar).utf8 {
                    out +=
                        "%" + String(byte >> 4, radix: 16, uppercase: true)
                        + String(byte & 0xF, radix: 16, uppercase: true)
                }
            }
        }
        return out
    }

    /// RFC 3986's unreserved and reserved characters, and `%`.
    static func isURLCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9": return true
        default: return "-._~:/?#[]@!$&'()*+,;=%".unicodeScalars.contains(scalar)
        }
    }

    /// UTF-8 output with every stripped scalar removed; tabs and newlines stay. Used on whole exports, so
    /// clean bytes cost one scan: only bytes that can start a stripped scalar are looked at twice.
    public static func utf8(_ bytes: [UInt8]) -> [UInt8] {
        guard let first = firstStripped(bytes, from: 0) else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        out.append(contentsOf: bytes[0..<first.start])
        var position = first.end
        while let next = firstStripped(bytes, from: position) {
            out.append(contentsOf: bytes[position..<next.start])
            position = next.end
        }
        out.append(contentsOf: bytes[position...])
        return out
    }

    /// The byte range of the next stripped scalar at or after `start`: a C0 byte (not tab or newline), DEL,
    /// C1 (`C2 80…9F`), or U+2028–202E (`E2 80 A8…AE`) and U+2066–2069 (`E2 81 A6…A9`).
    private static func firstStripped(_ bytes: [UInt8], from start: Int) -> (start: Int, end: Int)? {
        var i = start
        let count = bytes.count
        while i < count {
            let b = bytes[i]
            if b < 0x20 {
                if b != 0x0A && b != 0x09 { return (i, i + 1) }
            } else if b == 0x7F {
                return (i, i + 1)
            } else if b == 0xC2, i + 1 < count, (0x80...0x9F).contains(bytes[i + 1]) {
                return (i, i + 2)
            } else if b == 0xE2, i + 2 < count {
                let b1 = bytes[i + 1]
                let b2 = bytes[i + 2]
                if (b1 == 0x80 && (0xA8...0xAE).contains(b2)) || (b1 == 0x81 && (0xA6...0xA9).contains(b2)) {
                    return (i, i + 3)
                }
            }
            i += 1
        }
        return nil
    }
}
