/// Finds the element that holds the article: the tightest one holding most of the page's paragraph text.
enum MainContent {
    /// Share of its parent's paragraph text a child must hold for the search to go down into it.
    static let share = 0.8

    static func find(in body: HTMLNode) -> HTMLNode {
        var node = body
        while true {
            let total = Double(node.paragraphText)
            guard total > 0,
                let child = node.children.first(where: {
                    !$0.isText && !$0.isFurniture && Double($0.paragraphText) >= total * share
                })
            else { return node }
            if child.tag == "p" { return node }
            node = child
        }
    }
}
