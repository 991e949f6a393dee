/// The JSON lines of `liveblog follow --json`, the fourth scripting contract (with `BlogExporter`,
/// `ListingExporter` and `SearchExporter`), one object per new, edited or current entry:
///
///     {"event": "new"|"edited"|"current", "id", "time", "timestamp", "headline", "paragraphs", "url", "blog"}
public enum ArrivalExporter {
    /// One entry as one newline-terminated JSON object.
    public static func jsonLine(_ entry: Entry, event: String, blogTitle: String, source: String? = nil) -> [UInt8] {
        var writer = JSONWriter(capacity: 512)
        writer.beginObject()
        writer.field("event", event)
        writer.field("id", entry.id.rawValue)
        writer.field("time", entry.time)
        writer.field("timestamp", entry.timestamp.map(BlogExporter.iso8601))
        writer.field("headline", entry.headline)
        writer.key("paragraphs")
        writer.beginArray()
        for paragraph in entry.paragraphs { writer.string(paragraph) }
        writer.endArray()
        writer.field("url", entry.url.map(OutputSanitizer.url))
        writer.field("blog", blogTitle)
        // Following every blog of the list: which one it came from, as the list names it.
        if let source { writer.field("source", source) }
        writer.endObject()
        return writer.bytes + [0x0A]
    }
}
