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
                node.bodyBlocks = 0
                continue
            }
            if node.isText {
                // Characters that are not white space, counted on the bytes (no string is built): a length for
                // thresholds, not for display. Only short texts with a digit can be time marks.
                var length = 0
                var digit = false
                for b in node.text.utf8 where b & 0xC0 != 0x80 && b != 0x20 && b != 0x0A && b != 0x09 && b != 0x0D {
                    length += 1
                    if b >= 0x30 && b <= 0x39 { digit = true }
                }
                node.textLength = length
                node.timeMarks = digit && length <= 60 && ClockText.isTimeMark(TextCleaner.collapse(node.text)) ? 1 : 0
                continue
            }
            var length = 0
            var marks = 0
            var paragraphs = 0
            var bodies = 0
            for child in node.children {
                length += child.textLength
                marks += child.timeMarks
                paragraphs += child.paragraphText
                bodies += child.bodyBlocks
            }
            if length > 0, PostReader.bodyTags.contains(node.tag) { bodies += 1 }
            node.bodyBlocks = bodies
            node.paragraphText = node.tag == "p" ? length : paragraphs
            if node.tag == "time" || node.attributes["datetime"] != nil {
                // The element and a clock text inside it are one mark.
                marks = 1
            } else if marks == 0, ISODate.fromTimeAttributes(node.attributes) != nil {
                // A post stamped only in an attribute (its visible time is drawn by a script a saved page lacks).
                marks = 1
            }
            node.textLength = length
            node.timeMarks = marks
        }
    }
}
