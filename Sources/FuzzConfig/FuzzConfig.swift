import LiveBlogCore
import LiveBlogTUI

/// libFuzzer entry point for the files a person writes: the configuration and the blog list. Any bytes parse
/// or fail with an error, never a crash or a hang; a configuration that parses dumps to text that parses again
/// to the same dump; every blog of a list writes a line (`liveblog add`) that reads back as itself, and
/// removing its source takes it out. Line ends are treated as `ConfigFile` treats them (CR LF read as LF).
///
/// Built only with `LIVEBLOG_FUZZ=1` (see `Tests/Fuzz/run.sh`): libFuzzer supplies `main`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let raw = Array(UnsafeBufferPointer(start: data, count: size))
    let bytes = raw.indices.compactMap { i in
        raw[i] == 0x0D && (i + 1 == raw.count || raw[i + 1] == 0x0A) ? nil : raw[i]
    }
    guard let text = String(validating: bytes, as: UTF8.self) else { return 0 }
    checkBlogList(text)
    guard let config = try? ReaderConfig(parsing: text) else { return 0 }
    let dump = config.dump()
    guard let again = try? ReaderConfig(parsing: dump), again.dump() == dump else {
        fatalError("a parsed configuration's dump does not parse to itself:\n\(dump)")
    }
    return 0
}

/// The blog list's round trips: its grammar never fails, so every input is checked.
func checkBlogList(_ text: String) {
    let list = BlogList(parsing: text)
    for item in list.items where BlogList.problem(with: item) == nil {
        let again = BlogList(parsing: BlogList.line(for: item)).items
        guard again.count == 1, again[0].source == item.source, again[0].name == item.name, again[0].tags == item.tags
        else { fatalError("a blog's line does not read back as itself: \(item)") }
        let removed = BlogList.removing(source: item.source, from: text)
        guard removed.removed, !BlogList(parsing: removed.text).items.contains(where: { $0.source == item.source })
        else { fatalError("removing \(item.source) left it in the list") }
    }
}
