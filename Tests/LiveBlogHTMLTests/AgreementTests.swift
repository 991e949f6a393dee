import Foundation
import LiveBlogCore
import Testing

@testable import LiveBlogHTML

/// JSON-LD and the page's markup agreeing field by field, and the times weighed between what is shown and what
/// is written for machines. Pages written for these tests; names and text invented.
@Suite("HTML agreement and times")
struct AgreementTests {
    static func iso(_ date: Date?) -> String? { date.map(BlogExporter.iso8601) }

    // JSON-LD names each post's element by fragment and gives its headline; the page shows the headline as a bold
    // first line and the time as a bare clock: headline and time from JSON-LD, paragraphs from the page, and the
    // untimed opening post (named only by JSON-LD) is a post too.
    @Test("JSON-LD headline shown as a first block; an untimed post named by JSON-LD")
    func headlineFirstBlock() {
        let html = """
            <html><head><title>Valley fair live</title><script type="application/ld+json">
            {"@context":"https://schema.org","@type":"LiveBlogPosting","liveBlogUpdate":[
            {"@type":"BlogPosting","url":"https://example.test/live#block-0"},
            {"@type":"BlogPosting","url":"https://example.test/live#block-1","headline":"Gates open","datePublished":"2026-05-02T09:30:00+02:00"},
            {"@type":"BlogPosting","url":"https://example.test/live#block-2","headline":"Tractor parade starts","datePublished":"2026-05-02T10:15:00+02:00"}]}
            </script></head><body><h1>Valley fair live</h1><div>
            <div id="block-0"><p>Welcome to our coverage of the valley fair, which runs all weekend long.</p></div>
            <div id="block-2"><div>10:15</div><div><b>Tractor parade starts</b></div><p>The first tractors rolled past the bakery stand.</p><p>Children waved from the hay carts.</p></div>
            <div id="block-1"><div>09:30</div><div><b>Gates open</b></div><p>The gates opened on time to a long queue.</p></div>
            </div></body></html>
            """
        let blog = read(html)
        #expect(blog.entries.count == 3)
        #expect(blog.entries.map(\.headline) == [nil, "Tractor parade starts", "Gates open"])
        #expect(blog.entries.map(\.paragraphs.count) == [1, 2, 1])
        #expect(Self.iso(blog.entries[1].timestamp) == "2026-05-02T08:15:00Z")
        #expect(blog.entries[0].timestamp == nil)
    }

    // Entities in JSON-LD strings are decoded once: `&amp;mdash;` is the text `&mdash;`, `&mdash;` is a dash.
    @Test("JSON-LD entities decoded once")
    func entitiesOnce() {
        let html = """
            <html><head><script type="application/ld+json">{"@type":"LiveBlogPosting","headline":"Quay &mdash; live","liveBlogUpdate":[
            {"@type":"BlogPosting","@id":"a1","headline":"Fish &amp; chips &amp;mdash; sold out","articleBody":"The last portion went at noon.\\nThe queue stayed anyway."},
            {"@type":"BlogPosting","@id":"a2","headline":"Boats in","articleBody":"Three boats came in before dawn with full nets.Everyone on the quay helped to unload them."}]}
            </script></head><body><p>Nothing here.</p></body></html>
            """
        let blog = read(html)
        #expect(blog.title == "Quay — live")
        #expect(blog.entries.first?.headline == "Fish & chips &mdash; sold out")
        // A body with line breaks is split at them; one glued at a sentence end is split there.
        #expect(blog.entries.first?.paragraphs == ["The last portion went at noon.", "The queue stayed anyway."])
        #expect(blog.entries.last?.paragraphs.count == 2)
    }

    // 5,000 visible posts and 5,000 other JSON-LD posts: matching is by dictionaries, so doubling the posts
    // roughly doubles the time (the old loop was quadratic: 12.9 s at 5,000).
    @Test("Matching JSON-LD to the page is linear")
    func linearMatching() {
        func page(_ n: Int) -> [UInt8] {
            var ld = "{\"@type\":\"LiveBlogPosting\",\"liveBlogUpdate\":["
            ld += (0..<n).map {
                "{\"@type\":\"BlogPosting\",\"@id\":\"j\($0)\",\"headline\":\"Other \($0)\",\"articleBody\":\"A body only the JSON has, number \($0) of many.\"}"
            }.joined(separator: ",")
            ld += "]}"
            var html = "<html><head><script type=\"application/ld+json\">\(ld)</script></head><body><h1>Big</h1>"
            for k in 0..<n {
                html +=
                    "<article class=\"p\" id=\"v\(k)\"><time>10:\(10 + k % 50)</time><h2>Seen \(k)</h2><p>Visible text of post \(k) here.</p></article>"
            }
            return Array((html + "</body></html>").utf8)
        }
        func seconds(_ bytes: [UInt8]) -> Double {
            let start = Date()
            let blog = HTMLBlogReader().read(bytes: bytes)
            #expect(blog.entries.count >= 1000)
            return Date().timeIntervalSince(start)
        }
        let small = page(1000)
        let large = page(4000)
        _ = seconds(small)
        let t1 = seconds(small)
        let t4 = seconds(large)
        // Four times the posts: linear is about 4×, quadratic 16×.
        #expect(t4 < t1 * 8 + 0.5, "1,000 posts \(t1) s, 4,000 posts \(t4) s")
    }

    // A date-only `datetime` never overrides the shown clock; the clock has no zone, so no moment.
    @Test("Date-only datetime and a shown clock")
    func dateOnly() {
        let post = TimeAgreement.decide(
            shown: "14.05 Uhr", stamps: [ISODate.stamp("2026-03-14")!], absolute: nil, page: .init())
        #expect(post.time == "14.05 Uhr")
        #expect(post.timestamp == nil)
        // With the page's zone known, the date dates the clock.
        let zoned = TimeAgreement.decide(
            shown: "14.05 Uhr", stamps: [ISODate.stamp("2026-03-14")!], absolute: nil,
            page: .init(zoneOffset: 3600, date: nil))
        #expect(Self.iso(zoned.timestamp) == "2026-03-14T13:05:00Z")
    }

    // An explicit offset wins; a Z stamp whose clock is the shown clock in a page zoned +01:00 was a mislabelled
    // local clock; a Z stamp minutes away from the shown clock is not the post's time.
    @Test("Offsets, mislabelled Z, unrelated stamps")
    func zones() {
        let page = TimeAgreement.PageClock(zoneOffset: 3600, date: (2026, 6, 1))
        let explicit = TimeAgreement.decide(
            shown: "14:05", stamps: [ISODate.stamp("2026-06-01T14:05:00+02:00")!], absolute: nil, page: page)
        #expect(Self.iso(explicit.timestamp) == "2026-06-01T12:05:00Z")
        let mislabelled = TimeAgreement.decide(
            shown: "14:05", stamps: [ISODate.stamp("2026-06-01T14:05:00Z")!], absolute: nil, page: page)
        #expect(Self.iso(mislabelled.timestamp) == "2026-06-01T13:05:00Z")
        let agreeing = TimeAgreement.decide(
            shown: "14:05", stamps: [ISODate.stamp("2026-06-01T13:05:00.000Z")!], absolute: nil, page: page)
        #expect(Self.iso(agreeing.timestamp) == "2026-06-01T13:05:00Z")
        // No zone known: the shown clock 10:01 and a stamp at 04:20Z share no quarter hour: no moment.
        let unrelated = TimeAgreement.decide(
            shown: "10:01", stamps: [ISODate.stamp("2026-06-01T04:20:06Z")!], absolute: nil, page: .init())
        #expect(unrelated.time == "10:01")
        #expect(unrelated.timestamp == nil)
        // A zone in the shown words is used: 12.05 BST is 11:05 UTC.
        let named = TimeAgreement.decide(
            shown: "12.05 BST", stamps: [ISODate.stamp("2026-06-01T10:50:54Z")!], absolute: nil, page: .init())
        #expect(Self.iso(named.timestamp) == "2026-06-01T11:05:00Z")
    }

    // JSON-LD that gives every post one and the same time (the blog's) gives no post its time.
    @Test("A time shared by every JSON-LD post is the blog's")
    func sharedTime() {
        var posts = ""
        var updates: [String] = []
        for k in 0..<3 {
            posts +=
                "<div class=\"u\" id=\"x\(k)\"><span>1\(k).30 BST</span><p>Update number \(k) about the ferry timetable.</p></div>"
            updates.append(
                "{\"@type\":\"BlogPosting\",\"@id\":\"x\(k)\",\"datePublished\":\"2026-06-01T08:00:00Z\"}")
        }
        let html =
            "<html><head><script type=\"application/ld+json\">{\"@type\":\"LiveBlogPosting\",\"liveBlogUpdate\":["
            + updates.joined(separator: ",") + "]}</script></head><body><h1>Ferry news</h1>" + posts + "</body></html>"
        let blog = read(html)
        #expect(
            blog.entries.map { Self.iso($0.timestamp) } == [
                "2026-06-01T09:30:00Z", "2026-06-01T10:30:00Z", "2026-06-01T11:30:00Z",
            ])
    }

    // A blog that has just started: one <article> with a time, a headline and a paragraph is one post.
    @Test("One post")
    func onePost() {
        let html = """
            <html><head><title>Snow watch</title></head><body><h1>Snow watch</h1>
            <article><time datetime="2026-01-09T07:10:00+00:00">07:10</time><h2>First flakes</h2>
            <p>The first flakes are falling over the ridge this morning.</p></article></body></html>
            """
        let blog = read(html)
        #expect(blog.entries.count == 1)
        #expect(blog.entries.first?.headline == "First flakes")
        #expect(Self.iso(blog.entries.first?.timestamp) == "2026-01-09T07:10:00Z")
    }
}

/// JSON-LD's own shapes: `@graph`, `@id` references, arrays of strings, a LiveBlogPosting nested in a page.
@Suite("HTML JSON-LD shapes")
struct JSONLDShapeTests {
    // A @graph whose LiveBlogPosting lists its updates by reference; one body is an array of strings; the blog is
    // nested as the mainEntity of a WebPage.
    @Test("@graph, @id references, arrays, nesting")
    func shapes() {
        let script = """
            {"@context":"https://schema.org","@graph":[
            {"@type":"WebPage","mainEntity":{"@type":"LiveBlogPosting","headline":"Bridge works live",
              "liveBlogUpdate":[{"@id":"https://example.test/live#u2"},"https://example.test/live#u1"]}},
            {"@type":"BlogPosting","@id":"https://example.test/live#u2","headline":"Lane closed","datePublished":"2026-04-01T09:00:00Z",
              "articleBody":["The north lane is closed from nine.","Expect delays all morning."]},
            {"@type":"BlogPosting","@id":"https://example.test/live#u1","headline":"Works begin","datePublished":"2026-04-01T08:00:00Z",
              "articleBody":"Crews arrived at the bridge before dawn today."}]}
            """
        let result = JSONLDReader.read([script])
        #expect(result.headline == "Bridge works live")
        #expect(result.posts.map(\.ownID) == ["u2", "u1"])
        #expect(result.posts.map(\.headline) == ["Lane closed", "Works begin"])
        let blog = read(
            "<html><head><script type=\"application/ld+json\">\(script)</script></head><body></body></html>")
        #expect(blog.entries.map(\.paragraphs.count) == [2, 1])
        #expect(blog.entries.first?.timestamp.map(BlogExporter.iso8601) == "2026-04-01T09:00:00Z")
    }
}

/// A blog that has just started with a picture.
@Suite("HTML one-post pages")
struct OnePostTests {
    // The only post is a time and an image: one timed entry with no text, not the page's furniture.
    @Test("One post that is only a picture")
    func picture() {
        let html = """
            <html><head><title>Launch day</title></head><body><h1>Launch day</h1>
            <article><time datetime="2026-09-01T06:00:00+00:00">06:00</time><figure><img src="pad.jpg">
            <figcaption>The rocket on the pad. Photograph: Agency</figcaption></figure></article></body></html>
            """
        let blog = read(html)
        #expect(blog.entries.count == 1)
        #expect(blog.entries.first?.paragraphs == [])
        #expect(blog.entries.first?.timestamp.map(BlogExporter.iso8601) == "2026-09-01T06:00:00Z")
    }
}
