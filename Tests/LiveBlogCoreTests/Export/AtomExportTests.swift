import Foundation
import LiveBlogCore
import Testing

/// The Atom export, read back with an XML parser: valid structure, permanent ids, RFC 3339 times, escaping.
@Suite("Atom export")
struct AtomExportTests {
    static let atom = "http://www.w3.org/2005/Atom"
    /// The time of export the tests pass in, so that the fallback `updated` is known.
    static let exportTime = Date(timeIntervalSince1970: 1_800_000_000)

    static func date(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    /// Newest first, as a live blog shows it: a timed post with its own address and a link, an untitled post with
    /// a timestamp, a post with a bare clock time (no timestamp), and a pinned intro.
    static let blog: LiveBlog = {
        var blog = LiveBlog(
            title: "Harbour bridge reopening live", standfirst: "Traffic returns after a year of repairs")
        var entries = [
            Entry(
                time: "16:20", timestamp: date("2031-04-02T15:20:00Z"), headline: "First buses cross the bridge",
                paragraphs: [
                    "The route 9 bus crossed at 4pm, see the timetable for details.", "Cheers from the quay.",
                ],
                url: "https://news.example/live/bridge#post-3",
                links: [EntryLink(paragraph: 0, text: "the timetable", url: "https://transit.example/9")]),
            Entry(
                time: "15:05", timestamp: date("2031-04-02T14:05:30Z"),
                paragraphs: [
                    "Engineers signed off the final load test this afternoon after checking every one of the cables twice."
                ]),
            Entry(time: "14:40", headline: "Ribbon cut by the mayor", paragraphs: ["A short speech followed."]),
            Entry(headline: "Welcome", paragraphs: ["Follow the day here."], flags: .pinned),
        ]
        Entry.assignIDs(&entries, ownIDs: ["post-3", nil, nil, nil])
        blog.entries = entries
        return blog
    }()

    static func feed(
        _ blog: LiveBlog = blog, address: String? = nil, identity: String = "/srv/blogs/bridge.txt",
        exportTime: Date = exportTime
    ) throws -> XMLTree.Element {
        let exporter = BlogExporter(
            blog: blog, source: "bridge.txt", address: address, identity: identity, exportTime: exportTime)
        let bytes = exporter.export(.atom)
        #expect(bytes.last == 0x0A)
        return try XMLTree(Data(bytes)).root
    }

    static func isRFC3339(_ text: String) -> Bool {
        text.wholeMatch(of: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})/) != nil
    }

    @Test("The feed is well-formed Atom: feed and entries have id, title, updated; entries keep the blog's order")
    func structure() throws {
        let feed = try Self.feed()
        #expect(feed.name == "feed" && feed.namespace == Self.atom)
        for name in ["id", "title", "updated", "author", "generator"] {
            #expect(feed.children(name).count == 1, "feed has one \(name)")
        }
        #expect(feed.first("title")?.text == "Harbour bridge reopening live")
        #expect(feed.first("subtitle")?.text == "Traffic returns after a year of repairs")
        #expect(feed.first("author")?.first("name")?.text.isEmpty == false)
        let entries = feed.children("entry")
        #expect(entries.count == Self.blog.entries.count)
        for entry in entries {
            #expect(entry.namespace == Self.atom)
            for name in ["id", "title", "updated", "content"] {
                #expect(entry.children(name).count == 1, "entry has one \(name)")
            }
            #expect(entry.first("title")?.text.isEmpty == false)
        }
        // The untitled post is titled by its first words; the others by their headlines, in the blog's order.
        #expect(
            entries.map { $0.first("title")?.text ?? "" } == [
                "First buses cross the bridge",
                "Engineers signed off the final load test this afternoon after checking every…",
                "Ribbon cut by the mayor", "Welcome",
            ])
        #expect(entries[3].first("category")?.attributes["term"] == "pinned")
    }

    @Test("Times are RFC 3339 and the model's; the feed's updated is the newest; a floating post has no published")
    func times() throws {
        let feed = try Self.feed()
        let updated = try #require(feed.first("updated")?.text)
        #expect(updated == "2031-04-02T15:20:00Z")
        let entries = feed.children("entry")
        for (entry, model) in zip(entries, Self.blog.entries) {
            let entryUpdated = try #require(entry.first("updated")?.text)
            #expect(Self.isRFC3339(entryUpdated))
            if let timestamp = model.timestamp {
                let published = try #require(entry.first("published")?.text)
                #expect(Self.isRFC3339(published))
                #expect(Self.date(published) == timestamp && Self.date(entryUpdated) == timestamp)
            } else {
                #expect(entry.first("published") == nil, "\(model.headline ?? "")")
                #expect(entryUpdated == updated)
            }
        }
        #expect(entries[1].first("published")?.text == "2031-04-02T14:05:30Z")
    }

    @Test("With no timestamp at all, updated is the time of export passed in")
    func fallbackUpdated() throws {
        var blog = Self.blog
        for k in blog.entries.indices { blog.entries[k].timestamp = nil }
        let feed = try Self.feed(blog)
        #expect(feed.first("updated")?.text == "2027-01-15T08:00:00Z")
        for entry in feed.children("entry") {
            #expect(entry.first("updated")?.text == "2027-01-15T08:00:00Z")
            #expect(entry.first("published") == nil)
        }
        // An empty blog is still a valid feed.
        let empty = try Self.feed(LiveBlog(title: ""))
        #expect(empty.first("updated")?.text == "2027-01-15T08:00:00Z")
        #expect(empty.first("title")?.text.isEmpty == false)
        #expect(empty.children("entry").isEmpty)
    }

    @Test("A file's ids are name-based UUIDs: unique, and the same in every export whatever the time")
    func fileIDs() throws {
        let first = try Self.feed()
        let second = try Self.feed(exportTime: Date(timeIntervalSince1970: 1_900_000_000))
        let ids = first.children("entry").compactMap { $0.first("id")?.text }
        #expect(ids.count == Self.blog.entries.count)
        #expect(Set(ids).count == ids.count)
        #expect(second.children("entry").compactMap { $0.first("id")?.text } == ids)
        #expect(first.first("id")?.text == second.first("id")?.text)
        let uuid = /urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/
        for id in ids + [first.first("id")?.text ?? ""] { #expect(id.wholeMatch(of: uuid) != nil, "\(id)") }
        // Version 5 in the URL namespace, as Python's uuid.uuid5(uuid.NAMESPACE_URL, name) gives it.
        let sample = try Self.feed(identity: "bundled:sample-liveblog")
        #expect(sample.first("id")?.text == "urn:uuid:7c4b55ef-b7c8-5037-8b28-c877194144fe")
        // Another file is another feed, with other ids.
        let other = try Self.feed(identity: "/srv/blogs/other.txt")
        let otherIDs = Set(other.children("entry").compactMap { $0.first("id")?.text })
        #expect(otherIDs.isDisjoint(with: ids))
    }

    @Test("A web blog's ids are its address: a post's own, else the blog's with # and the post id")
    func webIDs() throws {
        let feed = try Self.feed(address: "https://news.example/live/bridge?ref=home#top")
        #expect(feed.first("id")?.text == "https://news.example/live/bridge?ref=home#top")
        #expect(
            feed.children("link").contains {
                $0.attributes["rel"] == "alternate"
                    && $0.attributes["href"] == "https://news.example/live/bridge?ref=home#top"
            })
        let entries = feed.children("entry")
        let ids = entries.compactMap { $0.first("id")?.text }
        #expect(ids[0] == "https://news.example/live/bridge#post-3")
        for (id, model) in zip(ids.dropFirst(), Self.blog.entries.dropFirst()) {
            #expect(id == "https://news.example/live/bridge?ref=home#\(model.id.rawValue)")
        }
        #expect(Set(ids).count == ids.count)
        #expect(entries[0].first("link")?.attributes["href"] == "https://news.example/live/bridge#post-3")
        #expect(entries[1].first("link") == nil)
        // The page's canonical address wins over the address it was read from, and stands for a file too.
        var canonical = Self.blog
        canonical.canonicalURL = "https://news.example/live/bridge"
        let saved = try Self.feed(canonical)
        #expect(saved.first("id")?.text == "https://news.example/live/bridge")
        #expect(saved.first("author")?.first("name")?.text == "news.example")
    }

    @Test("Two posts claiming one address still get distinct ids, and the older keeps its id when one arrives")
    func clashingAddresses() throws {
        var blog = Self.blog
        blog.entries[1].url = blog.entries[0].url
        let ids = try Self.feed(blog, address: "https://news.example/live/bridge").children("entry").compactMap {
            $0.first("id")?.text
        }
        #expect(Set(ids).count == ids.count)
        #expect(ids[1] == "https://news.example/live/bridge#post-3")
    }

    @Test("Paragraphs become HTML with their links; only web and mail links are kept as links")
    func content() throws {
        var blog = Self.blog
        blog.entries[0].links.append(EntryLink(paragraph: 1, text: "quay", url: "javascript:alert(1)"))
        blog.entries[0].links.append(EntryLink(paragraph: 1, text: "not in the text", url: "https://a.example/x"))
        let entry = try #require(try Self.feed(blog).children("entry").first)
        let content = try #require(entry.first("content"))
        #expect(content.attributes["type"] == "html")
        #expect(
            content.text
                == "<p>The route 9 bus crossed at 4pm, see <a href=\"https://transit.example/9\">the timetable</a> for details.</p>"
                + "<p>Cheers from the quay.</p><ul><li><a href=\"https://a.example/x\">not in the text</a></li></ul>")
    }

    @Test("Hostile text comes out escaped, without controls, and parses")
    func hostileText() throws {
        let nasty = "a < b && c > d ]]> \"q\" 'a' \u{1B}[31mred\u{1B}[0m \u{0}\u{7}\u{8}\u{FFFE}\u{FFFF}\u{202E}end\r"
        var entries = [
            Entry(
                time: "\u{1B}]0;title\u{7}", headline: nasty, paragraphs: [nasty, "<script>alert(1)</script>"],
                related: [RelatedLink(kind: .story, title: nasty, summary: "]]>")],
                url: "https://news.example/a b\u{1B}<\"#x",
                links: [EntryLink(paragraph: 0, text: "red", url: "https://x.example/?a=1&b=\"2\"<")]),
            Entry(paragraphs: [nasty]),
        ]
        Entry.assignIDs(&entries, ownIDs: [nil, nil])
        let blog = LiveBlog(title: nasty, standfirst: nasty, entries: entries)
        let bytes = BlogExporter(
            blog: blog, source: "-", address: "https://news.example/live?x=<&y=\"", exportTime: Self.exportTime
        )
        .export(.atom)
        let raw = String(decoding: bytes, as: UTF8.self)
        #expect(!raw.contains("\u{1B}") && !raw.contains("\u{0}") && !raw.contains("\u{7}") && !raw.contains("\r"))
        #expect(!raw.contains("]]>") && !raw.contains("\u{FFFE}") && !raw.contains("\u{202E}"))
        #expect(!raw.contains("<script"))
        let feed = try XMLTree(Data(bytes)).root
        let clean = "a < b && c > d ]]> \"q\" 'a' [31mred[0m end"
        #expect(feed.first("title")?.text == clean)
        #expect(feed.first("subtitle")?.text == clean)
        let first = try #require(feed.children("entry").first)
        #expect(first.first("title")?.text == clean)
        let html = try #require(first.first("content")?.text)
        // The HTML is escaped once more inside it: the paragraph's `<` is text, not a tag.
        #expect(html.hasPrefix("<p>a &lt; b &amp;&amp; c &gt; d ]]&gt; &quot;q&quot; &apos;a&apos; [31m<a href="))
        #expect(html.contains("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"))
        #expect(html.contains("href=\"https://x.example/?a=1&amp;b=%222%22%3C\""))
        // Addresses are percent-encoded: no space, quote or angle bracket survives into an id or a link.
        let id = try #require(first.first("id")?.text)
        #expect(id == "https://news.example/a%20b%3C%22#x")
        #expect(first.first("link")?.attributes["href"] == id)
        #expect(feed.first("id")?.text == "https://news.example/live?x=%3C&y=%22")
    }

    @Test("A post's timestamp RFC 3339 cannot write (a year past 9999) counts as no timestamp")
    func farTimestamps() throws {
        var blog = Self.blog
        blog.entries[0].timestamp = Date(timeIntervalSince1970: 1e12)
        blog.entries[1].timestamp = Date(timeIntervalSince1970: -1e12)
        let feed = try Self.feed(blog)
        #expect(feed.first("updated")?.text == "2027-01-15T08:00:00Z")
        #expect(feed.children("entry").allSatisfy { $0.first("published") == nil })
    }

    @Test("atom is one of the export formats, and a parsed text blog's timestamps come through")
    func parsedBlog() throws {
        #expect(BlogExporter.Format(rawValue: "atom") == .atom)
        let blog = LiveBlogParser().parse(
            """
            Launch live
            Countdown to lift-off
            Mon 15 May 2023 12.50 BST
            Fuelling complete
            Engineers finished loading the fuel early.
            Weather is go
            The weather team gave a go for launch.
            """)
        let feed = try Self.feed(blog)
        let entries = feed.children("entry")
        #expect(entries.count == blog.entries.count)
        #expect(entries.first?.first("published")?.text == "2023-05-15T11:50:00Z")
        #expect(feed.first("updated")?.text == "2023-05-15T11:50:00Z")
    }
}
