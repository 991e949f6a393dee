/// The program's version, as the User-Agent of its web requests gives it.
enum LiveblogVersion {
    static let current = "0.6.0"
}
