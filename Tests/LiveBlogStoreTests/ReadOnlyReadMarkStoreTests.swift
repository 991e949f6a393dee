import Foundation
import GRDB
import LiveBlogCore
import Testing

@testable import LiveBlogStore

@Suite("A state file that can be read but not written")
struct ReadOnlyReadMarkStoreTests {
    @Test("The marks are read, as the file has them; every change throws with the reason")
    func readsMarksRefusesWrites() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/state.sqlite"
            do {
                let store = try SQLiteReadMarkStore(path: path)
                let blog = try store.registerBlog(identity: "/a.txt", title: "A")
                try store.setRead([EntryID("e1"), EntryID("e2")], read: true, for: blog)
                try store.close()
            }
            let before = FileManager.default.contents(atPath: path)
            let store = try ReadOnlyReadMarkStore(path: path, reason: "disk full")
            let key = try store.registerBlog(identity: "/a.txt", title: "A")
            #expect(Set(try store.readMarks(for: key).keys) == [EntryID("e1"), EntryID("e2")])
            let unknown = try store.registerBlog(identity: "/new.txt", title: "New")
            #expect(try store.readMarks(for: unknown).isEmpty)
            #expect(throws: StoreError.self) { try store.setRead([EntryID("e3")], read: true, for: key) }
            do { try store.setRead([EntryID("e3")], read: true, for: key) } catch let error as StoreError {
                #expect(error.description == "cannot use state file \(path): it can only be read (disk full)")
            }
            #expect(FileManager.default.contents(atPath: path) == before)
        }
    }

    @Test("Another program's database is refused here too")
    func refusesForeign() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/other.db"
            try DatabaseQueue(path: path).write { try $0.execute(sql: "CREATE TABLE notes (body TEXT)") }
            #expect(throws: StoreError.self) { try ReadOnlyReadMarkStore(path: path, reason: "disk full") }
        }
    }
}
