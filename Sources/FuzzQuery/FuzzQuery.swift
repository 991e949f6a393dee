import LiveBlogCore

/// libFuzzer entry point for search: the first line of the input is a query, the rest a blog. The index, the
/// scan of the built blog and the search of the source bytes must find the same entries, and no export may
/// hold a control character other than a line break or a tab (which the normaliser keeps on purpose).
///
/// Built only with `LIVEBLOG_FUZZ=1` (see the README's *Fuzzing*): libFuzzer supplies `main`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQuery(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let split = bytes.firstIndex(of: 0x0A) ?? bytes.count
    let query = SearchQuery(String(decoding: bytes[..<split], as: UTF8.self))
    let text = Array(bytes[min(bytes.count, split + 1)...])
    let parser = LiveBlogParser()
    let blog = parser.parse(bytes: text)
    let byIndex = SearchIndex(blog: blog).matchingEntries(query)
    let byScan = SearchIndex.scan(blog, for: query).map(\.entryIndex)
    let bySource = parser.parseSource(bytes: text).search(query).map(\.entryIndex)
    if byIndex != byScan || byScan != bySource {
        fatalError("search engines disagree on \(query.text): index \(byIndex), scan \(byScan), source \(bySource)")
    }
    let limited = parser.parseSource(bytes: text).search(query, order: .relevance, limit: 2)
    if limited.total != byScan.count { fatalError("--limit changed the total") }
    for format in BlogExporter.Format.allCases {
        for byte in BlogExporter(blog: blog, source: "fuzz").export(format)
        where byte < 0x20 && byte != 0x0A && byte != 0x09 || byte == 0x7F {
            fatalError("control byte \(byte) in the \(format) export")
        }
    }
    return 0
}
