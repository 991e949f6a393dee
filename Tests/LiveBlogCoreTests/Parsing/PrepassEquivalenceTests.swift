import Foundation
import Testing

@testable import LiveBlogCore

/// The parallel plain-line pre-pass (`BlogAssembler.plainLineShapes`, `isCertainlyPlain`) only saves the sequential
/// classifier work: with it and without it, every page parses to the same blog, diagnostics included.
@Suite("Plain-line pre-pass changes nothing")
struct PrepassEquivalenceTests {
    func parseBothWays(_ text: String) -> (with: LiveBlog, without: LiveBlog) {
        var sequential = LiveBlogParser()
        sequential.usesPlainPrepass = false
        return (LiveBlogParser().parse(text), sequential.parse(text))
    }

    func expectSame(_ name: String, _ text: String) {
        let (with, without) = parseBothWays(text)
        #expect(with.title == without.title, "\(name): title")
        #expect(with.standfirst == without.standfirst, "\(name): standfirst")
        #expect(with.entries.count == without.entries.count, "\(name): entry count")
        for (a, b) in zip(with.entries, without.entries) where a != b {
            Issue.record("\(name): entry at line \(a.line) differs: \(a.title()) vs \(b.title())")
        }
        #expect(with.diagnostics == without.diagnostics, "\(name): diagnostics")
        #expect(with == without, "\(name): blog")
    }

    @Test("Every corpus fixture parses the same with and without the pre-pass", arguments: try CorpusFixture.all())
    func corpusFixture(_ fixture: CorpusFixture) {
        expectSame(fixture.name, fixture.text)
    }

    @Test("There are corpus fixtures to compare")
    func corpusIsThere() throws {
        #expect(try CorpusFixture.all().count >= 20)
    }

    @Test("The bundled sample parses the same with and without the pre-pass")
    func bundledSample() {
        expectSame("sample", BundledResources.sampleBlogText)
    }

    /// Above 20 000 lines the pre-pass runs in chunks on all cores: the whole corpus, repeated, is that large.
    @Test("A page large enough for the parallel chunks parses the same with and without the pre-pass")
    func largePage() throws {
        let all = try CorpusFixture.all().map(\.text).joined(separator: "\n")
        let linesPerCopy = max(1, all.utf8.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 })
        let text = Array(repeating: all, count: 25_000 / linesPerCopy + 1).joined(separator: "\n")
        expectSame("corpus repeated", text)
    }
}
