import Foundation

/// A blog as a store remembers it: its identity, latest title and when it was first and last opened.
public struct StoredBlog: Hashable, Sendable {
    /// The key to pass to the store's other calls.
    public let key: BlogKey
    /// The caller's identity string (a canonical file path, or `stdin:<title>`).
    public let identity: String
    /// The title given at the latest registration.
    public let title: String
    /// When the blog was first registered.
    public let firstOpened: Date
    /// When the blog was last registered.
    public let lastOpened: Date

    /// Creates a record; stores build these, callers read them.
    public init(key: BlogKey, identity: String, title: String, firstOpened: Date, lastOpened: Date) {
        self.key = key
        self.identity = identity
        self.title = title
        self.firstOpened = firstOpened
        self.lastOpened = lastOpened
    }
}
