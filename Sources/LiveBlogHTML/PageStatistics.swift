/// Fills each node's furniture flag, reader-text length and time marks in two passes over the document.
enum PageStatistics {
    static func compute(_ root: HTMLNode) {
        let all = [root] + root.descendants()
        // Top-down: furniture is inherited.
        for node in all {
            let inherited = node.parent?.isFurniture ?? false
            node.isFurniture = inherited || (!node.isText && Furniture.isFurniture(node))
        }
        // Bottom-up in reverse document order: children are done before their parents.
        for node in all.reversed() {
            node.lastOrder = node.children.last.map { max($0.lastOrder, $0.order) } ?? node.order
            if node.isFurniture {
                node.textLength = 0
                node.timeMarks = 0
                node.paragraphText = 0
                continue
            }
            if node.isText {
                let trimmed = TextCleaner.collapse(node.text)
                node.textLength = trimmed.count
                node.timeMarks = !trimmed.isEmpty && (ClockText.isTimeOnly(trimmed) || ClockText.isMatchMinute(trimmed)
                    || ClockText.isRelativeAge(trimmed)) ? 1 : 0
                continue
            }
            var length = 0, marks = 0, paragraphs = 0
            for child in node.children {
                length += child.textLength
                marks += child.timeMarks
                paragraphs += child.paragraphText
            }
            node.paragraphText = node.tag == "p" ? length : paragraphs
            if node.tag == "time" || node.attributes["datetime"] != nil {
                // The element and a clock text inside it are one mark.
                marks = 1
            }
            node.textLength = length
            node.timeMarks = marks
        }
    }
}
