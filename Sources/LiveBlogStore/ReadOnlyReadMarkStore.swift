import Foundation
import GRDB
import LiveBlogCore

/// The marks of a state file that can be read but not written (a full disk, a read-only mount): a snapshot
/// taken at open, so the marks are shown, while every change throws and is reported as not saved.
///
/// The file is read through an ordinary read-only connection, which sees what is still in the WAL; when even
/// that fails (it needs a `-shm` file it may be unable to grow on a full disk) it is read as `immutable`,
/// without locks or WAL: the marks as last checkpointed, which is what a closed reader leaves.
public final class ReadOnlyReadMarkStore: ReadMarkStore {
    /// The state file's path.
    public let path: String
    /// Why writing is impossible, one line ("disk full").
    public let reason: String
    private let blogs: [String: StoredBlog]
    private let marks: [Int64: [EntryID: Date]]
    private let state: [Int64: [String: String]]

    /// Reads every blog and mark of the liveblog state file at `path`.
    public init(path: String, reason: String) throws {
        self.path = path
        self.reason = reason
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(SQLiteReadMarkStore.busyTimeout)
        let snapshot: ([String: StoredBlog], [Int64: [EntryID: Date]], [Int64: [String: String]]) = try StoreError.wrap(
            path: path
        ) {
            do {
                return try Self.snapshot(path, path: path, configuration)
            } catch let error as StoreError {
                throw error
            } catch {
                // A URI, so that `immutable` can be asked for; `%`, `?` and `#` in the path must be escaped.
                var escaped = ""
                for c in path {
                    switch c {
                    case "%": escaped += "%25"
                    case "?": escaped += "%3F"
                    case "#": escaped += "%23"
                    default: escaped.append(c)
                    }
                }
                return try Self.snapshot("file:" + escaped + "?immutable=1", path: path, configuration)
            }
        }
        blogs = snapshot.0
        marks = snapshot.1
        state = snapshot.2
    }

    /// Every blog (by identity) and every mark (by blog row id) of the database at `location`.
    private static func snapshot(_ location: String, path: String, _ configuration: Configuration) throws
        -> ([String: StoredBlog], [Int64: [EntryID: Date]], [Int64: [String: String]])
    {
        let queue = try DatabaseQueue(path: location, configuration: configuration)
        defer { try? queue.close() }
        return try queue.read { db in
            guard
                try Int32.fetchOne(db, sql: "PRAGMA application_id") == StateFileCheck.applicationID
                    || Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
                        .isSuperset(of: ["blogs", "marks"])
            else { throw StoreError(.foreign, path: path, "not a liveblog state file; left untouched") }
            var blogs: [String: StoredBlog] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, identity, title, firstOpened, lastOpened FROM blogs") {
                let blog = StoredBlog(
                    key: BlogKey(rawValue: row["id"]), identity: row["identity"], title: row["title"],
                    firstOpened: StoredTime.date(row["firstOpened"]), lastOpened: StoredTime.date(row["lastOpened"]))
                blogs[blog.identity] = blog
            }
            var marks: [Int64: [EntryID: Date]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT blogId, entryId, readAt FROM marks") {
                marks[row["blogId"], default: [:]][EntryID(row["entryId"])] = StoredTime.date(row["readAt"])
            }
            var state: [Int64: [String: String]] = [:]
            // A file from before reader state was kept has no such table.
            if try db.tableExists("readerState") {
                for row in try Row.fetchAll(db, sql: "SELECT blogId, name, value FROM readerState") {
                    state[row["blogId"], default: [:]][row["name"]] = row["value"]
                }
            }
            return (blogs, marks, state)
        }
    }

    /// The key of a blog already in the file; a new blog gets a key that has no marks (it cannot be recorded).
    public func registerBlog(identity: String, title: String, at date: Date) throws -> BlogKey {
        blogs[identity]?.key ?? BlogKey(rawValue: -1)
    }

    public func blog(identity: String) throws -> StoredBlog? { blogs[identity] }

    public func readMarks(for blog: BlogKey) throws -> [EntryID: Date] { marks[blog.rawValue] ?? [:] }

    public func setRead(_ ids: [EntryID], read: Bool, at date: Date, for blog: BlogKey) throws {
        throw StoreError(.unusable, path: path, "it can only be read (\(reason))")
    }

    public func readerState(_ name: String, for blog: BlogKey?) throws -> String? { state[blog?.rawValue ?? 0]?[name] }

    public func setReaderState(_ value: String?, _ name: String, for blog: BlogKey?) throws {
        throw StoreError(.unusable, path: path, "it can only be read (\(reason))")
    }

    public func forgetBlog(identity: String) throws -> Bool {
        throw StoreError(.unusable, path: path, "it can only be read (\(reason))")
    }

    /// Nothing can be recorded; seeing entries is not worth an error on the screen.
    public func recordSeen(_ ids: [EntryID], at date: Date, for blog: BlogKey) throws {}

    /// The marked entries stand in for the seen ones (the snapshot holds only marks).
    public func seenEntries(for blog: BlogKey) throws -> Set<EntryID> { Set((marks[blog.rawValue] ?? [:]).keys) }

    public func blog(sharingEntries ids: [EntryID]) throws -> StoredBlog? {
        let given = Set(ids)
        var best: (key: Int64, shared: Int)?
        for (key, known) in marks.sorted(by: { $0.key < $1.key }) {
            let shared = given.filter { known[$0] != nil }.count
            if shared > (best?.shared ?? 0) { best = (key, shared) }
        }
        guard let best,
            EntryOverlap.isSameBlog(shared: best.shared, given: given.count, known: marks[best.key]?.count ?? 0)
        else { return nil }
        return blogs.values.first { $0.key.rawValue == best.key }
    }
}
