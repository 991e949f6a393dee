import Foundation
import Testing

@testable import LiveBlogHTML

/// The small recognisers: HTML sniffing, charsets, clocks and ISO dates.
@Suite("HTML recognisers")
struct RecognizerTests {
    @Test("HTML is sniffed from the bytes, after a BOM and whitespace")
    func sniffing() {
        #expect(HTMLSniffer.looksLikeHTML(Array("<!DOCTYPE html><html>".utf8)))
        #expect(HTMLSniffer.looksLikeHTML([0xEF, 0xBB, 0xBF] + Array("\n  <HTML lang=en>".utf8)))
        #expect(HTMLSniffer.looksLikeHTML(Array("<head><title>x</title>".utf8)))
        #expect(HTMLSniffer.looksLikeHTML(Array("<!-- saved --><html>".utf8)))
        #expect(!HTMLSniffer.looksLikeHTML(Array("Harbour strike latest\n14:05\n<b>not html</b>".utf8)))
        #expect(!HTMLSniffer.looksLikeHTML([]))
    }

    @Test("Charsets: BOM, meta, hint, UTF-8 check")
    func charsets() {
        #expect(CharsetSniffer.encoding(of: Array("<meta charset=\"windows-1252\">".utf8), hint: nil) == "WINDOWS-1252")
        #expect(
            CharsetSniffer.encoding(of: Array("<p>plain</p>".utf8), hint: "text/html; charset=iso-8859-2")
                == "ISO-8859-2")
        #expect(CharsetSniffer.encoding(of: Array("<p>é</p>".utf8), hint: nil) == "UTF-8")
        #expect(CharsetSniffer.encoding(of: [0x3C, 0x70, 0x3E, 0xE9], hint: nil) == "WINDOWS-1252")
    }

    @Test("Clocks in the forms pages print them; a match minute is not one")
    func clocks() {
        for text in [
            "15:05", "17.00", "11.04 Uhr", "4:14 p.m.", "10 p.m.", "12.50 BST", "14 August 2023 10:01", "9h30",
        ] {
            #expect(ClockText.isTimeOnly(text), "\(text)")
        }
        for text in [
            "95'", "2024", "3.5 million", "Updated 3 hours ago", "The meeting starts at 10:00 in the town hall today",
        ] {
            #expect(!ClockText.isTimeOnly(text), "\(text)")
        }
        #expect(ClockText.isMatchMinute("95'"))
        #expect(ClockText.isMatchMinute("45+2'"))
        #expect(ClockText.leadingClock("12.31 Uhr: Gespräche gehen weiter")?.time == "12.31 Uhr")
        #expect(ClockText.leadingClock("12.31 Uhr: Gespräche gehen weiter")?.rest == "Gespräche gehen weiter")
        #expect(ClockText.leadingClock("15:05 (BST) Rain arrives")?.time == "15:05 (BST)")
    }

    @Test("ISO dates with zones and fractions")
    func isoDates() {
        let a = ISODate.parse("2024-08-05T21:00:18.921+01:00")
        #expect(a?.clock == "21:00")
        #expect(a?.date == Date(timeIntervalSince1970: 1_722_888_018))
        #expect(ISODate.parse("2023-05-15T11:50:54.000Z")?.date == Date(timeIntervalSince1970: 1_684_151_454))
        #expect(ISODate.parse("2024-07-18T11:48")?.clock == "11:48")
        #expect(ISODate.parse("yesterday") == nil)
    }
}
