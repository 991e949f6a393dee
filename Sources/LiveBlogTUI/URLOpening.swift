/// Which addresses the reader hands to a browser: web addresses only, so that a page can never make it run a
/// local file, a `javascript:` link, or an argument the browser would read as an option.
public enum URLOpening {
    /// True for an `http://` or `https://` address without spaces or control characters.
    public static func isOpenable(_ url: String) -> Bool {
        let lower = url.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://"), url.utf8.count <= 8192 else { return false }
        return !url.unicodeScalars.contains { $0.value <= 0x20 || (0x7F...0x9F).contains($0.value) }
    }
}
