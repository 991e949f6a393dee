import Foundation
import LiveBlogCore
import Testing

@testable import LiveBlogTUI

/// The README's screenshots are frames of the bundled sample, rendered here from the keys each one names, so
/// anyone can reproduce them (`liveblog --state /tmp/fresh.sqlite --mark-after never` in a terminal of that
/// size, then the keys). `LIVEBLOG_RECORD_README=1 swift test --filter readmeScreens` writes them again.
struct ReadmeScreenTests {
    static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("README.md")

    /// `<!-- screen: 100x30 keys: j j / a s h Enter -->` followed by a ```text block.
    // swift-format-ignore: NeverUseForceTry
    static let marker = try! NSRegularExpression(
        pattern: #"<!-- screen: (\d+)x(\d+) keys:([^>]*)-->\n```text\n(.*?)```"#,
        options: [.dotMatchesLineSeparators])

    static func key(_ token: String) -> Key {
        switch token {
        case "Enter": .enter
        case "Tab": .tab
        case "Esc": .escape
        case "Space": .character(" ")
        default: .character(Character(token))
        }
    }

    static func render(columns: Int, rows: Int, keys: String) -> String {
        let blog = LiveBlogParser().parse(BundledResources.sampleBlogText)
        var state = makeState(
            blog, options: ReaderOptions(markAfter: nil, timeZone: TimeZone(identifier: "UTC")!),
            size: TerminalSize(rows: rows, columns: columns))
        for token in keys.split(separator: " ") { _ = Reducer.reduce(&state, .key(key(String(token)))) }
        return Renderer.render(state, size: state.size).text + "\n"
    }

    @Test("The README's screenshots are the sample as the reader draws it after the keys they name")
    func readmeScreens() throws {
        var text = try String(contentsOf: Self.readme, encoding: .utf8)
        let matches = Self.marker.matches(in: text, range: NSRange(text.startIndex..., in: text))
        #expect(matches.count >= 2, "README has no generated screenshots")
        var rewritten = text
        for match in matches.reversed() {
            func group(_ n: Int) -> String { String(text[Range(match.range(at: n), in: text)!]) }
            let expected = Self.render(columns: Int(group(1))!, rows: Int(group(2))!, keys: group(3))
            if ProcessInfo.processInfo.environment["LIVEBLOG_RECORD_README"] == "1" {
                rewritten.replaceSubrange(Range(match.range(at: 4), in: rewritten)!, with: expected)
            } else {
                #expect(group(4) == expected, "screen \(group(1))x\(group(2)) keys:\(group(3))")
            }
        }
        if ProcessInfo.processInfo.environment["LIVEBLOG_RECORD_README"] == "1" {
            try rewritten.write(to: Self.readme, atomically: true, encoding: .utf8)
            text = rewritten
        }
    }
}
