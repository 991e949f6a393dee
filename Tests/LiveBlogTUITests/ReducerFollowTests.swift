import Foundation
import LiveBlogCore
import Testing

@testable import LiveBlogTUI

/// Updates of a followed source: merged by entry id without moving what the user is reading.
struct ReducerFollowTests {
    /// The small fixture with `count` new entries on top, newest first.
    private func grown(_ count: Int, from blog: LiveBlog = Fixture.small) -> LiveBlog {
        var blog = blog
        for i in 0..<count {
            blog.entries.insert(
                Entry(id: EntryID("new\(i)"), time: "17:0\(i)", headline: "New entry \(i)", paragraphs: ["Fresh."]),
                at: 0)
        }
        return blog
    }

    /// The screen row (0-based, title included) the list shows `headline` on.
    private func row(of headline: String, in state: ReaderState) -> Int? {
        screen(state).split(separator: "\n", omittingEmptySubsequences: false).firstIndex {
            $0.contains(headline) && $0.contains("│")
        }
    }

    @Test("New entries keep the selected entry on its screen row with its scroll; the marker and status count them")
    func arrivalsKeepTheRow() {
        var state = makeState(size: TerminalSize(rows: 20, columns: 100))
        send(&state, .character("j"), .character("j"))
        let before = row(of: "Second ash column", in: state)
        let effects = Reducer.reduce(&state, .updated(grown(2)))
        #expect(effects == [.announce([EntryID("new1"), EntryID("new0")])])
        #expect(state.selectedEntryID == EntryID("e2"))
        #expect(row(of: "Second ash column", in: state) == before)
        #expect(state.newCount == 2)
        let text = screen(state)
        #expect(text.contains("▲ 2 new"))
        #expect(text.split(separator: "\n").last?.contains("2 new") == true)
        #expect(!text.contains("New entry 0"), "the arrivals are above the rows on screen")
    }

    @Test("The new-entries badge has its own place at the end of the title line: a long title is cut before it")
    func badgeDoesNotCoverTheTitle() {
        var blog = Fixture.small
        blog.title = "A title long enough to reach across the whole width of this narrow screen and on past it"
        blog.standfirst = nil
        var state = makeState(blog, size: TerminalSize(rows: 20, columns: 60))
        _ = Reducer.reduce(&state, .updated(grown(2, from: blog)))
        let title = screen(state).split(separator: "\n", omittingEmptySubsequences: false)[0]
        #expect(title.hasSuffix(" ▲ 2 new"), "the screen helper trims the trailing space")
        #expect(title.hasPrefix("A title long enough"))
        // Every word before the badge is the title's own, in order: nothing of it is painted over.
        var shown = Substring(title.dropLast(" ▲ 2 new".count))
        while shown.last == " " || shown.last == "…" { shown = shown.dropLast() }
        #expect(blog.title.hasPrefix(shown))
    }

    @Test("While following, the status line says when the source was checked and when it is checked next")
    func followingIsVisible() {
        let utc = TimeZone(identifier: "UTC")!
        var state = makeState(options: ReaderOptions(timeZone: utc), size: TerminalSize(rows: 20, columns: 120))
        let status = { (s: ReaderState) in String(screen(s).split(separator: "\n").last ?? "") }
        #expect(!status(state).contains("following"), "not followed: nothing said")
        send(&state, .character("F"))
        #expect(state.isFollowing)
        let checked = Date(timeIntervalSince1970: 12 * 3600 + 41 * 60)
        _ = Reducer.reduce(&state, .followChecked(FollowStatus(checked: checked, next: checked + 60)))
        #expect(status(state).contains("following · checked 12:41 · next 12:42"))
        _ = Reducer.reduce(&state, .followChecked(FollowStatus(checked: checked, next: checked + 120, isOffline: true)))
        #expect(status(state).contains("offline · retrying 12:43"))
        send(&state, .character("F"))
        #expect(!status(state).contains("offline"), "following turned off: the indicator goes")
    }

    @Test("The jump key selects the newest entry and nothing stays new")
    func jumpToNewest() {
        var state = makeState()
        send(&state, .character("j"), .character("j"))
        _ = Reducer.reduce(&state, .updated(grown(3)))
        send(&state, .character("."))
        #expect(state.selectedEntryID == EntryID("new2"))
        #expect(state.selectedPosition == 0)
        #expect(state.newCount == 0)
        #expect(!screen(state).contains("▲"))
    }

    @Test("An entry shown is no longer new, but stays unread")
    func shownIsNotNew() {
        var state = makeState()
        _ = Reducer.reduce(&state, .updated(grown(2)))
        #expect(state.newCount == 2)
        send(&state, .character("g"))
        #expect(state.newCount == 1)
        #expect(state.unreadCount == 8)
    }

    @Test("An edited entry keeps its read mark and gets the edited badge")
    func editedKeepsMark() {
        var state = makeState(marks: [EntryID("e1")])
        var blog = Fixture.small
        blog.entries[1].paragraphs.append("Update: a second vent has opened.")
        let effects = Reducer.reduce(&state, .updated(blog))
        #expect(effects.isEmpty)
        #expect(state.isRead(EntryID("e1")))
        #expect(state.isEdited(EntryID("e1")))
        #expect(state.unreadCount == 5)
        #expect(state.message?.text == "Updated: 1 edited")
        #expect(screen(state).contains("✎ Observatory"))
        send(&state, .character("j"))
        #expect(screen(state).contains("edited"))
    }

    @Test("A removed entry disappears and the selection moves to its neighbour")
    func removedMovesSelection() {
        var state = makeState()
        send(&state, .character("j"), .character("j"))
        var blog = Fixture.small
        blog.entries.remove(at: 2)
        _ = Reducer.reduce(&state, .updated(blog))
        #expect(state.selectedEntryID == EntryID("e3"))
        #expect(!state.listedEntryIDs.contains(EntryID("e2")))
    }

    @Test("An empty or unrelated version is refused, the list kept, and the status line says so")
    func brokenVersionKept() {
        var state = makeState()
        _ = Reducer.reduce(&state, .updated(LiveBlog(title: "Service unavailable")))
        #expect(state.listedCount == 6)
        #expect(state.followNote?.text.contains("Kept the last good version") == true)
        #expect(screen(state).contains("Kept the last good version"))
        _ = Reducer.reduce(&state, .updated(grown(1)))
        #expect(state.followNote == nil)
        #expect(state.listedCount == 7)
    }

    @Test("F switches following and asks the loop to start or stop")
    func toggleFollow() {
        var state = makeState()
        state.startFollowing(false)
        #expect(send(&state, .character("F")) == [.setFollowing(true)])
        #expect(state.isFollowing)
        #expect(send(&state, .character("F")) == [.setFollowing(false)])
    }

    @Test("Entries that arrived since the last session start as new, unless read")
    func newSinceLastTime() {
        var state = makeState(marks: [EntryID("e4")])
        state.startFollowing(true, newSinceLastTime: [EntryID("e0"), EntryID("e3"), EntryID("e4")])
        // e0 is shown at once, so only e3 is still new.
        #expect(state.newEntryIDs == [EntryID("e3")])
    }
}

/// A post known by its headline, whose headline is edited while followed.
struct ReducerRetitleTests {
    @Test("An edited headline keeps the entry's read mark (saved under its new id) and badge, and is not new")
    func retitledKeepsMark() {
        let body = "The weather office has lifted its warning for the northern coast this afternoon."
        var blog = Fixture.small
        blog.entries[1] = Entry(id: EntryID("w1"), time: "16:21", headline: "Warning lifted", paragraphs: [body])
        var state = makeState(blog, marks: [EntryID("w1")])
        blog.entries[1] = Entry(
            id: EntryID("w2"), time: "16:21", headline: "Warning lifted for the coast", paragraphs: [body])
        let effects = Reducer.reduce(&state, .updated(blog))
        #expect(effects == [.persistReadMarks([EntryID("w2")], read: true)])
        #expect(state.isRead(EntryID("w2")))
        #expect(state.isEdited(EntryID("w2")))
        #expect(state.newCount == 0)
    }
}

/// Where `.` goes when the page runs oldest first (a log, a growing pipe).
struct ReducerNewestTests {
    static func chronological(_ count: Int) -> LiveBlog {
        LiveBlog(
            title: "Log",
            entries: (0..<count).map {
                Entry(
                    id: EntryID("c\($0)"), time: "10:\(String(format: "%02d", $0))", headline: "Post \($0)",
                    paragraphs: ["Text."])
            })
    }

    @Test("Arrivals appended at the bottom: . goes to the last of them")
    func appended() {
        var state = makeState(Self.chronological(3))
        _ = Reducer.reduce(&state, .updated(Self.chronological(5)))
        send(&state, .character("."))
        #expect(state.selectedEntryID == EntryID("c4"))
    }

    @Test("Nothing new on a page whose times run oldest first: . goes to the bottom")
    func ascendingTimes() {
        var state = makeState(Self.chronological(4))
        send(&state, .character("."))
        #expect(state.selectedEntryID == EntryID("c3"))
    }
}
