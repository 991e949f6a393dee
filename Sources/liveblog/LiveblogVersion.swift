/// The program's version, as `--version` and the User-Agent of its web requests give it.
enum LiveblogVersion {
    static let current = "0.6.0"

    /// The one User-Agent both fetchers send.
    static let userAgent = "liveblog/\(current) (+terminal live-blog reader)"
}
