import Foundation
import Testing

@testable import LiveBlogCore

/// Where posts start on pages whose times mark them: a blog of one or two posts, times printed after the bodies,
/// and the header and footer around such feeds. Invented pages.
@Suite("Post boundaries")
struct PostBoundaryTests {
    // headline: on a page that prints each time after its post, a post starts right after that time; a long
    // unpunctuated lead-in inside a body is a paragraph.
    @Test("Times after the bodies mark where headlines stand")
    func trailingTimesMarkHeadlineSlots() {
        let blog = parse(
            """
            Ferry strike live: crossings cancelled
            Updates from the harbour as the crews walk out
            Crews walk out at dawn
            The first crossing of the day was cancelled when the crew left the ship at the quay.
            Passengers were offered seats on the coach service to the bridge instead.
            07:40
            Union sets out its demands
            The union's regional organiser spoke to reporters outside the terminal building this morning.
            Outside the terminal the organiser, who has led the talks with the company since the spring, was asked how long it would last. He said
            Pay has fallen behind the cost of living for four years and the crews have had enough of it.
            07:10
            Coaches laid on for foot passengers
            Extra coaches were laid on from the terminal for foot passengers who had booked the crossing.
            06:55
            Share this page
            """)
        #expect(
            blog.entries.map(\.headline) == [
                "Crews walk out at dawn", "Union sets out its demands", "Coaches laid on for foot passengers",
            ])
        #expect(blog.entries.map(\.time) == ["07:40", "07:10", "06:55"])
        #expect(blog.entries[1].paragraphs.count == 3)
    }

    // footer: below a blog's only post, a label over the footer the rules dropped goes with it.
    @Test("A blog of one post drops the label over its footer")
    func firstPostKeepsItsBody() {
        let blog = parse(
            """
            Marathon live: runners set off in the rain
            Follow the race through the old town
            Race day has begun in the old town, where thousands lined the streets in spite of the cold rain.
            09:05
            Elite runners start
            The elite field set off on time at nine, led out by last year's winner.
            The race director said the field was the largest the race had seen in the rain.
            The mass start follows in half an hour, the organisers said over the loudspeakers.
            More on this
            Comments
            Previous
            Next
            """)
        #expect(blog.entries.count == 2)
        #expect(blog.entries[1].time == "09:05")
        #expect(blog.entries[1].headline == "Elite runners start")
        #expect(blog.entries[1].paragraphs.count == 3)
        #expect(!blog.entries.contains { $0.paragraphs.contains("More on this") })
    }

    // navigation-list: a list of times each with one linked title is dropped with the short label over it.
    @Test("The label over a list of linked titles goes with the list")
    func timedLinkListHeading() {
        let blog = parse(
            """
            Election night live: the count goes on
            Results from every ward as they come in
            10:40
            Turnout up in the river wards
            Turnout in the three river wards was higher than at the last election, the returning officer said.
            Latest updates
            10:20
            Count starts in the north
            10:05
            Boxes arrive at the hall
            09:50
            Polls close
            10:15
            First result declared
            The first ward declared shortly after ten, with the sitting councillor re-elected by forty votes.
            """)
        #expect(!blog.entries.contains { $0.paragraphs.contains("Latest updates") })
        #expect(blog.entries.map(\.headline) == ["Turnout up in the river wards", "First result declared"])
    }

    // header: a short sentence right under the introduction's prose ends the introduction; it is kept.
    @Test("A short sentence closing the introduction is kept")
    func shortSentenceClosesIntroduction() {
        let blog = parse(
            """
            Storm live: gales reach the coast
            Winds of up to ninety miles an hour are forecast for the coast tonight and tomorrow morning.
            Newsletter sign-up
            The storm arrived on the west coast this afternoon, bringing down trees and closing two bridges.
            Follow the updates below.
            18:20
            Bridge closed to all traffic
            The high bridge was closed to all traffic at six after a lorry was blown onto its side.
            18:05
            Trains stopped on the coast line
            Rail services on the coast line were stopped for the night after trees fell onto the track.
            17:45
            Ferries stay in port
            All ferry sailings from the harbour were cancelled for the rest of the day by the operator.
            """)
        #expect(blog.entries.count == 4)
        #expect(blog.entries[0].time == nil)
        #expect(blog.entries[0].paragraphs.count == 2)
        #expect(blog.entries[0].paragraphs.last == "Follow the updates below.")
    }

    // header: a line ending with a colon between the page's dateline and the first post introduces the posts.
    @Test("A line introducing the posts under the dateline is the standfirst")
    func introducingStandfirst() {
        let blog = parse(
            """
            The latest: bridge closed after lorry crash
            Updated
            9:40 pm EST, Monday, March 1, 2027
            RIVERTON (Wire) — The latest on a lorry crash that closed the river bridge (all times local):
            4:05 p.m.
            Police say the bridge will stay closed overnight while the lorry is recovered from the span.
            Drivers are advised to use the ring road.
            """)
        #expect(blog.standfirst?.hasSuffix("(all times local):") == true)
        #expect(blog.entries.count == 1)
        #expect(blog.entries[0].paragraphs.count == 2)
    }

    // header: a gallery link above the first post, with no introduction, is the page's lead picture.
    @Test("A gallery link above the first post with no introduction is dropped")
    func headerGalleryWithoutIntroduction() {
        let blog = parse(
            """
            Eclipse live: the moon covers the sun
            Astronomers answer questions as the eclipse crosses the country
            In pictures: the eclipse across the country
            Anja Holm and Pieter Vos
            10:14 GMT
            Totality has begun in the north, where the crowds on the hill fell silent as the light went.
            10:02 GMT
            The first bite out of the sun was seen from the observatory a few minutes after ten.
            """)
        #expect(blog.entries.map(\.time) == ["10:14 GMT", "10:02 GMT"])
        #expect(blog.entries.allSatisfy { $0.related.isEmpty })
    }

    // A bare date right above a post's clock dates that post; it is not a paragraph of the post above.
    @Test("A date above a post's clock is not a paragraph")
    func dateAboveClock() {
        let blog = parse(
            """
            Harvest festival live
            The valley celebrates the end of the harvest with three days of markets and music.
            The festival opened this morning with the traditional procession through the square.
            Thursday, September 9, 2027
            11:48
            Procession reaches the square
            The procession reached the square at noon, led by the band from the upper village.
            10:05
            Stalls open early
            Traders opened their stalls an hour early because of the crowds at the gates.
            09:30
            Gates open
            The gates opened at half past nine to a queue that stretched to the bridge.
            """)
        #expect(blog.entries[0].time == nil)
        #expect(blog.entries[0].paragraphs.count == 1)
        #expect(blog.entries[1].headline == "Procession reaches the square")
    }

    // link-furniture: a web address's mixed-case slug is not link texts glued together.
    @Test("A line of web addresses is not a glued tag list")
    func addressesAreNotGluedLinks() {
        func glued(_ s: String) -> Bool {
            var s = s
            return s.withUTF8(LineShape.isGluedLinks)
        }
        #expect(!glued("Results https://t.co/aBcDeFgHiJ pic.twitter.com/kLmNoPqRsT"))
        #expect(glued("Local newsRiver FloodsWeather warningsValley towns"))
    }

    // closing-card: a card's title is a headline's length; a long line lacking its full stop is a paragraph.
    @Test("A long unpunctuated line closing a post is not a card's title")
    func closingCardTitleLength() {
        let blog = parse(
            """
            Heatwave live: records fall across the south
            Temperatures pass forty degrees in three towns
            14:30
            Hospitals open cooling rooms
            Hospitals in the south opened cooling rooms for patients as temperatures passed forty degrees.
            Several towns including Alder, Birchmoor, Cray and Denholm opened their libraries as cool spaces for residents who have no shade at home
            The council said the libraries would stay open late.
            14:00
            Record broken at the airport
            The airport weather station recorded the highest temperature since records began in the region.
            13:30
            Water use limits announced
            The water company announced limits on garden hoses from tomorrow morning until further notice.
            """)
        #expect(blog.entries[0].paragraphs.count == 3)
        #expect(blog.entries[0].related.isEmpty)
    }
}
