internal import CLibXML2
import Foundation

/// A page read by libxml2's HTML parser and copied into `HTMLNode`s, with what its head declares.
struct HTMLPage {
    /// The `<html>` element (or a stand-in when the page has none).
    let root: HTMLNode
    /// `<meta>` values by `name` or `property`, lowercased keys; the first of each wins.
    let meta: [String: String]
    /// The text of each `application/ld+json` script.
    let jsonLD: [String]
    /// The `<title>` text.
    let titleTag: String?
    /// The first `<link rel=canonical href=…>`.
    let canonicalLink: String?
    /// The encoding the bytes were read in.
    let encoding: String
    /// Elements deeper than this are flattened into their ancestor at this depth, so no walk can overflow the stack.
    static let maximumDepth = 160

    /// Parses any bytes at all; libxml2 recovers from broken markup and never touches the network.
    init(bytes: [UInt8], contentTypeHint: String? = nil) {
        let encodingName = CharsetSniffer.encoding(of: bytes, hint: contentTypeHint)
        encoding = encodingName
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)
        // An empty input still gets a document (an empty body), so the rest has one shape to handle.
        let input = bytes.isEmpty ? [0x20] : bytes
        let doc: htmlDocPtr? = input.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                htmlReadMemory(chars.baseAddress!, Int32(clamping: chars.count), nil, encodingName, options)
            }
        }
        defer { if let doc { xmlFreeDoc(doc) } }
        var builder = TreeBuilder()
        let root = HTMLNode(tag: "html")
        if let doc, let top = xmlDocGetRootElement(doc) {
            builder.copy(top, into: root)
        }
        // A fragment without <html> is wrapped by libxml2 already; keep the copy's single <html> child as root.
        if root.children.count == 1, root.children[0].tag == "html" {
            self.root = root.children[0]
            self.root.detach()
        } else {
            self.root = root
        }
        var order = 0
        self.root.order = 0
        for node in self.root.descendants() {
            order += 1
            node.order = order
        }
        meta = builder.meta
        jsonLD = builder.jsonLD
        titleTag = builder.title
        canonicalLink = builder.canonical
    }
}

/// Copies libxml2's tree into `HTMLNode`s with an explicit stack, gathering meta tags and JSON-LD on the way.
private struct TreeBuilder {
    var meta: [String: String] = [:]
    var jsonLD: [String] = []
    var title: String?
    var canonical: String?

    /// Tags whose content is never text for a reader.
    static let skipped: Set<String> = ["script", "style", "noscript", "template", "svg", "math", "iframe", "object",
                                       "embed", "canvas", "select", "option", "head", "link"]

    mutating func copy(_ top: xmlNodePtr, into root: HTMLNode) {
        var stack: [(xmlNodePtr, HTMLNode, Int)] = [(top, root, 1)]
        while let (node, parent, depth) = stack.popLast() {
            switch node.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = node.pointee.content {
                    parent.append(HTMLNode(tag: "", text: String(cString: content)))
                }
            case XML_ELEMENT_NODE:
                let name = node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
                let attributes = Self.attributes(of: node)
                if name == "meta" { record(meta: attributes) }
                if name == "link" { record(link: attributes) }
                if name == "title", title == nil { title = Self.text(of: node) }
                if name == "script", (attributes["type"] ?? "").lowercased().contains("ld+json") {
                    jsonLD.append(Self.text(of: node))
                }
                if name == "head" { collectHead(node) }
                if Self.skipped.contains(name) { continue }
                let element = HTMLNode(tag: name, attributes: attributes)
                let target = depth > HTMLPage.maximumDepth ? parent : element
                if target === element { parent.append(element) }
                // Children are pushed in reverse so they pop in document order.
                var children: [xmlNodePtr] = []
                var child = node.pointee.children
                while let c = child {
                    children.append(c)
                    child = c.pointee.next
                }
                for c in children.reversed() { stack.append((c, target, depth + 1)) }
            default:
                continue
            }
        }
    }

    /// Reads the meta tags, title and JSON-LD of `<head>`, which is not copied.
    private mutating func collectHead(_ head: xmlNodePtr) {
        var stack: [xmlNodePtr] = []
        var child = head.pointee.children
        while let c = child { stack.append(c); child = c.pointee.next }
        stack.reverse()
        while let node = stack.popLast() {
            guard node.pointee.type == XML_ELEMENT_NODE else { continue }
            let name = node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
            let attributes = Self.attributes(of: node)
            switch name {
            case "meta": record(meta: attributes)
            case "link": record(link: attributes)
            case "title": if title == nil { title = Self.text(of: node) }
            case "script":
                if (attributes["type"] ?? "").lowercased().contains("ld+json") { jsonLD.append(Self.text(of: node)) }
            default:
                var kids: [xmlNodePtr] = []
                var c = node.pointee.children
                while let k = c { kids.append(k); c = k.pointee.next }
                stack.append(contentsOf: kids.reversed())
            }
        }
    }

    private mutating func record(link attributes: [String: String]) {
        guard canonical == nil, let rel = attributes["rel"]?.lowercased(),
              rel.split(separator: " ").contains("canonical"), let href = attributes["href"], !href.isEmpty else { return }
        canonical = href
    }

    private mutating func record(meta attributes: [String: String]) {
        guard let content = attributes["content"] else { return }
        for key in ["property", "name", "itemprop"] {
            if let name = attributes[key]?.lowercased(), meta[name] == nil { meta[name] = content }
        }
    }

    static func attributes(of node: xmlNodePtr) -> [String: String] {
        var result: [String: String] = [:]
        var attribute = node.pointee.properties
        while let a = attribute {
            if let name = a.pointee.name {
                let key = String(cString: name).lowercased()
                var value = ""
                if let text = xmlNodeListGetString(node.pointee.doc, a.pointee.children, 1) {
                    value = String(cString: text)
                    free(text)
                }
                if result[key] == nil { result[key] = value }
            }
            attribute = a.pointee.next
        }
        return result
    }

    static func text(of node: xmlNodePtr) -> String {
        guard let content = xmlNodeGetContent(node) else { return "" }
        defer { free(content) }
        return String(cString: content)
    }
}
