import Foundation
import GRDB
import LiveBlogCore
import Testing

@testable import LiveBlogStore

/// Entries seen per blog, and finding a blog by the entries it shares (a copy, a re-saved page).
struct SeenEntriesTests {
    @Test("Seen entries are kept per blog, with marked ones counted as seen", arguments: StoreKind.allCases)
    func seen(_ kind: StoreKind) throws {
        try kind.withStore { store in
            let blog = try store.registerBlog(identity: "/tmp/a.txt", title: "A")
            try store.recordSeen(entryIDs("a", 3), at: Date(), for: blog)
            try store.setRead([EntryID("z")], read: true, for: blog)
            #expect(try store.seenEntries(for: blog) == Set(entryIDs("a", 3) + [EntryID("z")]))
        }
    }

    @Test("A blog is found by the entries it shares, not by a stray one", arguments: StoreKind.allCases)
    func sharing(_ kind: StoreKind) throws {
        try kind.withStore { store in
            let a = try store.registerBlog(identity: "/tmp/a.txt", title: "A")
            let b = try store.registerBlog(identity: "/tmp/b.txt", title: "B")
            try store.recordSeen(entryIDs("a", 10), at: Date(), for: a)
            try store.recordSeen(entryIDs("b", 10) + [EntryID("a0")], at: Date(), for: b)
            // A copy that grew by five entries.
            #expect(try store.blog(sharingEntries: entryIDs("a", 10) + entryIDs("n", 5))?.key == a)
            // Another blog that shares one entry with A is not A.
            #expect(try store.blog(sharingEntries: entryIDs("c", 10) + [EntryID("a1")]) == nil)
            #expect(try store.blog(sharingEntries: []) == nil)
        }
    }

    @Test("A state file from before seen entries is migrated: its marks are seen, none is lost")
    func migration() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/state.sqlite"
            // Schema version 1 as shipped, with one blog and two marks.
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in
                try db.execute(
                    sql: """
                        CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
                        INSERT INTO grdb_migrations VALUES ('v1-blogs-and-marks');
                        CREATE TABLE blogs (id INTEGER PRIMARY KEY, identity TEXT NOT NULL UNIQUE, title TEXT NOT NULL,
                                            firstOpened INTEGER NOT NULL, lastOpened INTEGER NOT NULL);
                        CREATE TABLE marks (blogId INTEGER NOT NULL REFERENCES blogs (id) ON DELETE CASCADE,
                                            entryId TEXT NOT NULL, readAt INTEGER NOT NULL, PRIMARY KEY (blogId, entryId)) WITHOUT ROWID;
                        INSERT INTO blogs VALUES (1, '/old/path.txt', 'Old', 0, 0);
                        INSERT INTO marks VALUES (1, 'aaa', 5), (1, 'bbb', 6);
                        """)
            }
            try queue.close()
            let store = try SQLiteReadMarkStore(path: path)
            let blog = try #require(try store.blog(sharingEntries: [EntryID("aaa"), EntryID("bbb"), EntryID("ccc")]))
            #expect(blog.identity == "/old/path.txt")
            #expect(Set(try store.readMarks(for: blog.key).keys) == [EntryID("aaa"), EntryID("bbb")])
            #expect(try store.seenEntries(for: blog.key) == [EntryID("aaa"), EntryID("bbb")])
        }
    }
}
