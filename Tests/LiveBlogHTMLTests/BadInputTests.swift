import Foundation
import LiveBlogCore
import Testing

@testable import LiveBlogHTML

/// Pages that are broken, hostile or mislabelled still give a blog, never a crash or an empty silence.
@Suite("HTML bad input")
struct BadInputTests {
    // A page cut off in the middle of a post: the posts before the cut are read.
    @Test("Truncated HTML")
    func truncated() {
        let html = HTMLFixtures.jsonLD
        let cut = String(html[..<html.range(of: "Passengers were")!.lowerBound])
        let blog = read(cut)
        #expect(blog.entries.count == 2)
        #expect(blog.entries[0].headline == "Talks to resume")
    }

    // 100,000 nested divs: no stack overflow anywhere. Our tree flattens below its own depth limit, so every walk is
    // bounded; a page stays readable.
    @Test("100,000 nested divs")
    func deepNesting() {
        let html =
            "<html><body><p>Before the pile.</p>" + String(repeating: "<div>", count: 100_000) + "<p>Deep text.</p>"
            + String(repeating: "</div>", count: 100_000) + "</body></html>"
        let blog = read(html)
        #expect(blog.entries.count == 1)
        #expect(blog.entries.first?.paragraphs.first == "Before the pile.")
        // Within libxml2's limit, deep text is kept even below our flattening depth.
        let deep =
            "<html><body>" + String(repeating: "<div>", count: 240) + "<p>Deep text.</p>"
            + String(repeating: "</div>", count: 240) + "</body></html>"
        #expect(read(deep).entries.first?.paragraphs == ["Deep text."])
    }

    // Found by `liveblog-bench hostile`: past libxml2's depth limit (256 open elements) the parse used to stop, so
    // every post after a pile of divs was lost without a word (1 post of 16,000 read). The posts after the pile
    // are read, and the page says it was nested too deep.
    @Test("Posts after a pile of nested divs are kept")
    func postsAfterDeepNesting() {
        func post(_ k: Int) -> String {
            "<article id=\"p\(k)\"><time datetime=\"2030-06-01T10:\(10 + k):00Z\">10:\(10 + k)</time>"
                + "<h2>Post \(k)</h2><p>Text of post \(k).</p></article>"
        }
        for depth in [300, 100_000] {
            let html =
                "<html><body>" + post(1) + String(repeating: "<div>", count: depth) + "<p>Deep text.</p>"
                + String(repeating: "</div>", count: depth) + post(2) + post(3) + "</body></html>"
            let blog = read(html)
            #expect(blog.entries.map(\.headline) == ["Post 1", "Post 2", "Post 3"], "depth \(depth)")
            #expect(blog.diagnostics.contains { $0.message.contains("nested more than 256 deep") }, "depth \(depth)")
        }
    }

    // A page with no posts: one entry with the text and a diagnostic, never zero entries.
    @Test("A page with no posts")
    func noPosts() {
        let blog = read("<html><body><h1>Only a title</h1></body></html>")
        #expect(blog.entries.count == 1)
        #expect(blog.diagnostics.contains { $0.message.contains("no posts found") })
    }

    // Random bytes served as HTML: a blog with one entry, and nothing but printable text in it.
    @Test("Binary served as HTML")
    func binary() {
        var generator = SystemRandomNumberGenerator()
        let noise = (0..<20_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let blog = HTMLBlogReader().read(bytes: Array("<!doctype html><html><body>".utf8) + noise)
        #expect(blog.entries.count >= 1)
        for entry in blog.entries {
            for p in entry.paragraphs {
                #expect(!p.unicodeScalars.contains { $0.value < 0x20 || ($0.value >= 0x7F && $0.value < 0xA0) })
            }
        }
    }

    // Windows-1252 bytes declared as UTF-8 (a page re-saved badly) read as windows-1252, not as U+FFFD.
    @Test("Wrong charset: latin bytes declared UTF-8")
    func wrongCharset() {
        let head = Array("<html><head><meta charset=\"utf-8\"></head><body><p>Caf".utf8)
        let bytes = head + [0xE9, 0x20, 0x93, 0x6F, 0x6B, 0x94] + Array("</p></body></html>".utf8)
        let blog = HTMLBlogReader().read(bytes: bytes)
        #expect(blog.entries.first?.paragraphs.first == "Café “ok”")
    }

    // ISO-8859-15 declared in http-equiv, and a Content-Type hint for a page that declares nothing.
    @Test("Declared and hinted charsets are honoured")
    func declaredCharsets() {
        let declared =
            Array(
                "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-15\"></head><body><p>"
                    .utf8)
            + [0xA4, 0x20, 0x35] + Array("</p></body></html>".utf8)
        #expect(HTMLBlogReader().read(bytes: declared).entries.first?.paragraphs.first == "€ 5")
        let hinted = Array("<html><body><p>".utf8) + [0x47, 0x72, 0xFC, 0xDF, 0x65] + Array("</p></body></html>".utf8)
        let blog = HTMLBlogReader().read(bytes: hinted, contentType: "text/html; charset=ISO-8859-1")
        #expect(blog.entries.first?.paragraphs.first == "Grüße")
    }

    // Empty input and a page of only markup give a titled blog with one entry.
    @Test("Empty input")
    func empty() {
        let blog = HTMLBlogReader().read(bytes: [])
        #expect(blog.entries.count == 1)
        #expect(!blog.title.isEmpty)
    }
}
