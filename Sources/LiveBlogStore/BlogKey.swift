/// A store's handle for one blog, handed out by ``ReadMarkStore/registerBlog(identity:title:at:)``.
///
/// Keys are only meaningful to the store that made them.
public struct BlogKey: Hashable, Sendable, CustomStringConvertible {
    /// The row id of the blog in its store.
    public let rawValue: Int64

    /// Wraps a row id; callers normally get keys from a store rather than making them.
    public init(rawValue: Int64) { self.rawValue = rawValue }

    public var description: String { String(rawValue) }
}
