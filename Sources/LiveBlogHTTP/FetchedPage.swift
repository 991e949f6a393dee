/// A page as fetched: its bytes (decompressed), its declared content type and the address it came from in the end.
public struct FetchedPage: Sendable {
    public var bytes: [UInt8]
    public var contentType: String?
    /// The address after redirects, for resolving the page's relative links.
    public var finalURL: String

    public init(bytes: [UInt8], contentType: String?, finalURL: String) {
        self.bytes = bytes
        self.contentType = contentType
        self.finalURL = finalURL
    }
}
