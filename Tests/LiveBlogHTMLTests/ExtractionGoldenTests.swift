import Foundation
import LiveBlogCore
import Testing

@testable import LiveBlogHTML

/// Each structure the HTML reader knows, on a small page written for it, compared with a golden dump.
@Suite("HTML extraction")
struct ExtractionGoldenTests {
    static let base = "https://example.test/live"

    // JSON-LD in @graph, matched to the visible posts by id: JSON-LD gives the timestamps, the page the text;
    // navigation, share bars, captions and the footer are dropped; links and post URLs are kept.
    @Test("JSON-LD in @graph matched to visible posts")
    func jsonLD() {
        #expect(
            dump(read(HTMLFixtures.jsonLD, baseURL: Self.base)) == """
                title: Harbour strike: live
                standfirst: Ferries stop as crews walk out
                step json-ld: 2 repeated <article> containers; JSON-LD: 2 posts, 2 matched
                - 14:05 @2025-03-04T13:05:00Z <https://example.test/live#post-p2>
                  # Talks to resume
                  | Talks will resume on Friday, the union said.
                  ^ 0: union -> https://example.test/union
                - 13:40 @2025-03-04T12:40:00Z <https://example.test/live#post-p1>
                  # Ferries stop
                  | No ferry left port this morning.
                  | Passengers were told to wait.

                """)
    }

    // JSON-LD whose headline is the blog's title and whose body is cut short: matched by the start of the text,
    // it gives no headline, and its time (11:58Z) loses to the shown clock in its named zone (12.05 GMT); the
    // byline beside the clock is dropped.
    @Test("JSON-LD that lies gives times, not headlines")
    func lyingJSONLD() {
        #expect(
            dump(read(HTMLFixtures.lyingJSONLD)) == """
                title: Budget day live
                standfirst: -
                step json-ld: 2 repeated <section> containers; JSON-LD: 1 posts, 1 matched
                - 12.05 GMT @2025-11-26T12:05:00Z
                  | The chancellor has begun her statement.
                  | She opened with growth figures.
                - 11.58 GMT @2025-11-26T11:58:00Z
                  | MPs are filing into the chamber.

                """)
    }

    // Microdata posts: each itemprop=liveBlogUpdate is a post; its datePublished gives the timestamp.
    @Test("Microdata liveBlogUpdate")
    func microdata() {
        #expect(
            dump(read(HTMLFixtures.microdata, baseURL: Self.base)) == """
                title: Election night
                standfirst: -
                step microdata: 2 itemprop=liveBlogUpdate elements
                - 23:10 @2025-05-01T23:10:00Z <https://example.test/live#u2>
                  # First result declared
                  | The first seat has been declared.
                - 22:00 <https://example.test/live#u1>
                  | Polls have closed.

                """)
    }

    // Hashed class names: the repeated <li>s with a clock are the posts; a copy above the list sharing a class
    // is pinned; "KEY EVENT" beside the clock flags the post; a story card inside a post is dropped; the paragraph
    // right under the headline (no standfirst in the head) is the standfirst.
    @Test("Repeated containers with hashed classes")
    func hashedContainers() {
        #expect(
            dump(read(HTMLFixtures.hashedContainers, baseURL: Self.base)) == """
                title: Storm Ida latest: rail lines closed
                standfirst: Storm Ida is crossing the north with gusts of over 90mph.
                step markup: 3 repeated <li> containers and 1 pinned copy
                - 09:15 [pinned]
                  # Trains cancelled until noon
                  | All northern lines are closed.
                - 10:02 [key-event] <https://example.test/live#e3>
                  # Bridge closed to traffic
                  | The river bridge has been shut.
                  | Police are turning cars back.
                - 09:15 <https://example.test/live#e2>
                  # Trains cancelled until noon
                  | All northern lines are closed.
                - 08:30 <https://example.test/live#e1>
                  | Good morning and welcome to our coverage.

                """)
    }

    // Time and headline in one heading ("12.31 Uhr: …"); a heading without a clock stays in the post above.
    @Test("Heading stream")
    func headingStream() {
        #expect(
            dump(read(HTMLFixtures.headingStream)) == """
                title: Nahost-Ticker
                standfirst: -
                step stream: stream split by headings that start with a clock
                - 12.31 Uhr
                  # Gespräche in Kairo fortgesetzt
                  | Die Gespräche sollen am Abend weitergehen.
                - 11.04 Uhr
                  # Grenzübergang wieder offen
                  | Der Übergang ist seit dem Morgen geöffnet.
                  | Lastwagen warten davor.
                  | Ein kurzer Überblick über die Lage.

                """)
    }

    // A bold clock at the start of a paragraph opens a post; bold text after the clock is its headline.
    @Test("Bold-lead paragraphs")
    func boldLeads() {
        #expect(
            dump(read(HTMLFixtures.boldLeads)) == """
                title: City marathon live
                standfirst: -
                step stream: stream split by paragraphs whose bold lead is a clock
                - 10:45
                  | The leaders have passed halfway.
                  | The pace is quick.
                - 10.15
                  # Race under way
                  | The elite field set off on time.

                """)
    }

    // The wire format: clock lines open posts, ___ rules are dropped, the dateline lead-in is the standfirst.
    @Test("___ stream with clock lines")
    func ruleStream() {
        #expect(
            dump(read(HTMLFixtures.ruleStream)) == """
                title: The Latest: bridge fire
                standfirst: RIVERTON (AP) — The Latest on a fire on the Riverton bridge (all times local):
                step stream: stream split by lines that are only a clock
                - 10 p.m.
                  | Officials say the fire is out.
                  | No one was hurt.
                - 4:14 p.m.
                  | A fire has broken out on the Riverton bridge.

                """)
    }

    // Relative ages count as evidence of posts and are shown as the page wrote them.
    @Test("Containers with relative ages")
    func relativeAges() {
        #expect(
            dump(read(HTMLFixtures.relativeAges)) == """
                title: Flood watch
                standfirst: -
                step markup: 2 repeated <div> containers
                - 5 mins ago
                  | Water is still rising at the weir.
                - 1 hour ago
                  | Sandbags are being handed out in the square.

                """)
    }

    // A heading right under a clock line is the post's headline.
    @Test("Clock lines followed by headings")
    func clockLinesWithHeadings() {
        #expect(
            dump(read(HTMLFixtures.clockLinesWithHeadings)) == """
                title: Count live
                standfirst: -
                step stream: stream split by lines that are only a clock
                - 22:40
                  # Turnout is high
                  | Officials report long queues.
                - 21:55
                  # Polls close soon
                  | Voting ends at ten.

                """)
    }

    // Unix seconds or milliseconds in a data-*time* attribute are evidence of posts and give the timestamp.
    @Test("Posts stamped only in attributes")
    func attributeStamps() {
        #expect(
            dump(read(HTMLFixtures.attributeStamps)) == """
                title: Night shift
                standfirst: -
                step markup: 2 repeated <div> containers
                - -- @2024-06-01T12:00:00Z
                  | The late crew has arrived at the depot.
                - -- @2024-06-01T11:00:00Z
                  | Gritters are loading salt for the night.

                """)
    }

    // No structure at all: one entry with the article's text, and the diagnostic says so.
    @Test("No structure gives one entry and a diagnostic")
    func noStructure() {
        let blog = read(HTMLFixtures.noStructure)
        #expect(
            dump(blog) == """
                title: A quiet day at the harbour
                standfirst: -
                step text: no posts found; the article's 2 paragraphs are one entry
                - --
                  | Nothing much happened at the harbour today.
                  | The gulls were loud.

                """)
    }

    // Ids come from the page's own post ids, so editing a post's text keeps its id (and its read mark).
    @Test("Entry ids come from post ids and survive edits")
    func idsFromPostIDs() {
        let before = read(HTMLFixtures.jsonLD)
        let after = read(HTMLFixtures.jsonLD.replacingOccurrences(of: "Talks to resume", with: "Talks will resume"))
        #expect(before.entries.map(\.id) == after.entries.map(\.id))
        #expect(Set(before.entries.map(\.id)).count == before.entries.count)
    }

    // The export's JSON carries the new fields: the post's URL and its links.
    @Test("JSON export carries url and links")
    func exportFields() throws {
        let blog = read(HTMLFixtures.jsonLD, baseURL: Self.base)
        let json =
            try JSONSerialization.jsonObject(with: Data(BlogExporter(blog: blog, source: "x").json())) as? [String: Any]
        let first = (json?["entries"] as? [[String: Any]])?.first
        #expect(first?["url"] as? String == "https://example.test/live#post-p2")
        let links = first?["links"] as? [[String: Any]]
        #expect(links?.first?["url"] as? String == "https://example.test/union")
        #expect(links?.first?["paragraph"] as? Int == 0)
    }
}
