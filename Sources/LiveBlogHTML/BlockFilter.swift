import LiveBlogCore

/// Drops the blocks inside a post that are furniture by the boilerplate rules ("Read more: …", "Advertisement",
/// separators), and captions that escaped the markup test (a line ending in a photo credit).
struct BlockFilter {
    var rules: BoilerplateRules

    func filter(_ blocks: [Block]) -> [Block] {
        blocks.filter { keep($0) }
    }

    func keep(_ block: Block) -> Bool {
        if block.kind == .rule { return false }
        let text = block.text
        if rules.match(.line, text) != nil || rules.match(.prefix, text) != nil || rules.match(.pattern, text) != nil {
            return false
        }
        if rules.match(.card, text) != nil { return false }
        return true
    }
}
