import Foundation
import Testing

@testable import LiveBlogCore

/// The heuristics that read layouts the parser had not met: the time grammar's language table, times opening a
/// line, times after the body, furniture by shape, and never returning nothing. Invented pages.
@Suite("Layout heuristics")
struct LayoutHeuristicTests {
    func time(_ s: String) -> PostTime? { TimeLineRecognizer.recognize(Substring(s)) }

    // One grammar, many languages: each line is a row of the table composed with the same rules.
    @Test(
        "The time grammar reads clocks with labels, zones and dates in many languages",
        arguments: [
            ("za 05 mrt. 14u05", 14, 5), ("Sat 5 Mar 14:05", 14, 5), ("2:05 PM / March 5, 2027", 14, 5),
            ("05.03.2027, 14:05", 14, 5), ("2027-03-05 14:05", 14, 5), ("kl. 14.05", 14, 5), ("14.05 uur", 14, 5),
            ("Sa., 5. März 14:05 Uhr", 14, 5), ("5 de marzo de 2027, 14:05", 14, 5), ("godz. 14:05", 14, 5),
            ("lördag 5 mars 2027 kl. 14.05", 14, 5), ("14:05 GMT+1", 14, 5), ("14:05 (IST)", 14, 5),
        ])
    func grammar(_ line: String, _ hour: Int, _ minute: Int) throws {
        let t = try #require(time(line), "\(line)")
        #expect(t.hour == hour && t.minute == minute, "\(line)")
    }

    // Zones carry their offsets (minutes too); ages read in other languages.
    @Test("Zones and ages")
    func zonesAndAges() throws {
        #expect(try #require(time("14:05 (IST)")).zoneOffset == 330 * 60)
        #expect(try #require(time("14:05 GMT+1")).zoneOffset == 3600)
        #expect(try #require(time("vor 5 Minuten")).age == 300)
        #expect(try #require(time("5 minuti fa")).age == 300)
        #expect(try #require(time("il y a 2 heures")).age == 7200)
        #expect(time("5 Dec") != nil && time("5 Dec")!.isDayHeader)
    }

    // time-prefix: a time opening the headline's line or the first paragraph's is split from it.
    @Test("A time opening the line is the post's time")
    func timePrefix() {
        let blog = parse(
            """
            Rail strike live
            Trains halted across the region
            14:05: Unions call off evening walkout
            The union said talks would resume in the morning.
            13.40 Uhr – Stations reopen in the north
            Passengers were let back onto the platforms at noon.
            13:10 Commuters queued for buses outside the main station as the first cancellations were announced.
            """)
        #expect(blog.entries.map(\.time) == ["14:05", "13.40 Uhr", "13:10"])
        #expect(
            blog.entries.map(\.headline) == ["Unions call off evening walkout", "Stations reopen in the north", nil])
        #expect(blog.entries[2].paragraphs.count == 1)
    }

    // A paragraph that happens to open with a clock, on a page of time lines, is left alone.
    @Test("A single paragraph opening with a clock is not split")
    func timePrefixNeedsTheLayout() {
        let blog = parse(
            """
            Rail strike live
            Trains halted across the region
            14:05
            Unions call off evening walkout
            The union said talks would resume in the morning.
            10:30 was the time the first train should have left, and nobody on the platform had been told anything.
            13:40
            Stations reopen in the north
            Passengers were let back onto the platforms at noon.
            """)
        #expect(blog.entries.count == 2)
        #expect(blog.entries[0].paragraphs.count == 2)
    }

    // trailing-time: times after each body, nothing but the footer after the last one.
    @Test("Times printed after the body close their posts")
    func trailingClocks() {
        let blog = parse(
            """
            Flood live: river peaks in the valley
            Sandbags handed out as the water rises
            Levels fall at the weir
            The gauge at the weir dropped by ten centimetres in an hour.
            14:05
            Road closed at the ford
            Police closed the lane at the ford after a car stalled in the water.
            Drivers were told to use the bypass.
            13:20
            Share this page
            """)
        #expect(blog.entries.map(\.headline) == ["Levels fall at the weir", "Road closed at the ford"])
        #expect(blog.entries.map(\.time) == ["14:05", "13:20"])
        #expect(blog.entries[1].paragraphs.count == 2)
    }

    // link-furniture: a tag list glued without spaces and a notice in capitals are dropped; camel-case names stay.
    @Test("Glued tag lists and shouted notices are furniture")
    func linkFurniture() {
        func shape(_ s: String, _ test: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
            var s = s
            return s.withUTF8(test)
        }
        #expect(shape("Local newsRiver FloodsWeather warningsValley towns", LineShape.isGluedLinks))
        #expect(!shape("YouTube removes PlayStation clips", LineShape.isGluedLinks))
        #expect(shape("THIS PAGE REFRESHES EVERY MINUTE.", LineShape.isShoutedBanner))
        #expect(!shape("BREAKING NEWS FROM THE VALLEY", LineShape.isShoutedBanner))
    }

    // Labelled bylines and names captioning a photo between two sentences are not text.
    @Test("Labelled bylines and name captions")
    func bylinesAndCaptions() {
        func byline(_ s: String) -> Bool {
            var s = s
            return s.withUTF8(AuthorLine.isLabelledByline)
        }
        #expect(byline("Posted by Ines Marlow"))
        #expect(byline("Geschrieben von Ines Marlow"))
        #expect(!byline("Written by hand in the margins"))
        let blog = parse(
            """
            Court live: the harbour fraud trial
            The jury hears the last witnesses
            15:10
            Two men admit charges
            Two men admitted the charges at the start of the hearing, the court was told by the prosecutor.
            Ivo Brandt and Karl Weiss
            Both will be sentenced next month, the judge said after a short adjournment in the afternoon.
            14:40
            Hearing opens
            The hearing opened shortly after ten with the reading of the charges to the court.
            14:20
            Jury sworn in
            Twelve jurors were sworn in before the lunch break, after a morning of legal argument.
            """)
        #expect(blog.entries[0].paragraphs.count == 2)
    }

    // body-furniture: a run of short unpunctuated lines inside a post is dropped; the one over a paragraph stays.
    @Test("A run of short lines inside a post is furniture")
    func bodyFurnitureRun() {
        let blog = parse(
            """
            Harbour live: the tide gates close
            Updates from the quay as the gates are tested
            11:20
            Gates shut for the first test
            The first of the three tide gates swung shut at eleven, watched by a crowd on the sea wall.
            Engineers said the second gate would be tested after the afternoon high tide had passed.
            Coastal stories
            Lighthouse keeper retires after forty years
            Ferry timetable for the winter months
            Watch the gates close 2:41
            Second gate
            The second gate is the largest of the three and took four years to build on the river mouth.
            10:50
            Crowds gather on the quay
            Several hundred people gathered on the quay before the test, many with cameras and flasks.
            """)
        #expect(blog.entries.count == 3)
        #expect(blog.entries[0].paragraphs.count == 2)
        #expect(!blog.entries.contains { $0.paragraphs.contains { $0.contains("Ferry timetable") } })
        #expect(blog.entries.contains { $0.headline == "Second gate" })
        #expect(blog.diagnostics.contains { $0.message.contains("body-furniture") })
    }

    // never-nothing: time-headed blocks whose bodies repeat are still the posts.
    @Test("A page of time-headed blocks never gives nothing")
    func neverNothing() {
        let blog = parse(
            """
            Storm live: gusts close the coast road
            Updates as the storm arrives
            10:05
            Coast road shut at the cliffs
            More to follow.
            09:55
            Ferries cancelled for the day
            More to follow.
            09:40
            Schools close early
            More to follow.
            """)
        #expect(blog.entries.map(\.time) == ["10:05", "09:55", "09:40"])
        #expect(
            blog.entries.map(\.headline) == [
                "Coast road shut at the cliffs", "Ferries cancelled for the day", "Schools close early",
            ])
        #expect(blog.diagnostics.contains { $0.message.contains("never-nothing") })
    }

    // image-only-post: a time over nothing but a credited picture is a post without text, not merged or dropped.
    @Test("A timed picture without text is a post of its own")
    func imageOnlyPost() {
        let blog = parse(
            """
            Flood live: the river peaks overnight
            Updates from the valley as the water rises
            11:20
            Boats on the high street
            Volunteers rowed along the high street to reach flats cut off since the morning, the council said.
            11:05
            Sandbags stacked at the old mill before the water reached the bridge. Photograph: Lena Ortiz/Reuters
            10:40
            Evacuation centre opens
            The school hall on the hill opened as an evacuation centre and took in forty families by lunchtime.
            """)
        #expect(blog.entries.map(\.time) == ["11:20", "11:05", "10:40"])
        #expect(blog.entries[1].headline == nil)
        #expect(blog.entries[1].paragraphs.isEmpty)
        #expect(blog.entries[2].headline == "Evacuation centre opens")
    }
}
