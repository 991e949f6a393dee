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
        let name = rest.prefix(while: { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ":" || $0 == "." })
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
                let name = rest.prefix(while: { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ":" || $0 == "." })
                if !name.isEmpty { return String(name) }
            }
            searchStart = end
        }
        return nil
    }

    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }
}
