import Foundation
import LiveBlogCore
import Testing

@testable import LiveBlogStore

/// `forgetBlog`: what `liveblog remove --forget` deletes, and what it leaves.
@Suite("Forgetting a blog")
struct ForgetBlogTests {
    @Test(
        "The blog, its marks, seen entries and reader state go; other blogs and shared state stay",
        arguments: StoreKind.allCases)
    func forgetsOneBlog(kind: StoreKind) throws {
        try kind.withStore { store in
            let gone = try store.registerBlog(identity: "url:https://a.example/live", title: "A", at: monday)
            let kept = try store.registerBlog(identity: "/b.txt", title: "B", at: monday)
            for blog in [gone, kept] {
                try store.setRead(entryIDs("r", 2), read: true, at: monday, for: blog)
                try store.recordSeen(entryIDs("s", 3), at: monday, for: blog)
                try store.setReaderState("{\"selected\":1}", "session", for: blog)
            }
            try store.setReaderState("[\"ferry\"]", "search-history", for: nil)

            #expect(try store.forgetBlog(identity: "url:https://a.example/live"))
            #expect(try store.blog(identity: "url:https://a.example/live") == nil)
            #expect(try store.readerState("session", for: gone) == nil)
            #expect(throws: StoreError.self) { try store.readMarks(for: gone) }
            // Its entries no longer make another blog "the same blog".
            #expect(try store.blog(sharingEntries: entryIDs("s", 3))?.identity == "/b.txt")

            #expect(try store.readMarks(for: kept).count == 2)
            #expect(try store.seenEntries(for: kept).count == 5)
            #expect(try store.readerState("session", for: kept) != nil)
            #expect(try store.readerState("search-history", for: nil) == "[\"ferry\"]")

            #expect(try store.forgetBlog(identity: "url:https://a.example/live") == false)
            #expect(try store.forgetBlog(identity: "never-seen") == false)
            // Registered again, it starts empty.
            let again = try store.registerBlog(identity: "url:https://a.example/live", title: "A", at: tuesday)
            #expect(try store.readMarks(for: again).isEmpty)
            #expect(try store.seenEntries(for: again).isEmpty)
            #expect(try store.readerState("session", for: again) == nil)
        }
    }

    @Test("SQLite: no row of the blog is left in any table")
    func noRowsLeft() throws {
        try withTemporaryDirectory { directory in
            let store = try SQLiteReadMarkStore(path: directory + "/state.sqlite")
            let blog = try store.registerBlog(identity: "/a.txt", title: "A", at: monday)
            try store.setRead(entryIDs("r", 2), read: true, at: monday, for: blog)
            try store.recordSeen(entryIDs("s", 2), at: monday, for: blog)
            try store.setReaderState("x", "session", for: blog)
            #expect(try store.forgetBlog(identity: "/a.txt"))
            for table in ["blogs", "marks", "seen", "readerState"] {
                #expect(try store.writerQuery("SELECT COUNT(*) FROM \(table)") == ["0"], "\(table)")
            }
            try store.close()
        }
    }

    @Test("A read-only state file refuses to forget, as it refuses every change")
    func readOnlyRefuses() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/state.sqlite"
            do {
                let store = try SQLiteReadMarkStore(path: path)
                _ = try store.registerBlog(identity: "/a.txt", title: "A")
                try store.close()
            }
            let store = try ReadOnlyReadMarkStore(path: path, reason: "disk full")
            #expect(throws: StoreError.self) { try store.forgetBlog(identity: "/a.txt") }
            #expect(try store.blog(identity: "/a.txt") != nil)
        }
    }
}
