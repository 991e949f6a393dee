/// The text between the page's headline and its first post: the summary most live blogs open with.
enum Intro {
    /// More blocks than this before the first post is page furniture that escaped the markup test, not an intro.
    static let maximumBlocks = 20

    static func blocks(
        before first: HTMLNode, headline: HTMLNode?, posts: [HTMLNode], body: HTMLNode, baseURL: String?,
        standfirst: String?
    ) -> [Block] {
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
            case .paragraph, .listItem, .quote: return !repeats(block.text, standfirst)
            case .loose, .heading, .rule: return false
            }
        }
        return blocks.count <= maximumBlocks ? blocks : []
    }

    /// Whether a paragraph is the standfirst again (shown under the headline, worded a little differently).
    static func repeats(_ text: String, _ standfirst: String?) -> Bool {
        guard let standfirst else { return false }
        let a = PageTitle.words(text)
        let b = PageTitle.words(standfirst)
        guard !a.isEmpty, !b.isEmpty else { return false }
        return Double(a.intersection(b).count) / Double(a.union(b).count) >= 0.6
    }
}
