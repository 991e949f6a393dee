/// Why a fetch failed, as one line for the user, with the library's own words kept apart for `--verbose`.
public struct FetchError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The kind of failure, for callers and tests that branch on it.
    public enum Kind: String, Sendable {
        case badURL, dns, connection, tls, timeout, redirects, clientError, serverError, notHTML, tooLarge
        /// The answer could not be read: not HTTP, or a compressed body that does not decompress.
        case badResponse
        case other
    }

    public var kind: Kind
    /// The cause in the user's words, and what to do where there is something to do.
    public var description: String
    /// What the HTTP library said, verbatim; shown only when asked for (`--verbose`).
    public var detail: String?

    public init(_ kind: Kind, _ description: String, detail: String? = nil) {
        self.kind = kind
        self.description = description
        self.detail = detail
    }

    /// The message, with the library's detail appended when `verbose`.
    public func message(verbose: Bool) -> String {
        guard verbose, let detail, !detail.isEmpty else { return description }
        return description + " [" + detail + "]"
    }
}
