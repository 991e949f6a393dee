/// The JSON of `liveblog list --json`, one of the scripting contracts (with `BlogExporter`, `ArrivalExporter` and
/// `SearchExporter`), all written here with the same writer.
///
///     {"title": …, "source": …, "entries": [{"id", "index", "time", "headline", "title", "flags", "read"}, …]}
public enum ListingExporter {
    /// The listing of `rows` (each an entry and its 0-based place in the blog), newline-terminated.
    public static func json(
        title: String, source: String, rows: [(offset: Int, entry: Entry)],
        readMarks: Set<EntryID>
    ) -> [UInt8] {
        var w = JSONWriter(capacity: rows.count * 200 + 256)
        w.beginObject()
        w.field("title", title)
        w.field("source", source)
        w.key("entries")
        w.beginArray()
        for (index, entry) in rows {
            w.beginObject()
            w.field("id", entry.id.rawValue)
            w.key("index")
            w.number(index + 1)
            w.field("time", entry.time)
            w.field("headline", entry.headline)
            w.field("title", entry.title())
            w.key("flags")
            w.beginArray()
            for f in entry.flags.names { w.string(f) }
            w.endArray()
            w.key("read")
            w.bool(readMarks.contains(entry.id))
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.bytes + [0x0A]
    }
}
