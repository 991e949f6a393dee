import Foundation
import LiveBlogCore
import Testing

@testable import LiveBlogTUI

/// The keys newsboat, mutt, tig and less users reach for: counts, J/K, links, copying, layout, `:`, undo.
struct ReducerReflexKeysTests {
    struct CountCase: CustomTestStringConvertible, Sendable {
        var keys: String
        var position: Int
        var testDescription: String { keys }
    }

    static let counts: [CountCase] = [
        CountCase(keys: "5j", position: 5),
        CountCase(keys: "12j", position: 12),
        CountCase(keys: "5j2k", position: 3),
        CountCase(keys: "3G", position: 2),
        CountCase(keys: "G3g", position: 2),
        CountCase(keys: "99999j", position: 29),
        CountCase(keys: "0j", position: 1),
        CountCase(keys: "5mj", position: 1),
        CountCase(keys: "2J", position: 2),
        CountCase(keys: "4j3K", position: 1),
    ]

    @Test("A count before a movement key moves that many; any other key drops it", arguments: counts)
    func countsMove(_ c: CountCase) {
        var state = makeState(Fixture.numbered(30), options: ReaderOptions(markAfter: nil))
        type(&state, c.keys)
        #expect(state.selectedPosition == c.position)
        #expect(state.pendingCount == nil)
    }

    @Test("A pending count shows in the status line")
    func countShown() {
        var state = makeState(Fixture.numbered(30))
        type(&state, "12")
        #expect(state.pendingCount == 12)
        #expect(screen(state).contains("12…"))
    }

    @Test("J and K move to the next and previous entry and keep the detail pane focused")
    func nextEntryFromDetail() {
        var state = makeState(Fixture.numbered(5))
        send(&state, .enter, .character("J"), .character("J"))
        #expect(state.selectedPosition == 2 && state.focus == .detail)
        send(&state, .character("K"))
        #expect(state.selectedPosition == 1 && state.focus == .detail)
    }

    @Test("b pages back up the detail pane, Space down")
    func bPagesUp() {
        var state = makeState(LiveBlog(title: "t", entries: [Fixture.longEntry(id: "a", lines: 200)]))
        send(&state, .enter, .character(" "), .character(" "))
        let down = state.detailScrollLine
        #expect(down > 0)
        send(&state, .character("b"))
        #expect(state.detailScrollLine < down)
    }

    static let linked = LiveBlog(
        title: "Links",
        entries: [
            Entry(
                id: EntryID("a"), headline: "Has links", paragraphs: ["See the report and the map."],
                url: "https://example.org/blog#a",
                links: [
                    EntryLink(paragraph: 0, text: "the report", url: "https://example.org/report"),
                    EntryLink(paragraph: 0, text: "the map", url: "https://example.org/map"),
                    EntryLink(paragraph: 0, text: "again", url: "https://example.org/map"),
                    EntryLink(paragraph: 0, text: "evil", url: "javascript:alert(1)"),
                ]),
            Entry(id: EntryID("b"), headline: "No links", paragraphs: ["Plain text.", "Second paragraph."]),
        ])

    @Test("The detail pane numbers the entry's links, each address once")
    func numberedLinks() {
        let text = screen(makeState(Self.linked))
        #expect(text.contains("[1] the report https://example.org/report"))
        #expect(text.contains("[2] the map https://example.org/map"))
        #expect(text.contains("[3] evil javascript:alert(1)"))
        #expect(!text.contains("[4]"))
    }

    @Test("o opens the entry's own link; 2 in the detail pane and 2o in the list open link 2")
    func openLinks() {
        var state = makeState(Self.linked)
        #expect(send(&state, .character("o")) == [.openURL("https://example.org/blog#a")])
        #expect(type(&state, "2o") == [.openURL("https://example.org/map")])
        send(&state, .tab)
        #expect(send(&state, .character("1")) == [.openURL("https://example.org/report")])
    }

    @Test("A link that is not a web address, or a number past the last, is not opened")
    func refusedLinks() {
        var state = makeState(Self.linked)
        send(&state, .tab)
        #expect(send(&state, .character("3")).isEmpty)
        #expect(state.message?.isError == true)
        #expect(send(&state, .character("9")).isEmpty)
        #expect(state.message?.text == "No link 9: the entry has 3")
        send(&state, .tab, .character("j"))
        #expect(send(&state, .character("o")).isEmpty)
        #expect(state.message?.text == "This entry has no link")
        #expect(!URLOpening.isOpenable("https://a.example/x y") && !URLOpening.isOpenable("-https://x"))
    }

    @Test("y copies the entry's link, or its text when it has none")
    func copy() {
        var state = makeState(Self.linked)
        #expect(send(&state, .character("y")) == [.copy("https://example.org/blog#a")])
        send(&state, .character("j"))
        #expect(send(&state, .character("y")) == [.copy("No links\n\nPlain text.\n\nSecond paragraph.")])
    }

    @Test("> and < change the list width within bounds; z maximises the focused pane and back")
    func layoutKeys() {
        var state = makeState(size: .wide)
        let start = state.layout.list.width
        send(&state, .character(">"))
        #expect(state.layout.list.width == start + 4)
        type(&state, "3<")
        #expect(state.layout.list.width == start - 8)
        type(&state, "99<")
        #expect(state.layout.list.width == ScreenLayout.minimumPaneColumns)
        send(&state, .character("z"))
        #expect(state.layout.list.width == 120 && state.layout.detail.width == 0)
        #expect(screen(state).contains("Ash begins to fall on Castlemere as cloud reaches the mainland"))
        send(&state, .enter)
        #expect(state.zoom == .detail && state.layout.detail.width == 120 && state.focus == .detail)
        send(&state, .character("q"))
        #expect(state.zoom == .list && state.focus == .list && !state.shouldQuit)
        send(&state, .character("z"))
        #expect(state.zoom == .none && state.layout.list.width == ScreenLayout.minimumPaneColumns)
    }

    @Test("The default list width follows the rows' content within 35–45 % of the terminal")
    func defaultWidth() {
        #expect(makeState(Fixture.numbered(3), size: .wide).layout.list.width == 42)
        #expect(makeState(Fixture.small, size: .wide).layout.list.width == 54)
        #expect(makeState(Fixture.small, size: TerminalSize(rows: 60, columns: 200)).layout.list.width == 80)
    }

    @Test("A marks all read; X makes the same entries unread again, once")
    func undoMarkAll() {
        var state = makeState(marks: [EntryID("e1")])
        let marked = send(&state, .character("A"))
        #expect(marked.contains(.persistReadMarks(["e0", "e2", "e3", "e4", "e5"].map(EntryID.init), read: true)))
        #expect(state.unreadCount == 0)
        let undone = send(&state, .character("X"))
        #expect(undone.contains(.persistReadMarks(["e0", "e2", "e3", "e4", "e5"].map(EntryID.init), read: false)))
        #expect(state.unreadCount == 5 && state.isRead(EntryID("e1")))
        #expect(send(&state, .character("X")).isEmpty)
        #expect(state.message?.text == "Nothing to undo")
    }

    @Test(": runs an action by its table name, with a count; :set changes mark-after; unknown names say so")
    func commandLine() {
        var state = makeState(Fixture.numbered(10))
        type(&state, ":move-down 3")
        #expect(state.promptText == "move-down 3")
        send(&state, .enter)
        #expect(state.selectedPosition == 3 && state.mode == .browsing)
        type(&state, ":set mark-after 5")
        send(&state, .enter)
        #expect(state.markAfter == 5)
        type(&state, ":set mark-after never")
        send(&state, .enter)
        #expect(state.markAfter == nil)
        type(&state, ":mark-all")
        #expect(send(&state, .enter).contains(.cancelMarkTimer))
        #expect(state.unreadCount == 0)
        type(&state, ":bogus")
        send(&state, .enter)
        #expect(state.message == .init("Unknown command: bogus", isError: true))
        type(&state, ":q")
        #expect(send(&state, .enter) == [.quit])
    }

    @Test("The prompt edits like readline: ←/→, Ctrl-A/E, Ctrl-W, Ctrl-U, typing at the cursor")
    func promptEditing() {
        var state = makeState()
        type(&state, "/ash cloud")
        send(&state, .control("w"))
        #expect(state.promptText == "ash ")
        send(&state, .left, .left)
        type(&state, "X")
        #expect(state.promptText == "asXh ")
        send(&state, .control("a"))
        type(&state, "Y")
        send(&state, .control("e"))
        type(&state, "Z")
        #expect(state.promptText == "YasXh Z")
        send(&state, .left, .backspace)
        #expect(state.promptText == "YasXhZ")
        send(&state, .left, .control("u"))
        #expect(state.promptText == "hZ")
        #expect(state.searchText == "hZ")
        let frame = Renderer.render(state, size: state.size)
        #expect(frame.cursor?.column == 1)
    }

    @Test("Enter in the search puts the first match in view and the status counts entries and matches apart")
    func enterShowsFirstMatch() {
        let long = Entry(
            id: EntryID("l"), headline: "Long", paragraphs: (0..<60).map { $0 == 50 ? "the volcano" : "Line \($0)" })
        var state = makeState(LiveBlog(title: "t", entries: [long]))
        type(&state, "/volcano")
        send(&state, .enter)
        #expect(state.detailScrollLine > 0)
        let status = screen(state).split(separator: "\n").last.map(String.init) ?? ""
        #expect(status.contains("/volcano  entry 1 of 1 · match 1 of 1"))
        // The index arriving afterwards filters again but keeps the match in view.
        let scroll = state.detailScrollLine
        _ = Reducer.reduce(&state, .indexReady(SearchIndex(blog: state.blog)))
        #expect(state.currentMatch == 0 && state.detailScrollLine == scroll)
    }

    @Test("A saved session reopens on the entry, order and search; text round-trips")
    func sessionRoundTrip() {
        var state = makeState()
        send(&state, .character("s"))
        type(&state, "/ash")
        send(&state, .enter, .character("g"), .character("j"))
        let saved = state.session
        #expect(saved == SavedSession(entry: EntryID("e2"), oldestFirst: true, search: "ash", unreadOnly: false))
        #expect(SavedSession(text: saved.text) == saved)
        #expect(SavedSession(text: "garbage\nentry=\nbogus=1") == SavedSession())
        var fresh = makeState()
        fresh.restore(saved)
        #expect(fresh.selectedEntryID == EntryID("e2") && fresh.order == .oldestFirst && fresh.searchText == "ash")
        var gone = makeState()
        gone.restore(SavedSession(entry: EntryID("not-there")))
        #expect(gone.selectedPosition == 0)
    }

    @Test("A session restored before the first event still starts the mark timer for the entry it reopens on")
    func restoredSessionStartsTimer() {
        var state = ReaderState(
            blog: Fixture.small, readMarks: [], options: ReaderOptions(markAfter: 1), sourceName: "t")
        state.restore(SavedSession(entry: EntryID("e2")))
        #expect(Reducer.reduce(&state, .resized(.wide)) == [.startMarkTimer(EntryID("e2"))])
        #expect(state.selectedEntryID == EntryID("e2"))
    }
}

/// Times as people read them: the list's column, and the date on top of the detail pane.
struct EntryTimeTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var page: String
        var shown: String
        var testDescription: String { page }
    }

    static let cases: [Case] = [
        Case(page: "12.50 BST", shown: "12:50"),
        Case(page: "4m ago", shown: "4m ago"),
        Case(page: "21 mins ago", shown: "21m ago"),
        Case(page: "2 hours ago", shown: "2h ago"),
        Case(page: "Sept. 1, 2026 9:05 p.m.", shown: "21:05"),
        Case(page: "12:30am", shown: "00:30"),
        Case(page: "16:48", shown: "16:48"),
        Case(page: "Yesterday", shown: "Yesterday"),
        Case(page: "123.456", shown: "123.456"),
    ]

    @Test("The page's own time words are shortened sensibly", arguments: cases)
    func shorten(_ c: Case) {
        #expect(EntryTime.shorten(c.page) == c.shown)
    }

    @Test("A known timestamp is shown as HH:MM in the reader's time zone, with the full date in the detail pane")
    func timestamp() throws {
        let moment = Date(timeIntervalSince1970: 1_764_511_500)  // 2025-11-30 14:05 UTC
        let entry = Entry(id: EntryID("t"), time: "2.05pm GMT", timestamp: moment, headline: "Timed")
        let utc = TimeZone(identifier: "UTC")!
        let tokyo = try #require(TimeZone(identifier: "Asia/Tokyo"))
        #expect(EntryTime.short(entry, timeZone: utc) == "14:05")
        #expect(EntryTime.short(entry, timeZone: tokyo) == "23:05")
        #expect(EntryTime.full(entry, timeZone: utc) == "Sunday 30 November 2025, 14:05 UTC")
        var state = makeState(LiveBlog(title: "t", entries: [entry]), options: ReaderOptions(timeZone: utc))
        _ = Reducer.reduce(&state, .resized(.wide))
        let text = screen(state)
        #expect(text.contains("• 14:05 Timed"))
        #expect(text.contains("Sunday 30 November 2025, 14:05 UTC"))
    }
}

/// Keys that do nothing say so; F5 reads the source again, as in a browser.
struct UnboundKeyTests {
    @Test("An unbound key answers in the status line instead of silence")
    func unboundKeySaysSo() {
        var state = makeState()
        send(&state, .character("Q"))
        #expect(state.message?.text == "Q is not bound here (? lists the keys)")
        send(&state, .character("j"))
        #expect(state.message == nil || state.message?.text.contains("not bound") == false)
    }

    @Test("F5 reloads like R, and the configuration file can name it")
    func functionFiveReloads() {
        var state = makeState()
        #expect(Reducer.reduce(&state, .key(.function(5))) == [.reloadSource])
        #expect(Key(configName: "F5") == .function(5))
        #expect(Key.function(5).displayName == "F5")
    }
}
