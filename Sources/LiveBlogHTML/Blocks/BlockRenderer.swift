import Foundation

/// Lays a subtree out as `Block`s, leaving out furniture and any subtrees the caller excludes.
///
/// Block elements end a block; inline elements join; `<br>` ends a line, as a reader sees it (a poem, a list
/// typed as lines, an embedded post's lines).
struct BlockRenderer {
    static let blockTags: Set<String> = [
        "p", "div", "section", "article", "main", "header", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4",
        "h5", "h6", "blockquote", "figure", "table", "tr", "td", "th", "tbody", "thead", "pre", "address", "details",
        "summary", "body", "html", "center", "hgroup",
    ]

    /// Elements that lay out inside a line of text.
    static let inlineTags: Set<String> = [
        "a", "b", "strong", "i", "em", "span", "small", "sup", "sub", "u", "mark", "abbr", "cite", "q", "time", "font",
        "s", "code",
    ]

    /// Subtrees never laid out (posts already taken, the page's own headline).
    var excluded: Set<ObjectIdentifier> = []
    /// Base for relative link targets.
    var baseURL: String?

    func render(_ root: HTMLNode) -> [Block] {
        enum Step {
            case enter(HTMLNode)
            case exit(HTMLNode)
            case linkEnd(HTMLNode, Int)
            case boldEnd(Int)
        }
        var blocks: [Block] = []
        var buffer = ""
        var links: [Block.Link] = []
        var boldLead: String?
        var contexts: [HTMLNode] = []

        func flush() {
            let text = TextCleaner.collapse(buffer)
            defer {
                buffer = ""
                links = []
                boldLead = nil
            }
            guard !text.isEmpty, let owner = contexts.last ?? Optional(root) else { return }
            var kind: Block.Kind
            switch owner.tag {
            case "p", "pre", "address", "dd", "dt", "td", "th", "summary": kind = .paragraph
            case "h1", "h2", "h3", "h4", "h5", "h6": kind = .heading(level: Int(String(owner.tag.last!))!)
            case "li": kind = .listItem
            case "blockquote": kind = .quote
            default: kind = .loose
            }
            if text.count >= 3, text.unicodeScalars.allSatisfy({ "_-—–*=~·•".unicodeScalars.contains($0) || $0 == " " })
            {
                kind = .rule
            }
            let lead = boldLead.map(TextCleaner.collapse).flatMap { $0.isEmpty ? nil : $0 }
            blocks.append(Block(kind: kind, text: text, links: links, boldLead: lead, node: owner))
        }

        var stack: [Step] = [.enter(root)]
        while let step = stack.popLast() {
            switch step {
            case .enter(let node):
                if node.isText {
                    buffer += node.text
                    continue
                }
                if node.isFurniture || excluded.contains(ObjectIdentifier(node)) { continue }
                switch node.tag {
                case "br":
                    flush()
                    continue
                case "hr":
                    flush()
                    blocks.append(Block(kind: .rule, text: "___", links: [], boldLead: nil, node: node))
                    continue
                default: break
                }
                let isBlock = BlockRenderer.blockTags.contains(node.tag)
                if isBlock {
                    flush()
                    contexts.append(node)
                    stack.append(.exit(node))
                } else if node.tag == "a" {
                    stack.append(.linkEnd(node, buffer.unicodeScalars.count))
                } else if node.tag == "strong" || node.tag == "b",
                    TextCleaner.collapse(buffer).isEmpty
                {
                    stack.append(.boldEnd(buffer.unicodeScalars.count))
                }
                for child in node.children.reversed() { stack.append(.enter(child)) }
            case .exit:
                flush()
                contexts.removeLast()
            case .linkEnd(let node, let start):
                let scalars = buffer.unicodeScalars
                let text = TextCleaner.collapse(String(String.UnicodeScalarView(scalars.dropFirst(start))))
                if let href = node.attributes["href"], !text.isEmpty, !href.hasPrefix("javascript:") {
                    links.append(Block.Link(text: text, url: resolve(href)))
                }
            case .boldEnd(let start):
                if boldLead == nil {
                    boldLead = String(String.UnicodeScalarView(buffer.unicodeScalars.dropFirst(start)))
                }
            }
        }
        flush()
        return blocks
    }

    /// An absolute URL for `href`, against the page's own address where one is known.
    func resolve(_ href: String) -> String {
        let trimmed = href.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let baseURL, !trimmed.contains("://"), !trimmed.hasPrefix("mailto:") else { return trimmed }
        return URL(string: trimmed, relativeTo: URL(string: baseURL))?.absoluteString ?? trimmed
    }
}
