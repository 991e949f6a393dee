import LiveBlogCore
import LiveBlogHTML

/// libFuzzer entry point for the HTML reader: any bytes (JSON-LD, microdata, charsets and all) must read, quickly,
/// into a blog without control characters other than a line break or a tab.
///
/// Built only with `LIVEBLOG_FUZZ=1` (see the README's *Fuzzing*): libFuzzer supplies `main`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let blog = HTMLBlogReader(baseURL: "https://example.test/live/").read(bytes: bytes)
    var texts = [blog.title]
    for entry in blog.entries {
        texts += [entry.headline ?? "", entry.time ?? ""] + entry.paragraphs + entry.related.map(\.title)
    }
    for text in texts {
        for scalar in text.unicodeScalars
        where scalar.value < 0x20 && scalar != "\t" && scalar != "\n" || scalar.value == 0x1B {
            fatalError("control character U+\(String(scalar.value, radix: 16)) in read text")
        }
    }
    return 0
}
