import Foundation
import LiveBlogCore
import Testing

@testable import LiveBlogHTML

/// Microdata and RDFa Lite, each read by its own rules, checked on the shapes of the specifications' own examples
/// (names and text changed), then as live-blog posts.
@Suite("HTML standards: microdata and RDFa Lite")
struct StandardsTests {
    static func body(_ html: String) -> HTMLNode {
        let page = HTMLPage(bytes: Array(("<html><body>" + html + "</body></html>").utf8))
        PageStatistics.compute(page.root)
        return page.root.firstDescendant { $0.tag == "body" }!
    }

    static func values(_ properties: [String: [HTMLNode]], _ name: String) -> [String] {
        (properties[name] ?? []).map(StructuredItems.value)
    }

    // The HTML standard's itemref example: an empty item pulls its properties from elsewhere, and a nested item
    // (the band) keeps its own name and size to itself.
    @Test("Microdata itemref and nested items")
    func itemref() {
        let body = Self.body(
            """
            <div itemscope id="ola" itemref="n b"></div>
            <p id="n">Name: <span itemprop="name">Ola</span></p>
            <div id="b" itemprop="band" itemscope itemref="c"></div>
            <div id="c"><p>Band: <span itemprop="name">Fjord Quartet</span></p>
            <p>Size: <span itemprop="size">4</span> players</p></div>
            """)
        let ids = StructuredItems.ElementIDs(body)
        let person = body.firstDescendant { $0.attributes["id"] == "ola" }!
        let properties = StructuredItems.properties(of: person, .microdata, ids: ids)
        #expect(Self.values(properties, "name") == ["Ola"])
        #expect(properties["size"] == nil)
        let band = properties["band"]![0]
        let bandProperties = StructuredItems.properties(of: band, .microdata, ids: ids)
        #expect(Self.values(bandProperties, "name") == ["Fjord Quartet"])
        #expect(Self.values(bandProperties, "size") == ["4"])
    }

    // Values: `content` over the text, `datetime` on <time>, `href` on links; several names in one itemprop.
    @Test("Microdata values")
    func values() {
        let body = Self.body(
            """
            <div itemscope itemtype="https://schema.org/BlogPosting">
            <meta itemprop="datePublished" content="2026-02-01T10:00:00+01:00">
            <time itemprop="dateModified" datetime="2026-02-01T11:00:00+01:00">11:00</time>
            <a itemprop="url" href="https://example.test/p#x">link</a>
            <h2 itemprop="headline name">A title</h2></div>
            """)
        let item = body.firstDescendant { $0.attributes["itemscope"] != nil }!
        let properties = StructuredItems.properties(of: item, .microdata, ids: nil)
        #expect(Self.values(properties, "datepublished") == ["2026-02-01T10:00:00+01:00"])
        #expect(Self.values(properties, "datemodified") == ["2026-02-01T11:00:00+01:00"])
        #expect(Self.values(properties, "url") == ["https://example.test/p#x"])
        #expect(Self.values(properties, "headline") == ["A title"])
        #expect(Self.values(properties, "name") == ["A title"])
    }

    // The RDFa Lite primer's shape: vocab and typeof on the outer element, property on spans, a nested typeof
    // keeps its properties, a prefixed name is read by its local part.
    @Test("RDFa Lite vocab, typeof, property")
    func rdfaLite() {
        let body = Self.body(
            """
            <p vocab="https://schema.org/" typeof="Person">My name is <span property="name">Ines Vale</span>
            and my phone is <span property="schema:telephone">555-0100</span>.
            I work at <span property="worksFor" typeof="Organization"><span property="name">Quay Bakery</span></span>.</p>
            """)
        let person = body.firstDescendant { $0.attributes["typeof"] == "Person" }!
        let properties = StructuredItems.properties(of: person, .rdfa, ids: nil)
        #expect(Self.values(properties, "name") == ["Ines Vale"])
        #expect(Self.values(properties, "telephone") == ["555-0100"])
        let employer = properties["worksfor"]![0]
        #expect(Self.values(StructuredItems.properties(of: employer, .rdfa, ids: nil), "name") == ["Quay Bakery"])
    }

    // A live blog in RDFa Lite: each property=liveBlogUpdate is a post; its headline (a span, not a heading) and
    // its datePublished (a content attribute) come from RDFa; a nested author's name is not the headline.
    @Test("RDFa Lite liveBlogUpdate posts")
    func rdfaPosts() {
        let html = """
            <html><head><title>Regatta live</title></head><body><h1>Regatta live</h1>
            <div vocab="https://schema.org/" typeof="LiveBlogPosting">
            <div property="liveBlogUpdate" typeof="BlogPosting" id="r2">
              <span property="datePublished" content="2026-07-04T15:20:00+02:00">15:20</span>
              <div class="t"><span property="headline">Second race abandoned</span></div>
              <span property="author" typeof="Person"><span property="name">Ole Sand</span></span>
              <div property="articleBody"><p>The wind dropped to nothing halfway round the course.</p></div></div>
            <div property="liveBlogUpdate" typeof="BlogPosting" id="r1">
              <span property="datePublished" content="2026-07-04T14:00:00+02:00">14:00</span>
              <div property="articleBody"><p>The first boats have crossed the line in a fresh breeze.</p></div></div>
            </div></body></html>
            """
        let blog = read(html)
        #expect(blog.diagnostics.contains { $0.message.contains("step RDFa") })
        #expect(blog.entries.count == 2)
        #expect(blog.entries.map(\.headline) == ["Second race abandoned", nil])
        #expect(blog.entries[0].paragraphs == ["The wind dropped to nothing halfway round the course."])
        #expect(
            blog.entries.map { $0.timestamp.map(BlogExporter.iso8601) } == [
                "2026-07-04T13:20:00Z", "2026-07-04T12:00:00Z",
            ])
    }
}
