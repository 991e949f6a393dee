import Foundation
import LiveBlogCore
import Testing

@testable import LiveBlogStore

/// The contract of `ReadMarkStore`, run against both the SQLite store and its in-memory twin.
@Suite("Read-mark store behaviour (SQLite and in-memory alike)")
struct ReadMarkStoreBehaviourTests {
    @Test("Marks, unmarks and reads back read marks", arguments: StoreKind.allCases)
    func roundTrip(kind: StoreKind) throws {
        try kind.withStore { store in
            let blog = try store.registerBlog(identity: "/news/blog.txt", title: "Blog", at: monday)
            #expect(try store.readMarks(for: blog).isEmpty)

            try store.setRead(entryIDs("e", 3), read: true, at: monday, for: blog)
            #expect(
                try store.readMarks(for: blog) == [
                    EntryID("e0"): StoredTime.normalized(monday),
                    EntryID("e1"): StoredTime.normalized(monday),
                    EntryID("e2"): StoredTime.normalized(monday),
                ])

            try store.setRead([EntryID("e1")], read: false, at: tuesday, for: blog)
            #expect(Set(try store.readMarks(for: blog).keys) == [EntryID("e0"), EntryID("e2")])
        }
    }

    @Test("Marking an entry again keeps the time it was first read", arguments: StoreKind.allCases)
    func markTwiceKeepsFirstTime(kind: StoreKind) throws {
        try kind.withStore { store in
            let blog = try store.registerBlog(identity: "b", title: "B", at: monday)
            try store.setRead([EntryID("a")], read: true, at: monday, for: blog)
            try store.setRead([EntryID("a"), EntryID("a"), EntryID("b")], read: true, at: tuesday, for: blog)
            #expect(
                try store.readMarks(for: blog) == [
                    EntryID("a"): StoredTime.normalized(monday),
                    EntryID("b"): StoredTime.normalized(tuesday),
                ])
        }
    }

    @Test("Unmarking an entry that is not read, or an empty list, changes nothing", arguments: StoreKind.allCases)
    func harmlessNoOps(kind: StoreKind) throws {
        try kind.withStore { store in
            let blog = try store.registerBlog(identity: "b", title: "B", at: monday)
            try store.setRead([EntryID("a")], read: true, at: monday, for: blog)
            try store.setRead([EntryID("never-read")], read: false, at: monday, for: blog)
            try store.setRead([], read: true, at: monday, for: blog)
            try store.setRead([], read: false, at: monday, for: blog)
            #expect(Array(try store.readMarks(for: blog).keys) == [EntryID("a")])
        }
    }

    @Test("Separate blogs keep separate marks", arguments: StoreKind.allCases)
    func separateBlogs(kind: StoreKind) throws {
        try kind.withStore { store in
            let first = try store.registerBlog(identity: "/a.txt", title: "A", at: monday)
            let second = try store.registerBlog(identity: "stdin:A", title: "A", at: monday)
            #expect(first != second)

            try store.setRead([EntryID("same-id"), EntryID("only-first")], read: true, at: monday, for: first)
            try store.setRead([EntryID("same-id")], read: true, at: monday, for: second)
            try store.setRead([EntryID("same-id")], read: false, at: monday, for: second)

            #expect(Set(try store.readMarks(for: first).keys) == [EntryID("same-id"), EntryID("only-first")])
            #expect(try store.readMarks(for: second).isEmpty)
        }
    }

    @Test("Registering records first and last opened and the latest title", arguments: StoreKind.allCases)
    func registration(kind: StoreKind) throws {
        try kind.withStore { store in
            #expect(try store.blog(identity: "/a.txt") == nil)

            let key = try store.registerBlog(identity: "/a.txt", title: "Old title", at: monday)
            let again = try store.registerBlog(identity: "/a.txt", title: "New title", at: tuesday)
            #expect(again == key)

            #expect(
                try store.blog(identity: "/a.txt")
                    == StoredBlog(
                        key: key, identity: "/a.txt", title: "New title",
                        firstOpened: StoredTime.normalized(monday), lastOpened: StoredTime.normalized(tuesday)))
        }
    }

    @Test("Looking up a blog does not register it", arguments: StoreKind.allCases)
    func lookupIsReadOnly(kind: StoreKind) throws {
        try kind.withStore { store in
            _ = try store.blog(identity: "/a.txt")
            #expect(try store.blog(identity: "/a.txt") == nil)
        }
    }

    @Test("A key the store never handed out is refused with a one-line error", arguments: StoreKind.allCases)
    func unknownBlog(kind: StoreKind) throws {
        try kind.withStore { store in
            let stranger = BlogKey(rawValue: 4242)
            let readError = #expect(throws: StoreError.self) { try store.readMarks(for: stranger) }
            #expect(readError?.kind == .unknownBlog)
            #expect(readError?.description.contains("4242") == true)
            let writeError = #expect(throws: StoreError.self) {
                try store.setRead([EntryID("a")], read: true, at: monday, for: stranger)
            }
            #expect(writeError?.kind == .unknownBlog)
            #expect(writeError?.description.contains("\n") == false)
        }
    }

    @Test("Times are kept to the millisecond", arguments: StoreKind.allCases)
    func millisecondTimes(kind: StoreKind) throws {
        try kind.withStore { store in
            let blog = try store.registerBlog(identity: "b", title: "B", at: monday)
            let instant = Date(timeIntervalSince1970: 1_234_567_890.987_654)
            try store.setRead([EntryID("a")], read: true, at: instant, for: blog)
            let stored = try #require(try store.readMarks(for: blog)[EntryID("a")])
            #expect(stored.timeIntervalSince1970 == 1_234_567_890.988)
        }
    }
}

/// Reader state (sessions, search history) kept between runs, the same in both stores.
struct ReaderStateStoreTests {
    @Test(
        "Reader state is kept per blog and for all blogs, replaced, and forgotten with nil", arguments: [true, false])
    func readerState(sqlite: Bool) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lb-rs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store: any ReadMarkStore =
            sqlite ? try SQLiteReadMarkStore(path: directory.path + "/s.sqlite") : InMemoryReadMarkStore()
        let a = try store.registerBlog(identity: "a", title: "A")
        let b = try store.registerBlog(identity: "b", title: "B")
        #expect(try store.readerState("session", for: a) == nil)
        try store.setReaderState("entry=1", "session", for: a)
        try store.setReaderState("entry=2", "session", for: b)
        try store.setReaderState("ash\ncloud", "search-history", for: nil)
        try store.setReaderState("entry=3", "session", for: a)
        #expect(try store.readerState("session", for: a) == "entry=3")
        #expect(try store.readerState("session", for: b) == "entry=2")
        #expect(try store.readerState("search-history", for: nil) == "ash\ncloud")
        #expect(try store.readerState("search-history", for: a) == nil)
        try store.setReaderState(nil, "session", for: a)
        #expect(try store.readerState("session", for: a) == nil)
    }
}
