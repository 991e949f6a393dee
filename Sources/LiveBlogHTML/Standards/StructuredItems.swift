/// schema.org items written in a page's markup, in either syntax that HTML carries them in:
///
/// - **Microdata** (WHATWG HTML §5): `itemscope` makes an item, `itemtype` types it, `itemprop` names a property of
///   the nearest enclosing item (a property that is itself `itemscope` is a nested item, whose own properties are
///   not its parent's), `itemref` adds the elements with the listed ids (and what they hold) to an item, `itemid`
///   names it. A property's value is the `content` attribute, else `datetime` on `<time>`, else `href`/`src` on
///   links and media, else the text.
/// - **RDFa Lite** (W3C RDFa Lite 1.1): `vocab` sets the vocabulary, `typeof` makes a typed item, `property` names
///   a property of the nearest enclosing `typeof` (a property that is itself `typeof` is a nested item), `resource`
///   names it, and a `content` attribute overrides the text. Prefixed names (`schema:headline`) are read by their
///   local part.
enum StructuredItems {
    enum Syntax: String {
        case microdata
        case rdfa = "RDFa"

        var propertyAttribute: String { self == .microdata ? "itemprop" : "property" }
        var scopeAttribute: String { self == .microdata ? "itemscope" : "typeof" }
    }

    /// The local names in a property attribute (`schema:headline http://schema.org/name` → headline, name).
    static func names(_ value: String) -> [String] {
        value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map { token in
            let afterSlash = token.split(separator: "/").last ?? token
            let afterHash = afterSlash.split(separator: "#").last ?? afterSlash
            let afterColon = afterHash.split(separator: ":").last ?? afterHash
            return afterColon.lowercased()
        }
    }

    static func isItem(_ node: HTMLNode, _ syntax: Syntax) -> Bool {
        node.attributes[syntax.scopeAttribute] != nil
    }

    /// The elements whose property names include `name` (lowercased), in document order.
    static func elements(named name: String, in root: HTMLNode, _ syntax: Syntax) -> [HTMLNode] {
        var found: [HTMLNode] = []
        root.forEachDescendant { node in
            guard !node.isText, let value = node.attributes[syntax.propertyAttribute] else { return }
            if names(value).contains(name) { found.append(node) }
        }
        return found
    }

    /// An item's properties by lowercased local name, in document order: the properties below it that no nested
    /// item claims, and for microdata those of the elements its `itemref` names. Each element is visited once.
    static func properties(of item: HTMLNode, _ syntax: Syntax, ids: ElementIDs?) -> [String: [HTMLNode]] {
        var result: [String: [HTMLNode]] = [:]
        var roots: [HTMLNode] = [item]
        if syntax == .microdata, let refs = item.attributes["itemref"], let ids {
            for id in refs.split(separator: " ") { if let node = ids[String(id)] { roots.append(node) } }
        }
        var visited = Set<ObjectIdentifier>()
        for (n, root) in roots.enumerated() {
            // A referenced element is itself a candidate property; the item's own element is not.
            var stack: [HTMLNode] = n == 0 ? root.children.reversed() : [root]
            while let node = stack.popLast() {
                guard !node.isText, visited.insert(ObjectIdentifier(node)).inserted else { continue }
                if let value = node.attributes[syntax.propertyAttribute] {
                    for name in names(value) { result[name, default: []].append(node) }
                }
                // A nested item keeps its properties to itself.
                if isItem(node, syntax) { continue }
                stack.append(contentsOf: node.children.reversed())
            }
        }
        return result
    }

    /// A property's value as the syntax defines it.
    static func value(_ node: HTMLNode) -> String {
        if let content = node.attributes["content"] { return TextCleaner.collapse(content) }
        if node.tag == "time", let datetime = node.attributes["datetime"] { return datetime }
        if node.tag == "a" || node.tag == "link" || node.tag == "area", let href = node.attributes["href"] {
            return href
        }
        if ["img", "audio", "video", "source", "iframe", "embed"].contains(node.tag), let src = node.attributes["src"] {
            return src
        }
        if node.tag == "meta" { return "" }
        return node.textContent
    }

    /// The page's elements by id, for `itemref`.
    struct ElementIDs {
        private var nodes: [String: HTMLNode] = [:]
        init(_ root: HTMLNode) {
            root.forEachDescendant { node in
                if !node.isText, let id = node.attributes["id"], nodes[id] == nil { nodes[id] = node }
            }
        }
        subscript(_ id: String) -> HTMLNode? { nodes[id] }
    }

    /// The `liveBlogUpdate` items of a page in one syntax, outermost first (an update nested in an update is part
    /// of it).
    static func updates(in body: HTMLNode, _ syntax: Syntax) -> [HTMLNode] {
        let all = elements(named: "liveblogupdate", in: body, syntax)
        var result: [HTMLNode] = []
        for node in all where !(result.last.map { $0.contains(node) } ?? false) {
            result.append(node)
        }
        return result
    }

    /// Fills a post read from an update item with the item's own statements: its headline where the markup's
    /// headings gave none, its `datePublished`, its name (`itemid`, `resource`).
    static func fill(_ post: inout ExtractedPost, item: HTMLNode, _ syntax: Syntax, ids: ElementIDs?) {
        let properties = properties(of: item, syntax, ids: ids)
        for key in ["datepublished", "datecreated", "uploaddate"] {
            for node in properties[key] ?? [] {
                if let stamp = ISODate.stamp(value(node)), !post.stamps.contains(stamp) {
                    post.stamps.append(stamp)
                    post.sources["stamp"] = "\(syntax.rawValue) \(key)"
                }
            }
        }
        if post.headline == nil, let node = (properties["headline"] ?? properties["name"])?.first {
            let headline = value(node)
            if !headline.isEmpty, headline.count <= 300 {
                let folded = JSONLDMerger.fold(headline)
                post.blocks.removeAll { JSONLDMerger.fold($0.text) == folded }
                post.headline = headline
                post.sources["headline"] = "\(syntax.rawValue) headline"
            }
        }
        if post.ownID == nil {
            let name = syntax == .microdata ? item.attributes["itemid"] : item.attributes["resource"]
            if let fragment = name.flatMap(JSONLDReader.fragment) { post.ownID = fragment }
        }
    }
}
