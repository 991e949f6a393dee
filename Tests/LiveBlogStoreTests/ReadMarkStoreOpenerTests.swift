import Foundation
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

    @Test("A file of garbage bytes is moved aside and a fresh store started", arguments: [10, 5000])
    func garbageFileIsMovedAside(size: Int) throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/state.sqlite"
            let garbage = Data((0..<size).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) })
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
            try Data("garbage one".utf8).write(to: URL(fileURLWithPath: path))
            _ = try ReadMarkStoreOpener.open(path: path, now: now)
            // The fresh store has been released; spoil the file again.
            try Data("garbage two".utf8).write(to: URL(fileURLWithPath: path))
            try? FileManager.default.removeItem(atPath: path + "-wal")
            try? FileManager.default.removeItem(atPath: path + "-shm")
            let second = try ReadMarkStoreOpener.open(path: path, now: now)
            #expect(second.warning == "state file was corrupt; moved aside to \(path).corrupt-20231114T221320Z-2")
            #expect(FileManager.default.contents(atPath: path + ".corrupt-20231114T221320Z") == Data("garbage one".utf8))
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
        #expect(opened.warning == "read marks will not be saved: cannot choose a state file: "
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
