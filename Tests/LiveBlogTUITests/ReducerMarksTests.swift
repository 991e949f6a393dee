import LiveBlogCore
import Testing

@testable import LiveBlogTUI

/// Read marks: the mark timer, Enter and m, A, the unread-only view, the next-unread key.
struct ReducerMarksTests {
    private let e0 = EntryID("e0"), e1 = EntryID("e1"), e2 = EntryID("e2"), e3 = EntryID("e3")

    @Test("The first size report starts the timer for the entry on show")
    func firstTimer() {
        var state = ReaderState(blog: Fixture.small, readMarks: [], options: ReaderOptions(), sourceName: "t")
        #expect(Reducer.reduce(&state, .resized(.wide)) == [.startMarkTimer(e0)])
        #expect(Reducer.reduce(&state, .resized(.standard)) == [])
    }

    @Test("Skimming with j restarts the timer each time and marks nothing")
    func skimming() {
        var state = makeState()
        #expect(send(&state, .character("j")) == [.startMarkTimer(e1)])
        #expect(send(&state, .character("j")) == [.startMarkTimer(e2)])
        #expect(state.readMarks.isEmpty)
        #expect(state.unreadCount == 6)
    }

    @Test("When the timer fires for the entry still shown, it is marked read and saved")
    func timerMarks() {
        var state = makeState()
        send(&state, .character("j"))
        #expect(Reducer.reduce(&state, .markTimerFired(e1)) == [.persistReadMarks([e1], read: true)])
        #expect(state.readMarks == [e1])
        #expect(state.unreadCount == 5)
        // A second firing changes nothing.
        #expect(Reducer.reduce(&state, .markTimerFired(e1)) == [])
    }

    @Test("A timer for an entry no longer shown marks nothing")
    func staleTimer() {
        var state = makeState()
        send(&state, .character("j"), .character("j"))
        #expect(Reducer.reduce(&state, .markTimerFired(e1)) == [])
        #expect(state.readMarks.isEmpty)
        send(&state, .character("?"))
        #expect(Reducer.reduce(&state, .markTimerFired(e2)) == [])
        #expect(state.readMarks.isEmpty)
    }

    @Test("Moving to an entry already read cancels the timer")
    func readEntryCancels() {
        var state = makeState(marks: [e1])
        #expect(send(&state, .character("j")) == [.cancelMarkTimer])
        #expect(send(&state, .character("j")) == [.startMarkTimer(e2)])
    }

    @Test("With --mark-after never, no timer is started")
    func never() {
        var state = makeState(options: ReaderOptions(markAfter: nil))
        #expect(send(&state, .character("j")) == [.cancelMarkTimer])
        #expect(send(&state, .character("j")) == [.cancelMarkTimer])
    }

    @Test("The help screen and a too-small terminal hide the detail pane, so the timer stops; it restarts after")
    func hiddenDetail() {
        var state = makeState()
        #expect(send(&state, .character("?")) == [.cancelMarkTimer])
        #expect(send(&state, .escape) == [.startMarkTimer(e0)])
        #expect(Reducer.reduce(&state, .resized(TerminalSize(rows: 5, columns: 20))) == [.cancelMarkTimer])
        #expect(Reducer.reduce(&state, .resized(.wide)) == [.startMarkTimer(e0)])
    }

    @Test("Enter marks the entry read at once; a second Enter does nothing more")
    func enterMarks() {
        var state = makeState()
        #expect(send(&state, .enter) == [.cancelMarkTimer, .persistReadMarks([e0], read: true)])
        #expect(state.readMarks == [e0])
        #expect(send(&state, .enter) == [])
    }

    @Test("m toggles read and unread, saving each change")
    func toggle() {
        var state = makeState()
        #expect(send(&state, .character("m")) == [.cancelMarkTimer, .persistReadMarks([e0], read: true)])
        #expect(state.isRead(e0))
        #expect(state.message?.text == "Marked read")
        #expect(send(&state, .character("m")) == [.cancelMarkTimer, .persistReadMarks([e0], read: false)])
        #expect(!state.isRead(e0))
        #expect(state.unreadCount == 6)
        #expect(state.message?.text == "Marked unread")
    }

    @Test("A marks every listed entry read in one save, and only those")
    func markAll() {
        var state = makeState(marks: [e2])
        type(&state, "/ash")
        send(&state, .enter)
        let effects = send(&state, .character("A"))
        #expect(effects == [.cancelMarkTimer, .persistReadMarks([e0, EntryID("e5")], read: true)])
        #expect(state.unreadCount == 3)
        #expect(state.message?.text == "Marked 2 read (X undoes)")
        #expect(send(&state, .character("A")) == [])
    }

    @Test("A failed save is rolled back on the screen and its reason stays until a save succeeds")
    func persistFailed() {
        var state = makeState()
        #expect(send(&state, .character("m")) == [.cancelMarkTimer, .persistReadMarks([e0], read: true)])
        #expect(state.isRead(e0) && state.unreadCount == 5)
        _ = Reducer.reduce(&state, .persistFailed([e0], read: true, reason: "disk full"))
        #expect(state.message == .init("Could not save read marks: disk full", isError: true))
        #expect(!state.isRead(e0) && state.unreadCount == 6)
        send(&state, .down)
        #expect(state.saveError == "disk full")
        // Marking all read fails too: every entry goes back to unread.
        let all = send(&state, .character("A"))
        guard case .persistReadMarks(let ids, read: true)? = all.last else {
            Issue.record("no save")
            return
        }
        _ = Reducer.reduce(&state, .persistFailed(ids, read: true, reason: "disk full"))
        #expect(state.unreadCount == 6)
        _ = Reducer.reduce(&state, .persisted)
        #expect(state.saveError == nil)
    }

    @Test("Marks of entries not in the blog are kept")
    func foreignMarks() {
        var state = makeState(marks: [EntryID("elsewhere")])
        send(&state, .character("m"))
        #expect(state.readMarks == [EntryID("elsewhere"), e0])
        #expect(state.unreadCount == 5)
    }

    // MARK: Unread only

    @Test("u shows unread entries only; the entry you are on stays until you move away")
    func unreadOnly() {
        var state = makeState(marks: [e1, e3])
        send(&state, .character("j"))
        send(&state, .character("u"))
        #expect(state.isUnreadOnly)
        #expect(state.listedEntryIDs.map(\.rawValue) == ["e0", "e1", "e2", "e4", "e5"])
        #expect(state.selectedEntryID == e1)
        send(&state, .character("j"))
        #expect(state.listedEntryIDs.map(\.rawValue) == ["e0", "e2", "e4", "e5"])
        #expect(state.selectedEntryID == e2)
        #expect(state.selectedPosition == 1)
        send(&state, .character("u"))
        #expect(state.listedCount == 6)
        #expect(state.selectedEntryID == e2)
    }

    @Test("In the unread-only view an entry marked read stays while it is selected")
    func unreadOnlyMarkedWhileShown() {
        var state = makeState(options: ReaderOptions(unreadOnly: true))
        #expect(state.listedCount == 6)
        send(&state, .character("j"))
        _ = Reducer.reduce(&state, .markTimerFired(e1))
        #expect(state.listedCount == 6)
        send(&state, .character("k"))
        #expect(state.listedEntryIDs.map(\.rawValue) == ["e0", "e2", "e3", "e4", "e5"])
        #expect(state.selectedEntryID == e0)
        send(&state, .character("A"))
        #expect(state.listedEntryIDs == [e0])
    }

    @Test("--unread starts in the unread-only view")
    func startUnreadOnly() {
        let state = makeState(marks: [e0, e1], options: ReaderOptions(unreadOnly: true))
        #expect(state.listedEntryIDs.map(\.rawValue) == ["e2", "e3", "e4", "e5"])
        #expect(state.selectedEntryID == e2)
    }

    // MARK: Next unread

    @Test("U jumps to the next unread entry, wrapping to the top")
    func nextUnread() {
        var state = makeState(marks: [e1, e2, EntryID("e4"), EntryID("e5")])
        send(&state, .character("U"))
        #expect(state.selectedEntryID == e3)
        send(&state, .character("U"))
        #expect(state.selectedEntryID == e0)
        send(&state, .character("m"), .character("U"))
        #expect(state.selectedEntryID == e3)
        send(&state, .character("m"), .character("U"))
        #expect(state.message?.text == "No unread entries")
    }
}
