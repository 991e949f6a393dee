import LiveBlogHTML

/// libFuzzer entry point for the JSON-LD reader alone: any text, as the one script of a page (and split at NUL
/// bytes into several scripts), must read quickly and without a crash; reading it twice must give the same strings.
///
/// Built only with `LIVEBLOG_FUZZ=1` (see the README's *Fuzzing*): libFuzzer supplies `main`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONLD(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let scripts = bytes.split(separator: 0, omittingEmptySubsequences: false).map {
        String(decoding: $0, as: UTF8.self)
    }
    let strings = HTMLBlogReader.jsonLDStrings(scripts)
    if strings != HTMLBlogReader.jsonLDStrings(scripts) { fatalError("the JSON-LD reader is not deterministic") }
    return 0
}
