import LiveBlogCore

/// Drops the blocks inside a post that are furniture by the boilerplate rules ("Read more: …", "Advertisement",
/// separators), and captions that escaped the markup test (a line ending in a photo credit).
struct BlockFilter {
    var rules: BoilerplateRules

    func filter(_ blocks: [Block]) -> [Block] {
        let kept = blocks.filter { keep($0) }
        // A post whose only text is a short line (a substitution, a score) keeps that line.
        if kept.isEmpty, blocks.count == 1, keep(blocks[0], labels: true) { return blocks }
        return kept
    }

    func keep(_ block: Block, labels: Bool = false) -> Bool {
        if block.kind == .rule { return false }
        let text = block.text
        if rules.match(.line, text) != nil || rules.match(.prefix, text) != nil || rules.match(.pattern, text) != nil {
            return false
        }
        if rules.match(.card, text) != nil { return false }
        if isByline(text) { return false }
        // A paragraph that is nothing but a link to elsewhere is a related-story link, not text.
        let linked = block.links.reduce(0) { $0 + $1.text.count }
        if linked * 100 >= text.count * 95, !block.links.isEmpty { return false }
        // A short loose label ("Trending", "Read More", a section name) between paragraphs.
        if !labels, block.kind == .loose || block.isHeading, text.split(separator: " ").count <= 3,
            PostReader.isLabelLike(text)
        {
            return false
        }
        // A banner in capitals ("THIS IS A LIVE BLOG. SCROLL DOWN…").
        if isShouting(text) { return false }
        return true
    }

    /// An author line (`By Ana Lima`, `By Ana Lima and Jo Park`): a byline word of the rules, then only names —
    /// capitalised words, joined by "and", "&" or commas — and no sentence end.
    func isByline(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard words.count >= 2, words.count <= 8, text.last.map({ !".!?:".contains($0) }) ?? false,
            rules.match(.byline, text) != nil
        else { return false }
        let names = words.dropFirst().filter { !["and", "&", "und", "et", "y", "e", "en", "og", "i"].contains($0) }
        return names.count >= 1 && names.allSatisfy { $0.first?.isUppercase == true && !$0.contains(where: \.isNumber) }
    }

    /// Four words or more, nearly all of their letters capitals (counted on ASCII letters: fast, and enough).
    func isShouting(_ text: String) -> Bool {
        var upper = 0
        var lower = 0
        var spaces = 0
        for b in text.utf8 {
            switch b {
            case 0x41...0x5A: upper += 1
            case 0x61...0x7A: lower += 1
            case 0x20: spaces += 1
            default: break
            }
        }
        return spaces >= 3 && upper >= 12 && lower * 10 <= upper + lower
    }
}
