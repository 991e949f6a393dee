internal import CLibXML2
import Foundation

/// A page read by libxml2's HTML parser into `HTMLNode`s, with what its head declares.
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
    /// The encoding the bytes were read in, and the evidence for it.
    let encoding: String
    /// What was cut to keep libxml2 within its limits (attributes, elements), in the user's words.
    let cuts: [String]
    /// How many errors libxml2 reported (caught, never printed).
    let parserErrors: Int
    /// Elements deeper than this are flattened into their ancestor at this depth, so no walk can overflow the stack.
    static let maximumDepth = 160

    /// Parses any bytes at all; libxml2 recovers from broken markup and never touches the network.
    init(bytes: [UInt8], contentTypeHint: String? = nil) {
        let prepared = PageInput(bytes, hint: contentTypeHint)
        encoding = prepared.encoding + " (" + prepared.evidence + ")"
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)
        // An empty input still gets a document (an empty body), so the rest has one shape to handle.
        let input = prepared.bytes.isEmpty ? [0x20] : prepared.bytes
        let builder = HTMLTreeBuilder()
        input.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                builder.parse($0, encoding: prepared.encoding, options: options)
            }
        }
        cuts = [prepared.cut, builder.cut].compactMap { $0 }
        parserErrors = builder.errors
        let tree = builder.root
        var order = 0
        tree.order = 0
        tree.forEachDescendant { node in
            order += 1
            node.order = order
        }
        root = tree
        meta = builder.meta
        jsonLD = builder.jsonLD
        titleTag = builder.title
        canonicalLink = builder.canonical
    }
}
