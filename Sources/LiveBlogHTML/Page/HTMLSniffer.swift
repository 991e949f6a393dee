/// Tells an HTML page from a text scrape by its first bytes, whatever the file is called.
public enum HTMLSniffer {
    /// After an optional byte-order mark and whitespace (and comments), the bytes start with `<!doctype`,
    /// `<html`, `<head` or `<body`, case-insensitively; or one of those opens within the first 1 KB after
    /// a `<?xml` declaration or a comment.
    public static func looksLikeHTML(_ bytes: [UInt8]) -> Bool {
        // UTF-16 and UTF-32 pages: the sniff runs on their first characters, decoded.
        if !bytes.starts(with: [0xEF, 0xBB, 0xBF]), let decoded = PageInput.fromByteOrderMark(Array(bytes.prefix(4096)))
        {
            return looksLikeHTML(decoded.bytes)
        }
        var k = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { k = 3 }
        while k < bytes.count,
            bytes[k] == 0x20 || bytes[k] == 0x09 || bytes[k] == 0x0A || bytes[k] == 0x0D || bytes[k] == 0x0C
        {
            k += 1
        }
        guard k < bytes.count, bytes[k] == UInt8(ascii: "<") else { return false }
        let window = bytes[k..<min(bytes.count, k + 1024)].map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }
        let head = String(decoding: window, as: UTF8.self)
        for opener in ["<!doctype", "<html", "<head", "<body"] {
            if head.hasPrefix(opener) { return true }
        }
        // A comment or XML declaration first: look a little further.
        if head.hasPrefix("<!--") || head.hasPrefix("<?xml") {
            return ["<!doctype", "<html", "<head", "<body"].contains { head.contains($0) }
        }
        return false
    }
}
