import Foundation

/// Writes a blog as JSON (the scripting contract documented in the README), Markdown, plain text or an Atom feed.
public struct BlogExporter {
    /// The export formats `liveblog export --format` accepts.
    public enum Format: String, CaseIterable, Sendable {
        case json, markdown, text, atom
    }

    public let blog: LiveBlog
    /// Where the blog came from, as shown to the user (a path, `-`, or the bundled sample's name).
    public let source: String
    public let readMarks: Set<EntryID>
    /// What the Atom feed's ids are built from (see `AtomWriter`): the http(s) address the blog was read from…
    public var address: String?
    /// …a stable name for a blog with no address (`source` when nil)…
    public var identity: String?
    /// …and the feed's `updated` when no post has a timestamp: the time of export.
    public var exportTime: Date

    public init(
        blog: LiveBlog, source: String, readMarks: Set<EntryID> = [], address: String? = nil, identity: String? = nil,
        exportTime: Date = Date()
    ) {
        self.blog = blog
        self.source = source
        self.readMarks = readMarks
        self.address = address
        self.identity = identity
        self.exportTime = exportTime
    }

    /// The whole export as UTF-8 bytes, ending with a newline; nothing `OutputSanitizer` strips is in it,
    /// whichever reader (text or HTML) the blog came from.
    public func export(_ format: Format) -> [UInt8] {
        switch format {
        case .json: return json()
        case .markdown: return OutputSanitizer.utf8(Array(markdown().utf8))
        case .text: return OutputSanitizer.utf8(Array(text().utf8))
        case .atom: return OutputSanitizer.utf8(Array(atom().utf8))
        }
    }

    /// ISO 8601 in UTC ("2024-08-05T20:49:00Z"), as the JSON contract gives timestamps.
    public static func iso8601(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400
        let secondOfDay = seconds - days * 86400
        let (year, month, day) = PostTime.civil(fromDays: days)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return
            "\(year)-\(two(month))-\(two(day))T\(two(secondOfDay / 3600)):\(two(secondOfDay % 3600 / 60)):\(two(secondOfDay % 60))Z"
    }

    public func json() -> [UInt8] {
        var w = JSONWriter(capacity: blog.entries.count * 1200 + 1024)
        w.beginObject()
        w.field("title", blog.title)
        w.field("standfirst", blog.standfirst)
        w.field("source", source)
        w.key("entries")
        w.beginArray()
        for (index, entry) in blog.entries.enumerated() {
            w.beginObject()
            w.field("id", entry.id.rawValue)
            w.key("index")
            w.number(index + 1)
            w.field("time", entry.time)
            w.field("timestamp", entry.timestamp.map(BlogExporter.iso8601))
            w.field("headline", entry.headline)
            w.key("paragraphs")
            w.beginArray()
            for p in entry.paragraphs { w.string(p) }
            w.endArray()
            w.key("related")
            w.beginArray()
            for link in entry.related {
                w.beginObject()
                w.field("kind", link.kind.rawValue)
                w.field("title", link.title)
                w.field("summary", link.summary)
                w.endObject()
            }
            w.endArray()
            w.key("flags")
            w.beginArray()
            for name in entry.flags.names { w.string(name) }
            w.endArray()
            w.key("read")
            w.bool(readMarks.contains(entry.id))
            // Additions for pages read from HTML: the post's own address and the links in its paragraphs.
            w.field("url", entry.url.map(OutputSanitizer.url))
            w.key("links")
            w.beginArray()
            for link in entry.links {
                w.beginObject()
                w.key("paragraph")
                w.number(link.paragraph)
                w.field("text", link.text)
                w.field("url", OutputSanitizer.url(link.url))
                w.endObject()
            }
            w.endArray()
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.bytes + [0x0A]
    }

    /// The blog as an Atom feed (see `AtomWriter`).
    public func atom() -> String {
        AtomWriter(blog: blog, address: address, identity: identity ?? source, fallbackUpdated: exportTime).feed()
    }

    public func markdown() -> String {
        var out = "# \(blog.title)\n\n"
        if let standfirst = blog.standfirst { out += "_\(standfirst)_\n\n" }
        for entry in blog.entries {
            out += "---\n\n"
            let time = entry.time.map { "\($0) · " } ?? ""
            if let headline = entry.headline {
                out += "## \(time)\(headline)\n\n"
            } else if let t = entry.time {
                out += "## \(t)\n\n"
            }
            if !entry.flags.isEmpty { out += "_\(entry.flags.names.joined(separator: ", "))_\n\n" }
            for p in entry.paragraphs { out += "\(p)\n\n" }
            for link in entry.related {
                out += "- \(link.kind.rawValue.capitalized): **\(link.title)**"
                if let summary = link.summary { out += " — \(summary)" }
                out += "\n"
            }
            if !entry.related.isEmpty { out += "\n" }
        }
        return out
    }

    public func text() -> String {
        var out = "\(blog.title)\n"
        if let standfirst = blog.standfirst { out += "\(standfirst)\n" }
        for entry in blog.entries {
            out += "\n"
            var head: [String] = []
            if let t = entry.time { head.append(t) }
            if let h = entry.headline { head.append(h) }
            if !head.isEmpty { out += head.joined(separator: "  ") + "\n" }
            for p in entry.paragraphs { out += "\(p)\n" }
            for link in entry.related {
                out += "[\(link.kind.rawValue)] \(link.title)"
                if let summary = link.summary { out += " — \(summary)" }
                out += "\n"
            }
        }
        return out
    }
}
