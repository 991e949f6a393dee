import LiveBlogCore
import Testing

@testable import LiveBlogTUI

/// Behaviour at 100,000 entries, and searching before the index is there.
///
/// These check what happens, never how long it takes: keystroke timings are measured by `liveblog-bench tui`
/// on a release build (see the README's figures); the time limit is only a hang guard.
@Suite(.timeLimit(.minutes(2)))
struct PerformanceTests {
    static let words = [
        "ash", "cloud", "lava", "ferry", "island", "governor", "observatory", "volcano", "evacuation", "harbour",
        "mainland", "eruption", "東京", "flights",
    ]

    static func bigBlog(_ count: Int, words perParagraph: Int = 10) -> LiveBlog {
        var random = SeededRandom(seed: 7)
        func next() -> String { random.pick(words) }
        let entries = (0..<count).map { i in
            Entry(
                id: EntryID("id\(i)"), time: "12:\(i % 60)",
                headline: (0..<6).map { _ in next() }.joined(separator: " "),
                paragraphs: [(0..<perParagraph).map { _ in next() }.joined(separator: " ")])
        }
        return LiveBlog(title: "Big", entries: entries)
    }

    /// Reduces each key and renders the frame after it, as the run loop does.
    static func press(_ state: inout ReaderState, _ keys: [Key]) {
        for key in keys {
            _ = Reducer.reduce(&state, .key(key))
            _ = Renderer.render(state, size: state.size)
        }
    }

    @Test("At 100,000 entries moving, typing a search and browsing its matches land where they should")
    func keystrokes() {
        let blog = Self.bigBlog(100_000)
        var state = makeState(blog)
        _ = Reducer.reduce(&state, .indexReady(SearchIndex(blog: blog)))
        #expect(state.hasSearchIndex)
        let j = Key.character("j")
        Self.press(&state, [j, j, .character("G"), .character("k")])
        #expect(state.selectedEntry == 99_998)
        Self.press(&state, [.character("g"), j])
        #expect(state.selectedEntry == 1)
        send(&state, .character("/"))
        Self.press(&state, "ash c".map { Key.character($0) } + [.backspace, .backspace])
        let expected = blog.entries.indices.filter {
            EntryMatcher(SearchQuery("ash")).matches(in: blog.entries[$0]) != nil
        }
        #expect(state.listedCount == expected.count)
        #expect(state.listedCount > 0 && state.listedCount < 100_000)
        send(&state, .enter)
        Self.press(&state, [j, .character("n"), .character("n"), j])
        #expect(state.selectedEntry.map { expected.contains($0) } == true)
    }

    @Test("Without the index a big blog is not scanned on every key: the search waits for the index and then filters")
    func pendingUntilIndex() {
        let blog = Self.bigBlog(5_000, words: 40)
        var state = makeState(blog)
        #expect(state.textBytes > ReaderState.scanLimitBytes)
        type(&state, "/lava")
        #expect(state.isSearchPending)
        #expect(state.listedCount == 5_000)
        #expect(Renderer.render(state, size: state.size).line(39).hasSuffix("indexing…"))
        send(&state, .enter)
        #expect(screen(state).contains("/lava  searching…"))
        _ = Reducer.reduce(&state, .indexReady(SearchIndex(blog: blog)))
        #expect(!state.isSearchPending)
        let expected = blog.entries.indices.filter {
            EntryMatcher(SearchQuery("lava")).matches(in: blog.entries[$0]) != nil
        }
        #expect(state.listedCount == expected.count)
        #expect(state.listedEntryIDs.first == blog.entries[expected[0]].id)
    }

    @Test("A small blog is scanned as you type, narrowing as the word grows, with the same result as a fresh scan")
    func smallScans() {
        var state = makeState(Self.bigBlog(200))
        #expect(state.textBytes <= ReaderState.scanLimitBytes)
        type(&state, "/e")
        type(&state, "ru")
        #expect(!state.isSearchPending)
        let narrowed = state.listedEntryIDs
        var fresh = makeState(Self.bigBlog(200))
        _ = Reducer.reduce(&fresh, .indexReady(SearchIndex(blog: Self.bigBlog(200))))
        type(&fresh, "/eru")
        #expect(narrowed == fresh.listedEntryIDs)
        #expect(!narrowed.isEmpty)
    }
}
