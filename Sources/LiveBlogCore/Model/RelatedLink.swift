/// A link to another piece (a story card, a gallery, a video) that sits inside an entry.
public struct RelatedLink: Hashable, Codable, Sendable {
    /// What the link points to.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case story, gallery, video
    }

    public var kind: Kind
    public var title: String
    public var summary: String?

    public init(kind: Kind, title: String, summary: String? = nil) {
        self.kind = kind
        self.title = title
        self.summary = summary
    }
}
