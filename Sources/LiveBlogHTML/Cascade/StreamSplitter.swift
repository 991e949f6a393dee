/// Splits a flat run of blocks into posts where nothing wraps them: at headings or bold leads that start with a
/// clock, at paragraphs that are only a clock, at `___` rules, or at repeated headings of one level.
enum StreamSplitter {
    struct Result {
        var intro: [Block]
        var posts: [ExtractedPost]
        var description: String
    }

    static func split(_ blocks: [Block]) -> Result? {
        let clockHeadings = blocks.indices.filter {
            blocks[$0].isHeading && ClockText.leadingClock(blocks[$0].text) != nil
        }
        if clockHeadings.count >= 2 {
            return cut(blocks, at: clockHeadings, description: "headings that start with a clock") { block, post in
                if let (time, rest) = ClockText.leadingClock(block.text) {
                    post.time = time
                    post.headline = rest.isEmpty ? nil : rest
                }
                return nil
            }
        }
        let boldClocks = blocks.indices.filter { k in
            guard !blocks[k].isHeading, let lead = blocks[k].boldLead else { return false }
            return ClockText.leadingClock(lead) != nil
        }
        if boldClocks.count >= 2 {
            return cut(blocks, at: boldClocks, description: "paragraphs whose bold lead is a clock") { block, post in
                guard let lead = block.boldLead, let (time, rest) = ClockText.leadingClock(lead) else { return nil }
                post.time = time
                if !rest.isEmpty { post.headline = rest }
                // The paragraph's text after its bold lead is the first body paragraph.
                var body = block.text
                if body.hasPrefix(lead) { body = String(body.dropFirst(lead.count)) }
                body = TextCleaner.collapse(
                    String(body.drop(while: { $0 == ":" || $0 == " " || $0 == "–" || $0 == "-" || $0 == "|" })))
                if body.isEmpty { return nil }
                var first = block
                first.text = body
                first.boldLead = nil
                return first
            }
        }
        let clockLines = blocks.indices.filter { !blocks[$0].isHeading && ClockText.isTimeOnly(blocks[$0].text) }
        if clockLines.count >= 2 {
            return cut(blocks, at: clockLines, description: "lines that are only a clock") { block, post in
                post.time = block.text
                return nil
            }
        }
        let rules = blocks.indices.filter { blocks[$0].kind == .rule }
        if rules.count >= 2 {
            return cut(blocks, at: rules, description: "___ rules") { _, _ in nil }
        }
        // Repeated headings of one level (h2–h4), a headline stream with no times.
        var byLevel: [Int: [Int]] = [:]
        for k in blocks.indices {
            if case .heading(let level) = blocks[k].kind, level >= 2 { byLevel[level, default: []].append(k) }
        }
        if let (_, headings) = byLevel.max(by: { $0.value.count < $1.value.count }), headings.count >= 3 {
            // Where the headlines are headings, a paragraph that reads as a headline between two stories is one too
            // (some pages mark a few of them up as plain paragraphs).
            let indices =
                (headings
                + blocks.indices.filter { k in
                    k > headings[0] && k + 1 < blocks.count && blocks[k].kind == .paragraph
                        && isHeadlineLike(blocks[k].text)
                        && blocks[k + 1].kind == .paragraph && blocks[k + 1].text.split(separator: " ").count >= 8
                        && endsSentence(blocks[k - 1].text)
                }).sorted()
            return cut(blocks, at: indices, description: "repeated headings") { block, post in
                if let (time, rest) = ClockText.leadingClock(block.text), !rest.isEmpty {
                    post.time = time
                    post.headline = rest
                } else {
                    post.headline = block.text
                }
                return nil
            }
        }
        return nil
    }

    /// Short, capitalised, and without the punctuation that ends a sentence.
    static func isHeadlineLike(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard (3...20).contains(words.count), text.first?.isUppercase == true else { return false }
        return !endsSentence(text) && !text.hasSuffix(":") && !text.hasSuffix(",")
    }

    static func endsSentence(_ text: String) -> Bool {
        guard let last = text.last else { return false }
        return ".!?…”\"’)".contains(last)
    }

    /// Cuts at the given block indices; `open` reads the boundary block into the post and may give back a first
    /// body block made from it.
    private static func cut(
        _ blocks: [Block], at starts: [Int], description: String,
        open: (Block, inout ExtractedPost) -> Block?
    ) -> Result {
        var posts: [ExtractedPost] = []
        for (n, start) in starts.enumerated() {
            let end = n + 1 < starts.count ? starts[n + 1] : blocks.count
            var post = ExtractedPost()
            var body: [Block] = []
            if let first = open(blocks[start], &post) { body.append(first) }
            var rest = blocks[(start + 1)..<end]
            // A heading right under a clock line is the post's headline.
            if post.headline == nil, body.isEmpty, let next = rest.first, next.isHeading {
                post.headline = next.text
                rest = rest.dropFirst()
            }
            body.append(contentsOf: rest)
            post.blocks = body
            post.node = blocks[start].node
            posts.append(post)
        }
        // A heading with no paragraph and no time under it is a list or widget title, not a post.
        posts.removeAll { post in
            post.time == nil && !post.blocks.contains { $0.kind != .rule && $0.text.split(separator: " ").count >= 5 }
        }
        return Result(
            intro: Array(blocks[..<(starts.first ?? 0)]), posts: posts, description: "stream split by \(description)")
    }
}
