import Foundation

/// Joins the JSON-LD posts with the posts seen on the page. JSON-LD is trusted for ids and times; the visible
/// post for headline and text, because some pages' JSON-LD repeats the blog's title as every headline, makes
/// headlines from the first words of the text, truncates bodies, or is older than the page.
enum JSONLDMerger {
    /// Fills the visible posts from their JSON-LD twins; returns how many were matched.
    static func merge(_ json: [JSONLDPost], into posts: inout [ExtractedPost], blogTitle: String) -> Int {
        let folded = FoldedPosts(json)
        var used = Set<Int>()
        var matched = 0
        for k in posts.indices {
            guard let j = match(posts[k], in: json, folded: folded, excluding: used) else { continue }
            // A pinned copy may match the same JSON-LD post as the feed's; only the feed's consumes it.
            if !posts[k].pinned { used.insert(j) }
            matched += 1
            let source = json[j]
            if let published = source.published.flatMap(ISODate.parse) {
                posts[k].timestamp = published.date
                if posts[k].time == nil { posts[k].time = published.clock }
            }
            if posts[k].ownID == nil { posts[k].ownID = source.ownID }
            if posts[k].url == nil, let url = source.url, source.ownID != nil { posts[k].url = url }
        }
        return matched
    }

    /// The JSON-LD posts' headlines and body starts, folded when first compared (most posts match by id and never
    /// are) and then kept.
    private final class FoldedPosts {
        let json: [JSONLDPost]
        private var headlines: [String??]
        private var bodies: [String??]

        init(_ json: [JSONLDPost]) {
            self.json = json
            headlines = Array(repeating: nil, count: json.count)
            bodies = Array(repeating: nil, count: json.count)
        }

        func headline(_ k: Int) -> String? {
            if let known = headlines[k] { return known }
            let value = json[k].headline.map(fold)
            headlines[k] = .some(value)
            return value
        }

        func body(_ k: Int) -> String? {
            if let known = bodies[k] { return known }
            let value = json[k].body.map { fold(TextCleaner.decodeEntities(String($0.prefix(400)))) }
            bodies[k] = .some(value)
            return value
        }
    }

    private static func match(
        _ post: ExtractedPost, in json: [JSONLDPost], folded: FoldedPosts, excluding used: Set<Int>
    ) -> Int? {
        let candidates = json.indices.filter { !used.contains($0) }
        if let own = post.ownID ?? post.url.flatMap(JSONLDReader.fragment) {
            if let j = candidates.first(where: { k in
                json[k].ownID.map { own == $0 || own.hasSuffix("-" + $0) || own.hasSuffix($0) && $0.count >= 6 }
                    ?? false
            }) {
                return j
            }
        }
        if let headline = post.headline.map(fold), !headline.isEmpty,
            let j = candidates.first(where: { folded.headline($0) == headline })
        {
            return j
        }
        // By text: either may be cut short (JSON-LD bodies are often truncated).
        if let first = post.blocks.first.map({ fold($0.text) }), first.count >= 12 {
            let start = String(first.prefix(40))
            if let j = candidates.first(where: { k in
                guard let body = folded.body(k), body.count >= 12 else { return false }
                return body.hasPrefix(start) || first.hasPrefix(String(body.prefix(40)))
            }) {
                return j
            }
        }
        return nil
    }

    /// A post made from JSON-LD alone, when the page shows none that could be matched.
    static func post(from source: JSONLDPost, blogTitle: String) -> ExtractedPost {
        let body = source.body.map { TextCleaner.decodeEntities(String($0)) }
        var post = ExtractedPost(ownID: source.ownID, url: source.ownID != nil ? source.url : nil)
        if let published = source.published.flatMap(ISODate.parse) {
            post.timestamp = published.date
            post.time = published.clock
        }
        if let body {
            if body.contains("<") {
                let page = HTMLPage(bytes: Array(("<html><body>" + body + "</body></html>").utf8))
                PageStatistics.compute(page.root)
                post.blocks = BlockRenderer().render(page.root)
            } else {
                let dummy = HTMLNode(tag: "p")
                post.blocks = body.components(separatedBy: "\n").map(TextCleaner.collapse).filter { !$0.isEmpty }
                    .map { Block(kind: .paragraph, text: $0, links: [], boldLead: nil, node: dummy) }
            }
        }
        if let headline = source.headline, plausible(headline, body: body, blogTitle: blogTitle) {
            post.headline = headline
        }
        return post
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
