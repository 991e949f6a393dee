import Foundation
import LiveBlogCore
import Testing

@testable import LiveBlogTUI

/// R (re-reading the source) and o (the order).
struct ReducerReloadTests {
    private func withNewEntries(_ count: Int) -> LiveBlog {
        var blog = Fixture.small
        for i in 0..<count {
            blog.entries.insert(
                Entry(id: EntryID("new\(i)"), time: "17:0\(i)", headline: "New entry \(i)", paragraphs: ["Fresh."]),
                at: 0)
        }
        return blog
    }

    @Test("R asks the loop to re-read the source")
    func reloadEffect() {
        var state = makeState()
        #expect(send(&state, .character("R")) == [.reloadSource])
        #expect(state.message?.text == "Reloading…")
    }

    @Test("A reload keeps the selected entry, its screen row and scroll, and the marks; new entries are flagged")
    func reloadKeeps() {
        var state = makeState(marks: [EntryID("e1")], size: TerminalSize(rows: 10, columns: 40))
        send(&state, .character("j"), .character("j"), .tab, .character("j"))
        #expect(state.detailScrollLine == 1)
        let effects = Reducer.reduce(&state, .reloaded(withNewEntries(2)))
        #expect(effects == [])
        #expect(state.selectedEntryID == EntryID("e2"))
        #expect(state.selectedPosition == 4)
        #expect(state.detailScrollLine == 1)
        #expect(state.readMarks == [EntryID("e1")])
        #expect(state.unreadCount == 7)
        #expect(state.newEntryIDs == [EntryID("new0"), EntryID("new1")])
        #expect(state.message?.text == "Reloaded, 2 new entries")
        #expect(state.listedEntryIDs.prefix(3) == [EntryID("new1"), EntryID("new0"), EntryID("e0")])
    }

    @Test("A reload keeps the selected entry on the same screen row of a scrolled list")
    func reloadKeepsRow() {
        var state = makeState(Fixture.numbered(30), size: TerminalSize(rows: 12, columns: 100))
        send(&state, .character("G"), .character("k"), .character("k"), .character("k"), .character("k"))
        let row = state.selectedPosition - state.listScrollTop
        var blog = Fixture.numbered(30)
        blog.entries.insert(contentsOf: (0..<3).map { Entry(id: EntryID("x\($0)"), headline: "X\($0)") }, at: 0)
        _ = Reducer.reduce(&state, .reloaded(blog))
        #expect(state.selectedEntryID == EntryID("n25"))
        #expect(state.selectedPosition - state.listScrollTop == row)
    }

    @Test("New flags stay across later reloads until the entry is shown")
    func newFlagsStay() {
        var state = makeState()
        _ = Reducer.reduce(&state, .reloaded(withNewEntries(1)))
        _ = Reducer.reduce(&state, .reloaded(withNewEntries(2)))
        #expect(state.newEntryIDs == [EntryID("new0"), EntryID("new1")])
        #expect(state.message?.text == "Reloaded, 1 new entry")
        _ = Reducer.reduce(&state, .reloaded(withNewEntries(2)))
        #expect(state.message?.text == "Reloaded, no new entries")
        // The arrivals went in above the rows on screen; the selected entry kept its row.
        #expect(state.listScrollTop == 2)
        send(&state, .character("g"))
        // Shown now, so no longer new; the other arrival still is.
        #expect(Renderer.render(state, size: state.size).line(1).hasPrefix("• 17:01 New entry 1"))
        #expect(Renderer.render(state, size: state.size).line(2).hasPrefix("+ 17:00 New entry 0"))
    }

    @Test("If the selected entry is gone after a reload, the selection stays at its position")
    func selectedGone() {
        var state = makeState()
        send(&state, .character("j"), .character("j"))
        var blog = Fixture.small
        blog.entries.remove(at: 2)
        let effects = Reducer.reduce(&state, .reloaded(blog))
        #expect(state.selectedPosition == 2)
        #expect(state.selectedEntryID == EntryID("e3"))
        #expect(effects == [.startMarkTimer(EntryID("e3"))])
    }

    @Test("A reload applies the active search to the new text and waits for a new index")
    func reloadWithSearch() {
        var state = makeState()
        _ = Reducer.reduce(&state, .indexReady(SearchIndex(blog: Fixture.small)))
        type(&state, "/fresh")
        send(&state, .enter)
        #expect(state.listedCount == 0)
        let blog = withNewEntries(2)
        _ = Reducer.reduce(&state, .reloaded(blog))
        #expect(!state.hasSearchIndex)
        #expect(state.listedEntryIDs == [EntryID("new1"), EntryID("new0")])
        _ = Reducer.reduce(&state, .indexReady(SearchIndex(blog: blog)))
        #expect(state.hasSearchIndex)
    }

    @Test("A failed reload is reported and changes nothing else")
    func reloadFailed() {
        var state = makeState()
        send(&state, .character("j"))
        #expect(Reducer.reduce(&state, .reloadFailed("no such file")) == [])
        #expect(state.message == .init("Reload failed: no such file", isError: true))
        #expect(state.selectedEntryID == EntryID("e1"))
    }

    // MARK: Order

    @Test("o shows the oldest first (the published order reversed when times are not all known), keeping the selection")
    func orderReversed() {
        var state = makeState()
        send(&state, .character("j"))
        send(&state, .character("s"))
        #expect(state.order == .oldestFirst)
        #expect(state.listedEntryIDs.map(\.rawValue) == ["e5", "e4", "e3", "e2", "e1", "e0"])
        #expect(state.selectedEntryID == EntryID("e1"))
        #expect(state.selectedPosition == 4)
        #expect(screen(state).contains("oldest first"))
        send(&state, .character("s"))
        #expect(state.listedEntryIDs.map(\.rawValue) == ["e0", "e1", "e2", "e3", "e4", "e5"])
        #expect(state.selectedEntryID == EntryID("e1"))
    }

    @Test("With every time known, oldest first sorts by timestamp (a pinned old post moves down)")
    func orderByTimestamp() {
        let base = Date(timeIntervalSince1970: 1_800_000_000)
        let blog = LiveBlog(
            title: "Pinned",
            entries: [
                Entry(
                    id: EntryID("pinned"), time: "09:00", timestamp: base, headline: "Pinned summary", flags: [.pinned]),
                Entry(id: EntryID("late"), time: "12:00", timestamp: base + 3 * 3600, headline: "Late"),
                Entry(id: EntryID("mid"), time: "11:00", timestamp: base + 2 * 3600, headline: "Mid"),
                Entry(id: EntryID("early"), time: "10:00", timestamp: base + 3600, headline: "Early"),
            ])
        var state = makeState(blog)
        send(&state, .character("s"))
        #expect(state.listedEntryIDs.map(\.rawValue) == ["pinned", "early", "mid", "late"])
    }

    @Test("The order applies to a filtered list too")
    func orderWithFilter() {
        var state = makeState()
        type(&state, "/ash")
        send(&state, .enter, .character("s"))
        #expect(state.listedEntryIDs.map(\.rawValue) == ["e5", "e2", "e0"])
        #expect(state.selectedEntryID == EntryID("e0"))
    }
}
