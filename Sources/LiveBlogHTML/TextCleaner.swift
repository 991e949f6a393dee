/// Whitespace and entity clean-up for text taken from a page.
enum TextCleaner {
    /// Collapses runs of whitespace (including no-break and zero-width spaces) to one space and trims the ends.
    static func collapse(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x20, 0x09, 0x0A, 0x0D, 0x0C, 0xA0, 0x2007, 0x202F, 0x3000, 0x2028, 0x2029:
                pendingSpace = !out.isEmpty
            case 0x200B, 0x200C, 0x200D, 0xFEFF, 0xAD:
                continue
            case 0x00..<0x20, 0x7F..<0xA0:
                // Control characters never reach the screen.
                continue
            default:
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Decodes the few character references that JSON-LD bodies carry as text (`&#39;`, `&quot;`, `&amp;`).
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[amp...]
            guard let semi = after.prefix(12).firstIndex(of: ";") else {
                out += "&"; rest = rest[rest.index(after: amp)...]; continue
            }
            let name = after[after.index(after: amp)..<semi]
            if let scalar = entity(String(name)) {
                out.unicodeScalars.append(scalar)
                rest = rest[rest.index(after: semi)...]
            } else {
                out += "&"; rest = rest[rest.index(after: amp)...]
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
            return nil
        }
    }
}
