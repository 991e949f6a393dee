internal import CLibXML2

/// Builds the `HTMLNode` tree from libxml2's HTML parser events (SAX), gathering meta tags, JSON-LD and the title
/// on the way.
///
/// libxml2 never builds a tree of its own here: building, copying and freeing one was half the allocations and
/// most of the peak memory of reading a page. The events are libxml2's own (its parser still decides implied and
/// auto-closed elements), and this builder keeps what a copy of libxml2's tree kept: the same text nodes (adjacent
/// runs joined as libxml2 joins them), the same root; past libxml2's depth limit, where its tree builder stops the
/// parse, this one reads on with the deeper elements flattened.
final class HTMLTreeBuilder {
    private(set) var meta: [String: String] = [:]
    private(set) var jsonLD: [String] = []
    private(set) var title: String?
    /// The page's `<link rel=canonical>` address, the first one given.
    private(set) var canonical: String?
    /// Errors libxml2 reported: counted, never printed.
    fileprivate(set) var errors = 0
    /// Why the parse was stopped early, in the user's words.
    private(set) var cut: String?
    /// Elements read before the parse stops: far more than any page has, few enough to answer in time.
    static let maximumElements = 1_000_000
    private var elementCount = 0

    /// Tags whose content is never text for a reader.
    static let skipped: Set<String> = [
        "script", "style", "noscript", "template", "svg", "math", "iframe", "object",
        "embed", "canvas", "select", "option", "head", "link",
    ]
    /// libxml2's tree builder stops the parse when more elements than this are open (`xmlParserMaxDepth`).
    static let libxmlMaximumDepth = 256

    private enum Mode {
        /// Copied into the tree.
        case copy
        /// Inside `<head>`: only meta tags, the title and scripts are read.
        case head
        /// Not copied (scripts, styles, a second top-level element, a head's meta, title or script).
        case ignored
    }

    private struct Frame {
        var mode: Mode
        /// Where this element's children go: itself, or an ancestor when it lies below the depth limit.
        var target: HTMLNode?
        var depth: Int
        /// Whether this element's text is being gathered (a title, a JSON-LD script).
        var captures = false
    }

    private enum CaptureKind { case title, jsonLD }

    private var frames: [Frame] = []
    private var topLevel: HTMLNode?
    /// Whether libxml2's document got a child (a doctype, a comment) before its root element: later top-level
    /// elements are then siblings of the root, which nobody reads, rather than children of it.
    private var documentHasEarlierChild = false
    private var halted = false
    /// The text run being read; libxml2 joins consecutive character events into one text node.
    private var pending: [UInt8] = []
    private var captures: [(kind: CaptureKind, bytes: [UInt8])] = []
    /// Names come from libxml2's dictionary, one pointer per distinct name: each is made a Swift string once.
    private var names: [UnsafeRawPointer: String] = [:]

    /// The tree's root: the page's `<html>` element, or an empty stand-in.
    var root: HTMLNode {
        if let topLevel, topLevel.tag == "html" { return topLevel }
        let wrapper = HTMLNode(tag: "html")
        if let topLevel { wrapper.append(topLevel) }
        return wrapper
    }

    /// Runs libxml2's HTML parser over `bytes` read as `encoding`.
    /// libxml2 sets up its global tables on first use, which is not safe from two threads at once (the blog
    /// list's poller parses pages on several): a static is set up exactly once, whichever thread comes first.
    static let libraryReady: Void = xmlInitParser()

    func parse(_ bytes: UnsafeBufferPointer<CChar>, encoding: String, options: Int32) {
        _ = HTMLTreeBuilder.libraryReady
        guard let context = htmlNewParserCtxt() else { return }
        defer { htmlFreeParserCtxt(context) }
        if let sax = context.pointee.sax {
            // Only these events; with no start-document handler libxml2 makes no document and no tree.
            var handler = xmlSAXHandler()
            handler.initialized = sax.pointee.initialized
            handler.startElement = { context, name, attributes in
                HTMLTreeBuilder.from(context)?.start(name, attributes, parser: context)
            }
            handler.endElement = { context, _ in HTMLTreeBuilder.from(context)?.end() }
            handler.characters = { context, text, count in HTMLTreeBuilder.from(context)?.characters(text, count) }
            handler.cdataBlock = { context, text, count in HTMLTreeBuilder.from(context)?.cdata(text, count) }
            handler.comment = { context, _ in HTMLTreeBuilder.from(context)?.otherNode() }
            handler.processingInstruction = { context, _, _ in HTMLTreeBuilder.from(context)?.otherNode() }
            handler.internalSubset = { context, _, _, _ in HTMLTreeBuilder.from(context)?.otherNode() }
            // Errors to a counter: with this mark libxml2 hands them to `serror` rather than printing them.
            handler.initialized = UInt32(XML_SAX2_MAGIC)
            handler.serror = { context, _ in
                guard let raw = context?.assumingMemoryBound(to: xmlParserCtxt.self).pointee._private else { return }
                Unmanaged<HTMLTreeBuilder>.fromOpaque(raw).takeUnretainedValue().errors += 1
            }
            sax.pointee = handler
        }
        context.pointee._private = Unmanaged.passUnretained(self).toOpaque()
        liveblog_xml_silence_generic_errors()
        let document = htmlCtxtReadMemory(
            context, bytes.baseAddress, Int32(clamping: bytes.count), nil, encoding, options)
        if let document { xmlFreeDoc(document) }
        finish()
    }

    private static func from(_ context: UnsafeMutableRawPointer?) -> HTMLTreeBuilder? {
        guard let raw = context?.assumingMemoryBound(to: xmlParserCtxt.self).pointee._private else { return nil }
        return Unmanaged<HTMLTreeBuilder>.fromOpaque(raw).takeUnretainedValue()
    }

    private func name(_ pointer: UnsafePointer<xmlChar>) -> String {
        if let known = names[UnsafeRawPointer(pointer)] { return known }
        let value = String(cString: pointer).lowercased()
        names[UnsafeRawPointer(pointer)] = value
        return value
    }

    /// An element's name as libxml2's tree holds it: a prefix is split off (`o:p` is a `p`, `fb:like` a `like`),
    /// unless the name starts or ends with the colon.
    private func elementName(_ pointer: UnsafePointer<xmlChar>) -> String {
        let full = name(pointer)
        guard let colon = full.utf8.firstIndex(of: 0x3A), colon != full.utf8.startIndex,
            full.utf8.index(after: colon) != full.utf8.endIndex
        else { return full }
        return String(full[full.utf8.index(after: colon)...])
    }

    private func start(
        _ namePointer: UnsafePointer<xmlChar>?, _ list: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
        parser: UnsafeMutableRawPointer?
    ) {
        guard !halted else { return }
        flush()
        if frames.count > Self.libxmlMaximumDepth, cut == nil {
            // libxml2's tree builder would stop the whole parse here, losing every post after the pile; this one
            // goes on (deeper elements are flattened anyway, see `element`) and says so.
            cut =
                "elements are nested more than \(Self.libxmlMaximumDepth) deep; the deeper ones were read as if less deep"
        }
        elementCount += 1
        if elementCount > Self.maximumElements {
            halted = true
            cut = "the page has more than \(Self.maximumElements) elements; only the first were read"
            xmlStopParser(parser?.assumingMemoryBound(to: xmlParserCtxt.self))
            return
        }
        let tag = namePointer.map(elementName) ?? ""
        guard let parent = frames.last else {
            startTopLevel(tag, list)
            return
        }
        switch parent.mode {
        case .ignored:
            frames.append(Frame(mode: .ignored, target: nil, depth: parent.depth + 1))
        case .head:
            var frame = Frame(mode: .ignored, target: nil, depth: parent.depth + 1)
            switch tag {
            case "meta": record(meta: attributes(list))
            case "link": record(link: attributes(list))
            case "title": if title == nil { frame.captures = beginCapture(.title) }
            case "script": if isJSONLD(attributes(list)) { frame.captures = beginCapture(.jsonLD) }
            default: frame.mode = .head
            }
            frames.append(frame)
        case .copy:
            frames.append(element(tag, attributes(list), parent: parent.target, depth: parent.depth + 1))
        }
    }

    /// The first top-level element is the root; a later one (content after `</html>`) goes inside it, as libxml2
    /// puts it, unless the document had another child first.
    private func startTopLevel(_ tag: String, _ list: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        if topLevel == nil {
            let frame = element(tag, attributes(list), parent: nil, depth: 1)
            topLevel = frame.target
            frames.append(frame)
        } else if !documentHasEarlierChild, let topLevel {
            frames.append(element(tag, attributes(list), parent: topLevel, depth: 2))
        } else {
            frames.append(Frame(mode: .ignored, target: nil, depth: 1))
        }
    }

    /// An element met while copying: read for meta, title and JSON-LD, then copied unless it is never reader text.
    private func element(_ tag: String, _ attributes: [String: String], parent: HTMLNode?, depth: Int) -> Frame {
        var frame = Frame(mode: .copy, target: nil, depth: depth)
        if tag == "meta" { record(meta: attributes) }
        if tag == "link" { record(link: attributes) }
        if tag == "title", title == nil { frame.captures = beginCapture(.title) }
        if tag == "script", isJSONLD(attributes) { frame.captures = beginCapture(.jsonLD) }
        if tag == "head" {
            frame.mode = .head
            return frame
        }
        if Self.skipped.contains(tag) {
            frame.mode = .ignored
            return frame
        }
        let node = HTMLNode(tag: tag, attributes: attributes)
        if depth > HTMLPage.maximumDepth, let parent {
            frame.target = parent
        } else {
            parent?.append(node)
            frame.target = node
        }
        return frame
    }

    private func end() {
        guard !halted, !frames.isEmpty else { return }
        flush()
        if frames.removeLast().captures { endCapture() }
    }

    private func characters(_ text: UnsafePointer<xmlChar>?, _ count: Int32) {
        guard !halted, let text, count > 0, let frame = frames.last else { return }
        let bytes = UnsafeBufferPointer(start: text, count: Int(count))
        for k in captures.indices { captures[k].bytes.append(contentsOf: bytes) }
        if frame.mode == .copy { pending.append(contentsOf: bytes) }
    }

    /// Script and style bodies: never copied (both are skipped), but a JSON-LD script's text is read.
    private func cdata(_ text: UnsafePointer<xmlChar>?, _ count: Int32) {
        guard !halted, let text, count > 0, !frames.isEmpty else { return }
        flush()
        let bytes = UnsafeBufferPointer(start: text, count: Int(count))
        for k in captures.indices { captures[k].bytes.append(contentsOf: bytes) }
    }

    /// A comment, processing instruction or doctype: a node in libxml2's tree, which ends a text run.
    private func otherNode() {
        guard !halted else { return }
        flush()
        if frames.isEmpty, topLevel == nil { documentHasEarlierChild = true }
    }

    private func flush() {
        guard !pending.isEmpty else { return }
        if let target = frames.last?.target {
            target.append(HTMLNode(tag: "", text: String(decoding: pending, as: UTF8.self)))
        }
        pending.removeAll(keepingCapacity: true)
    }

    private func beginCapture(_ kind: CaptureKind) -> Bool {
        captures.append((kind, []))
        return true
    }

    private func endCapture() {
        guard let capture = captures.popLast() else { return }
        let text = String(decoding: capture.bytes, as: UTF8.self)
        switch capture.kind {
        case .title: if title == nil { title = text }
        case .jsonLD: jsonLD.append(text)
        }
    }

    /// What a parse stopped at the depth limit left open still counts, as it did in libxml2's tree.
    private func finish() {
        flush()
        while !captures.isEmpty { endCapture() }
        frames.removeAll()
    }

    private func isJSONLD(_ attributes: [String: String]) -> Bool {
        (attributes["type"] ?? "").lowercased().contains("ld+json")
    }

    private func record(link attributes: [String: String]) {
        guard canonical == nil, let rel = attributes["rel"]?.lowercased(),
            rel.split(separator: " ").contains("canonical"), let href = attributes["href"], !href.isEmpty
        else { return }
        canonical = href
    }

    private func record(meta attributes: [String: String]) {
        guard let content = attributes["content"] else { return }
        for key in ["property", "name", "itemprop"] {
            if let name = attributes[key]?.lowercased(), meta[name] == nil { meta[name] = content }
        }
    }

    /// The attributes as libxml2's tree would hold them: the first of a repeated name, a valueless boolean
    /// attribute (`checked`) holding its own name, any other valueless one empty.
    private func attributes(_ list: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) -> [String: String] {
        guard var cursor = list else { return [:] }
        var result: [String: String] = [:]
        while let namePointer = cursor.pointee {
            let value = cursor.advanced(by: 1).pointee
            let key = name(namePointer)
            if result[key] == nil {
                if let value {
                    result[key] = String(cString: value)
                } else {
                    result[key] = htmlIsBooleanAttr(namePointer) != 0 ? String(cString: namePointer) : ""
                }
            }
            cursor = cursor.advanced(by: 2)
        }
        return result
    }
}
