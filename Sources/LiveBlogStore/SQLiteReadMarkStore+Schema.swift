import Foundation
import GRDB

extension SQLiteReadMarkStore {
    /// The schema's history; append migrations, never edit a shipped one.
    ///
    /// Times are INTEGER milliseconds since 1970 UTC (`datetime(readAt / 1000, 'unixepoch')` in the sqlite3 shell).
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-blogs-and-marks") { db in
            try db.execute(
                sql: """
                    CREATE TABLE blogs (
                        id INTEGER PRIMARY KEY,
                        identity TEXT NOT NULL UNIQUE,
                        title TEXT NOT NULL,
                        firstOpened INTEGER NOT NULL,
                        lastOpened INTEGER NOT NULL
                    );
                    CREATE TABLE marks (
                        blogId INTEGER NOT NULL REFERENCES blogs (id) ON DELETE CASCADE,
                        entryId TEXT NOT NULL,
                        readAt INTEGER NOT NULL,
                        PRIMARY KEY (blogId, entryId)
                    ) WITHOUT ROWID;
                    """)
        }
        migrator.registerMigration("v2-reader-state") { db in
            // blogId 0 holds what belongs to no one blog (the search history); no foreign key for that reason.
            try db.execute(
                sql: """
                    CREATE TABLE readerState (
                        blogId INTEGER NOT NULL,
                        name TEXT NOT NULL,
                        value TEXT NOT NULL,
                        PRIMARY KEY (blogId, name)
                    ) WITHOUT ROWID;
                    """)
        }
        // Entries shown to the user, per blog: what is "new" since the last session, and how a blog read under
        // another name (a copy, a saved page) is recognised by its entries. Seeded from the marks.
        migrator.registerMigration("v3-seen-entries") { db in
            try db.execute(
                sql: """
                    CREATE TABLE seen (
                        blogId INTEGER NOT NULL REFERENCES blogs (id) ON DELETE CASCADE,
                        entryId TEXT NOT NULL,
                        seenAt INTEGER NOT NULL,
                        PRIMARY KEY (blogId, entryId)
                    ) WITHOUT ROWID;
                    CREATE INDEX seen_by_entry ON seen (entryId);
                    INSERT OR IGNORE INTO seen (blogId, entryId, seenAt) SELECT blogId, entryId, readAt FROM marks;
                    """)
        }
        return migrator
    }

    /// Opens, configures and migrates the pool, retrying the races of processes that open the same file at once.
    ///
    /// Two such races exist, both seen in stress runs (4 stores opening a new file together):
    /// GRDB reads the applied migrations before taking the write lock, so two openers can both try
    /// `v1` and the loser fails with "table blogs already exists"; and GRDB's WAL set-up writes in a
    /// deferred transaction, which fails at once with SQLITE_BUSY (no busy wait) when another
    /// connection committed first. Either way the winner's work is complete, so a retry succeeds.
    static func openPool(path: String) throws -> DatabasePool {
        var attempt = 1
        while true {
            do {
                var configuration = Configuration()
                configuration.busyMode = .timeout(busyTimeout)
                configuration.maximumReaderCount = 2
                configuration.label = "liveblog.state"
                let pool = try DatabasePool(path: path, configuration: configuration)
                // GRDB sets `synchronous = NORMAL` on the writer while switching to WAL, after
                // `prepareDatabase` has run, so the stronger setting must come afterwards.
                try pool.writeWithoutTransaction { db in
                    try db.execute(sql: "PRAGMA synchronous = FULL")
                }
                do {
                    try migrator.migrate(pool)
                } catch let error as DatabaseError where [.SQLITE_ERROR, .SQLITE_CONSTRAINT].contains(error.resultCode)
                {
                    throw OpenRace(underlying: error)
                }
                try stampIdentity(pool)
                return pool
            } catch let error as DatabaseError
                where attempt < 5 && [.SQLITE_BUSY, .SQLITE_LOCKED].contains(error.resultCode)
            {
                // Fall through to retry.
            } catch let race as OpenRace {
                if attempt >= 5 { throw race.underlying }
            }
            attempt += 1
            Thread.sleep(forTimeInterval: Double.random(in: 0.002...0.020))
        }
    }

    /// Marks the file as liveblog's and records its schema version, so that a later open can tell it from
    /// another program's database and a newer liveblog's file from an older one. Written only when missing.
    private static func stampIdentity(_ pool: DatabasePool) throws {
        let id = StateFileCheck.applicationID
        let version = StateFileCheck.schemaVersion
        // On the writer: a reader connection opened here could be the last to close, and a read-only connection
        // cannot checkpoint the WAL into the file on close.
        let current = try pool.writeWithoutTransaction { db in
            (
                try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0,
                try Int32.fetchOne(db, sql: "PRAGMA user_version") ?? 0
            )
        }
        guard current.0 != id || current.1 < version else { return }
        try pool.write { db in
            try db.execute(sql: "PRAGMA application_id = \(id)")
            if current.1 < version { try db.execute(sql: "PRAGMA user_version = \(version)") }
        }
    }

    /// A migration failure that may be another process's migration winning; retried, then rethrown as `underlying`.
    private struct OpenRace: Error {
        let underlying: DatabaseError
    }
}
