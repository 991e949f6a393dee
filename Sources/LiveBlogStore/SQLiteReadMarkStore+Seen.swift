import Foundation
import GRDB
import LiveBlogCore

extension SQLiteReadMarkStore {
    public func recordSeen(_ ids: [EntryID], at date: Date, for blog: BlogKey) throws {
        guard !ids.isEmpty else { return }
        let seenAt = StoredTime.milliseconds(date)
        try StoreError.wrap(path: path) {
            try pool.write { db in
                let statement = try db.cachedStatement(
                    sql: """
                        INSERT INTO seen (blogId, entryId, seenAt) VALUES (?, ?, ?) ON CONFLICT (blogId, entryId) DO NOTHING
                        """)
                for id in ids { try statement.execute(arguments: [blog.rawValue, id.rawValue, seenAt]) }
            }
        }
    }

    public func seenEntries(for blog: BlogKey) throws -> Set<EntryID> {
        try StoreError.wrap(path: path) {
            try pool.read { db in
                var result = Set<EntryID>()
                let rows = try String.fetchCursor(
                    db,
                    sql: """
                        SELECT entryId FROM seen WHERE blogId = ? UNION SELECT entryId FROM marks WHERE blogId = ?
                        """, arguments: [blog.rawValue, blog.rawValue])
                while let id = try rows.next() { result.insert(EntryID(id)) }
                return result
            }
        }
    }

    public func blog(sharingEntries ids: [EntryID]) throws -> StoredBlog? {
        let unique = Array(Set(ids.map(\.rawValue)))
        guard !unique.isEmpty else { return nil }
        return try StoreError.wrap(path: path) {
            try pool.read { db in
                var counts: [Int64: Int] = [:]
                // In slices: SQLite limits the number of bound parameters.
                for start in stride(from: 0, to: unique.count, by: 500) {
                    let slice = Array(unique[start..<min(unique.count, start + 500)])
                    let marks = Array(repeating: "?", count: slice.count).joined(separator: ",")
                    // Marks count as seen: a file written by an older liveblog after the migration has marks only.
                    let rows = try Row.fetchCursor(
                        db,
                        sql: """
                            SELECT blogId, COUNT(*) AS n FROM (
                                SELECT blogId, entryId FROM seen WHERE entryId IN (\(marks))
                                UNION SELECT blogId, entryId FROM marks WHERE entryId IN (\(marks)))
                            GROUP BY blogId
                            """, arguments: StatementArguments(slice + slice))
                    while let row = try rows.next() { counts[row["blogId"], default: 0] += row["n"] as Int }
                }
                guard
                    let (best, shared) = counts.max(by: {
                        $0.value < $1.value || ($0.value == $1.value && $0.key < $1.key)
                    })
                else { return nil }
                let own =
                    try Int.fetchOne(
                        db,
                        sql: """
                            SELECT COUNT(*) FROM (SELECT entryId FROM seen WHERE blogId = ? UNION SELECT entryId FROM marks WHERE blogId = ?)
                            """, arguments: [best, best]) ?? 0
                guard EntryOverlap.isSameBlog(shared: shared, given: unique.count, known: own) else { return nil }
                return try Row.fetchOne(
                    db,
                    sql: """
                        SELECT id, identity, title, firstOpened, lastOpened FROM blogs WHERE id = ?
                        """, arguments: [best]
                ).map { row in
                    StoredBlog(
                        key: BlogKey(rawValue: row["id"]), identity: row["identity"], title: row["title"],
                        firstOpened: StoredTime.date(row["firstOpened"]), lastOpened: StoredTime.date(row["lastOpened"])
                    )
                }
            }
        }
    }
}
