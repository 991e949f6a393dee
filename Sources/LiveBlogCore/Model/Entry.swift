import Foundation

/// One post of a live blog: an optional time and headline, its paragraphs and the links it carries.
public struct Entry: Hashable, Sendable, Identifiable {
    public var id: EntryID
    /// The time as the page wrote it ("10:45", "4m ago"), or nil.
    public var time: String?
    /// The moment the time stands for, where the page gives enough to know it.
    public var timestamp: Date?
    /// The headline, or nil for an untitled post (such as a blog's intro).
    public var headline: String?
    public var paragraphs: [String]
    public var related: [RelatedLink]
    public var flags: EntryFlags
    /// 1-based line of the source text where the entry starts.
    public var line: Int
    /// The post's own address (a page URL with the post's fragment), where the page gives one.
    public var url: String?
    /// Links inside the paragraphs, where the source marked them up.
    public var links: [EntryLink]

    public init(
        id: EntryID = EntryID(""), time: String? = nil, timestamp: Date? = nil, headline: String? = nil,
        paragraphs: [String] = [], related: [RelatedLink] = [], flags: EntryFlags = [], line: Int = 0,
        url: String? = nil, links: [EntryLink] = []
    ) {
        self.id = id
        self.time = time
        self.timestamp = timestamp
        self.headline = headline
        self.paragraphs = paragraphs
        self.related = related
        self.flags = flags
        self.line = line
        self.url = url
        self.links = links
    }

    /// The headline, or for an untitled entry the first words of its first paragraph.
    public func title(maxWords: Int = 12) -> String {
        if let headline { return headline }
        guard let first = paragraphs.first else { return "(empty entry)" }
        let words = first.split(separator: " ", omittingEmptySubsequences: true)
        if words.count <= maxWords { return first }
        return words.prefix(maxWords).joined(separator: " ") + "…"
    }
}
