import Foundation
import LiveBlogCore
import LiveBlogTestSupport
import Testing

/// Issue 19's rows 5 and 7: the one filter for what leaves the program, and the exports that go through it.
@Suite("Output sanitizer")
struct OutputSanitizerTests {
    /// One of each class that must never leave: C0, DEL, C1 (CSI), bidi embedding/override/isolate, separators.
    static let hostile = "a\u{1B}[31mb\u{7F}c\u{9B}d\u{202A}e\u{202E}f\u{2066}g\u{2069}h\u{2028}i\u{2029}j\u{0}k"

    @Test("Every stripped class is removed; other text, accents and emoji stay")
    func strips() {
        #expect(OutputSanitizer.text(Self.hostile) == "a[31mbcdefghijk")
        #expect(OutputSanitizer.text("Zürich 👍 — “quoted” 日本") == "Zürich 👍 — “quoted” 日本")
        #expect(OutputSanitizer.text("one\ntwo\tthree") == "one two three")
        #expect(OutputSanitizer.text("one\ntwo\tthree\r", keepingLines: true) == "one\ntwo\tthree")
    }

    @Test("The byte filter used on whole exports agrees with the scalar filter, on random text")
    func bytesAgree() {
        var random = SeededRandom(seed: 19)
        let alphabet: [Unicode.Scalar] = [
            "a", "\n", "\t", "\u{1B}", "\u{7F}", "\u{80}", "\u{9F}", "\u{A0}", "é", "\u{2027}", "\u{2028}",
            "\u{202E}", "\u{202F}", "\u{2065}", "\u{2066}", "\u{2069}", "\u{206A}", "’", "👍", "\u{C2}",
        ]
        for _ in 0..<300 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int(random.next() % 40) { text.append(alphabet[Int(random.next() % UInt64(alphabet.count))]) }
            let string = String(text)
            let bytes = OutputSanitizer.utf8(Array(string.utf8))
            #expect(String(decoding: bytes, as: UTF8.self) == OutputSanitizer.text(string, keepingLines: true))
        }
    }

    @Test("A URL keeps its own characters and percent-encodes the rest; controls and newlines go")
    func urls() {
        #expect(
            OutputSanitizer.url("https://example.org/a?b=1&c=%20#post-1") == "https://example.org/a?b=1&c=%20#post-1")
        #expect(
            OutputSanitizer.url("https://example.org/p4\u{1B}[201~\ntouch /tmp/x\n")
                == "https://example.org/p4[201~touch%20/tmp/x")
        #expect(OutputSanitizer.url("https://example.org/zürich \"x\"") == "https://example.org/z%C3%BCrich%20%22x%22")
        #expect(OutputSanitizer.url("https://e.org/\u{9B}\u{2028}\u{202E}") == "https://e.org/")
    }

    /// A blog as the HTML reader may hand it over: hostile scalars in every field that is exported.
    static let blog = LiveBlog(
        title: "Title\u{202E}txet", standfirst: "Stand\u{1B}]52;c;aGk=\u{07}first",
        entries: [
            Entry(
                id: EntryID("p1"), time: "12:00", headline: "Head\u{2066}line\u{2069}",
                paragraphs: ["Para\u{9B}31mgraph\u{2028}one"], url: "https://e.org/live#p1\u{9B}\u{2028}\u{1B}",
                links: [EntryLink(paragraph: 0, text: "link\u{202D}", url: "https://e.org/\u{202E}x y")])
        ])

    @Test(
        "JSON, Markdown and text exports carry none of the stripped scalars, escaped or raw",
        arguments: BlogExporter.Format.allCases)
    func exports(format: BlogExporter.Format) throws {
        let bytes = BlogExporter(blog: Self.blog, source: "page.html", readMarks: []).export(format)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.unicodeScalars.allSatisfy { !OutputSanitizer.isStripped($0) || $0 == "\n" || $0 == "\t" })
        #expect(!text.contains("\\u001b") && !text.contains("\\u009b") && !text.contains("\\u2028"))
        if format == .json {
            let object = try JSONSerialization.jsonObject(with: Data(bytes)) as! [String: Any]
            let entry = (object["entries"] as! [[String: Any]])[0]
            #expect(entry["url"] as? String == "https://e.org/live#p1")
            #expect(((entry["links"] as! [[String: Any]])[0])["url"] as? String == "https://e.org/x%20y")
            #expect(object["title"] as? String == "Titletxet")
        }
    }
}
