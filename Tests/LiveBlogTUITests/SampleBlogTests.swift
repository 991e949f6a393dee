import LiveBlogCore
import Testing

@testable import LiveBlogTUI

/// The reader over the bundled sample as the parser reads it (no golden text: the parser's output may still
/// change; these check what must hold for any blog).
struct SampleBlogTests {
    static let blog = LiveBlogParser().parse(BundledResources.sampleBlogText)

    @Test("Every entry of the sample renders at 120×40, 80×24 and 40×10 with sane frames")
    func walkEveryEntry() {
        #expect(Self.blog.entries.count > 5)
        for size in [TerminalSize.wide, .standard, TerminalSize(rows: 10, columns: 40)] {
            var state = makeState(Self.blog, size: size)
            for position in 0..<Self.blog.entries.count {
                #expect(state.selectedPosition == position)
                let frame = Renderer.render(state, size: size)
                #expect(frame.line(size.rows - 1).hasPrefix("\(position + 1)/\(Self.blog.entries.count)  "))
                for row in 0..<frame.height {
                    for column in 0..<frame.width {
                        let text = frame[row, column].text
                        #expect(!text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
                    }
                }
                // Reading the entry to its end with the detail pane focused never scrolls past it.
                send(&state, .tab, .character("G"))
                let end = Renderer.render(state, size: size)
                #expect(end.line(size.rows - 1).hasPrefix("\(position + 1)/"))
                send(&state, .character("g"), .tab, .character("j"))
            }
        }
    }

    @Test("Searching the sample finds entries and highlights the words")
    func searchSample() {
        var state = makeState(Self.blog)
        _ = Reducer.reduce(&state, .indexReady(SearchIndex(blog: Self.blog)))
        type(&state, "/ash")
        send(&state, .enter)
        #expect(state.listedCount > 0 && state.listedCount < Self.blog.entries.count)
        let frame = Renderer.render(state, size: state.size)
        let highlighted = (1..<39).map { frame.styledText(row: $0, where: { $0.role == .match }) }.joined(
            separator: "|")
        #expect(highlighted.lowercased().contains("ash"))
    }
}
