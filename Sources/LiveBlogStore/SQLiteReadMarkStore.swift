import Foundation
import GRDB
import LiveBlogCore

/// Read marks in an SQLite state file (GRDB `DatabasePool`), safe to share between processes.
///
/// Durability: WAL journal with `synchronous = FULL`, so every transaction fsyncs the WAL before it
/// commits. A `setRead` that returned survives `kill -9` and power loss; the price is one fsync per
/// call, fine for marks made at human speed. (`NORMAL` would survive `kill -9` but may lose the
/// last commits on power loss.) Concurrent writers wait up to ``busyTimeout`` for the write lock, and
/// marking is an upsert that keeps existing rows, so two processes marking at once both keep their marks.
///
/// Prefer ``ReadMarkStoreOpener``, which also creates the directory and moves a corrupt file aside.
public final class SQLiteReadMarkStore: ReadMarkStore {
    /// How long a write waits for another connection's write lock before failing as ``StoreError/Kind/busy``.
    public static let busyTimeout: TimeInterval = 5

    /// The state file's path.
    public let path: String
    let pool: DatabasePool

    /// Opens the state file at `path`, creating and migrating it as needed; its directory must exist.
    public init(path: String) throws {
        self.path = path
        pool = try StoreError.wrap(path: path) { try Self.openPool(path: path) }
    }

    public func registerBlog(identity: String, title: String, at date: Date) throws -> BlogKey {
        let now = StoredTime.milliseconds(date)
        return try StoreError.wrap(path: path) {
            try pool.write { db in
                let id = try Int64.fetchOne(
                    db,
                    sql: """
                        INSERT INTO blogs (identity, title, firstOpened, lastOpened) VALUES (?, ?, ?, ?)
                        ON CONFLICT (identity) DO UPDATE SET title = excluded.title, lastOpened = excluded.lastOpened
                        RETURNING id
                        """, arguments: [identity, title, now, now])
                guard let id else { throw StoreError(.failed, path: path, "registering the blog returned no id") }
                return BlogKey(rawValue: id)
            }
        }
    }

    public func blog(identity: String) throws -> StoredBlog? {
        try StoreError.wrap(path: path) {
            try pool.read { db in
                try Row.fetchOne(
                    db,
                    sql: """
                        SELECT id, identity, title, firstOpened, lastOpened FROM blogs WHERE identity = ?
                        """, arguments: [identity]
                )
                .map { row in
                    StoredBlog(
                        key: BlogKey(rawValue: row["id"]),
                        identity: row["identity"],
                        title: row["title"],
                        firstOpened: StoredTime.date(row["firstOpened"]),
                        lastOpened: StoredTime.date(row["lastOpened"]))
                }
            }
        }
    }

    public func readMarks(for blog: BlogKey) throws -> [EntryID: Date] {
        try StoreError.wrap(path: path) {
            try pool.read { db in
                try requireBlog(blog, in: db)
                var marks: [EntryID: Date] = [:]
                let rows = try Row.fetchCursor(
                    db, sql: "SELECT entryId, readAt FROM marks WHERE blogId = ?",
                    arguments: [blog.rawValue])
                while let row = try rows.next() {
                    marks[EntryID(row["entryId"])] = StoredTime.date(row["readAt"])
                }
                return marks
            }
        }
    }

    public func setRead(_ ids: [EntryID], read: Bool, at date: Date, for blog: BlogKey) throws {
        let readAt = StoredTime.milliseconds(date)
        try StoreError.wrap(path: path) {
            // `write` runs an IMMEDIATE transaction: the write lock is taken (waiting up to the busy
            // timeout) before the first statement, so there is no read-to-write upgrade that could fail.
            try pool.write { db in
                try requireBlog(blog, in: db)
                let statement =
                    read
                    ? try db.cachedStatement(
                        sql: """
                            INSERT INTO marks (blogId, entryId, readAt) VALUES (?, ?, ?)
                            ON CONFLICT (blogId, entryId) DO NOTHING
                            """)
                    : try db.cachedStatement(sql: "DELETE FROM marks WHERE blogId = ? AND entryId = ?")
                for id in ids {
                    if read {
                        try statement.execute(arguments: [blog.rawValue, id.rawValue, readAt])
                    } else {
                        try statement.execute(arguments: [blog.rawValue, id.rawValue])
                    }
                }
            }
        }
    }

    public func forgetBlog(identity: String) throws -> Bool {
        try StoreError.wrap(path: path) {
            try pool.write { db in
                guard
                    let id = try Int64.fetchOne(
                        db, sql: "SELECT id FROM blogs WHERE identity = ?", arguments: [identity])
                else { return false }
                // Marks and seen entries would go by their foreign keys' cascade too, but only on a connection with
                // foreign keys on; deleting them by name does not depend on that. Reader state has no foreign key
                // (blog 0 holds what is no one blog's), so it must be deleted by name anyway.
                for table in ["marks", "seen", "readerState"] {
                    try db.execute(sql: "DELETE FROM \(table) WHERE blogId = ?", arguments: [id])
                }
                try db.execute(sql: "DELETE FROM blogs WHERE id = ?", arguments: [id])
                return true
            }
        }
    }

    /// Runs `PRAGMA integrity_check` and throws ``StoreError/Kind/corrupt`` unless it reports `ok`.
    func verifyIntegrity() throws {
        let problems = try StoreError.wrap(path: path) {
            try pool.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
        }
        guard problems != ["ok"] else { return }
        let more = problems.count > 1 ? " (and \(problems.count - 1) more problems)" : ""
        throw StoreError(.corrupt, path: path, "integrity check: \(problems.first ?? "no answer")\(more)")
    }

    /// Runs `sql` on the writer connection and returns the first column as text; for tests and diagnostics.
    func writerQuery(_ sql: String) throws -> [String] {
        try StoreError.wrap(path: path) {
            try pool.writeWithoutTransaction { db in try String.fetchAll(db, sql: sql) }
        }
    }

    /// Closes the database connections; later calls fail.
    func close() throws {
        try StoreError.wrap(path: path) { try pool.close() }
    }

    private func requireBlog(_ blog: BlogKey, in db: Database) throws {
        let known =
            try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM blogs WHERE id = ?)",
                arguments: [blog.rawValue]) ?? false
        if !known { throw StoreError(.unknownBlog, path: path, blog.description) }
    }

    public func readerState(_ name: String, for blog: BlogKey?) throws -> String? {
        try StoreError.wrap(path: path) {
            try pool.read { db in
                try String.fetchOne(
                    db, sql: "SELECT value FROM readerState WHERE blogId = ? AND name = ?",
                    arguments: [blog?.rawValue ?? 0, name])
            }
        }
    }

    public func setReaderState(_ value: String?, _ name: String, for blog: BlogKey?) throws {
        try StoreError.wrap(path: path) {
            try pool.write { db in
                if let value {
                    try db.execute(
                        sql: """
                            INSERT INTO readerState (blogId, name, value) VALUES (?, ?, ?)
                            ON CONFLICT (blogId, name) DO UPDATE SET value = excluded.value
                            """, arguments: [blog?.rawValue ?? 0, name, value])
                } else {
                    try db.execute(
                        sql: "DELETE FROM readerState WHERE blogId = ? AND name = ?",
                        arguments: [blog?.rawValue ?? 0, name])
                }
            }
        }
    }
}
