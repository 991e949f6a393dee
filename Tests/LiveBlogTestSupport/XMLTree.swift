import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// An XML document read back into a tree of elements by Foundation's `XMLParser`, so that tests check an export
/// with a real XML parser rather than by matching its text.
public struct XMLTree: Sendable {
    /// One element: its local name and namespace, attributes, own text and child elements.
    public struct Element: Sendable {
        public var name: String
        public var namespace: String?
        public var attributes: [String: String]
        /// The element's own character data, its children's left out.
        public var text: String
        public var children: [Element]

        /// The child elements called `name`, in document order.
        public func children(_ name: String) -> [Element] { children.filter { $0.name == name } }

        /// The first child element called `name`.
        public func first(_ name: String) -> Element? { children.first { $0.name == name } }
    }

    public var root: Element

    /// Parses `data`; throws when it is not well-formed XML.
    public init(_ data: Data) throws {
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        let builder = Builder()
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw TestSupportError(
                "not well-formed XML: \(parser.parserError.map(String.init(describing:)) ?? "no root element")")
        }
        self.root = root
    }

    /// Collects elements on a stack as the parser reports them.
    private final class Builder: NSObject, XMLParserDelegate {
        var stack: [Element] = []
        var root: Element?

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String]
        ) {
            stack.append(
                Element(name: elementName, namespace: namespaceURI, attributes: attributes, text: "", children: []))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard !stack.isEmpty else { return }
            stack[stack.count - 1].text += string
        }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
        ) {
            let done = stack.removeLast()
            if stack.isEmpty { root = done } else { stack[stack.count - 1].children.append(done) }
        }
    }
}
