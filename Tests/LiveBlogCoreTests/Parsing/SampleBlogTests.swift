import LiveBlogCore
import Testing

/// The bundled sample parses to the structure written down beside the test fixtures.
@Suite("Bundled sample")
struct SampleBlogTests {
    @Test("Every entry of the bundled sample has the expected time, headline, paragraphs and links")
    func matchesExpectedStructure() throws {
        let expected = try Fixtures.text("sample-expected.txt").split(separator: "\n").map(String.init)
        let blog = parse(BundledResources.sampleBlogText)
        let header = expected[0]
        #expect(header.contains("title: \(blog.title) |"))
        #expect(header.hasSuffix("standfirst: \(blog.standfirst ?? "-")"))
        let rows = expected.dropFirst().filter { !$0.isEmpty }
        #expect(blog.entries.count == rows.count)
        for (entry, row) in zip(blog.entries, rows) {
            let cells = row.split(separator: "|", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            #expect(cells[1] == (entry.time ?? "-"), "time of \(row)")
            #expect(cells[2] == (entry.headline ?? "(intro)"), "headline of \(row)")
            #expect(cells[3] == "\(entry.paragraphs.count) paragraphs", "paragraphs of \(row)")
            let related = entry.related.map { "\($0.kind.rawValue):\($0.title)" }.joined(separator: "; ")
            #expect(cells[4] == ("related: " + related).trimmingCharacters(in: .whitespaces), "related of \(row)")
        }
    }

    @Test("The sample has at least 25 entries, timestamps, and wide characters")
    func sampleRequirements() {
        let blog = parse(BundledResources.sampleBlogText)
        #expect(blog.entries.count >= 26)
        #expect(blog.entries.filter { $0.time != nil }.count >= 8)
        let text = blog.entries.flatMap(\.paragraphs).joined()
        #expect(text.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF })
        #expect(text.unicodeScalars.contains { $0.properties.isEmojiPresentation })
        #expect(!text.contains("Your support makes all the difference"))
        #expect(!text.contains("Join our commenting forum"))
    }

    @Test("The bundled rules file parses")
    func bundledRules() throws {
        let rules = try BoilerplateRules(parsing: BundledResources.boilerplateRulesText, origin: "bundled")
        #expect(rules.rules.count > 40)
    }
}
