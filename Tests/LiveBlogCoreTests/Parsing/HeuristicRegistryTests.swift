import Foundation
import Testing

@testable import LiveBlogCore

/// The named heuristics have one registry (`Heuristic`), and the README and `liveblog check` use its names.
@Suite("Heuristic registry")
struct HeuristicRegistryTests {
    static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("README.md")

    // The README's table of heuristics is the registry, row for row, in order.
    @Test("The README's heuristic table is the registry")
    func readmeTable() throws {
        let text = try String(contentsOf: Self.readme, encoding: .utf8)
        let section = try #require(text.range(of: "| heuristic | what it decides |"))
        let rows = text[section.upperBound...].split(separator: "\n").dropFirst()
            .prefix { $0.hasPrefix("| `") }
            .map(String.init)
        let expected = Heuristic.allCases.map { "| `\($0.rawValue)` | \($0.summary) |" }
        #expect(rows == expected)
    }

    // Every heuristic a diagnostic names, on every corpus blog and the bundled sample, is in the registry.
    @Test("Diagnostics name only registered heuristics")
    func diagnosticsUseRegistry() throws {
        let names = Set(Heuristic.allCases.map(\.rawValue))
        var texts = try CorpusFixture.all().map(\.text)
        texts.append(BundledResources.sampleBlogText)
        let pattern = try NSRegularExpression(pattern: #"\(([a-z]+(?:-[a-z]+)*) heuristic"#)
        var seen = Set<String>()
        for text in texts {
            for d in LiveBlogParser().parse(text).diagnostics {
                let message = d.message as NSString
                for match in pattern.matches(in: d.message, range: NSRange(location: 0, length: message.length)) {
                    let name = message.substring(with: match.range(at: 1))
                    seen.insert(name)
                    #expect(names.contains(name), "\(name) in “\(d.message)”")
                }
            }
        }
        #expect(seen.count >= 8, "the corpus exercises most heuristics: \(seen.sorted())")
    }
}
