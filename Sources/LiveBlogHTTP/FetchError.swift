/// Why a fetch failed, as one line for the user.
public struct FetchError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The kind of failure, for callers and tests that branch on it.
    public enum Kind: String, Sendable {
        case badURL, dns, connection, tls, timeout, redirects, clientError, serverError, notHTML, tooLarge, other
    }

    public var kind: Kind
    public var description: String

    public init(_ kind: Kind, _ description: String) {
        self.kind = kind
        self.description = description
    }
}
