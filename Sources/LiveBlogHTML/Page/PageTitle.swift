/// Chooses the blog's title: the page's own `<h1>` (the one most like its `og:title` and `<title>` when there are
/// several, since a logo can be an `h1` too), else `og:title`, the JSON-LD headline, or `<title>`.
enum PageTitle {
    static func headlineNode(in body: HTMLNode, meta: [String: String], titleTag: String?, jsonHeadline: String?)
        -> HTMLNode?
    {
        var candidates: [HTMLNode] = []
        body.forEachDescendant { node in
            if node.tag == "h1", !node.isFurniture, !node.textContent.isEmpty { candidates.append(node) }
        }
        guard !candidates.isEmpty else { return nil }
        if candidates.count == 1 { return candidates[0] }
        let reference = words(
            [meta["og:title"], titleTag, jsonHeadline, meta["twitter:title"]].compactMap { $0 }.joined(separator: " "))
        let scored = candidates.map { node in (node, words(node.textContent).intersection(reference).count) }
        let best = scored.max { $0.1 < $1.1 }!
        return best.1 > 0 ? best.0 : candidates[0]
    }

    static func title(headlineNode: HTMLNode?, meta: [String: String], titleTag: String?, jsonHeadline: String?)
        -> String
    {
        if let text = headlineNode?.textContent, !text.isEmpty { return text }
        for candidate in [meta["og:title"], jsonHeadline, meta["twitter:title"], titleTag] {
            if let text = candidate.map({ TextCleaner.collapse($0) }), !text.isEmpty { return text }
        }
        return "(untitled page)"
    }

    static func words(_ text: String) -> Set<String> {
        Set(
            text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init).filter {
                $0.count > 2
            })
    }
}
