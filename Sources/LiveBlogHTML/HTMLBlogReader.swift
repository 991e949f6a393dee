internal import CLibXML2
import Foundation
import LiveBlogCore

/// Reads a live blog from an HTML page through a cascade of named steps, each reported as a diagnostic:
/// JSON-LD, microdata, repeated post containers, a flat stream split at times or rules, and at last the text
/// parser on the page's rendered text, so that no page gives nothing.
public struct HTMLBlogReader: Sendable {
    public var rules: BoilerplateRules
    /// The page's address, for post URLs and relative links.
    public var baseURL: String?

    public init(rules: BoilerplateRules = .bundled, baseURL: String? = nil) {
        self.rules = rules
        self.baseURL = baseURL
    }

    /// The steps of the cascade, by the names `liveblog check` shows.
    public enum Step: String, Sendable, CaseIterable {
        case jsonLD = "json-ld"
        case microdata
        case rdfa = "RDFa"
        case markup
        case stream
        case text
    }

    /// Reads any bytes at all; `contentType` is the HTTP header, a hint for the charset.
    public func read(bytes: [UInt8], contentType: String? = nil) -> LiveBlog {
        let blog = readPage(bytes: bytes, contentType: contentType)
        // The page's tree (many times its size) is gone now; a follower holding fifty blogs keeps memory near
        // what the blogs need only if the allocator hands it back rather than keeping it per thread.
        if bytes.count >= HTMLBlogReader.largePage { liveblog_release_free_memory() }
        return blog
    }

    /// Pages from this size on give their freed tree back to the system after reading.
    static let largePage = 256 << 10

    private func readPage(bytes: [UInt8], contentType: String?) -> LiveBlog {
        let page = HTMLPage(bytes: bytes, contentTypeHint: contentType)
        PageStatistics.compute(page.root)
        let json = JSONLDReader.read(page.jsonLD)
        var blog = readPosts(page, json)
        blog.canonicalURL = CanonicalAddress.choose(
            link: page.canonicalLink, openGraph: page.meta["og:url"],
            jsonLD: json.url, pageAddress: baseURL)
        return blog
    }

    private func readPosts(_ page: HTMLPage, _ json: JSONLDReader.Result) -> LiveBlog {
        let base = baseURL ?? page.meta["og:url"]
        let body = page.root.firstDescendant(where: { $0.tag == "body" }) ?? page.root
        let headline = PageTitle.headlineNode(
            in: body, meta: page.meta, titleTag: page.titleTag, jsonHeadline: json.headline)
        let title = PageTitle.title(
            headlineNode: headline, meta: page.meta, titleTag: page.titleTag, jsonHeadline: json.headline)
        var standfirst = page.meta["og:description"] ?? page.meta["description"] ?? json.description
        standfirst = standfirst.map { TextCleaner.collapse($0) }.flatMap { $0.isEmpty ? nil : $0 }
        var diagnostics = [Diagnostic(line: 0, kind: .note, message: "html: read as \(page.encoding)")]
        for cut in page.cuts { diagnostics.append(Diagnostic(line: 0, kind: .note, message: "html: \(cut)")) }
        let reader = PostReader(baseURL: base, rules: rules)

        var posts: [ExtractedPost] = []
        var introBlocks: [Block] = []
        var step: Step?
        var how = ""

        // The standards that write posts into the markup: microdata, then RDFa Lite.
        var items: (syntax: StructuredItems.Syntax, nodes: [HTMLNode])?
        for syntax in [StructuredItems.Syntax.microdata, .rdfa] {
            let nodes = StructuredItems.updates(in: body, syntax)
            if !nodes.isEmpty {
                items = (syntax, nodes)
                break
            }
        }
        if let items {
            let ids = StructuredItems.ElementIDs(body)
            posts = items.nodes.map { node in
                var post = reader.read(node)
                StructuredItems.fill(&post, item: node, items.syntax, ids: ids)
                return post
            }
            step = items.syntax == .microdata ? .microdata : .rdfa
            how =
                "\(items.nodes.count) \(items.syntax == .microdata ? "itemprop" : "property")=liveBlogUpdate elements"
        } else if let found = PostContainerFinder.find(in: body, headline: headline) {
            posts = found.posts.map { node in
                var post = reader.read(node)
                if found.pinned.contains(ObjectIdentifier(node)) { post.pinned = true }
                return post
            }
            step = .markup
            how = found.description
        }
        if step != nil, let first = posts.first?.node {
            introBlocks = Intro.blocks(
                before: first, headline: headline, posts: posts.compactMap(\.node), body: body, baseURL: base,
                standfirst: standfirst)
        }
        if !json.posts.isEmpty {
            let hadPosts = !posts.isEmpty
            let report = JSONLDMerger.merge(
                json.posts, into: &posts, elements: JSONLDMerger.ElementIndex(body), reader: reader,
                blogTitle: title)
            if !hadPosts, !posts.isEmpty {
                step = .jsonLD
                how =
                    report.fromElements > 0
                    ? "\(json.posts.count) liveBlogUpdate posts; \(report.description)"
                    : "\(json.posts.count) liveBlogUpdate posts, none matched on the page"
                if let first = posts.compactMap(\.node).min(by: { $0.order < $1.order }) {
                    introBlocks = Intro.blocks(
                        before: first, headline: headline, posts: posts.compactMap(\.node), body: body,
                        baseURL: base, standfirst: standfirst)
                }
            } else if hadPosts {
                step = report.matched + report.fromElements > 0 ? .jsonLD : step
                how += "; JSON-LD: \(json.posts.count) posts, \(report.description)"
                if report.fromElements > 0, let first = posts.compactMap(\.node).min(by: { $0.order < $1.order }) {
                    introBlocks = Intro.blocks(
                        before: first, headline: headline, posts: posts.compactMap(\.node), body: body,
                        baseURL: base, standfirst: standfirst)
                }
            }
        }
        if step == nil {
            let main = MainContent.find(in: body)
            var renderer = BlockRenderer(baseURL: base)
            if let headline { renderer.excluded.insert(ObjectIdentifier(headline)) }
            let blocks = renderer.render(main)
            if let stream = StreamSplitter.split(blocks) {
                posts = stream.posts.map { post in
                    var post = post
                    post.blocks = BlockFilter(rules: rules).filter(post.blocks)
                    return post
                }
                introBlocks = stream.intro.filter { block in
                    switch block.kind {
                    case .paragraph, .listItem, .quote: return !Intro.repeats(block.text, standfirst)
                    case .loose, .heading, .rule: return false
                    }
                }
                step = .stream
                how = stream.description
            }
        }
        introBlocks = BlockFilter(rules: rules).filter(introBlocks).filter { block in
            !ClockText.isTimeOnly(block.text) && !block.isHeading && !PostReader.isLabelLike(block.text)
        }
        // A page with no standfirst in its head: the paragraph right under the headline, before the first post,
        // is the standfirst.
        if step != nil, standfirst == nil, let headline, let next = firstText(after: headline, in: body),
            let paragraph = next.ancestors.first(where: { !BlockRenderer.inlineTags.contains($0.tag) }),
            paragraph.tag == "p", paragraph.order < (posts.compactMap(\.node).map(\.order).min() ?? Int.max),
            !posts.contains(where: { $0.node.map { $0.contains(paragraph) } ?? false })
        {
            let text = paragraph.textContent
            if text.count >= 40 {
                standfirst = text
                introBlocks.removeAll { $0.node === paragraph }
            }
        }
        // Only list items left: a list of links to posts ("key events"), not an intro.
        if introBlocks.allSatisfy({ $0.kind == .listItem }) { introBlocks = [] }
        // A one-paragraph lead-in that ends with a colon ("The latest (all times local):") introduces the list.
        if introBlocks.count == 1, introBlocks[0].text.hasSuffix(":") {
            standfirst = introBlocks[0].text
            introBlocks = []
        }

        guard let step else {
            return fallback(
                body: body, headline: headline, title: title, standfirst: standfirst, diagnostics: diagnostics,
                baseURL: base)
        }
        diagnostics.append(Diagnostic(line: 0, kind: .note, message: "html: step \(step.rawValue): \(how)"))
        Self.dropSharedAddresses(&posts)
        let clock = TimeAgreement.pageClock(stamps: pageStamps(page, json))
        for k in posts.indices {
            let decided = TimeAgreement.decide(
                shown: posts[k].time, stamps: posts[k].stamps, absolute: posts[k].absolute, page: clock)
            posts[k].time = decided.time
            posts[k].timestamp = decided.timestamp
            posts[k].sources["time"] = decided.source.rawValue
        }
        var entries: [Entry] = []
        var ownIDs: [String?] = []
        if !introBlocks.isEmpty {
            entries.append(EntryBuilder.entry(ExtractedPost(blocks: introBlocks)))
            ownIDs.append(nil)
            diagnostics.append(
                Diagnostic(
                    line: 0, kind: .note,
                    message: "html: \(introBlocks.count) paragraphs before the first post kept as an intro entry"))
        }
        for post in posts {
            let entry = EntryBuilder.entry(post)
            if entry.headline == nil, entry.paragraphs.isEmpty, entry.time == nil { continue }
            entries.append(entry)
            ownIDs.append(TextCleaner.safeID(post.ownID))
            if let evidence = Self.evidence(post) {
                diagnostics.append(
                    Diagnostic(line: 0, kind: .note, message: "html: entry \(entries.count): \(evidence)"))
            }
        }
        if entries.isEmpty {
            return fallback(
                body: body, headline: headline, title: title, standfirst: standfirst, diagnostics: diagnostics,
                baseURL: base)
        }
        Entry.assignIDs(&entries, ownIDs: ownIDs)
        return LiveBlog(title: title, standfirst: standfirst, entries: entries, diagnostics: diagnostics)
    }

    /// A post address (URL or id) that several posts share (`#live`, the blog's own address) names none of them:
    /// each post keeps only an address of its own. Pinned copies are left out of the count (they repeat a post).
    static func dropSharedAddresses(_ posts: inout [ExtractedPost]) {
        var urls: [String: Int] = [:]
        var ids: [String: Int] = [:]
        for post in posts where !post.pinned {
            if let url = post.url { urls[url, default: 0] += 1 }
            if let id = post.ownID { ids[id, default: 0] += 1 }
        }
        for k in posts.indices {
            if let url = posts[k].url, urls[url, default: 0] > 1 { posts[k].url = nil }
            if let id = posts[k].ownID, ids[id, default: 0] > 1 {
                posts[k].ownID = nil
                posts[k].url = nil
            }
        }
    }

    /// Where a post's fields came from, when anything but its own markup gave one: `liveblog check` lists it.
    static func evidence(_ post: ExtractedPost) -> String? {
        var parts: [String] = []
        for key in ["post", "headline", "paragraphs", "stamp"] {
            if let source = post.sources[key] { parts.append("\(key) from \(source)") }
        }
        if let time = post.sources["time"], time != TimeAgreement.Source.none.rawValue {
            parts.append("time from \(time)")
        }
        guard parts.contains(where: { !$0.hasPrefix("time") }) || post.timestamp == nil && post.time != nil else {
            return nil
        }
        return parts.joined(separator: "; ")
    }

    /// The first text a reader meets after `node` (furniture skipped).
    private func firstText(after node: HTMLNode, in body: HTMLNode) -> HTMLNode? {
        let end = max(node.lastOrder, node.order)
        return body.firstDescendant { $0.isText && $0.order > end && $0.textLength > 0 && !$0.isFurniture }
    }

    /// The page's own stamps, blog-level first (its publication dates), for its zone and date.
    private func pageStamps(_ page: HTMLPage, _ json: JSONLDReader.Result) -> [ISODate.Stamp] {
        var texts: [String] = [json.published, json.modified].compactMap { $0 }
        for key in ["article:published_time", "article:modified_time", "og:updated_time", "datepublished"] {
            if let value = page.meta[key] { texts.append(value) }
        }
        texts += json.posts.compactMap(\.published)
        var stamps = texts.compactMap(ISODate.stamp)
        page.root.forEachDescendant { node in
            if !node.isText, let value = node.attributes["datetime"], let stamp = ISODate.stamp(value) {
                stamps.append(stamp)
            }
        }
        return stamps
    }

    /// Step 5: the page's main text, one block a line, read by the text parser.
    private func fallback(
        body: HTMLNode, headline: HTMLNode?, title: String, standfirst: String?, diagnostics: [Diagnostic],
        baseURL: String?
    ) -> LiveBlog {
        let main = MainContent.find(in: body)
        var renderer = BlockRenderer(baseURL: baseURL)
        if let headline { renderer.excluded.insert(ObjectIdentifier(headline)) }
        let blocks = renderer.render(main)
        let text = ([title] + (standfirst.map { [$0] } ?? []) + blocks.map(\.text)).joined(separator: "\n")
        var blog = LiveBlogParser(rules: rules).parse(text)
        blog.title = title
        var notes = diagnostics
        if blog.entries.count <= 1 {
            // Not a live blog as far as anything can tell: the article's text is one entry, said out loud.
            let paragraphs = BlockFilter(rules: rules).filter(blocks).map(\.text).filter { $0 != title }
            blog = LiveBlog(
                title: title, standfirst: standfirst,
                entries: [Entry(paragraphs: paragraphs.isEmpty ? [title] : paragraphs)])
            Entry.assignIDs(&blog.entries, ownIDs: [nil])
            notes.append(
                Diagnostic(
                    line: 0, kind: .note,
                    message:
                        "html: step text: no posts found; the article's \(paragraphs.count) paragraphs are one entry"))
        } else {
            blog.standfirst = blog.standfirst ?? standfirst
            notes.append(
                Diagnostic(
                    line: 0, kind: .note,
                    message:
                        "html: step text: no posts found in the markup; the page's \(blocks.count) text blocks were read by the text parser"
                ))
        }
        blog.diagnostics = notes + blog.diagnostics
        return blog
    }
}
