import Foundation
import Testing

@testable import LiveBlogCore

/// The time-line styles the recognizer knows, one row each: what the line says, and what is kept as the entry's time.
@Suite("Time line recognizer")
struct TimeLineRecognizerTests {
    struct Row: CustomStringConvertible, Sendable {
        var line: String
        var text: String
        var hour: Int?
        var minute: Int?
        var date: [Int]? = nil
        var zone: Int? = nil
        var age: Int? = nil
        var epoch: Int? = nil
        var description: String { line }
    }

    static let accepted: [Row] = [
        Row(line: "10:45", text: "10:45", hour: 10, minute: 45),
        Row(line: "10.45", text: "10.45", hour: 10, minute: 45),
        Row(line: "9:05", text: "9:05", hour: 9, minute: 5),
        Row(line: "14:05 GMT", text: "14:05 GMT", hour: 14, minute: 5, zone: 0),
        Row(line: "12.50 BST", text: "12.50 BST", hour: 12, minute: 50, zone: 3600),
        Row(line: "10.45am", text: "10.45am", hour: 10, minute: 45),
        Row(line: "1.32pm", text: "1.32pm", hour: 13, minute: 32),
        Row(line: "12.05am", text: "12.05am", hour: 0, minute: 5),
        Row(line: "4:14 p.m.", text: "4:14 p.m.", hour: 16, minute: 14),
        Row(line: "10 p.m.", text: "10 p.m.", hour: 22, minute: 0),
        Row(line: "10:18 p.m. ET", text: "10:18 p.m. ET", hour: 22, minute: 18, zone: -18000),
        Row(line: "4m ago", text: "4m ago", hour: nil, minute: nil, age: 240),
        Row(line: "1h ago", text: "1h ago", hour: nil, minute: nil, age: 3600),
        Row(line: "21 mins ago", text: "21 mins ago", hour: nil, minute: nil, age: 1260),
        Row(line: "21 mins ago11:48", text: "11:48", hour: 11, minute: 48, age: 1260),
        Row(line: "Posted at 14:05", text: "14:05", hour: 14, minute: 5),
        Row(line: "Updated at 12.08 BST", text: "12.08 BST", hour: 12, minute: 8, zone: 3600),
        Row(
            line: "Mon 15 May 2023 12.50 BST", text: "Mon 15 May 2023 12.50 BST", hour: 12, minute: 50,
            date: [2023, 5, 15], zone: 3600),
        Row(line: "5 August 2024, 20:49", text: "5 August 2024, 20:49", hour: 20, minute: 49, date: [2024, 8, 5]),
        Row(
            line: "August 5, 2024 4:14 p.m. ET", text: "August 5, 2024 4:14 p.m. ET", hour: 16, minute: 14,
            date: [2024, 8, 5], zone: -18000),
        Row(
            line: "10:32 p.m. EDT, Thu September 12, 2024", text: "10:32 p.m. EDT, Thu September 12, 2024", hour: 22,
            minute: 32, date: [2024, 9, 12], zone: -14400),
        Row(
            line: "Sept. 14, 2024, 8:47 p.m. ET", text: "Sept. 14, 2024, 8:47 p.m. ET", hour: 20, minute: 47,
            date: [2024, 9, 14], zone: -18000),
        Row(line: "5 Aug 2024", text: "5 Aug 2024", hour: nil, minute: nil, date: [2024, 8, 5]),
        Row(line: "Posted 23m ago", text: "23m ago", hour: nil, minute: nil, age: 1380),
        Row(line: "1722887340", text: "1722887340", hour: nil, minute: nil, epoch: 1_722_887_340),
        Row(line: "1722887340000", text: "1722887340000", hour: nil, minute: nil, epoch: 1_722_887_340),
        // Other languages: the clock word, the French `h`, prefixes, a zone in brackets, a date after the clock.
        Row(line: "11.04 Uhr", text: "11.04 Uhr", hour: 11, minute: 4),
        Row(line: "9 Uhr", text: "9 Uhr", hour: 9, minute: 0),
        Row(line: "Aktualisiert um 9.15 Uhr", text: "9.15 Uhr", hour: 9, minute: 15),
        Row(line: "16h56", text: "16h56", hour: 16, minute: 56),
        Row(line: "ore 16:56", text: "16:56", hour: 16, minute: 56),
        Row(line: "Aggiornato alle 23:58", text: "23:58", hour: 23, minute: 58),
        Row(line: "godz. 14:05", text: "14:05", hour: 14, minute: 5),
        Row(line: "14:05 (CET)", text: "14:05 (CET)", hour: 14, minute: 5, zone: 3600),
        Row(
            line: "Mis à jour le 3 mars 2025 à 16h56", text: "Mis à jour le 3 mars 2025 à 16h56", hour: 16, minute: 56,
            date: [2025, 3, 3]),
        Row(line: "12. März 2025, 08:30", text: "12. März 2025, 08:30", hour: 8, minute: 30, date: [2025, 3, 12]),
        Row(line: "12 września 2025 14:05", text: "12 września 2025 14:05", hour: 14, minute: 5, date: [2025, 9, 12]),
    ]

    static let dayHeaders: [(line: String, month: Int, day: Int)] = [
        ("Monday 14 August", 8, 14), ("Montag, 14. August", 8, 14), ("lunedì 14 agosto", 8, 14),
        ("jeudi 3 août", 8, 3), ("Środa, 10 września", 9, 10), ("Dienstag, 9. September", 9, 9),
    ]

    // A date with neither year nor clock between posts is a day header, in many languages.
    @Test("Day headers")
    func dayHeaderLines() throws {
        for (line, month, day) in Self.dayHeaders {
            var bytes = line
            let time = try #require(bytes.withUTF8 { TimeLineRecognizer.recognize(bytes: $0) }, "\(line)")
            #expect(time.isDayHeader, "\(line)")
            #expect(time.month == month && time.day == day, "\(line)")
        }
    }

    // Each style is recognised, and the time keeps the text a reader expects to see.
    @Test("Recognises the styles newsrooms use", arguments: accepted)
    func accepts(_ row: Row) throws {
        let time = try #require(TimeLineRecognizer.recognize(Substring(row.line)))
        #expect(time.text == row.text)
        #expect(time.hour == row.hour)
        #expect(time.minute == row.minute)
        if let date = row.date {
            #expect([time.year, time.month, time.day] == date.map { Optional($0) })
        } else {
            #expect(!time.hasDate)
        }
        #expect(time.zoneOffset == row.zone)
        #expect(time.age == row.age)
        #expect(time.epoch == row.epoch)
        // The byte entry point agrees with the String one.
        var line = row.line
        let viaBytes = line.withUTF8 { TimeLineRecognizer.recognize(bytes: $0) }
        #expect(viaBytes == time)
    }

    // A no-break space before the zone is normalised away before recognition; the parser keeps "12.50 BST".
    @Test("A no-break space before the zone")
    func noBreakSpace() {
        let blog = LiveBlogParser().parse("Storm live\nRoads closed\n12.50\u{00A0}BST\nThe coast road is shut.\n")
        #expect(blog.entries.first?.time == "12.50 BST")
    }

    static let rejected: [String] = [
        "10,000 troops",
        "The ferry left at 13:05 with a full car deck.",
        "At 10.45 the hearing resumed",
        "25:10",
        "10:75",
        "2024",
        "Page 2 of 5",
        "13 p.m.",
        "Posted by Ann at the harbour",
        "4 more ago",
        "12345",
        "Flight 370",
        "95'",
        "45+2'",
        "Ore di attesa al porto",
        "Um 11 Uhr 30 Busse",
        "",
    ]

    // Numbers in sentences, counts and impossible clocks are not times.
    @Test("Rejects sentences and numbers that are not times", arguments: rejected)
    func rejects(_ line: String) {
        #expect(TimeLineRecognizer.recognize(Substring(line)) == nil)
    }

    // The prefilter lets every time through and stops long or wordy lines without building a String.
    @Test("The byte prefilter")
    func prefilter() {
        func might(_ s: String) -> Bool {
            var s = s
            return s.withUTF8 { TimeLineRecognizer.mightBeTime($0) }
        }
        for row in Self.accepted { #expect(might(row.line), "\(row.line)") }
        #expect(!might("No digits here at all"))
        #expect(!might("“10:45” was when it happened"))
        #expect(!might(String(repeating: "1 ", count: 40)))
        #expect(might("just now"))
    }

    // Epoch numbers and clock times give timestamps; a clock time needs a date from its line or the page.
    @Test("Timestamps from epochs, datelines and page dates")
    func timestamps() throws {
        let epoch = try #require(TimeLineRecognizer.recognize("1722887340"))
        #expect(epoch.timestamp(pageDate: nil) == Date(timeIntervalSince1970: 1_722_887_340))
        let dated = try #require(TimeLineRecognizer.recognize("Mon 15 May 2023 12.50 BST"))
        #expect(BlogExporter.iso8601(try #require(dated.timestamp(pageDate: nil))) == "2023-05-15T11:50:00Z")
        let clock = try #require(TimeLineRecognizer.recognize("10:18 p.m."))
        #expect(clock.timestamp(pageDate: nil) == nil)
        let placed = try #require(clock.timestamp(pageDate: (2024, 9, 12), defaultZoneOffset: -4 * 3600))
        #expect(BlogExporter.iso8601(placed) == "2024-09-13T02:18:00Z")
    }
}
