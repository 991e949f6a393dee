internal import CLibXML2

/// Whitespace and entity clean-up for text taken from a page.
enum TextCleaner {
    /// Collapses runs of whitespace (including no-break and zero-width spaces) to one space and trims the ends;
    /// drops control characters. Works on the UTF-8 bytes: the space-like characters are all two or three bytes.
    static func collapse(_ text: String) -> String {
        var copy = text
        return copy.withUTF8 { bytes -> String in
            if isCollapsed(bytes) { return text }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var pendingSpace = false
            var k = 0
            let n = bytes.count
            @inline(__always) func emit(_ range: Range<Int>) {
                if pendingSpace, !out.isEmpty { out.append(0x20) }
                pendingSpace = false
                out.append(contentsOf: bytes[range])
            }
            while k < n {
                let b = bytes[k]
                if b < 0x80 {
                    if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C {
                        pendingSpace = true
                    } else if b >= 0x20 && b != 0x7F {
                        emit(k..<(k + 1))
                    }
                    k += 1
                    continue
                }
                let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
                guard k + length <= n else {
                    emit(k..<n)
                    break
                }
                if length == 2, b == 0xC2 {
                    let c = bytes[k + 1]
                    if c == 0xA0 {
                        pendingSpace = true
                        k += 2
                        continue
                    }  // no-break space
                    if c == 0xAD || c < 0xA0 {
                        k += 2
                        continue
                    }  // soft hyphen, C1 controls
                } else if length == 3 {
                    let c = bytes[k + 1]
                    let d = bytes[k + 2]
                    if b == 0xE2, c == 0x80 {
                        if d == 0x87 || d == 0xA8 || d == 0xA9 || d == 0xAF {
                            pendingSpace = true
                            k += 3
                            continue
                        }
                        if d >= 0x8B && d <= 0x8D {
                            k += 3
                            continue
                        }  // zero-width space and joiners
                        if d >= 0xAA && d <= 0xAE {
                            k += 3
                            continue
                        }  // bidi embeddings and overrides: they reorder a terminal line
                    }
                    if b == 0xE2, c == 0x81, d >= 0xA6 && d <= 0xA9 {
                        k += 3
                        continue
                    }  // bidi isolates
                    if b == 0xE2, c == 0x80 {
                    }
                    if b == 0xE3, c == 0x80, d == 0x80 {
                        pendingSpace = true
                        k += 3
                        continue
                    }  // ideographic space
                    if b == 0xEF, c == 0xBB, d == 0xBF {
                        k += 3
                        continue
                    }  // BOM
                }
                emit(k..<(k + length))
                k += length
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Whether a scalar must never leave the program inside a link or an id: C0 and C1 controls, DEL, bidi
    /// controls and marks, line and paragraph separators.
    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (v >= 0x7F && v < 0xA0) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
            || v == 0x200E || v == 0x200F || v == 0x061C || v == 0x2028 || v == 0x2029
    }

    /// A link as it may be shown, copied or exported: unsafe scalars removed, spaces percent-encoded.
    static func safeURL(_ url: String) -> String {
        guard url.unicodeScalars.contains(where: { isUnsafe($0) || $0 == " " }) else { return url }
        var out = ""
        for scalar in url.unicodeScalars where !isUnsafe(scalar) {
            if scalar == " " { out += "%20" } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// A page's id as a fragment: unsafe scalars and white space removed; nil when nothing is left.
    static func safeID(_ id: String?) -> String? {
        guard let id else { return nil }
        let cleaned = String(
            String.UnicodeScalarView(id.unicodeScalars.filter { !isUnsafe($0) && !$0.properties.isWhitespace }))
        return cleaned.isEmpty ? nil : cleaned
    }

    /// Whether `collapse` would give the text back unchanged: single spaces between other characters, no other
    /// white space or control characters, and none of the lead bytes of the special spaces (checked loosely: a
    /// text with any of them takes the long way). Most texts of a page are like that and need no copy.
    private static func isCollapsed(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = bytes.count
        guard n > 0 else { return true }
        if bytes[0] == 0x20 || bytes[n - 1] == 0x20 { return false }
        for k in 0..<n {
            let b = bytes[k]
            if b == 0x20 {
                if bytes[k + 1] == 0x20 { return false }
            } else if b < 0x20 || b == 0x7F || b == 0xC2 || b == 0xE2 || b == 0xE3 || b == 0xEF {
                return false
            }
        }
        // A multi-byte character cut off at the end is copied as it is by `collapse` too, so it needs no check.
        return true
    }

    /// Decodes the character references that JSON-LD strings carry as text (`&#39;`, `&quot;`, `&amp;`, `&mdash;`,
    /// every name HTML 4 defines), in one pass: `&amp;mdash;` becomes `&mdash;`, never `—`.
    static func decodeEntities(_ text: String) -> String {
        guard text.utf8.contains(0x26) else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[amp...]
            guard let semi = after.prefix(12).firstIndex(of: ";") else {
                out += "&"
                rest = rest[rest.index(after: amp)...]
                continue
            }
            let name = after[after.index(after: amp)..<semi]
            if let scalar = entity(String(name)) {
                out.unicodeScalars.append(scalar)
                rest = rest[rest.index(after: semi)...]
            } else {
                out += "&"
                rest = rest[rest.index(after: amp)...]
            }
        }
        return out + rest
    }

    private static func entity(_ name: String) -> Unicode.Scalar? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "nbsp": return " "
        default:
            if name.hasPrefix("#x") || name.hasPrefix("#X") {
                return UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
            }
            if name.hasPrefix("#") { return UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init) }
            guard !name.isEmpty,
                name.utf8.allSatisfy({
                    $0 < 0x80 && ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A || $0 >= 0x30 && $0 <= 0x39
                })
            else { return nil }
            guard
                let found = name.withCString({
                    htmlEntityLookup(UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self))
                })
            else { return nil }
            return Unicode.Scalar(found.pointee.value)
        }
    }
}
