import Dispatch
import Foundation
import LiveBlogCore
import Testing

@testable import LiveBlogStore

@Suite("SQLite read-mark store")
struct SQLiteReadMarkStoreTests {
    @Test("Migrations create the schema, and re-opening leaves it as it was")
    func migrationsAreIdempotent() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/state.sqlite"
            let schemaQuery = "SELECT sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name"
            let first = try SQLiteReadMarkStore(path: path)
            let schema = try first.writerQuery(schemaQuery)
            let migrations = try first.writerQuery("SELECT identifier FROM grdb_migrations")
            #expect(
                schema.contains { $0.hasPrefix("CREATE TABLE blogs") && $0.contains("identity TEXT NOT NULL UNIQUE") })
            #expect(
                schema.contains { $0.hasPrefix("CREATE TABLE marks") && $0.contains("PRIMARY KEY (blogId, entryId)") })
            #expect(migrations == ["v1-blogs-and-marks", "v2-reader-state", "v3-seen-entries"])
            try first.close()

            let second = try SQLiteReadMarkStore(path: path)
            #expect(try second.writerQuery(schemaQuery) == schema)
            #expect(try second.writerQuery("SELECT identifier FROM grdb_migrations") == migrations)
        }
    }

    @Test("The file uses WAL, full fsync on commit, a busy timeout and foreign keys")
    func connectionSettings() throws {
        try withTemporaryDirectory { directory in
            let store = try SQLiteReadMarkStore(path: directory + "/state.sqlite")
            #expect(try store.writerQuery("PRAGMA journal_mode") == ["wal"])
            #expect(try store.writerQuery("PRAGMA synchronous") == ["2"])  // FULL
            #expect(try store.writerQuery("PRAGMA busy_timeout") == ["5000"])
            #expect(try store.writerQuery("PRAGMA foreign_keys") == ["1"])
        }
    }

    @Test("Marks and blogs survive closing and re-opening the file")
    func marksSurviveReopening() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/state.sqlite"
            let blog: BlogKey
            do {
                let store = try SQLiteReadMarkStore(path: path)
                blog = try store.registerBlog(identity: "/a.txt", title: "A", at: monday)
                try store.setRead(entryIDs("e", 5), read: true, at: monday, for: blog)
                try store.setRead([EntryID("e4")], read: false, at: monday, for: blog)
                try store.close()
            }
            let reopened = try SQLiteReadMarkStore(path: path)
            #expect(try reopened.blog(identity: "/a.txt")?.key == blog)
            #expect(Set(try reopened.readMarks(for: blog).keys) == Set(entryIDs("e", 4)))
        }
    }

    @Test("A second store on the same file sees marks as soon as the first store's call returns")
    func marksAreVisibleAcrossConnections() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/state.sqlite"
            let writer = try SQLiteReadMarkStore(path: path)
            let reader = try SQLiteReadMarkStore(path: path)
            let blog = try writer.registerBlog(identity: "/a.txt", title: "A", at: monday)
            #expect(try reader.readMarks(for: blog).isEmpty)
            try writer.setRead([EntryID("x")], read: true, at: monday, for: blog)
            #expect(Array(try reader.readMarks(for: blog).keys) == [EntryID("x")])
        }
    }

    @Test("Two stores on one file writing from two threads keep all 1000 marks")
    func concurrentWriters() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/state.sqlite"
            let stores = [try SQLiteReadMarkStore(path: path), try SQLiteReadMarkStore(path: path)]
            let keys = ConcurrentBox<BlogKey>()
            let errors = ConcurrentBox<String>()
            DispatchQueue.concurrentPerform(iterations: 2) { writer in
                do {
                    let store = stores[writer]
                    let blog = try store.registerBlog(identity: "/shared.txt", title: "Shared", at: monday)
                    keys.append(blog)
                    for id in entryIDs("w\(writer)-", 500) {
                        try store.setRead([id], read: true, at: monday, for: blog)
                    }
                } catch {
                    errors.append("\(error)")
                }
            }
            #expect(errors.all.isEmpty)
            let blog = try #require(keys.all.first)
            #expect(Set(keys.all) == [blog])
            let marks = try SQLiteReadMarkStore(path: path).readMarks(for: blog)
            #expect(Set(marks.keys) == Set(entryIDs("w0-", 500) + entryIDs("w1-", 500)))
        }
    }

    @Test("Several stores opening a new file at the same moment all migrate it without error")
    func concurrentFirstOpen() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/state.sqlite"
            let errors = ConcurrentBox<String>()
            let stores = ConcurrentBox<SQLiteReadMarkStore>()
            DispatchQueue.concurrentPerform(iterations: 4) { _ in
                do {
                    stores.append(try SQLiteReadMarkStore(path: path))
                } catch {
                    errors.append("\(error)")
                }
            }
            #expect(errors.all.isEmpty)
            #expect(stores.all.count == 4)
            let migrations = try stores.all.first?.writerQuery("SELECT identifier FROM grdb_migrations")
            #expect(migrations == ["v1-blogs-and-marks", "v2-reader-state", "v3-seen-entries"])
        }
    }
}
