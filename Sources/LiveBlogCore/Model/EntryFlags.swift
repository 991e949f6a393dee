/// Markers a publisher puts on a post, such as "Key event" or "Pinned".
public struct EntryFlags: OptionSet, Hashable, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    public static let keyEvent = EntryFlags(rawValue: 1 << 0)
    public static let pinned = EntryFlags(rawValue: 1 << 1)

    /// Names used in exports and dumps, in a fixed order.
    public var names: [String] {
        var result: [String] = []
        if contains(.keyEvent) { result.append("key-event") }
        if contains(.pinned) { result.append("pinned") }
        return result
    }
}
