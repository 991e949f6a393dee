import LiveBlogCore
import Testing

@testable import LiveBlogTUI

/// The search prompt, the live filter, n/N, the history, and the index.
struct ReducerSearchTests {
    private func ids(_ state: ReaderState) -> [String] { state.listedEntryIDs.map(\.rawValue) }

    @Test("/ opens a prompt; typing filters the list live and counts the matches")
    func liveFilter() {
        var state = makeState()
        send(&state, .character("/"))
        #expect(state.mode == .searching)
        #expect(state.promptText == "")
        #expect(state.listedCount == 6)
        type(&state, "as")
        #expect(ids(state) == ["e0", "e2", "e5"])
        type(&state, "h c")
        #expect(state.promptText == "ash c")
        #expect(ids(state) == ["e0", "e2", "e5"])
        type(&state, "ol")
        #expect(ids(state) == ["e2", "e5"])
        #expect(state.matchCount == 2)
        #expect(state.searchText == "ash col")
    }

    @Test("A paste is text in the prompt (one line, no controls) and does nothing elsewhere")
    func paste() {
        var state = makeState()
        let before = ids(state)
        send(&state, .paste("Aq"))
        #expect(state.mode == .browsing && ids(state) == before && !state.shouldQuit && state.readMarks.isEmpty)
        send(&state, .character("/"))
        send(&state, .paste("as\u{1B}[2J\nh\u{7}"))
        #expect(state.mode == .searching)
        #expect(state.promptText == "as[2J h")
    }

    @Test("Letters that are keys elsewhere are text in the prompt")
    func promptTakesLetters() {
        var state = makeState()
        let effects = type(&state, "/q?jk/")
        #expect(state.promptText == "q?jk/")
        #expect(!effects.contains(.quit))
        #expect(state.mode == .searching)
    }

    @Test("Enter keeps the filter, returns to the list and remembers the search")
    func enterKeeps() {
        var state = makeState()
        send(&state, .tab)
        type(&state, "/ash")
        send(&state, .enter)
        #expect(state.mode == .browsing)
        #expect(state.focus == .list)
        #expect(ids(state) == ["e0", "e2", "e5"])
        #expect(state.searchHistory == ["ash"])
        send(&state, .character("j"))
        #expect(state.selectedEntryID == EntryID("e2"))
    }

    @Test("Enter on a search with no matches keeps the empty filter and says so")
    func noMatches() {
        var state = makeState()
        type(&state, "/zzz")
        send(&state, .enter)
        #expect(state.listedCount == 0)
        #expect(state.message?.text == "No matches for “zzz”")
        #expect(state.shownEntryID == nil)
    }

    @Test("Enter on an empty prompt clears the search")
    func enterEmpty() {
        var state = makeState()
        type(&state, "/ash")
        send(&state, .enter)
        type(&state, "/")
        send(&state, .enter)
        #expect(state.searchText == nil)
        #expect(state.listedCount == 6)
        #expect(state.searchHistory == ["ash"])
    }

    @Test("Esc in the prompt cancels: the list, the selection and the focus come back as they were")
    func escCancels() {
        var state = makeState()
        send(&state, .character("j"), .tab)
        type(&state, "/ash")
        #expect(state.selectedEntryID == EntryID("e2"))
        send(&state, .escape)
        #expect(state.mode == .browsing)
        #expect(state.listedCount == 6)
        #expect(state.selectedEntryID == EntryID("e1"))
        #expect(state.focus == .detail)
        #expect(state.searchText == nil)
        #expect(state.searchHistory.isEmpty)
    }

    @Test("Esc in the prompt brings back the filter that was active before")
    func escRestoresPreviousFilter() {
        var state = makeState()
        type(&state, "/ash")
        send(&state, .enter)
        type(&state, "/lava")
        send(&state, .escape)
        #expect(state.searchText == "ash")
        #expect(ids(state) == ["e0", "e2", "e5"])
    }

    @Test("Esc with a filter active clears it and keeps the selected entry selected")
    func escClearsKeepingSelection() {
        var state = makeState()
        type(&state, "/ash")
        send(&state, .enter, .character("j"))
        #expect(state.selectedEntryID == EntryID("e2"))
        #expect(state.selectedPosition == 1)
        send(&state, .escape)
        #expect(state.searchText == nil)
        #expect(state.listedCount == 6)
        #expect(state.selectedEntryID == EntryID("e2"))
        #expect(state.selectedPosition == 2)
        #expect(state.message?.text == "Search cleared")
    }

    @Test(
        "While typing, the selection stays on its entry if it matches, else the next match; it comes back on Backspace")
    func selectionWhileTyping() {
        var state = makeState()
        send(&state, .character("j"), .character("j"))
        type(&state, "/ash")
        #expect(state.selectedEntryID == EntryID("e2"))
        state = makeState()
        send(&state, .character("j"))
        type(&state, "/ash")
        #expect(state.selectedEntryID == EntryID("e2"))
        send(&state, .backspace, .backspace, .backspace)
        #expect(state.promptText == "")
        #expect(state.selectedEntryID == EntryID("e1"))
    }

    @Test("Backspace edits the prompt; on an empty prompt it cancels")
    func backspace() {
        var state = makeState()
        type(&state, "/ashx")
        send(&state, .backspace)
        #expect(state.promptText == "ash")
        #expect(state.listedCount == 3)
        send(&state, .backspace, .backspace, .backspace)
        #expect(state.mode == .searching)
        send(&state, .backspace)
        #expect(state.mode == .browsing)
    }

    @Test("↑ and ↓ in the prompt walk the search history, filtering as they go, and come back to the typed text")
    func history() {
        var state = makeState()
        for query in ["ash", "observ", "ash"] {
            type(&state, "/" + query)
            send(&state, .enter)
        }
        #expect(state.searchHistory == ["observ", "ash"])
        type(&state, "/lav")
        send(&state, .up)
        #expect(state.promptText == "ash")
        #expect(state.listedCount == 3)
        send(&state, .up)
        #expect(state.promptText == "observ")
        #expect(ids(state) == ["e1"])
        send(&state, .up)
        #expect(state.promptText == "observ")
        send(&state, .down)
        #expect(state.promptText == "ash")
        send(&state, .down)
        #expect(state.promptText == "lav")
        send(&state, .down)
        #expect(state.promptText == "lav")
    }

    @Test("Exclusions and phrases follow the core's search semantics")
    func semantics() {
        var state = makeState()
        type(&state, "/-ash")
        #expect(ids(state) == ["e1", "e3", "e4"])
        send(&state, .escape)
        type(&state, "/\"ash column\"")
        #expect(ids(state) == ["e2"])
        send(&state, .escape)
        type(&state, "/SKERRAN")
        #expect(ids(state) == ["e4"])
    }

    // MARK: n and N

    @Test("n goes through the matches of the entry, then on to the next matching entry; N goes back")
    func nextAndPrevious() {
        var state = makeState(size: .wide)
        type(&state, "/ash")
        send(&state, .enter)
        // Enter puts the first match in view (e0: headline, paragraph, related link).
        #expect(state.currentMatch == 0)
        send(&state, .character("n"), .character("n"))
        #expect(state.currentMatch == 2)
        #expect(state.selectedEntryID == EntryID("e0"))
        send(&state, .character("n"))
        #expect(state.selectedEntryID == EntryID("e2"))
        #expect(state.currentMatch == 0)
        send(&state, .character("N"))
        #expect(state.selectedEntryID == EntryID("e0"))
        #expect(state.currentMatch == 2)
        send(&state, .character("G"), .character("n"))
        #expect(state.selectedEntryID == EntryID("e5"))
        #expect(state.currentMatch == 0)
        send(&state, .character("n"))
        #expect(state.message?.text == "No more matches below")
        #expect(state.selectedEntryID == EntryID("e5"))
        send(&state, .character("g"), .character("N"))
        #expect(state.message?.text == "No more matches above")
    }

    @Test("n scrolls the detail pane to a match below the fold")
    func nScrolls() {
        var entry = Fixture.longEntry(id: "l", lines: 40)
        entry.paragraphs[30] = "Line 30 has ash in it"
        var state = makeState(LiveBlog(title: "Long", entries: [entry]), size: TerminalSize(rows: 12, columns: 100))
        type(&state, "/ash")
        send(&state, .enter, .character("n"))
        // Paragraph 30 is on layout line 2 + 2×30 = 62; it is shown two lines below the top.
        #expect(state.detailScrollLine == 60)
        #expect(Renderer.render(state, size: state.size).line(3).hasSuffix("│ Line 30 has ash in it"))
    }

    @Test("n without a search says how to search")
    func nWithoutSearch() {
        var state = makeState()
        send(&state, .character("n"))
        #expect(state.message?.text == "No search: press / to search")
        #expect(state.selectedPosition == 0)
    }

    // MARK: Index

    @Test("Once the index is ready, filtering uses it and finds the same entries as scanning")
    func indexAgrees() {
        var scanned = makeState()
        var indexed = makeState()
        _ = Reducer.reduce(&indexed, .indexReady(SearchIndex(blog: Fixture.small)))
        #expect(indexed.hasSearchIndex)
        for query in ["ash", "a", "\"ash column\"", "-ash", "is", "mount -ash", "zz", "山", "“no sign”"] {
            type(&scanned, "/" + query)
            type(&indexed, "/" + query)
            #expect(ids(indexed) == ids(scanned), "\(query)")
            #expect(indexed.matchCount == scanned.matchCount, "\(query)")
            send(&scanned, .escape)
            send(&indexed, .escape)
        }
    }

    @Test("An index built for another blog is not used")
    func staleIndexIgnored() {
        var state = makeState()
        _ = Reducer.reduce(&state, .indexReady(SearchIndex(blog: Fixture.numbered(6))))
        #expect(!state.hasSearchIndex)
    }
}
