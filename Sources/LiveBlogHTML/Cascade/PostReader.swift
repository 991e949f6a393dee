import Foundation
import LiveBlogCore

/// Reads one post container: its time (from the time-like elements and the metadata around them), headline,
/// body blocks, own id and URL.
struct PostReader {
    var baseURL: String?
    var rules: BoilerplateRules

    static let bodyTags: Set<String> = [
        "p", "blockquote", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "table", "pre",
    ]

    func read(_ post: HTMLNode) -> ExtractedPost {
        var result = ExtractedPost(node: post)
        let nodes = post.descendants().filter { !$0.isFurniture }
        // The metadata zones: the largest ancestor of each time mark, below the post, that holds no body text.
        var zones: [HTMLNode] = []
        for node in nodes where isTimeMark(node) {
            if zones.contains(where: { $0.contains(node) }) { continue }
            var zone = node.isText ? (node.parent ?? node) : node
            if zone === post { zone = node }
            while let parent = zone.parent, parent !== post, !Self.holdsBody(parent), parent.textLength <= 160 {
                zone = parent
            }
            if zone.textLength > 160 || (zone !== node && Self.holdsBody(zone) && zone.tag != "p") { continue }
            zones.append(zone)
        }
        for zone in zones {
            readMetadata(zone, into: &result)
        }
        // Without a clock, a match minute or a relative age is shown as the page wrote it; no timestamp comes of it.
        if result.time == nil {
            result.time = zones.flatMap { [$0] + $0.descendants() }.lazy.filter(\.isText)
                .map { TextCleaner.collapse($0.text) }
                .first { ClockText.isMatchMinute($0) || ClockText.isRelativeAge($0) }
        }
        // A time stamp in the container's own attributes.
        switch ISODate.fromTimeAttributes(post.attributes) {
        case .stamp(let stamp)?: result.stamps.append(stamp)
        case .epoch(let date)?: result.absolute = date
        case nil: break
        }
        // Microdata's machine-readable date, on a <meta> or <time> inside the post.
        if let node = nodes.first(where: { $0.attributes["itemprop"]?.lowercased() == "datepublished" }),
            let value = node.attributes["content"] ?? node.attributes["datetime"], let stamp = ISODate.stamp(value)
        {
            result.stamps.append(stamp)
        }
        // Headline: the first heading before any paragraph.
        var headlineNode: HTMLNode?
        for node in nodes where !node.isText {
            if zones.contains(where: { $0.contains(node) }) { continue }
            if node.tag == "p" || node.tag == "blockquote" || node.tag == "li", node.textLength > 0 { break }
            if node.tag.count == 2, node.tag.first == "h", let level = node.tag.last?.wholeNumberValue, level >= 1 {
                let text = node.textContent
                if !text.isEmpty {
                    headlineNode = node
                    result.headline = text
                    break
                }
            }
        }
        var renderer = BlockRenderer(baseURL: baseURL)
        renderer.excluded = Set(zones.map(ObjectIdentifier.init))
        for card in promoCards(in: nodes, post: post, headline: headlineNode) {
            renderer.excluded.insert(ObjectIdentifier(card))
        }
        if let headlineNode { renderer.excluded.insert(ObjectIdentifier(headlineNode)) }
        var blocks = renderer.render(post)
        // Short loose lines before the first paragraph are bylines and labels ("Jane Doe", "KEY EVENT").
        // A post that is only such a line ("Substitution: A for B") keeps it.
        while blocks.count > 1, let first = blocks.first, first.kind == .loose, Self.isLabelLike(first.text) {
            if rules.match(.keyEvent, first.text) != nil { result.keyEvent = true }
            if rules.match(.pinned, first.text) != nil { result.pinned = true }
            result.leadLines.append(first.text)
            blocks.removeFirst()
        }
        result.blocks = BlockFilter(rules: rules).filter(blocks)
        // Short lines the filter dropped before the first kept block: one may be a headline JSON-LD names.
        if let first = result.blocks.first.map({ ObjectIdentifier($0.node) }) {
            for block in blocks {
                if ObjectIdentifier(block.node) == first { break }
                if block.kind == .loose || block.isHeading { result.leadLines.append(block.text) }
            }
        }
        // The post's own id names it first; an anchor in its metadata only when it has none.
        let ownID = TextCleaner.safeID(post.attributes["id"])
        if let id = ownID { result.ownID = id }
        if result.ownID == nil, let fragment = result.url.flatMap(JSONLDReader.fragment) { result.ownID = fragment }
        if result.url == nil || ownID != nil && result.url.flatMap(JSONLDReader.fragment) != ownID,
            let id = result.ownID, let baseURL, !baseURL.isEmpty
        {
            result.url = (baseURL.split(separator: "#").first.map(String.init) ?? baseURL) + "#" + id
        }
        return result
    }

    /// Story cards inside a post: a heading that is wholly one link, with the small box around it (image, summary).
    func promoCards(in nodes: [HTMLNode], post: HTMLNode, headline: HTMLNode?) -> [HTMLNode] {
        var cards: [HTMLNode] = []
        for node in nodes where node.tag.count == 2 && node.tag.first == "h" && node !== headline {
            let links = node.descendants().filter { $0.tag == "a" }
            guard links.count == 1, links[0].textContent == node.textContent, !node.textContent.isEmpty else {
                continue
            }
            if let box = node.parent, box !== post, box.textLength <= 600 {
                cards.append(box)
            } else {
                cards.append(node)
            }
        }
        return cards
    }

    /// A `<time>`, an element with `datetime`, or a text that is only a clock or a match minute.
    func isTimeMark(_ node: HTMLNode) -> Bool {
        // A text node's mark was found once, by `PageStatistics`.
        if node.isText { return node.timeMarks > 0 }
        return node.tag == "time" || node.attributes["datetime"] != nil
    }

    private func readMetadata(_ zone: HTMLNode, into result: inout ExtractedPost) {
        let all = [zone] + zone.descendants()
        for node in all {
            if node.isText {
                let text = TextCleaner.collapse(node.text)
                if result.time == nil, ClockText.isTimeOnly(text) { result.time = text }
                if rules.match(.keyEvent, text) != nil { result.keyEvent = true }
                if rules.match(.pinned, text) != nil { result.pinned = true }
            } else {
                if let value = node.attributes["datetime"], let stamp = ISODate.stamp(value) {
                    result.stamps.append(stamp)
                }
                if result.url == nil, node.tag == "a", let href = node.attributes["href"], href.contains("#") {
                    result.url = BlockRenderer(baseURL: baseURL).resolve(href)
                }
            }
        }
    }

    static func holdsBody(_ node: HTMLNode) -> Bool {
        bodyTags.contains(node.tag) || node.bodyBlocks > 0
    }

    /// A short line without sentence punctuation: a name, a label, a flag.
    static func isLabelLike(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard words.count <= 6 else { return false }
        return !(text.hasSuffix(".") || text.hasSuffix("!") || text.hasSuffix("?") || text.hasSuffix(":"))
    }
}
