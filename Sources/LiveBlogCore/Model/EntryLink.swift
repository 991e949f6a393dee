/// A link inside one of an entry's paragraphs, as the page marked it up (read from HTML; text scrapes have none).
public struct EntryLink: Hashable, Codable, Sendable {
    /// Index of the paragraph the link sits in, counted from 0.
    public var paragraph: Int
    /// The link's text as shown.
    public var text: String
    /// Where it points, made absolute against the page's address where that is known.
    public var url: String

    public init(paragraph: Int, text: String, url: String) {
        self.paragraph = paragraph
        self.text = text
        self.url = url
    }
}
