/// A stable identifier for an entry, derived from its content so that read marks survive edits around it.
public struct EntryID: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// The identifier as users see and type it (12 lowercase hex digits, with `-N` for repeated content).
    public let rawValue: String

    /// Wraps an identifier string as found in a store or typed by a user.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }

    public static func < (lhs: EntryID, rhs: EntryID) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
