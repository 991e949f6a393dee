/// Decides which character encoding a page's bytes are in, before libxml2 reads them.
///
/// Order: a byte-order mark; the page's own `<meta charset>` or `http-equiv` declaration; the HTTP
/// `Content-Type` hint; UTF-8 when the bytes are valid UTF-8; windows-1252 otherwise. A declaration of UTF-8 on
/// bytes that are not UTF-8 is a lie that pages tell (saved, then re-encoded); windows-1252 reads them instead.
enum CharsetSniffer {
    static func encoding(of bytes: [UInt8], hint: String?) -> String {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return "UTF-8" }
        if bytes.starts(with: [0xFF, 0xFE]) { return "UTF-16LE" }
        if bytes.starts(with: [0xFE, 0xFF]) { return "UTF-16BE" }
        let declared = declaredCharset(in: bytes) ?? hint.flatMap(charset(fromContentType:))
        let utf8Valid = isValidUTF8(bytes)
        if let declared {
            let name = normalized(declared)
            if name == "UTF-8" { return utf8Valid ? "UTF-8" : "WINDOWS-1252" }
            return name
        }
        return utf8Valid ? "UTF-8" : "WINDOWS-1252"
    }

    /// `charset=…` from a Content-Type value such as `text/html; charset=ISO-8859-1`.
    static func charset(fromContentType value: String) -> String? {
        let lower = value.lowercased()
        guard let range = lower.range(of: "charset=") else { return nil }
        let rest = lower[range.upperBound...].drop(while: { $0 == "\"" || $0 == "'" || $0 == " " })
        let name = rest.prefix(while: { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ":" || $0 == "." }
        )
        return name.isEmpty ? nil : String(name)
    }

    /// Maps labels to names iconv knows; ISO-8859-1 and ASCII are read as windows-1252, as browsers do.
    static func normalized(_ label: String) -> String {
        let lower = label.lowercased()
        switch lower {
        case "utf8", "utf-8", "unicode-1-1-utf-8": return "UTF-8"
        case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "cp1252", "windows-1252",
            "x-cp1252":
            return "WINDOWS-1252"
        default: return lower.uppercased()
        }
    }

    /// The charset a `<meta>` declares in the first 8 KB, found by a plain byte scan (the parser has not run yet).
    static func declaredCharset(in bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(8192), as: UTF8.self).lowercased()
        var searchStart = head.startIndex
        while let meta = head.range(of: "<meta", range: searchStart..<head.endIndex) {
            let end = head[meta.upperBound...].firstIndex(of: ">") ?? head.endIndex
            let tag = head[meta.upperBound..<end]
            if let range = tag.range(of: "charset=") {
                let rest = tag[range.upperBound...].drop(while: { $0 == "\"" || $0 == "'" || $0 == " " })
                let name = rest.prefix(while: {
                    $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ":" || $0 == "."
                })
                if !name.isEmpty { return String(name) }
            }
            searchStart = end
        }
        return nil
    }

    /// Strict UTF-8 (no overlong forms, surrogates or values past U+10FFFF), on the bytes: ASCII runs, most of a
    /// page, cost one comparison a byte.
    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { b in
            let n = b.count
            var k = 0
            while k < n {
                let lead = b[k]
                if lead < 0x80 {
                    k += 1
                    continue
                }
                @inline(__always) func continuation(_ i: Int) -> Bool { i < n && b[i] & 0xC0 == 0x80 }
                switch lead {
                case 0xC2...0xDF:
                    guard continuation(k + 1) else { return false }
                    k += 2
                case 0xE0...0xEF:
                    guard continuation(k + 1), continuation(k + 2) else { return false }
                    let second = b[k + 1]
                    if lead == 0xE0, second < 0xA0 { return false }  // overlong
                    if lead == 0xED, second > 0x9F { return false }  // surrogate
                    k += 3
                case 0xF0...0xF4:
                    guard continuation(k + 1), continuation(k + 2), continuation(k + 3) else { return false }
                    let second = b[k + 1]
                    if lead == 0xF0, second < 0x90 { return false }  // overlong
                    if lead == 0xF4, second > 0x8F { return false }  // past U+10FFFF
                    k += 4
                default:
                    return false
                }
            }
            return true
        }
    }
}
