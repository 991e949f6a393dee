import Foundation
import LiveBlogCore
import Testing

@testable import LiveBlogTUI

/// An entry with one enormous paragraph: only the screenful is built, the rest is counted.
struct HugeEntryLayoutTests {
    /// A paragraph of `bytes` bytes of ASCII words, with a few non-ASCII words and a marker word near the end.
    static func hugeEntry(bytes: Int) -> Entry {
        var words: [String] = []
        var size = 0
        var k = 0
        while size < bytes {
            let word = k % 997 == 0 ? "café" : (k % 13 == 0 ? "extraordinarily" : "word\(k % 7)")
            words.append(word)
            size += word.utf8.count + 1
            k += 1
        }
        words.insert("needle", at: words.count - 5)
        return Entry(headline: "One long post", paragraphs: [words.joined(separator: " "), "After it."])
    }

    @Test(
        "Counting lines agrees with wrapping glyphs, at every width: wide, combining, stripped, tabs, breaks",
        arguments: [1, 2, 3, 5, 17, 40, 80])
    func countMatchesWrap(width: Int) {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [Unicode.Scalar] = [
            "a", "b", " ", " ", "x", "é", "日", "本", "\u{301}", "\u{FE0F}", "\u{200D}", "\t",
            "\n", "\u{202E}", "👍", "\u{7}",
        ]
        for _ in 0..<400 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...120, using: &generator) {
                text.append(alphabet.randomElement(using: &generator)!)
            }
            let string = String(text)
            let wrapped = TextWrap.wrap(GlyphBuilder.glyphs(string, style: .plain), width: width).count
            #expect(
                TextWrap.countLines(string[...].unicodeScalars, width: width) == wrapped, "\(string.debugDescription)")
        }
    }

    @Test("A window keeps only its lines; counted and built slices give the same lines and count")
    func windowAgreesWithWhole() {
        let entry = Self.hugeEntry(bytes: 300_000)
        let whole = DetailLayout(entry: entry, width: 57)
        #expect(whole.lines.count == whole.lineCount)
        for start in [0, 1000, whole.lineCount / 2, whole.lineCount - 30] {
            let window = DetailLayout(entry: entry, width: 57, window: start..<(start + 30))
            #expect(window.lineCount == whole.lineCount)
            #expect(window.lines.count == 30)
            #expect((start..<(start + 30)).allSatisfy { window.line($0) == whole.line($0) })
        }
        #expect(whole.line(whole.lineCount - 1).map(\.text).joined() == "After it.")
    }

    @Test("A search match far down a huge paragraph is found on its line")
    func matchLines() {
        let entry = Self.hugeEntry(bytes: 300_000)
        let matches = EntryMatcher(SearchQuery("needle")).matches(in: entry) ?? []
        #expect(matches.count == 1)
        let layout = DetailLayout(entry: entry, width: 57, matches: matches, window: 0..<0)
        let whole = DetailLayout(entry: entry, width: 57, matches: matches)
        #expect(layout.matchLines == whole.matchLines && layout.matchLines.count == 1)
        #expect(whole.line(layout.matchLines[0]).contains { $0.match == 0 })
    }

    @Test("The first frame of a 5 MB paragraph, and its end, come quickly (a hang guard: it took 12.8 s and 2.2 GB)")
    func firstFrame() {
        var blog = LiveBlog(title: "Huge")
        blog.entries = [Self.hugeEntry(bytes: 5_000_000)]
        let started = Date()
        var state = makeState(blog, size: .wide)
        let frame = Renderer.render(state, size: state.size)
        send(&state, .tab, .end)
        let end = Renderer.render(state, size: state.size)
        #expect(Date().timeIntervalSince(started) < 60)
        #expect(frame.line(1).contains("One long post"))
        #expect(end.line(38).contains("After it."))
    }
}
