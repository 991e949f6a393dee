extension HTMLBlogReader {
    /// The JSON-LD reader alone, for its fuzz target: every string it reads from `scripts` (the blog's headline,
    /// description, address and dates; each post's id, address, headline, dates and body, the body decoded as the
    /// merger decodes it), in order.
    public static func jsonLDStrings(_ scripts: [String]) -> [String] {
        let result = JSONLDReader.read(scripts)
        var out = [result.headline, result.description, result.url, result.published, result.modified]
            .compactMap { $0 }
        for post in result.posts {
            out += [post.ownID, post.url, post.headline, post.published, post.modified].compactMap { $0 }
            if let body = post.body { out.append(JSONLDMerger.decodedBody(body)) }
        }
        return out
    }
}
