import LiveBlogCore

/// Turns an extracted post into the model's `Entry` (ids are given afterwards, for the whole blog at once).
enum EntryBuilder {
    static func entry(_ post: ExtractedPost) -> Entry {
        var links: [EntryLink] = []
        for (k, block) in post.blocks.enumerated() {
            for link in block.links {
                links.append(EntryLink(paragraph: k, text: link.text, url: TextCleaner.safeURL(link.url)))
            }
        }
        var flags: EntryFlags = []
        if post.pinned { flags.insert(.pinned) }
        if post.keyEvent { flags.insert(.keyEvent) }
        return Entry(
            time: post.time, timestamp: post.timestamp, headline: post.headline,
            paragraphs: post.blocks.map(\.text), flags: flags, url: post.url.map(TextCleaner.safeURL), links: links)
    }
}
