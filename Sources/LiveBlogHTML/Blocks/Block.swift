/// One block of reader text as a text browser would lay it out: a paragraph, heading, list item, quote or rule.
struct Block {
    enum Kind: Equatable {
        case paragraph
        case heading(level: Int)
        case listItem
        case quote
        /// A run of text directly inside a generic container (`div`, `section`, `span` soup).
        case loose
        /// `<hr>` or a line of underscores, dashes or asterisks.
        case rule
    }

    var kind: Kind
    var text: String
    var links: [Link]
    /// The text of a bold (`<strong>`, `<b>`) run that starts the block, if any.
    var boldLead: String?
    /// The element the block was laid out from, for document-order tests.
    var node: HTMLNode

    /// A link inside a block: its text and target.
    struct Link {
        var text: String
        var url: String
    }

    var isHeading: Bool { if case .heading = kind { true } else { false } }
}
