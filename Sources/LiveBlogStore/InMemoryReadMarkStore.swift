import Foundation
import LiveBlogCore

/// Read marks held in memory only: the test twin of ``SQLiteReadMarkStore`` and the fallback when the state file is unusable.
///
/// Behaves like the SQLite store, down to millisecond timestamps and ``StoreError/Kind/unknownBlog`` errors.
public final class InMemoryReadMarkStore: ReadMarkStore, @unchecked Sendable {
    // @unchecked: all mutable state is guarded by `lock`.
    private let lock = NSLock()
    private var blogs: [BlogKey: StoredBlog] = [:]
    private var keysByIdentity: [String: BlogKey] = [:]
    private var marks: [BlogKey: [EntryID: Date]] = [:]
    private var seen: [BlogKey: Set<EntryID>] = [:]
    private var lastKey: Int64 = 0
    private var state: [Int64: [String: String]] = [:]

    /// Creates an empty store.
    public init() {}

    public func registerBlog(identity: String, title: String, at date: Date) throws -> BlogKey {
        let now = StoredTime.normalized(date)
        return lock.withLock {
            if let key = keysByIdentity[identity], let old = blogs[key] {
                blogs[key] = StoredBlog(
                    key: key, identity: identity, title: title,
                    firstOpened: old.firstOpened, lastOpened: now)
                return key
            }
            lastKey += 1
            let key = BlogKey(rawValue: lastKey)
            keysByIdentity[identity] = key
            blogs[key] = StoredBlog(key: key, identity: identity, title: title, firstOpened: now, lastOpened: now)
            return key
        }
    }

    public func blog(identity: String) throws -> StoredBlog? {
        lock.withLock { keysByIdentity[identity].flatMap { blogs[$0] } }
    }

    public func readMarks(for blog: BlogKey) throws -> [EntryID: Date] {
        try lock.withLock {
            try requireBlog(blog)
            return marks[blog, default: [:]]
        }
    }

    public func setRead(_ ids: [EntryID], read: Bool, at date: Date, for blog: BlogKey) throws {
        let readAt = StoredTime.normalized(date)
        try lock.withLock {
            try requireBlog(blog)
            for id in ids {
                if read {
                    seen[blog, default: []].insert(id)
                    if marks[blog, default: [:]][id] == nil { marks[blog, default: [:]][id] = readAt }
                } else {
                    marks[blog]?[id] = nil
                }
            }
        }
    }

    public func readerState(_ name: String, for blog: BlogKey?) throws -> String? {
        lock.withLock { state[blog?.rawValue ?? 0]?[name] }
    }

    public func setReaderState(_ value: String?, _ name: String, for blog: BlogKey?) throws {
        lock.withLock { state[blog?.rawValue ?? 0, default: [:]][name] = value }
    }

    public func recordSeen(_ ids: [EntryID], at date: Date, for blog: BlogKey) throws {
        try lock.withLock {
            try requireBlog(blog)
            seen[blog, default: []].formUnion(ids)
        }
    }

    public func seenEntries(for blog: BlogKey) throws -> Set<EntryID> {
        try lock.withLock {
            try requireBlog(blog)
            return seen[blog, default: []]
        }
    }

    public func blog(sharingEntries ids: [EntryID]) throws -> StoredBlog? {
        let given = Set(ids)
        return lock.withLock {
            var best: (key: BlogKey, shared: Int)?
            for (key, known) in seen.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                let shared = known.intersection(given).count
                if shared > (best?.shared ?? 0) { best = (key, shared) }
            }
            guard let best,
                EntryOverlap.isSameBlog(shared: best.shared, given: given.count, known: seen[best.key]?.count ?? 0)
            else { return nil }
            return blogs[best.key]
        }
    }

    public func forgetBlog(identity: String) throws -> Bool {
        lock.withLock {
            guard let key = keysByIdentity.removeValue(forKey: identity) else { return false }
            blogs[key] = nil
            marks[key] = nil
            seen[key] = nil
            state[key.rawValue] = nil
            return true
        }
    }

    private func requireBlog(_ blog: BlogKey) throws {
        if blogs[blog] == nil { throw StoreError(.unknownBlog, path: nil, blog.description) }
    }
}
