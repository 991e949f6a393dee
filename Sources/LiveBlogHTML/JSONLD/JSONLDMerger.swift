import Foundation

/// Makes the JSON-LD posts and the posts seen on the page agree, field by field: each field comes from the source
/// that shows more of it. The page's paragraphs over a one-string `articleBody`; JSON-LD's headline where the page
/// shows it only as a post's first block; JSON-LD's time where the page has none (`TimeAgreement` weighs the two
/// where both have one). Some pages' JSON-LD repeats the blog's title as every headline, makes headlines from the
/// first words of the text, truncates bodies, or gives every post the blog's own time: such fields are not taken.
///
/// Matching is by dictionaries (ids and fragments, folded headlines, text prefixes), so it is linear in the
/// number of posts whatever the page holds: 20,000 posts that match nothing cost no more than 20,000 that match.
enum JSONLDMerger {
    struct Report {
        var matched = 0
        /// Posts read from page elements that only JSON-LD pointed at (by id).
        var fromElements = 0
        /// Headlines taken from JSON-LD because the page showed them as a first block.
        var headlines = 0
        /// Whether JSON-LD gave every post one and the same time (the blog's), and so no post's time.
        var sharedTime = false

        var description: String {
            var out = "\(matched) matched"
            if fromElements > 0 { out += ", \(fromElements) read from the elements JSON-LD names" }
            if headlines > 0 { out += ", \(headlines) headlines from JSON-LD" }
            if sharedTime { out += "; JSON-LD gives every post one time (the blog's), not used" }
            return out
        }
    }

    /// The page's elements by id, with the parts after a `-` or `_` as further keys (`post-p2` is found as `p2`).
    struct ElementIndex {
        private var nodes: [String: HTMLNode] = [:]

        init(_ body: HTMLNode) {
            body.forEachDescendant { node in
                guard !node.isText, let id = node.attributes["id"], !id.isEmpty, id.utf8.count <= 200 else { return }
                for key in ElementIndex.keys(id) where nodes[key] == nil { nodes[key] = node }
            }
        }

        /// The id and its tails after each separator.
        static func keys(_ id: String) -> [String] {
            var keys = [id]
            var rest = Substring(id)
            while let k = rest.firstIndex(where: { $0 == "-" || $0 == "_" }) {
                rest = rest[rest.index(after: k)...]
                if rest.count >= 2 { keys.append(String(rest)) }
            }
            return keys
        }

        subscript(_ id: String) -> HTMLNode? { nodes[id] }
    }

    /// First unused entry of each key's list: each list is walked once over the whole merge.
    private struct Lookup {
        var lists: [String: [Int]] = [:]
        var cursors: [String: Int] = [:]

        mutating func add(_ key: String, _ k: Int) {
            guard !key.isEmpty else { return }
            lists[key, default: []].append(k)
        }

        mutating func take(_ key: String, unused used: [Bool]) -> Int? {
            guard let list = lists[key] else { return nil }
            var c = cursors[key] ?? 0
            while c < list.count, used[list[c]] { c += 1 }
            cursors[key] = c
            return c < list.count ? list[c] : nil
        }
    }

    /// Characters of folded text compared when matching by the start of a text.
    static let prefixLength = 32

    /// Fills the page's posts from their JSON-LD twins, and adds posts for JSON-LD posts whose element the page
    /// holds outside the posts found so far. With no posts from the page, the posts are JSON-LD's own.
    static func merge(
        _ json: [JSONLDPost], into posts: inout [ExtractedPost], elements: ElementIndex, reader: PostReader,
        blogTitle: String
    ) -> Report {
        var report = Report()
        let published = json.map { $0.published }
        report.sharedTime = json.count >= 3 && published[0] != nil && published.allSatisfy { $0 == published[0] }
        let stamps: [ISODate.Stamp?] =
            report.sharedTime ? json.map { _ in nil } : published.map { $0.flatMap(ISODate.stamp) }

        // The page's posts by id, headline, first block and text start (pinned copies take part but consume nothing).
        var ids = Lookup()
        var headlines = Lookup()
        var prefixes = Lookup()
        var shortPrefixes = Lookup()
        for k in posts.indices {
            let post = posts[k]
            for id in [post.ownID, post.url.flatMap(JSONLDReader.fragment)].compactMap({ $0 }) {
                for key in ElementIndex.keys(id) { ids.add(key, k) }
            }
            if let headline = post.headline { headlines.add(fold(headline), k) }
            if post.headline == nil {
                for line in post.leadLines.prefix(3) { headlines.add(fold(line), k) }
            }
            for block in post.blocks.prefix(2) {
                if post.headline == nil, block.text.count <= 300 { headlines.add(fold(block.text), k) }
                if let key = prefix(block.text) { prefixes.add(key, k) }
                if let key = prefix(block.text, length: shortPrefixLength) { shortPrefixes.add(key, k) }
            }
        }
        var used = Array(repeating: false, count: posts.count)
        var unmatched: [Int] = []
        for (j, source) in json.enumerated() {
            var found: Int?
            for id in [source.ownID, source.url.flatMap(JSONLDReader.fragment)].compactMap({ $0 }) where found == nil {
                found = ids.take(id, unused: used)
            }
            if found == nil, let headline = source.headline.map(fold) {
                found = headlines.take(headline, unused: used)
            }
            if found == nil, let body = source.body.map(decodedBody) {
                if let key = prefix(body) {
                    found = prefixes.take(key, unused: used)
                } else if let key = prefix(body, length: shortPrefixLength) {
                    // A body cut short (`"The minister has"`): its start against the start of the page's text.
                    found = shortPrefixes.take(key, unused: used)
                }
            }
            guard let k = found else {
                unmatched.append(j)
                continue
            }
            if !posts[k].pinned { used[k] = true }
            report.matched += 1
            fill(&posts[k], from: source, stamp: stamps[j], blogTitle: blogTitle, report: &report)
        }
        // JSON-LD posts the page shows under an id that no post found so far covers.
        let sortedPosts = posts.compactMap { $0.node }.sorted { $0.order < $1.order }
        var added: [ExtractedPost] = []
        var taken = Set<ObjectIdentifier>()
        var onlyJSON: [ExtractedPost] = []
        for j in unmatched {
            let source = json[j]
            let ids = [source.ownID, source.url.flatMap(JSONLDReader.fragment)].compactMap { $0 }
            if let node = ids.lazy.compactMap({ elements[$0] }).first, !node.isFurniture,
                !overlaps(node, sortedPosts), taken.insert(ObjectIdentifier(node)).inserted
            {
                var post = reader.read(node)
                fill(&post, from: source, stamp: stamps[j], blogTitle: blogTitle, report: &report)
                post.sources["post"] = "json-ld, read from the element it names"
                added.append(post)
                report.fromElements += 1
            } else if posts.isEmpty {
                var post = Self.post(from: source, blogTitle: blogTitle)
                if report.sharedTime { post.stamps = [] }
                onlyJSON.append(post)
            }
        }
        if !added.isEmpty {
            posts = (posts + added).sorted { ($0.node?.order ?? 0) < ($1.node?.order ?? 0) }
        }
        // With nothing read from the page, JSON-LD's own posts, in JSON-LD's order (the page's is unknown).
        if posts.isEmpty { posts = onlyJSON }
        return report
    }

    /// Whether `node` lies inside a post already found, or holds one: found by binary search on document order.
    private static func overlaps(_ node: HTMLNode, _ sorted: [HTMLNode]) -> Bool {
        var low = 0
        var high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid].order <= node.order { low = mid + 1 } else { high = mid }
        }
        // The last post starting at or before the node may contain it; the first after it may lie inside it.
        if low > 0, sorted[low - 1].contains(node) { return true }
        if low < sorted.count, node.contains(sorted[low]) { return true }
        return false
    }

    /// One page post's fields from its JSON-LD twin.
    private static func fill(
        _ post: inout ExtractedPost, from source: JSONLDPost, stamp: ISODate.Stamp?, blogTitle: String,
        report: inout Report
    ) {
        // A pinned box that shows no time of its own is not given one.
        if let stamp, !(post.pinned && post.time == nil && post.stamps.isEmpty) {
            post.stamps.append(stamp)
            post.sources["stamp"] = "json-ld datePublished"
        }
        if post.headline == nil, let headline = source.headline,
            plausible(headline, body: source.body.map(decodedBody), blogTitle: blogTitle)
        {
            let folded = fold(headline)
            // Shown as the post's first block (a bold line, a loose line): that block is the headline.
            if let first = post.blocks.first, fold(first.text) == folded || first.boldLead.map(fold) == folded {
                post.blocks.removeFirst()
                post.headline =
                    first.boldLead.map(fold) == folded && fold(first.text) != folded
                    ? first.boldLead : headline
                if let lead = first.boldLead, fold(first.text) != folded {
                    var rest = first
                    rest.text = TextCleaner.collapse(String(first.text.dropFirst(lead.count)))
                    rest.boldLead = nil
                    if !rest.text.isEmpty { post.blocks.insert(rest, at: 0) }
                }
                post.sources["headline"] = "json-ld, shown as the post's first block"
                report.headlines += 1
            } else if post.leadLines.contains(where: { fold($0) == folded }) {
                post.headline = headline
                post.sources["headline"] = "json-ld, shown as a short line above the post's text"
                report.headlines += 1
            }
        }
        if post.blocks.isEmpty, let body = source.body {
            post.blocks = blocks(fromBody: body)
            if !post.blocks.isEmpty { post.sources["paragraphs"] = "json-ld articleBody" }
        }
        if post.ownID == nil { post.ownID = source.ownID }
        if post.url == nil, let url = source.url, source.ownID != nil { post.url = url }
    }

    /// A post made from JSON-LD alone, when the page shows none that could be matched.
    static func post(from source: JSONLDPost, blogTitle: String) -> ExtractedPost {
        var post = ExtractedPost(ownID: source.ownID, url: source.ownID != nil ? source.url : nil)
        if let stamp = source.published.flatMap(ISODate.stamp) { post.stamps = [stamp] }
        if let body = source.body { post.blocks = blocks(fromBody: body) }
        if let headline = source.headline, plausible(headline, body: source.body.map(decodedBody), blogTitle: blogTitle)
        {
            post.headline = headline
        }
        post.sources["post"] = "json-ld alone"
        return post
    }

    /// An `articleBody` as paragraphs: HTML read as HTML (its entities decoded there, once); text split at its
    /// line breaks, or, where it has none, where one paragraph's last sentence is glued to the next one's first.
    static func blocks(fromBody raw: Substring) -> [Block] {
        let text = String(raw)
        if text.contains("<"), text.contains(">") {
            let page = HTMLPage(bytes: Array(("<html><body>" + text + "</body></html>").utf8))
            PageStatistics.compute(page.root)
            return BlockRenderer().render(page.root)
        }
        let dummy = HTMLNode(tag: "p")
        let decoded = TextCleaner.decodeEntities(text)
        var lines = decoded.split(whereSeparator: \.isNewline).map { TextCleaner.collapse(String($0)) }.filter {
            !$0.isEmpty
        }
        if lines.count == 1 { lines = splitGlued(lines[0]) }
        return lines.map { Block(kind: .paragraph, text: $0, links: [], boldLead: nil, node: dummy) }
    }

    /// Splits a text where a sentence end is glued to a capitalised word (`…today.The next…`), as bodies joined
    /// from paragraphs without a separator read.
    static func splitGlued(_ text: String) -> [String] {
        var parts: [String] = []
        var start = text.startIndex
        var k = text.startIndex
        while k < text.endIndex {
            let c = text[k]
            let next = text.index(after: k)
            if ".!?…”\"".contains(c), next < text.endIndex, text[next].isUppercase, text[next].isLetter,
                c != "\"" || (k > text.startIndex && ".!?".contains(text[text.index(before: k)])),
                text.distance(from: start, to: k) >= 40
            {
                // Not an initialism (`U.S.Army`): the sentence's last word has more than one letter.
                let word = text[start..<k].split(separator: " ").last ?? ""
                if word.count > 2 {
                    parts.append(String(text[start...k]))
                    start = next
                }
            }
            k = next
        }
        parts.append(String(text[start...]))
        return parts.map(TextCleaner.collapse).filter { !$0.isEmpty }
    }

    static func decodedBody(_ body: Substring) -> String {
        TextCleaner.decodeEntities(String(body.prefix(400)))
    }

    /// Characters compared when a JSON-LD body is shorter than `prefixLength`.
    static let shortPrefixLength = 16

    /// The folded start of a text, when it is long enough to identify it.
    static func prefix(_ text: String, length: Int = prefixLength) -> String? {
        let folded = fold(String(text.prefix(length * 2)))
        guard folded.count >= length else { return nil }
        return String(folded.prefix(length))
    }

    /// A JSON-LD headline that is not the blog's title and not just the start of the post's text.
    static func plausible(_ headline: String, body: String?, blogTitle: String) -> Bool {
        let h = fold(headline)
        if h == fold(blogTitle) { return false }
        if let body,
            fold(body).hasPrefix(
                h.hasSuffix("...") || h.hasSuffix("…") ? String(h.dropLast(h.hasSuffix("…") ? 1 : 3)) : h)
        {
            return false
        }
        return true
    }

    /// Lowercase, curly quotes made straight, spaces collapsed: headlines and texts compared as a reader would.
    static func fold(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            switch scalar {
            case "\u{2018}", "\u{2019}": scalars.append("'")
            case "\u{201C}", "\u{201D}": scalars.append("\"")
            default: scalars.append(scalar)
            }
        }
        return TextCleaner.collapse(String(scalars))
    }
}
