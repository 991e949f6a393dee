/// The JSON of `liveblog search --json`, one of the scripting contracts (with `BlogExporter`, `ArrivalExporter` and
/// `ListingExporter`), all written here with the same writer.
///
///     {"query": …, "total": n, "hits": [{"id", "index", "headline", "score", "matches": [{"field", "paragraph", "start", "length"}]}]}
///
/// Entries are reached through `id` and `headline` so that a search over a source's bytes builds strings only
/// for the hits printed.
public enum SearchExporter {
    /// The report of `total` matching entries, of which `hits` are printed, newline-terminated.
    public static func json(
        query: String, id: @escaping @Sendable (Int) -> EntryID,
        headline: @escaping @Sendable (Int) -> String?, total: Int, hits: [SearchHit]
    ) -> [UInt8] {
        var w = JSONWriter(capacity: 256)
        w.beginObject()
        w.field("query", query)
        w.key("total")
        w.number(total)
        w.key("hits")
        // Many hits are written on all cores, each core a run of them; the runs are joined with commas.
        let parts = Parallel.map(hits.count, minimum: 5000) { range -> [UInt8] in
            var run = JSONWriter(capacity: range.count * 160 + 64)
            for hit in hits[range] {
                run.beginObject()
                run.field("id", id(hit.entryIndex).rawValue)
                run.key("index")
                run.number(hit.entryIndex + 1)
                run.field("headline", headline(hit.entryIndex))
                run.key("score")
                run.number(hit.score)
                run.key("matches")
                run.beginArray()
                for m in hit.matches {
                    run.beginObject()
                    run.field("field", m.field.rawValue)
                    run.key("paragraph")
                    if let p = m.paragraph { run.number(p) } else { run.null() }
                    run.key("start")
                    run.number(m.start)
                    run.key("length")
                    run.number(m.length)
                    run.endObject()
                }
                run.endArray()
                run.endObject()
            }
            return run.bytes
        }
        var out = w.bytes
        out.append(UInt8(ascii: "["))
        var first = true
        for part in parts where !part.isEmpty {
            if !first { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: part)
            first = false
        }
        out.append(contentsOf: Array("]}\n".utf8))
        return out
    }
}
