import Foundation
import GRDB

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decides what a file at the state path is before SQLite may write to it: liveblog's (sound or corrupt), new,
/// or something that is not ours and must be left exactly as it is.
///
/// A state file carries `PRAGMA application_id` (``applicationID``) and `PRAGMA user_version`
/// (``schemaVersion``). Files from before the id was set are recognised by their tables.
enum StateFileCheck {
    /// "LBLG": marks an SQLite file as liveblog's state.
    static let applicationID: Int32 = 0x4C42_4C47
    /// The schema version this build writes; a file with a higher one came from a newer liveblog.
    static let schemaVersion: Int32 = 3
    /// The tables of schema version 1, by which a state file from before the application id is recognised.
    static let legacyTables: Set<String> = ["blogs", "marks", "grdb_migrations"]
    /// Tables later schema versions added (the reader's state, the entries seen).
    static let laterTables: Set<String> = ["readerState", "seen"]

    /// What the file at a path turned out to be.
    enum Verdict: Equatable {
        /// No file, or an empty one: SQLite will create the database.
        case new
        /// A liveblog state file of this schema version or an older one.
        case ours
        /// A liveblog state file that SQLite cannot read: it may be moved aside.
        case corruptOurs
    }

    /// Inspects `path` without writing to it. Throws ``StoreError`` (`.foreign` or `.newerVersion`) for a file
    /// that must not be touched.
    static func inspect(_ path: String) throws -> Verdict {
        // Non-blocking: a FIFO given as the state path must not hang the program on open.
        let fd = open(path, O_RDONLY | O_NONBLOCK)
        if fd < 0 {
            if errno == ENOENT { return .new }
            throw StoreError(.unusable, path: path, String(cString: strerror(errno)))
        }
        var info = stat()
        if fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) != S_IFREG {
            close(fd)
            // A FIFO or a device would block SQLite or feed it endless bytes.
            throw StoreError(.unusable, path: path, "it is not a regular file")
        }
        var header = [UInt8](repeating: 0, count: 100)
        let got = header.withUnsafeMutableBytes { read(fd, $0.baseAddress, 100) }
        close(fd)
        if got == 0 { return .new }
        guard got == 100, header.starts(with: Array("SQLite format 3\0".utf8)) else {
            throw StoreError(.foreign, path: path, "not an SQLite database; left untouched")
        }
        func bigEndian(at offset: Int) -> Int32 {
            Int32(bitPattern: header[offset..<(offset + 4)].reduce(0) { $0 << 8 | UInt32($1) })
        }
        let headerID = bigEndian(at: 68)
        let headerVersion = bigEndian(at: 60)
        let facts: (id: Int32, version: Int32, tables: Set<String>)
        do {
            facts = try readFacts(path)
        } catch let error as DatabaseError where [.SQLITE_CORRUPT, .SQLITE_NOTADB].contains(error.resultCode) {
            // An SQLite file that cannot be read: only one that says it is ours may be moved aside.
            if headerID == applicationID { return .corruptOurs }
            throw StoreError(
                .foreign, path: path,
                "an SQLite database that liveblog cannot read and did not write; left untouched")
        } catch {
            // Not the file but the disk (full, read-only, I/O): decide from the header alone and let the opener
            // deal with the disk. A file that is not known to be ours is not touched.
            guard headerID == applicationID else { throw StoreError.wrapping(error, path: path) }
            if headerVersion > schemaVersion { throw newer(path, headerVersion) }
            return .ours
        }
        // Files from before the id hold the first tables; later tables may be there too, nothing else may.
        let isLegacy =
            facts.id == 0
            && (facts.tables.isEmpty
                || (legacyTables.isSubset(of: facts.tables)
                    && facts.tables.isSubset(of: legacyTables.union(laterTables))))
        guard facts.id == applicationID || isLegacy else {
            let owner =
                facts.id == 0
                ? "another program's SQLite database" : "another program's SQLite database (application id \(facts.id))"
            throw StoreError(.foreign, path: path, "\(owner); left untouched")
        }
        if facts.version > schemaVersion { throw newer(path, facts.version) }
        return .ours
    }

    private static func newer(_ path: String, _ version: Int32) -> StoreError {
        StoreError(
            .newerVersion, path: path,
            "it was written by a newer liveblog (schema version \(version); this one knows up to \(schemaVersion))")
    }

    /// The application id, schema version and table names, read through a read-only connection (which also
    /// sees what is still in the WAL).
    private static func readFacts(_ path: String) throws -> (id: Int32, version: Int32, tables: Set<String>) {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(SQLiteReadMarkStore.busyTimeout)
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        return try queue.read { db in
            let id = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
            let version = try Int32.fetchOne(db, sql: "PRAGMA user_version") ?? 0
            let tables = try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            return (id, version, Set(tables))
        }
    }
}
