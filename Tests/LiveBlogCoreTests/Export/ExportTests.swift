import Foundation
import LiveBlogCore
import Testing

/// The JSON export is the scripting contract: its keys and types are checked here.
@Suite("Export formats")
struct ExportTests {
    let blog = LiveBlogParser().parse(
        """
        Launch live
        Countdown to lift-off
        Mon 15 May 2023 12.50 BST
        Fuelling “complete”
        Engineers finished loading the fuel\tearly.
        Photos: the rocket at dawn
        Weather is go
        The weather team gave a go for launch.
        """)

    @Test("JSON has the documented keys and types")
    func jsonContract() throws {
        let exporter = BlogExporter(blog: blog, source: "launch.txt", readMarks: [blog.entries[1].id])
        let object = try JSONSerialization.jsonObject(with: Data(exporter.json())) as! [String: Any]
        #expect(object["title"] as? String == "Launch live")
        #expect(object["standfirst"] as? String == "Countdown to lift-off")
        #expect(object["source"] as? String == "launch.txt")
        let entries = object["entries"] as! [[String: Any]]
        #expect(entries.count == 2)
        let first = entries[0]
        // `url` and `links` are additions for pages read from HTML: null and empty for text.
        #expect(
            Set(first.keys) == [
                "id", "index", "time", "timestamp", "headline", "paragraphs", "related", "flags", "read",
                "url", "links",
            ])
        #expect(first["url"] is NSNull)
        #expect((first["links"] as? [Any])?.isEmpty == true)
        #expect(first["index"] as? Int == 1)
        #expect(first["time"] as? String == "Mon 15 May 2023 12.50 BST")
        #expect(first["timestamp"] as? String == "2023-05-15T11:50:00Z")
        #expect(first["headline"] as? String == "Fuelling “complete”")
        #expect(first["paragraphs"] as? [String] == ["Engineers finished loading the fuel\tearly."])
        let related = first["related"] as! [[String: Any]]
        #expect(related[0]["kind"] as? String == "gallery")
        #expect(related[0]["summary"] is NSNull)
        #expect(first["read"] as? Bool == false)
        #expect(entries[1]["read"] as? Bool == true)
        #expect(entries[1]["time"] is NSNull)
        #expect(entries[1]["timestamp"] is NSNull)
    }

    @Test("Markdown and text exports carry every entry")
    func otherFormats() {
        let exporter = BlogExporter(blog: blog, source: "x")
        let markdown = exporter.markdown()
        #expect(markdown.hasPrefix("# Launch live\n\n_Countdown to lift-off_\n"))
        #expect(markdown.contains("## Mon 15 May 2023 12.50 BST · Fuelling “complete”"))
        #expect(markdown.contains("- Gallery: **Photos: the rocket at dawn**"))
        let text = exporter.text()
        #expect(text.contains("Weather is go\nThe weather team gave a go for launch.\n"))
    }

    @Test("ISO 8601 dates in UTC")
    func iso() {
        #expect(BlogExporter.iso8601(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
        #expect(BlogExporter.iso8601(Date(timeIntervalSince1970: 1_722_887_340)) == "2024-08-05T19:49:00Z")
    }
}
