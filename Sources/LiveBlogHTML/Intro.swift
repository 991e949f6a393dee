/// The text between the page's headline and its first post: the summary most live blogs open with.
enum Intro {
    /// More blocks than this before the first post is page furniture that escaped the markup test, not an intro.
    static let maximumBlocks = 20

    static func blocks(before first: HTMLNode, headline: HTMLNode?, posts: [HTMLNode], body: HTMLNode, baseURL: String?) -> [Block] {
        var scope = first.parent ?? body
        if let headline, headline.order < first.order {
            scope = first.ancestors.first(where: { $0.contains(headline) }) ?? body
        }
        var renderer = BlockRenderer(baseURL: baseURL)
        renderer.excluded = Set(posts.map(ObjectIdentifier.init))
        if let headline { renderer.excluded.insert(ObjectIdentifier(headline)) }
        let after = headline.map { max($0.lastOrder, $0.order) } ?? 0
        let blocks = renderer.render(scope).filter { block in
            guard block.node.order > after, block.node.order < first.order else { return false }
            switch block.kind {
            case .paragraph, .listItem, .quote: return true
            case .loose: return !PostReader.isLabelLike(block.text)
            case .heading, .rule: return false
            }
        }
        return blocks.count <= maximumBlocks ? blocks : []
    }
}
