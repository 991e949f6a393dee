import Foundation
import Testing

@testable import LiveBlogCore

/// The hard-wrap heuristic (`HardWrap`): text that `lynx -dump`, `w3m -dump` or a terminal copy broke at one width
/// is joined back into one line per paragraph, and parses as the one-line-per-block scrape does.
@Suite("Hard-wrapped text")
struct HardWrapTests {
    /// Greedy word wrap as Python's `textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False)`
    /// does it: tabs expanded to 8-column stops and other ASCII whitespace made spaces; breaks only at runs of
    /// spaces (a no-break space is part of its word); a word longer than the width stays whole on its own line;
    /// spaces at the start of a continuation line and at the end of any line are dropped; widths count Unicode
    /// scalars, as `len` does. An empty or blank line gives no lines.
    static func wrap(_ line: String, width: Int) -> [String] {
        var text: [Unicode.Scalar] = []
        var column = 0
        for s in line.unicodeScalars {
            switch s {
            case "\t":
                let n = 8 - column % 8
                text += Array(repeating: " ", count: n)
                column += n
            case "\n", "\r":
                text.append(" ")
                column = 0
            case "\u{0B}", "\u{0C}":
                text.append(" ")
                column += 1
            default:
                text.append(s)
                column += 1
            }
        }
        // Chunks: runs of spaces and runs of everything else, alternating.
        var chunks: [[Unicode.Scalar]] = []
        for s in text {
            if let last = chunks.last, (last[0] == " ") == (s == " ") {
                chunks[chunks.count - 1].append(s)
            } else {
                chunks.append([s])
            }
        }
        func isSpace(_ chunk: [Unicode.Scalar]) -> Bool { chunk[0] == " " }
        var lines: [String] = []
        var k = 0
        while k < chunks.count {
            if !lines.isEmpty && isSpace(chunks[k]) {
                k += 1
                continue
            }
            var current: [[Unicode.Scalar]] = []
            var length = 0
            while k < chunks.count && length + chunks[k].count <= width {
                length += chunks[k].count
                current.append(chunks[k])
                k += 1
            }
            if k < chunks.count && chunks[k].count > width && current.isEmpty {
                current.append(chunks[k])
                k += 1
            }
            if let last = current.last, isSpace(last) { current.removeLast() }
            if !current.isEmpty {
                var s = ""
                s.unicodeScalars.append(contentsOf: current.joined())
                lines.append(s)
            }
        }
        return lines
    }

    /// Each line of `text` wrapped at `width`, its pieces joined with "\n", the lines separated by a blank line
    /// (as `lynx -dump` separates blocks).
    static func hardWrapped(_ text: String, width: Int) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { wrap(String($0), width: width).joined(separator: "\n") }
            .joined(separator: "\n\n")
    }

    static func unwrapped(_ text: String) -> (text: String, report: HardWrap.Report) {
        var bytes = Array(text.utf8)
        let report = HardWrap.unwrap(&bytes)
        return (String(decoding: bytes, as: UTF8.self), report)
    }

    /// What a reader sees of an entry: its headline, paragraphs and time.
    struct Seen: Equatable, CustomStringConvertible {
        var headline: String?
        var paragraphs: [String]
        var time: String?

        init(_ entry: Entry) {
            headline = entry.headline
            paragraphs = entry.paragraphs
            time = entry.time
        }

        var description: String {
            "[\(time ?? "-")] \(headline ?? "(untitled)")" + paragraphs.map { "\n  ¶ \($0)" }.joined()
        }
    }

    // MARK: The wrapper itself

    @Test("The wrapper breaks as textwrap does")
    func wrapper() {
        #expect(Self.wrap("", width: 10) == [])
        #expect(Self.wrap("   ", width: 10) == [])
        #expect(Self.wrap("one two three four", width: 9) == ["one two", "three", "four"])
        #expect(Self.wrap("one  two three", width: 8) == ["one  two", "three"])
        #expect(
            Self.wrap("ab https://example.com/a/long/path cd", width: 10) == [
                "ab", "https://example.com/a/long/path", "cd",
            ])
        #expect(Self.wrap("12.50\u{00A0}BST is one word", width: 9) == ["12.50\u{00A0}BST", "is one", "word"])
        #expect(Self.wrap("well-known self-made", width: 12) == ["well-known", "self-made"])
        #expect(Self.wrap("Zürich café ’quoted’ x", width: 12) == ["Zürich café", "’quoted’ x"])
        #expect(Self.wrap("a\tb", width: 20) == ["a       b"])
    }

    // MARK: Every corpus blog, wrapped at 76 columns

    // A corpus blog wrapped at 76 columns, blocks separated by blank lines, parses to what the blog itself parses
    // to: the same title, standfirst and entries.
    @Test("Each corpus blog parses the same when hard-wrapped at 76 columns", arguments: try CorpusFixture.all())
    func corpusWrapped(_ fixture: CorpusFixture) {
        let wrapped = Self.hardWrapped(fixture.text, width: 76)
        #expect(wrapped != fixture.text)
        let plain = LiveBlogParser().parse(fixture.text)
        let blog = LiveBlogParser().parse(wrapped)
        #expect(blog.title == plain.title)
        #expect(blog.standfirst == plain.standfirst)
        let seen = blog.entries.map(Seen.init)
        let expected = plain.entries.map(Seen.init)
        #expect(seen.count == expected.count)
        for (k, (a, b)) in zip(seen, expected).enumerated() {
            #expect(a == b, "entry \(k + 1) of \(fixture.name):\nwrapped \(a)\nplain   \(b)")
        }
        #expect(blog.diagnostics.contains { $0.message.hasPrefix("hard-wrapped text at 76 columns") })
    }

    // MARK: HardWrap.unwrap

    // One line per block, as a scrape writes it, is not hard-wrapped: every corpus blog is left alone.
    @Test("A one-line-per-paragraph text is left alone", arguments: try CorpusFixture.all())
    func plainLeftAlone(_ fixture: CorpusFixture) {
        let (text, report) = Self.unwrapped(fixture.text)
        #expect(report.width == nil)
        #expect(report.joined == 0)
        #expect(report.joinOffsets.isEmpty)
        #expect(text == fixture.text)
    }

    // Wrapped at 72 columns with blank lines between blocks, every block comes back as one line.
    @Test("A wrapped text is joined back into its lines", arguments: try CorpusFixture.all())
    func wrappedJoined(_ fixture: CorpusFixture) {
        let lines = fixture.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let wrapped = Self.hardWrapped(fixture.text, width: 72)
        let (text, report) = Self.unwrapped(wrapped)
        #expect(text == lines.joined(separator: "\n\n"))
        let breaks = lines.map { max(0, Self.wrap($0, width: 72).count - 1) }.reduce(0, +)
        #expect(report.joined == breaks)
        #expect(report.joinOffsets.count == report.joined)
        #expect(report.joinOffsets == report.joinOffsets.sorted())
    }

    // Without blank lines between blocks (a terminal copy), the short lines between wrapped paragraphs, a time
    // and a headline, stay lines of their own: the next line's first word would have fitted after them.
    @Test("Short lines between wrapped paragraphs stay separate")
    func shortLinesStay() {
        let lines = [
            "Ferry strike live: day two",
            "12:05",
            "Union calls off Friday walkout",
            "The ferry workers’ union has called off the strike planned for Friday after talks with the island council went on late into the night, its secretary said this morning in a short statement.",
            "11:40",
            "Ferries stay in port",
            "All six ferries stayed in the harbour this morning, and the council said that no sailings would run before noon at the earliest, whatever happens.",
            "11:02",
            "Good morning. We will follow the second day of the ferry strike here as the talks resume at the harbour office.",
        ]
        let wrapped = lines.flatMap { Self.wrap($0, width: 60) }
        #expect(wrapped.count == 15)
        let (text, report) = Self.unwrapped(wrapped.joined(separator: "\n"))
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) == lines)
        #expect(report.joined == 6)

        let blog = LiveBlogParser().parse(wrapped.joined(separator: "\n"))
        #expect(blog.title == "Ferry strike live: day two")
        #expect(blog.entries.map(\.time) == ["12:05", "11:40", "11:02"])
        #expect(blog.entries.map(\.headline) == ["Union calls off Friday walkout", "Ferries stay in port", nil])
        #expect(blog.entries.map(\.paragraphs) == [[lines[3]], [lines[6]], [lines[8]]])
    }

    // The width reported is the one the text was wrapped at, read from its longest lines.
    @Test("The reported width", arguments: [40, 60, 72, 76, 100])
    func reportedWidth(_ width: Int) throws {
        let text = try CorpusFixture.all().first { $0.name.hasPrefix("01-") }!.text
        let wrapped = Self.hardWrapped(text, width: width)
        let longest = wrapped.split(separator: "\n").map { $0.unicodeScalars.count }.max() ?? 0
        #expect(longest == width)
        #expect(Self.unwrapped(wrapped).report.width == width)
        // The parser's note names the width.
        let blog = LiveBlogParser().parse(wrapped)
        #expect(blog.diagnostics.contains { $0.message.hasPrefix("hard-wrapped text at \(width) columns") })
    }

    // Beyond the widest wrapping the heuristic knows, long lines are paragraphs, not wrapped lines.
    @Test("Lines wider than any wrapping width are not taken for wrapped text")
    func tooWide() throws {
        let text = try CorpusFixture.all().first { $0.name.hasPrefix("01-") }!.text
        let wrapped = Self.hardWrapped(text, width: HardWrap.maximumWidth + 40)
        #expect(Self.unwrapped(wrapped).report.width == nil)
    }
}
