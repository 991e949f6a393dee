import LiveBlogCore

/// libFuzzer entry point for the parser: any bytes must parse, quickly, into a blog without control characters.
///
/// Built only with `LIVEBLOG_FUZZ=1` (see the README's *Fuzzing*): libFuzzer supplies `main`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let blog = LiveBlogParser().parse(bytes: bytes)
    for entry in blog.entries {
        for text in [entry.headline ?? "", entry.time ?? ""] + entry.paragraphs + entry.related.map(\.title) {
            for scalar in text.unicodeScalars
            where scalar.value < 0x20 && scalar != "\t" && scalar != "\n" || scalar.value == 0x1B {
                fatalError("control character U+\(String(scalar.value, radix: 16)) in parsed text")
            }
        }
    }
    return 0
}
