import Foundation

/// Writes a blog as an Atom feed (RFC 4287), so that any feed reader can carry a live blog.
///
/// A feed reader knows a post again by its id alone, so every id is permanent: the same post gets the same id in
/// every export. A blog with a web address (the page's canonical address, else the http(s) address it was read
/// from) builds on it: the feed's id is that address, a post's id the post's own address or the blog's address
/// with `#` and the post's id. A blog with neither (a text file, standard input) gets name-based UUIDs
/// (`urn:uuid:`, version 5) of `identity`, and of `identity`, `#` and the post's id.
///
/// Atom requires `updated` on the feed and on every entry: the feed's is its newest post's timestamp, else
/// `fallbackUpdated` (the time of export); a post with no timestamp of its own (a bare clock time) takes the
/// feed's, and has no `published`, since when it was published is not known.
public struct AtomWriter: Sendable {
    public var blog: LiveBlog
    /// The http(s) address the blog was read from, when it was read from the web.
    public var address: String?
    /// What names a blog with no web address: its file's real path, `stdin:` and its title. Only hashed into
    /// ids, never shown, so a path does not leak into the feed.
    public var identity: String
    /// The feed's `updated` when no post has a timestamp; the caller passes the time of export, tests a fixed one.
    public var fallbackUpdated: Date

    public init(blog: LiveBlog, address: String? = nil, identity: String, fallbackUpdated: Date) {
        self.blog = blog
        self.address = address
        self.identity = identity
        self.fallbackUpdated = fallbackUpdated
    }

    /// The feed as an XML document, ending with a newline.
    public func feed() -> String {
        let home = Self.webAddress(blog.canonicalURL) ?? Self.webAddress(address)
        let timestamps = blog.entries.map { $0.timestamp.flatMap { Self.rfc3339($0) == nil ? nil : $0 } }
        let newest = timestamps.compactMap { $0 }.max()
        // The fallback is checked like a post's time: a date RFC 3339 cannot write falls back to the epoch.
        let updated = Self.rfc3339(newest ?? fallbackUpdated) ?? "1970-01-01T00:00:00Z"
        let title = Self.line(blog.title) ?? "Live blog"

        var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
        out += "  <id>\(Self.escaped(home ?? Self.uuidURN(identity)))</id>\n"
        out += "  <title>\(Self.escaped(title))</title>\n"
        if let standfirst = blog.standfirst.flatMap(Self.line) {
            out += "  <subtitle>\(Self.escaped(standfirst))</subtitle>\n"
        }
        out += "  <updated>\(updated)</updated>\n"
        if let home {
            out += "  <link rel=\"alternate\" type=\"text/html\" href=\"\(Self.escaped(home))\"/>\n"
        }
        // Atom wants an author on the feed when its entries have none, and posts carry no reliable byline: the
        // site's host names the publisher where there is one, else the blog's title does.
        let author = home.flatMap { URL(string: $0)?.host }.flatMap(Self.line) ?? title
        out += "  <author><name>\(Self.escaped(author))</name></author>\n"
        out += "  <generator>liveblog</generator>\n"

        let ids = entryIDs(home: home)
        for (k, entry) in blog.entries.enumerated() {
            let stamp = timestamps[k].flatMap(Self.rfc3339)
            out += "  <entry>\n"
            out += "    <id>\(Self.escaped(ids[k]))</id>\n"
            out += "    <title>\(Self.escaped(Self.title(of: entry)))</title>\n"
            out += "    <updated>\(stamp ?? updated)</updated>\n"
            if let stamp { out += "    <published>\(stamp)</published>\n" }
            if let own = Self.webAddress(entry.url) {
                out += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(Self.escaped(own))\"/>\n"
            }
            for name in entry.flags.names { out += "    <category term=\"\(name)\"/>\n" }
            out += "    <content type=\"html\">\(Self.escaped(Self.html(of: entry)))</content>\n"
            out += "  </entry>\n"
        }
        out += "</feed>\n"
        return out
    }

    /// One id per entry, unique in the feed. They are given from the end of the page, where a newest-first blog
    /// keeps its oldest posts, so that a new post at the top that repeats an address never moves an old post's id.
    private func entryIDs(home: String?) -> [String] {
        var ids = [String](repeating: "", count: blog.entries.count)
        var used: Set<String> = home.map { [$0] } ?? []
        let base = home.map { String($0.prefix { $0 != "#" }) }
        for k in blog.entries.indices.reversed() {
            let entry = blog.entries[k]
            var id: String?
            if let base {
                let made = base + "#" + Self.fragment(entry.id.rawValue)
                if let own = Self.webAddress(entry.url), !used.contains(own) {
                    id = own
                } else if !used.contains(made) {
                    id = made
                }
            }
            // Entry ids are unique within a blog, so this is unique too: the last resort when addresses clash.
            let chosen = id ?? Self.uuidURN((home ?? identity) + "#" + entry.id.rawValue)
            used.insert(chosen)
            ids[k] = chosen
        }
        return ids
    }

    // MARK: Text

    /// `text` on one line, without what `OutputSanitizer` strips; nil when nothing is left.
    private static func line(_ text: String) -> String? {
        let clean = OutputSanitizer.text(text).trimmingCharacters(in: .whitespaces)
        return clean.isEmpty ? nil : clean
    }

    /// The headline, or the first words of the first paragraph: Atom requires a title, and an untitled post
    /// (the blog's intro, a quick update) has none of its own.
    private static func title(of entry: Entry) -> String {
        var entry = entry
        // An empty headline counts as none: the first words stand in.
        if entry.headline.flatMap(line) == nil { entry.headline = nil }
        return line(entry.title()) ?? entry.time.flatMap(line) ?? "Untitled post"
    }

    /// The post as HTML: a `<p>` per paragraph with its links in place, links that could not be placed and
    /// related stories in lists after them.
    private static func html(of entry: Entry) -> String {
        let linksByParagraph = Dictionary(grouping: entry.links, by: \.paragraph)
        var html = ""
        var unplaced: [EntryLink] = []
        for (k, paragraph) in entry.paragraphs.enumerated() {
            html += "<p>" + linked(paragraph, linksByParagraph[k] ?? [], unplaced: &unplaced) + "</p>"
        }
        unplaced += entry.links.filter { !entry.paragraphs.indices.contains($0.paragraph) }
        if !unplaced.isEmpty {
            html += "<ul>"
            for link in unplaced {
                let text = OutputSanitizer.text(link.text).isEmpty ? link.url : link.text
                html += "<li>" + anchor(OutputSanitizer.text(text), url: link.url) + "</li>"
            }
            html += "</ul>"
        }
        if !entry.related.isEmpty {
            html += "<ul>"
            for link in entry.related {
                html +=
                    "<li>\(link.kind.rawValue.capitalized): <strong>\(escaped(OutputSanitizer.text(link.title)))</strong>"
                if let summary = link.summary { html += " — " + escaped(OutputSanitizer.text(summary)) }
                html += "</li>"
            }
            html += "</ul>"
        }
        return html
    }

    /// A paragraph's HTML, each link wrapped around the first occurrence of its text after the one before;
    /// a link whose text is not found is added to `unplaced`. Line breaks in the paragraph become `<br>`.
    private static func linked(_ paragraph: String, _ links: [EntryLink], unplaced: inout [EntryLink]) -> String {
        let text = OutputSanitizer.text(paragraph, keepingLines: true)
        var html = ""
        var cursor = text.startIndex
        for link in links {
            let label = OutputSanitizer.text(link.text, keepingLines: true)
            guard !label.isEmpty, let found = text.range(of: label, range: cursor..<text.endIndex) else {
                unplaced.append(link)
                continue
            }
            html += plain(text[cursor..<found.lowerBound]) + anchor(String(text[found]), url: link.url)
            cursor = found.upperBound
        }
        return html + plain(text[cursor...])
    }

    /// Escaped text with its line breaks as `<br>`.
    private static func plain(_ text: Substring) -> String {
        escaped(String(text)).replacingOccurrences(of: "\n", with: "<br>")
    }

    /// `<a href>` around `text`; only web and mail addresses become links, since a feed reader that follows a
    /// `javascript:` or `file:` link from a stranger's page is not something to count on being safe.
    private static func anchor(_ text: String, url: String) -> String {
        let address = OutputSanitizer.url(url)
        let scheme = address.prefix { $0 != ":" }.lowercased()
        guard address.contains(":"), ["http", "https", "mailto"].contains(scheme) else { return plain(text[...]) }
        return "<a href=\"\(escaped(address))\">\(plain(text[...]))</a>"
    }

    /// `text` escaped for XML character data and attribute values, without the characters XML 1.0 forbids.
    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            // `>` is escaped everywhere, so that `]]>` can never appear.
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                // XML 1.0 allows tab, LF, CR, U+0020–D7FF, U+E000–FFFD and U+10000 up; a Swift string holds no
                // surrogates, so the C0 controls, U+FFFE and U+FFFF are all that is left to drop.
                let v = scalar.value
                let allowed = v < 0x20 ? (v == 0x09 || v == 0x0A || v == 0x0D) : (v != 0xFFFE && v != 0xFFFF)
                if allowed { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    // MARK: Addresses and times

    /// `text` as a URL when it is an absolute http(s) address, else nil.
    private static func webAddress(_ text: String?) -> String? {
        guard let text else { return nil }
        let address = OutputSanitizer.url(text.trimmingCharacters(in: .whitespaces))
        let lower = address.lowercased()
        // A scheme with nothing after it names no page.
        for scheme in ["http://", "https://"] where lower.hasPrefix(scheme) && lower.count > scheme.count {
            return address
        }
        return nil
    }

    /// A post id made safe for a URL fragment: everything but RFC 3986's unreserved characters percent-encoded.
    private static func fragment(_ id: String) -> String {
        var out = ""
        for byte in id.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out +=
                    "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 0xF, radix: 16, uppercase: true)
            }
        }
        return out
    }

    /// `urn:uuid:` and the version 5 (SHA-1, name-based) UUID of `name` in the URL namespace (RFC 9562): the
    /// same name gives the same id on every machine, and no two names share one.
    static func uuidURN(_ name: String) -> String {
        let namespace: [UInt8] = [
            0x6B, 0xA7, 0xB8, 0x11, 0x9D, 0xAD, 0x11, 0xD1, 0x80, 0xB4, 0x00, 0xC0, 0x4F, 0xD4, 0x30, 0xC8,
        ]
        var bytes = Array(SHA1.digest(namespace + Array(name.utf8)).prefix(16))
        bytes[6] = bytes[6] & 0x0F | 0x50
        bytes[8] = bytes[8] & 0x3F | 0x80
        let hex = bytes.map { String($0 >> 4, radix: 16) + String($0 & 0xF, radix: 16) }
        let groups = [0..<4, 4..<6, 6..<8, 8..<10, 10..<16].map { hex[$0].joined() }
        return "urn:uuid:" + groups.joined(separator: "-")
    }

    /// RFC 3339 in UTC, as `BlogExporter.iso8601` writes it; nil for a date outside the years 1000–9999, which
    /// that cannot write with the four-digit year RFC 3339 requires (a stray epoch number can land there).
    static func rfc3339(_ date: Date) -> String? {
        let seconds = date.timeIntervalSince1970
        guard seconds >= -30_610_224_000, seconds < 253_402_300_800 else { return nil }
        return BlogExporter.iso8601(date)
    }
}
