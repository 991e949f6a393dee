import Foundation
import LiveBlogCore

/// Where read marks are kept between runs; the app decides when to write, the model never writes through.
///
/// Every throwing member throws ``StoreError``, whose description is one line fit for the terminal.
/// Each call is complete when it returns: a `setRead` that returned is committed (and, for
/// ``SQLiteReadMarkStore``, on disk).
public protocol ReadMarkStore: AnyObject, Sendable {
    /// Records that the blog with this identity was opened at `date` (creating it on first use) and returns its key.
    ///
    /// The first call sets `firstOpened`; every call updates `title` and `lastOpened`.
    func registerBlog(identity: String, title: String, at date: Date) throws -> BlogKey

    /// Looks up a blog without recording an opening; `nil` if it was never registered.
    func blog(identity: String) throws -> StoredBlog?

    /// Returns the read entries of a blog and when each was first marked read.
    func readMarks(for blog: BlogKey) throws -> [EntryID: Date]

    /// Marks (`read: true`) or unmarks the entries, all in one transaction committed before returning.
    ///
    /// Marking an entry that is already read keeps its first `readAt`; unmarking an unread entry does nothing.
    func setRead(_ ids: [EntryID], read: Bool, at date: Date, for blog: BlogKey) throws

    /// The reader's state kept between runs under `name`, as text: one blog's (its session) or, with `blog`
    /// nil, every blog's (the search history); nil when none was saved.
    func readerState(_ name: String, for blog: BlogKey?) throws -> String?

    /// Saves (or with nil forgets) reader state, committed before returning.
    func setReaderState(_ value: String?, _ name: String, for blog: BlogKey?) throws

    /// Records that these entries of the blog have been shown to the user (they are no longer "new" next time),
    /// in one committed transaction; entries already recorded keep their first date.
    func recordSeen(_ ids: [EntryID], at date: Date, for blog: BlogKey) throws

    /// The entries of the blog ever recorded as seen or marked read.
    func seenEntries(for blog: BlogKey) throws -> Set<EntryID>

    /// The blog that has seen (or marked) the most of these entries, when it shares at least half of them or
    /// half of its own: how a copy, a re-saved page or the same blog under another name is recognised.
    func blog(sharingEntries ids: [EntryID]) throws -> StoredBlog?

    /// Deletes everything kept about the blog with this identity (the blog, its read marks, its seen entries and
    /// its reader state) in one committed transaction; false when no blog has that identity.
    func forgetBlog(identity: String) throws -> Bool
}

extension ReadMarkStore {
    /// Records that the blog was opened now and returns its key.
    public func registerBlog(identity: String, title: String) throws -> BlogKey {
        try registerBlog(identity: identity, title: title, at: Date())
    }

    /// Marks or unmarks the entries now, in one committed transaction.
    public func setRead(_ ids: [EntryID], read: Bool, for blog: BlogKey) throws {
        try setRead(ids, read: read, at: Date(), for: blog)
    }
}
