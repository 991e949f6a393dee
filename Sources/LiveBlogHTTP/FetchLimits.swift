/// How long and how much a fetch may take. The defaults are the documented ones; tests make them small.
public struct FetchLimits: Sendable {
    /// Seconds to wait for a connection (including the name lookup and the TLS handshake).
    public var connectTimeout: Double = 10
    /// Seconds for the whole response, headers and body, redirects included.
    public var totalTimeout: Double = 30
    public var maximumRedirects = 5
    /// The most bytes read, after decompression; a larger body is an error, not a truncated page.
    public var maximumBytes = 50 << 20

    public init(
        connectTimeout: Double = 10, totalTimeout: Double = 30, maximumRedirects: Int = 5, maximumBytes: Int = 50 << 20
    ) {
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.maximumRedirects = maximumRedirects
        self.maximumBytes = maximumBytes
    }
}
