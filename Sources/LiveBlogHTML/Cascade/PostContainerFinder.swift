/// Finds a live blog's posts by structure: the sibling elements that repeat (same tag and class, or ids) and
/// each hold a time-like mark and text. Class names are compared, never interpreted, so hashed names work.
enum PostContainerFinder {
    struct Found {
        var posts: [HTMLNode]
        /// Posts of the same kind outside the repeated run, before it (a pinned copy at the top).
        var pinned: Set<ObjectIdentifier>
        var description: String
    }

    /// Text-level elements: a run of them with clocks is a flat stream (split by `StreamSplitter`), not posts.
    static let neverContainers: Set<String> = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "span", "strong", "b", "em", "i", "a", "time", "br", "td", "tr",
    ]

    /// Posts hold a few time marks; a section holding many posts holds many.
    static let maximumMarksPerPost = 6

    static func find(in body: HTMLNode, headline: HTMLNode? = nil) -> Found? {
        if let found = findRepeated(in: body) { return found }
        return findSingle(in: body, headline: headline)
    }

    /// A blog that has just started: one `<article>` with a time mark and text, beside the page's own headline
    /// rather than around it, is a post on its own.
    static func findSingle(in body: HTMLNode, headline: HTMLNode?) -> Found? {
        var found: [HTMLNode] = []
        var stack: [HTMLNode] = [body]
        while let node = stack.popLast() {
            guard !node.isText, !node.isFurniture else { continue }
            if node.tag == "article", isPostLike(node) || isMediaPost(node),
                !(headline.map { node.contains($0) } ?? false)
            {
                found.append(node)
                continue
            }
            stack.append(contentsOf: node.children.reversed())
        }
        guard !found.isEmpty, found.count <= 2 else { return nil }
        // Its siblings made from the same template with text but no time: untimed posts (an opening summary).
        var seen = Set(found.map(ObjectIdentifier.init))
        for post in found {
            guard let parent = post.parent else { continue }
            let key = signature(post)
            let siblings = parent.children.filter { !$0.isText && !$0.isFurniture && signature($0) == key }
            for node in untimed(siblings, key: key) where seen.insert(ObjectIdentifier(node)).inserted {
                found.append(node)
            }
        }
        found.sort { $0.order < $1.order }
        return Found(
            posts: found, pinned: [], description: "\(found.count) <article> with a time mark (a blog just started)")
    }

    /// A time mark and an image, video or embed, with little text: a post that is only a picture.
    static func isMediaPost(_ node: HTMLNode) -> Bool {
        guard node.timeMarks >= 1, node.timeMarks <= maximumMarksPerPost else { return false }
        return node.firstDescendant { ["img", "video", "figure", "iframe", "picture", "amp-img"].contains($0.tag) }
            != nil
    }

    /// Members of the run's group that are not post-like alone: untimed posts with text (an opening summary), and
    /// timed ones with little text (a one-word post, an image).
    private static func untimed(_ members: [HTMLNode], key: String) -> [HTMLNode] {
        members.filter { node in
            guard !isPostLike(node) else { return false }
            // A time mark and little or no text: a short post, or one that is only an image or a video.
            let short = node.timeMarks >= 1 && node.timeMarks <= maximumMarksPerPost
            guard short || node.timeMarks == 0 && node.textLength >= 40 else { return false }
            // Without a shared class, only siblings that carry ids.
            return !key.hasSuffix("|") || node.attributes["id"] != nil
        }
    }

    static func findRepeated(in body: HTMLNode) -> Found? {
        var best: (score: Int, parent: HTMLNode, members: [HTMLNode], key: String, untimed: [HTMLNode])?
        var stack: [HTMLNode] = [body]
        while let node = stack.popLast() {
            guard !node.isText, !node.isFurniture else { continue }
            let elements = node.children.filter { !$0.isText && !$0.isFurniture }
            stack.append(contentsOf: elements)
            guard elements.count >= 2 else { continue }
            var groups: [String: [HTMLNode]] = [:]
            for child in elements { groups[signature(child), default: []].append(child) }
            for (key, members) in groups where members.count >= 2 && !Self.neverContainers.contains(members[0].tag) {
                let postLike = members.filter(isPostLike)
                guard postLike.count >= 2, postLike.count * 2 >= members.count else { continue }
                // Without a shared class, siblings must carry ids to count as a repeated container.
                if key.hasSuffix("|"), postLike.filter({ $0.attributes["id"] != nil }).count * 2 < postLike.count,
                    postLike.count < 4
                {
                    continue
                }
                let score = postLike.reduce(0) { $0 + min($1.textLength, 3000) }
                if best == nil || score > best!.score {
                    best = (score, node, postLike, key, untimed(members, key: key))
                }
            }
        }
        guard let best else { return nil }
        // Elements of the same kind elsewhere (a pinned post repeated above the feed) share the class tokens.
        // One walk that never enters a member; ancestors of members are walked through but never taken.
        let common = commonTokens(best.members)
        var extra: [HTMLNode] = []
        if !common.isEmpty {
            let members = Set(best.members.map(ObjectIdentifier.init))
            var holdsMember = Set<ObjectIdentifier>()
            for member in best.members {
                for ancestor in member.ancestors where !holdsMember.insert(ObjectIdentifier(ancestor)).inserted {
                    break
                }
            }
            var walk: [HTMLNode] = [body]
            while let node = walk.popLast() {
                guard !node.isText, !node.isFurniture, !members.contains(ObjectIdentifier(node)) else { continue }
                if !holdsMember.contains(ObjectIdentifier(node)), isPostLike(node),
                    !Set(node.classTokens).isDisjoint(with: common)
                {
                    extra.append(node)
                    continue
                }
                walk.append(contentsOf: node.children.reversed())
            }
        }
        let firstOrder = best.members.first?.order ?? 0
        // Siblings of the run that differ in a class ("left", "right") are members; others above it are pinned copies.
        let pinned = extra.filter { $0.order < firstOrder && $0.parent !== best.parent }
        let all = (best.members + extra + best.untimed).sorted { $0.order < $1.order }
        let description =
            "\(best.members.count) repeated <\(best.members.first?.tag ?? "")> containers"
            + (pinned.isEmpty ? "" : " and \(pinned.count) pinned copy")
        return Found(posts: all, pinned: Set(pinned.map(ObjectIdentifier.init)), description: description)
    }

    static func isPostLike(_ node: HTMLNode) -> Bool {
        node.timeMarks >= 1 && node.timeMarks <= maximumMarksPerPost && node.textLength >= 20
    }

    /// Tag and class, as written; the class is the evidence that siblings are made from one template.
    static func signature(_ node: HTMLNode) -> String {
        node.tag + "|" + node.classTokens.sorted().joined(separator: " ")
    }

    static func commonTokens(_ nodes: [HTMLNode]) -> Set<Substring> {
        guard let first = nodes.first else { return [] }
        var common = Set(first.classTokens)
        for node in nodes.dropFirst() { common.formIntersection(node.classTokens) }
        return common
    }
}
