import Foundation
import LiveBlogCore
import Testing

/// Any bytes at all give a blog: never a crash, never a hang.
@Suite("Parser robustness")
struct RobustnessTests {
    @Test("Empty input gives an empty blog with a note")
    func empty() {
        let blog = LiveBlogParser().parse(bytes: [])
        #expect(blog.title == "")
        #expect(blog.entries.isEmpty)
        #expect(blog.diagnostics.contains { $0.message.contains("empty") })
    }

    @Test("Binary noise, NUL bytes and invalid UTF-8 parse to text without control characters")
    func noise() {
        var generator = SeededRandom(seed: 42)
        for _ in 0..<50 {
            let bytes = (0..<Int(generator.next() % 5000)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            let blog = LiveBlogParser().parse(bytes: bytes)
            let all = [blog.title] + blog.entries.flatMap { [$0.headline ?? ""] + $0.paragraphs }
            for text in all {
                #expect(
                    !text.unicodeScalars.contains {
                        $0.value < 0x20 && $0 != "\t" || ($0.value >= 0x7F && $0.value < 0xA0)
                    })
            }
        }
    }

    /// A hang guard (the time limit), not a measurement: speed is `liveblog-bench`'s business.
    @Test("A 20 MB line parses into one paragraph", .timeLimit(.minutes(1)))
    func hugeLine() {
        let line = String(repeating: "word ", count: 4_000_000) + "end."
        let blog = LiveBlogParser().parse("Title\nStandfirst\n" + line + "\n")
        #expect(blog.entries.count == 1)
        #expect(blog.entries[0].paragraphs.first?.utf8.count == line.utf8.count)
    }

    @Test("Only separators and times still gives a blog")
    func onlyStructure() {
        let blog = LiveBlogParser().parse("___\n10:45\n---\n11:00\n")
        #expect(blog.entries.isEmpty)
    }
}
