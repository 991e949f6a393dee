import Foundation
import LiveBlogCore
import Testing

@testable import LiveBlogTUI

/// The blog list, the river and the moves between them, through `ShelfReducer` alone.
@Suite struct ShelfReducerTests {
    /// A blog of `count` posts, newest first, at minutes `offset + 10·k` (or without a moment when `floating`).
    static func blog(_ name: String, count: Int, offset: Int, floating: Bool = false) -> LiveBlog {
        let base = Date(timeIntervalSince1970: 1_800_000_000)
        return LiveBlog(
            title: "\(name) live",
            entries: (0..<count).reversed().map { k in
                Entry(
                    id: EntryID("p\(k)"), time: "10:\(offset + 10 * k)",
                    timestamp: floating ? nil : base + Double(60 * (offset + 10 * k)),
                    headline: "\(name) post \(k)", paragraphs: ["Text \(k) of \(name)."])
            })
    }

    /// Three blogs loaded (the third tagged `sport`), the screen sized, the mark timer off.
    static func shelf() -> ShelfState {
        var state = ShelfState(
            blogs: [
                ShelfBlog(name: "North desk", tags: ["news"], source: "a"),
                ShelfBlog(name: "South desk", tags: ["news"], source: "b"),
                ShelfBlog(name: "Match centre", tags: ["sport"], source: "c"),
            ],
            options: ReaderOptions(markAfter: nil, timeZone: TimeZone(identifier: "UTC")!))
        _ = ShelfReducer.reduce(&state, .resized(TerminalSize(rows: 30, columns: 120)))
        for (b, offset) in [(0, 0), (1, 5)] {
            _ = ShelfReducer.reduce(
                &state,
                .loaded(b, blog(["North", "South"][b], count: 3, offset: offset), readMarks: [], newSinceLastLook: []))
        }
        _ = ShelfReducer.reduce(
            &state, .loaded(2, blog("Match", count: 2, offset: 1, floating: true), readMarks: [], newSinceLastLook: []))
        return state
    }

    static func keys(_ state: inout ShelfState, _ keys: Key...) -> [ShelfEffect] {
        keys.flatMap { ShelfReducer.reduce(&state, .key($0)) }
    }

    @Test("The river merges every blog newest first; a blog without moments keeps its own order")
    func riverOrder() {
        var state = Self.shelf()
        _ = Self.keys(&state, .character("v"))
        #expect(state.view == .river)
        let headlines = state.riverReader!.listedEntryIDs.map { id in
            state.riverReader!.blog.entries.first { $0.id == id }!.headline!
        }
        #expect(
            Array(headlines.prefix(6)) == [
                "South post 2", "North post 2", "South post 1", "North post 1", "South post 0", "North post 0",
            ])
        #expect(Array(headlines.suffix(2)) == ["Match post 1", "Match post 0"])
        let frame = ShelfRenderer.render(state, size: state.size)
        #expect(frame.text.contains("River — 3 blogs"))
        #expect(frame.text.contains("South"))
    }

    @Test("A mark made in the river is saved for its blog and shows there; one made in the blog shows in the river")
    func marksBothWays() {
        var state = Self.shelf()
        _ = Self.keys(&state, .character("v"))
        let effects = Self.keys(&state, .character("m"))
        #expect(effects.contains(.persist(1, [EntryID("p2")], read: true)))
        #expect(state.blogs[1].unreadCount == 2)
        #expect(state.riverReader!.unreadCount == 7)

        _ = Self.keys(&state, .character("q"))
        #expect(state.view == .blogs)
        _ = Self.keys(&state, .enter)
        #expect(state.view == .blog(0))
        let made = Self.keys(&state, .character("m"))
        #expect(made.contains(.persist(0, [EntryID("p2")], read: true)))
        _ = Self.keys(&state, .character("v"))
        #expect(state.riverReader!.unreadCount == 6)
        let id = River.riverID(blog: 0, EntryID("p2"))
        #expect(state.riverReader!.isRead(id))
    }

    @Test("] and [ open the next and previous blog with unread entries; A marks a whole blog, X undoes it")
    func jumpsAndMarkAll() {
        var state = Self.shelf()
        let marked = Self.keys(&state, .character("j"), .character("A"))
        #expect(marked == [.persist(1, [EntryID("p2"), EntryID("p1"), EntryID("p0")], read: true)])
        #expect(state.blogs[1].unreadCount == 0)
        _ = Self.keys(&state, .character("g"), .character("]"))
        // South has nothing unread: the jump goes past it.
        #expect(state.view == .blog(2))
        _ = Self.keys(&state, .character("["))
        #expect(state.view == .blog(0))
        _ = Self.keys(&state, .character("h"))
        #expect(state.view == .blogs)
        _ = Self.keys(&state, .character("j"))
        let undone = Self.keys(&state, .character("X"))
        #expect(undone == [.persist(1, [EntryID("p2"), EntryID("p1"), EntryID("p0")], read: false)])
        #expect(state.blogs[1].unreadCount == 3)
    }

    @Test(":tag filters the list and the river; an unknown tag is refused with the known ones")
    func tagFilter() {
        var state = Self.shelf()
        _ = Self.keys(&state, .character(":"), .character("t"), .character("a"), .character("g"), .character(" "))
        _ = Self.keys(
            &state, .character("s"), .character("p"), .character("o"), .character("r"), .character("t"), .enter)
        #expect(state.shownBlogs == [2])
        _ = Self.keys(&state, .character("v"))
        #expect(state.riverReader!.blog.entries.count == 2)
        _ = Self.keys(&state, .character(":"), .character("t"), .character("a"), .character("g"), .character(" "))
        _ = Self.keys(&state, .character("x"), .enter)
        #expect(state.riverReader!.message?.text.contains("No blog is tagged x; tags: news, sport") == true)
        _ = Self.keys(&state, .character(":"), .character("t"), .character("a"), .character("g"), .enter)
        #expect(state.riverReader!.blog.entries.count == 8)
    }

    @Test("Arrivals are new per blog and in the river; a failing blog keeps its row and says since when")
    func arrivalsAndFailures() {
        var state = Self.shelf()
        var newer = Self.blog("North", count: 5, offset: 0)
        newer.title = "North live"
        let effects = ShelfReducer.reduce(&state, .updated(0, newer))
        #expect(effects.contains(.announce(0, [EntryID("p4"), EntryID("p3")])))
        #expect(state.blogs[0].newCount == 2)
        let since = Date(timeIntervalSince1970: 1_800_003_000)
        _ = ShelfReducer.reduce(&state, .failed(1, "HTTP 503 Service Unavailable", at: since))
        _ = ShelfReducer.reduce(&state, .failed(1, "HTTP 503 Service Unavailable", at: since + 60))
        #expect(state.blogs[1].failure?.since == since)
        let text = ShelfRenderer.render(state, size: state.size).text
        #expect(text.contains("▲ 2 new"))
        #expect(text.contains("HTTP 503 Service Unavailable since 08:50"))
        #expect(text.contains("South desk"))
        // Opening a blog that never loaded says why instead.
        var fresh = ShelfState(blogs: [ShelfBlog(name: "Dead", source: "x")], options: ReaderOptions())
        _ = ShelfReducer.reduce(&fresh, .failed(0, "no such file", at: since))
        _ = Self.keys(&fresh, .enter)
        #expect(fresh.view == .blogs)
        #expect(fresh.message?.text == "Dead: no such file")
        // Looking at the blog and leaving it: nothing there is new any more.
        _ = Self.keys(&state, .enter, .character("q"))
        #expect(state.blogs[0].newCount == 0)
    }
}

extension ShelfReducerTests {
    @Test("A blog updated while the list is on show opens with its new posts listed")
    func updatedThenOpened() {
        var state = Self.shelf()
        _ = Self.keys(&state, .character("v"))
        _ = ShelfReducer.reduce(&state, .updated(0, Self.blog("North", count: 5, offset: 0)))
        _ = Self.keys(&state, .character("m"), .character("q"))
        #expect(state.blogs[0].reader!.blog.entries.count == 5)
        _ = Self.keys(&state, .enter)
        #expect(state.view == .blog(0))
        #expect(state.currentReader!.listedEntryIDs.first == EntryID("p4"))
        #expect(ShelfRenderer.render(state, size: state.size).text.contains("North post 4"))
    }
}

extension ShelfReducerTests {
    @Test("The blog list has the reader's help screen and command line: ? shows the keys, q closes it, :river runs")
    func helpAndCommandsInTheList() {
        var state = Self.shelf()
        _ = Self.keys(&state, .character("?"))
        #expect(ShelfRenderer.render(state, size: state.size).text.contains("Moving"))
        _ = Self.keys(&state, .character("G"))
        let help = ShelfRenderer.render(state, size: state.size).text
        #expect(help.contains("Several blogs"))
        #expect(help.contains("Open the next blog with unread entries"))
        let closed = Self.keys(&state, .character("q"))
        #expect(!closed.contains(.quit))
        #expect(ShelfRenderer.render(state, size: state.size).text.contains("Blogs — 3 blogs"))
        _ = Self.keys(&state, .character(":"), .character("r"), .character("i"), .character("v"))
        #expect(ShelfRenderer.render(state, size: state.size).text.contains(":riv"))
        _ = Self.keys(&state, .character("e"), .character("r"), .enter)
        #expect(state.view == .river)
        // `/` in the list searches every blog: it opens the river's prompt.
        _ = Self.keys(&state, .character("h"), .character("/"))
        #expect(state.view == .river)
        #expect(state.currentReader?.promptText == "")
        let quit = Self.keys(&state, .escape, .character("q"), .control("c"))
        #expect(quit.contains(.quit))
    }
}

extension ShelfReducerTests {
    @Test("Last session's rows stand, dimmed and 'checking…', until each blog is read; they round-trip as text")
    func rememberedRows() {
        var far = ShelfBlog(name: "Far desk", source: "https://far.example/live")
        far.remembered = .init(unread: 12, new: 3, newest: "14:05")
        var state = ShelfState(blogs: [far], options: ReaderOptions(timeZone: TimeZone(identifier: "UTC")!))
        _ = ShelfReducer.reduce(&state, .resized(TerminalSize(rows: 10, columns: 100)))
        let row = ShelfRenderer.render(state, size: state.size).text.split(separator: "\n")[1]
        #expect(
            row.contains("12 unread") && row.contains("▲ 3 new") && row.contains("14:05") && row.contains("checking…"))
        let text = ShelfBlog.Remembered.encode(["a": .init(unread: 1, new: 0, newest: nil), "b": far.remembered!])
        #expect(
            ShelfBlog.Remembered.decode(text + "\nbroken line") == [
                "a": .init(unread: 1, new: 0, newest: nil), "b": far.remembered!,
            ])
        _ = ShelfReducer.reduce(
            &state, .loaded(0, Self.blog("Far", count: 2, offset: 0), readMarks: [], newSinceLastLook: []))
        #expect(state.rowsToRemember["https://far.example/live"]?.unread == 2)
        #expect(!ShelfRenderer.render(state, size: state.size).text.contains("checking…"))
    }
}

extension ShelfReducerTests {
    @Test("The mark timer starts for the entry on show each time a blog is opened, and stops when it is left")
    func markTimerAcrossVisits() {
        var state = ShelfState(
            blogs: [ShelfBlog(name: "North desk", source: "a")],
            options: ReaderOptions(markAfter: 2, timeZone: TimeZone(identifier: "UTC")!))
        _ = ShelfReducer.reduce(&state, .resized(TerminalSize(rows: 30, columns: 120)))
        _ = ShelfReducer.reduce(
            &state, .loaded(0, Self.blog("North", count: 3, offset: 0), readMarks: [], newSinceLastLook: []))
        #expect(Self.keys(&state, .enter).contains(.reader(.startMarkTimer(EntryID("p2")))))
        #expect(Self.keys(&state, .character("q")).contains(.reader(.cancelMarkTimer)))
        #expect(Self.keys(&state, .enter).contains(.reader(.startMarkTimer(EntryID("p2")))))
        let fired = ShelfReducer.reduce(&state, .reader(.markTimerFired(EntryID("p2"))))
        #expect(fired.contains(.persist(0, [EntryID("p2")], read: true)))
    }
}

extension ShelfReducerTests {
    @Test("River labels tell the blogs apart: the first word, or as many as it takes, kept short")
    func shortNames() {
        #expect(ShelfBlog.shortNames(for: ["Blog 17", "Blog 18", "Storm Ada"]) == ["Blog 17", "Blog 18", "Storm"])
        #expect(
            ShelfBlog.shortNames(for: ["Election night US", "Election night UK", "Weather"])
                == ["Election US", "Election UK", "Weather"])
        #expect(ShelfBlog.shortNames(for: ["Extraordinarily long name"]) == ["Extraordina…"])
        #expect(ShelfBlog.shortNames(for: ["", "x"]) == ["", "x"])
    }
}
