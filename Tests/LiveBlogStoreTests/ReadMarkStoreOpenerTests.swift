import Foundation
import GRDB
import LiveBlogCore
import Testing

@testable import LiveBlogStore

@Suite("Opening the state file, with fault handling")
struct ReadMarkStoreOpenerTests {
    /// 2023-11-14 22:13:20 UTC.
    let now = Date(timeIntervalSince1970: 1_700_000_000)

    @Test("A healthy file opens without a warning and keeps its marks")
    func healthyFile() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/state.sqlite"
            let first = try ReadMarkStoreOpener.open(path: path)
            #expect(first.warning == nil)
            #expect(first.path == path)
            let blog = try first.store.registerBlog(identity: "/a.txt", title: "A")
            try first.store.setRead([EntryID("e1")], read: true, for: blog)

            let second = try ReadMarkStoreOpener.open(path: path)
            #expect(second.warning == nil)
            #expect(Array(try second.store.readMarks(for: blog).keys) == [EntryID("e1")])
        }
    }

    @Test("Two openers creating the same new file at once both get liveblog's file, never another program's")
    func concurrentCreation() throws {
        for round in 0..<20 {
            try withTemporaryDirectory { directory in
                let path = directory + "/state.sqlite"
                let failures = ConcurrentBox<String>()
                DispatchQueue.concurrentPerform(iterations: 2) { k in
                    do {
                        let opened = try ReadMarkStoreOpener.open(path: path)
                        let blog = try opened.store.registerBlog(identity: "/blog", title: "Blog")
                        try opened.store.setRead([EntryID("e\(k)")], read: true, for: blog)
                    } catch {
                        failures.append("round \(round), opener \(k): \(error)")
                    }
                }
                #expect(failures.all.isEmpty)
                // Nothing of the staging files is left beside the state file.
                let names = try FileManager.default.contentsOfDirectory(atPath: directory)
                #expect(!names.contains { $0.contains(".new-") })
            }
        }
    }

    @Test("Missing directories are created", arguments: ["/a/b/c/state.sqlite", "/deep/"])
    func createsDirectories(relativePath: String) throws {
        try withTemporaryDirectory { directory in
            let path = directory + relativePath + (relativePath.hasSuffix("/") ? "state.sqlite" : "")
            let opened = try ReadMarkStoreOpener.open(path: path)
            #expect(opened.warning == nil)
            #expect(opened.store is SQLiteReadMarkStore)
            #expect(FileManager.default.fileExists(atPath: path))
        }
    }

    /// A file that says it is liveblog's state (SQLite magic, liveblog's application id) but whose pages are garbage.
    static func spoiledStateFile(_ label: String, size: Int = 4096) -> Data {
        var bytes = Array("SQLite format 3\0".utf8) + [UInt8](repeating: 0, count: 84)
        bytes[68...71] = [0x4C, 0x42, 0x4C, 0x47]
        bytes += Array(label.utf8)
        bytes += (0..<max(0, size - bytes.count)).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        return Data(bytes)
    }

    @Test("A liveblog state file SQLite cannot read is moved aside and a fresh store started", arguments: [120, 5000])
    func spoiledFileIsMovedAside(size: Int) throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/state.sqlite"
            let garbage = Self.spoiledStateFile("spoiled", size: size)
            try garbage.write(to: URL(fileURLWithPath: path))
            try Data("stale wal".utf8).write(to: URL(fileURLWithPath: path + "-wal"))

            let opened = try ReadMarkStoreOpener.open(path: path, now: now)

            let movedTo = path + ".corrupt-20231114T221320Z"
            #expect(opened.warning == "state file was corrupt; moved aside to \(movedTo)")
            #expect(FileManager.default.contents(atPath: movedTo) == garbage)
            // SQLite itself deletes a WAL it cannot use when the failed connection closes, so the
            // stale companion is either moved along or gone; it must not sit beside the new file.
            #expect(FileManager.default.contents(atPath: path + "-wal") != Data("stale wal".utf8))
            let blog = try opened.store.registerBlog(identity: "/a.txt", title: "A")
            try opened.store.setRead([EntryID("e1")], read: true, for: blog)
            #expect(Array(try opened.store.readMarks(for: blog).keys) == [EntryID("e1")])
        }
    }

    @Test(
        "A file that is not SQLite (notes, the blog itself) is refused and left untouched, by open and openOrFallBack",
        arguments: [10, 5000])
    func nonSQLiteFileIsLeftAlone(size: Int) throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/notes.txt"
            let notes = Data((0..<size).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) })
            try notes.write(to: URL(fileURLWithPath: path))
            #expect(throws: StoreError.self) { try ReadMarkStoreOpener.open(path: path, now: now) }
            do { _ = try ReadMarkStoreOpener.open(path: path, now: now) } catch let error as StoreError {
                #expect(error.kind == .foreign)
                #expect(
                    error.description
                        == "state file \(path) is not a liveblog state file: not an SQLite database; left untouched")
            }
            let fallBack = ReadMarkStoreOpener.openOrFallBack(path: path, now: now)
            #expect(fallBack.failure?.kind == .foreign)
            #expect(FileManager.default.contents(atPath: path) == notes)
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["notes.txt"])
        }
    }

    @Test("A FIFO as the state path is refused at once, never waited on")
    func fifoIsRefused() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/state.fifo"
            #expect(mkfifo(path, 0o600) == 0)
            do {
                _ = try ReadMarkStoreOpener.open(path: path, now: now)
                Issue.record("a FIFO was opened")
            } catch let error as StoreError {
                #expect(error.kind == .unusable)
            }
            #expect(ReadMarkStoreOpener.openOrFallBack(path: path, now: now).path == nil)
        }
    }

    @Test("Another program's SQLite database is refused and gets no liveblog tables")
    func foreignDatabaseIsLeftAlone() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/other.db"
            do {
                let queue = try DatabaseQueue(path: path)
                try queue.write { db in
                    try db.execute(sql: "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('x')")
                }
                try queue.close()
            }
            let before = FileManager.default.contents(atPath: path)
            do {
                _ = try ReadMarkStoreOpener.open(path: path, now: now)
                Issue.record("a foreign database was opened")
            } catch let error as StoreError {
                #expect(error.kind == .foreign)
            }
            #expect(FileManager.default.contents(atPath: path) == before)
            let tables = try DatabaseQueue(path: path).read {
                try String.fetchAll($0, sql: "SELECT name FROM sqlite_master")
            }
            #expect(tables == ["notes"])
        }
    }

    @Test("A state file from a newer liveblog is refused with its schema version; an older one is taken over")
    func schemaVersions() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/state.sqlite"
            do {
                let store = try SQLiteReadMarkStore(path: path)
                try store.close()
            }
            let stamped = try DatabaseQueue(path: path).read { db in
                (
                    try Int32.fetchOne(db, sql: "PRAGMA application_id"),
                    try Int32.fetchOne(db, sql: "PRAGMA user_version")
                )
            }
            #expect(stamped.0 == StateFileCheck.applicationID && stamped.1 == StateFileCheck.schemaVersion)
            try DatabaseQueue(path: path).write { try $0.execute(sql: "PRAGMA user_version = 99") }
            do {
                _ = try ReadMarkStoreOpener.open(path: path, now: now)
                Issue.record("a newer state file was opened")
            } catch let error as StoreError {
                #expect(error.kind == .newerVersion)
                #expect(error.description.contains("schema version 99"))
            }
            // A file from before the application id (version 0, liveblog's tables) is recognised and stamped.
            try DatabaseQueue(path: path).write { db in
                try db.execute(sql: "PRAGMA user_version = 0")
                try db.execute(sql: "PRAGMA application_id = 0")
            }
            let opened = try ReadMarkStoreOpener.open(path: path, now: now)
            #expect(opened.warning == nil)
        }
    }

    @Test("A database with a damaged page fails its integrity check and is moved aside")
    func damagedPageIsMovedAside() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/state.sqlite"
            do {
                let store = try SQLiteReadMarkStore(path: path)
                let blog = try store.registerBlog(identity: "/a.txt", title: "A")
                try store.setRead(entryIDs("entry-with-a-longish-id-", 2000), read: true, for: blog)
                try store.close()
            }
            let handle = try #require(FileHandle(forWritingAtPath: path))
            try handle.seek(toOffset: 3 * 4096)
            try handle.write(contentsOf: Data(repeating: 0xA5, count: 4096))
            try handle.close()

            let opened = try ReadMarkStoreOpener.open(path: path, now: now)
            #expect(opened.warning == "state file was corrupt; moved aside to \(path).corrupt-20231114T221320Z")
            #expect(try opened.store.blog(identity: "/a.txt") == nil)
        }
    }

    @Test("A second corruption in the same second gets its own name")
    func movedAsideNamesDoNotCollide() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/state.sqlite"
            try Self.spoiledStateFile("garbage one").write(to: URL(fileURLWithPath: path))
            _ = try ReadMarkStoreOpener.open(path: path, now: now)
            // The fresh store has been released; spoil the file again.
            try Self.spoiledStateFile("garbage two").write(to: URL(fileURLWithPath: path))
            try? FileManager.default.removeItem(atPath: path + "-wal")
            try? FileManager.default.removeItem(atPath: path + "-shm")
            let second = try ReadMarkStoreOpener.open(path: path, now: now)
            #expect(second.warning == "state file was corrupt; moved aside to \(path).corrupt-20231114T221320Z-2")
            #expect(
                FileManager.default.contents(atPath: path + ".corrupt-20231114T221320Z")
                    == Self.spoiledStateFile("garbage one"))
        }
    }

    @Test("A path under a regular file cannot be used: open throws, openOrFallBack gives memory and a warning")
    func pathUnderRegularFile() throws {
        try withTemporaryDirectory { directory in
            let blocker = directory + "/not-a-directory"
            try Data("x".utf8).write(to: URL(fileURLWithPath: blocker))
            let path = blocker + "/liveblog/state.sqlite"
            let expected = "cannot use state file \(path): \(blocker) is not a directory"

            let error = #expect(throws: StoreError.self) { try ReadMarkStoreOpener.open(path: path) }
            #expect(error?.kind == .unusable)
            #expect(error?.description == expected)

            let opened = ReadMarkStoreOpener.openOrFallBack(path: path)
            #expect(opened.store is InMemoryReadMarkStore)
            #expect(opened.path == nil)
            #expect(opened.warning == "read marks will not be saved: \(expected)")
            let blog = try opened.store.registerBlog(identity: "/a.txt", title: "A")
            try opened.store.setRead([EntryID("e1")], read: true, for: blog)
            #expect(try opened.store.readMarks(for: blog).count == 1)
        }
    }

    @Test("A state path that is a directory cannot be used")
    func pathIsDirectory() throws {
        try withTemporaryDirectory { directory in
            let error = #expect(throws: StoreError.self) { try ReadMarkStoreOpener.open(path: directory) }
            #expect(error?.description == "cannot use state file \(directory): it is a directory")
        }
    }

    @Test("Without HOME or any override, openOrFallBack explains why marks are not saved")
    func noLocationFallsBack() {
        let opened = ReadMarkStoreOpener.openOrFallBack(explicitPath: nil, environment: [:])
        #expect(opened.store is InMemoryReadMarkStore)
        #expect(
            opened.warning == "read marks will not be saved: cannot choose a state file: "
                + "HOME is not set; use --state PATH or LIVEBLOG_STATE")
    }

    @Test("openOrFallBack resolves the path from the environment and opens it")
    func fallBackOpensResolvedPath() throws {
        try withTemporaryDirectory { directory in
            let opened = ReadMarkStoreOpener.openOrFallBack(explicitPath: nil, environment: ["HOME": directory])
            #expect(opened.warning == nil)
            #expect(opened.path == directory + "/.local/state/liveblog/state.sqlite")
            #expect(opened.store is SQLiteReadMarkStore)
        }
    }

    @Test("Moved-aside names use the UTC time, to the second")
    func timestamp() {
        #expect(ReadMarkStoreOpener.timestamp(now) == "20231114T221320Z")
        #expect(ReadMarkStoreOpener.timestamp(Date(timeIntervalSince1970: 0.9)) == "19700101T000000Z")
    }
}
