/// Finds a live blog's posts by structure: the sibling elements that repeat (same tag and class, or ids) and
/// each hold a time-like mark and text. Class names are compared, never interpreted, so hashed names work.
enum PostContainerFinder {
    struct Found {
        var posts: [HTMLNode]
        /// Posts of the same kind outside the repeated run, before it (a pinned copy at the top).
        var pinned: Set<ObjectIdentifier>
        var description: String
    }

    /// Posts hold a few time marks; a section holding many posts holds many.
    static let maximumMarksPerPost = 6

    static func find(in body: HTMLNode) -> Found? {
        var best: (score: Int, parent: HTMLNode, members: [HTMLNode], key: String)?
        var stack: [HTMLNode] = [body]
        while let node = stack.popLast() {
            guard !node.isText, !node.isFurniture else { continue }
            let elements = node.children.filter { !$0.isText && !$0.isFurniture }
            stack.append(contentsOf: elements)
            guard elements.count >= 2 else { continue }
            var groups: [String: [HTMLNode]] = [:]
            for child in elements { groups[signature(child), default: []].append(child) }
            for (key, members) in groups where members.count >= 2 {
                let postLike = members.filter(isPostLike)
                guard postLike.count >= 2, postLike.count * 2 >= members.count else { continue }
                // Without a shared class, siblings must carry ids to count as a repeated container.
                if key.hasSuffix("|"), postLike.filter({ $0.attributes["id"] != nil }).count * 2 < postLike.count,
                    postLike.count < 4
                {
                    continue
                }
                let score = postLike.reduce(0) { $0 + min($1.textLength, 3000) }
                if best == nil || score > best!.score { best = (score, node, postLike, key) }
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
        let all = (best.members + extra).sorted { $0.order < $1.order }
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
