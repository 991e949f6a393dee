/// One node of a parsed page: an element with its attributes and children, or a run of text.
///
/// The tree is a plain Swift copy of libxml2's, made once, so that the extraction code never touches C pointers
/// and can be tested on its own. Scripts, styles and comments are left out when it is built.
final class HTMLNode {
    /// The lowercase tag name, or "" for a text node.
    let tag: String
    /// The text of a text node; empty for an element.
    let text: String
    let attributes: [String: String]
    private(set) var children: [HTMLNode] = []
    /// Unowned, not weak: a weak reference gives every element a side table, and then every retain and release of
    /// it takes the slow path (a third of the time spent reading a page). Parents outlive the reading of their
    /// children: the page's root holds the whole tree while anything walks up it.
    private(set) unowned var parent: HTMLNode?
    /// Position in document order, for "comes before" tests.
    var order = 0
    /// Order of the last node below this one: `contains` by numbers.
    var lastOrder = 0
    /// Characters of reader text below (furniture left out); filled by `PageStatistics`.
    var textLength = 0
    /// Time-like marks below (a `<time>`, a `datetime`, a text that is only a clock or a match minute).
    var timeMarks = 0
    /// Body elements (paragraphs, quotes, lists, headings with text) at or below this node.
    var bodyBlocks = 0
    /// Characters of `<p>` text below, for finding the main content.
    var paragraphText = 0
    /// Whether this node is furniture (navigation, share bars, ads…) or lies inside some.
    var isFurniture = false

    init(tag: String, attributes: [String: String] = [:], text: String = "") {
        self.tag = tag
        self.attributes = attributes
        self.text = text
    }

    var isText: Bool { tag.isEmpty }

    func append(_ child: HTMLNode) {
        child.parent = self
        children.append(child)
    }

    /// Makes this node a root: its old parent is about to go away.
    func detach() { parent = nil }

    func attribute(_ name: String) -> String? { attributes[name] }

    /// The class attribute's tokens, lowercased.
    var classTokens: [Substring] {
        guard let value = attributes["class"] else { return [] }
        return value.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
    }

    /// Every node below this one in document order, without recursion (pages nest deeply).
    func descendants() -> [HTMLNode] {
        var result: [HTMLNode] = []
        if lastOrder > order { result.reserveCapacity(lastOrder - order) }
        forEachDescendant { result.append($0) }
        return result
    }

    /// Visits every node below this one in document order, building no array: a stack of positions among
    /// siblings instead of copies of the children lists.
    func forEachDescendant(_ visit: (HTMLNode) -> Void) {
        _ = firstDescendant {
            visit($0)
            return false
        }
    }

    /// The first node below this one, in document order, that satisfies `predicate`; the walk stops there.
    func firstDescendant(where predicate: (HTMLNode) -> Bool) -> HTMLNode? {
        var stack: [(node: HTMLNode, next: Int)] = [(self, 0)]
        while let top = stack.last {
            guard top.next < top.node.children.count else {
                stack.removeLast()
                continue
            }
            let child = top.node.children[top.next]
            stack[stack.count - 1].next += 1
            if predicate(child) { return child }
            if !child.children.isEmpty { stack.append((child, 0)) }
        }
        return nil
    }

    /// The element descendants with the given tag.
    func elements(named name: String) -> [HTMLNode] { descendants().filter { $0.tag == name } }

    /// All text below, whitespace collapsed to single spaces and trimmed.
    var textContent: String {
        var out = ""
        var stack: [HTMLNode] = [self]
        while let node = stack.popLast() {
            if node.isText {
                out += node.text
            } else {
                if node.tag == "br" { out += " " }
                stack.append(contentsOf: node.children.reversed())
            }
        }
        return TextCleaner.collapse(out)
    }

    /// Whether `other` is this node or lies below it: by document order once `PageStatistics` has numbered the
    /// nodes, by walking up otherwise.
    func contains(_ other: HTMLNode) -> Bool {
        if lastOrder > 0 || order > 0 || other.order > 0 {
            return other.order >= order && other.order <= max(lastOrder, order)
        }
        var node: HTMLNode? = other
        while let n = node {
            if n === self { return true }
            node = n.parent
        }
        return false
    }

    /// The ancestors from the parent up to the root.
    var ancestors: [HTMLNode] {
        var result: [HTMLNode] = []
        var node = parent
        while let n = node {
            result.append(n)
            node = n.parent
        }
        return result
    }
}
