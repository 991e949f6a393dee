import Foundation
import LiveBlogCore
import Testing

@testable import LiveBlogTUI

/// Frames at 80×24 and 200×60 for what issue 12 added: readable times, day rows, the full date, numbered
/// links, the list width that follows the content, the search status that tells entries from matches.
struct ReflexFrameTests {
    static let utc = TimeZone(identifier: "UTC")!
    static let day2 = Date(timeIntervalSince1970: 1_796_047_500)  // Monday 30 November 2026, 14:05 UTC

    /// Four timed posts over two days, newest first; the newest has two links.
    static let blog = LiveBlog(
        title: "Harbour strike latest: ferries stop as talks fail",
        entries: [
            Entry(
                id: EntryID("p4"), time: "2.05pm", timestamp: day2,
                headline: "Unions say the pay offer is an insult to crews",
                paragraphs: [
                    "The union said the offer was far below inflation; the full offer and the timetable are online."
                ],
                links: [
                    EntryLink(paragraph: 0, text: "the full offer", url: "https://news.example/pay-offer"),
                    EntryLink(paragraph: 0, text: "the timetable", url: "https://news.example/timetable"),
                ]),
            Entry(
                id: EntryID("p3"), time: "1.40pm", timestamp: day2 - 1500, headline: "Operator blames fuel costs",
                paragraphs: ["The operator said fuel costs had doubled since spring."]),
            Entry(
                id: EntryID("p2"), time: "11.10pm", timestamp: day2 - 15 * 3600 - 300,
                headline: "Talks break up without a deal",
                paragraphs: ["Negotiators left the port authority building shortly before midnight."]),
            Entry(
                id: EntryID("p1"), time: "9.00pm", timestamp: day2 - 18 * 3600 - 300,
                headline: "Crews vote to walk out at dawn",
                paragraphs: ["Ferries between the islands will stop at dawn, the union said."]),
        ])

    static func state(_ size: TerminalSize) -> ReaderState {
        makeState(blog, options: ReaderOptions(markAfter: nil, timeZone: utc), size: size)
    }

    @Test("At 80×24: HH:MM times, a row per day, the full date and numbered links")
    func standard() {
        var state = Self.state(.standard)
        send(&state, .enter)
        #expect(
            screen(state) == """
                Harbour strike latest: ferries stop as talks fail
                  ── Monday 30 November 2026 ──
                  14:05 Unions say the pay offer is an insult to crews
                • 13:40 Operator blames fuel costs
                  ── Sunday 29 November 2026 ──
                • 23:00 Talks break up without a deal
                • 20:00 Crews vote to walk out at dawn


                ── ▼ detail ────────────────────────────────────────────────────────────────────
                 Unions say the pay offer is an insult to crews
                 Monday 30 November 2026, 14:05 UTC

                 The union said the offer was far below inflation; the full offer[1] and the
                 timetable[2] are online.

                 [1] the full offer https://news.example/pay-offer
                 [2] the timetable https://news.example/timetable





                1/4  3 unread                                                             ? help
                """)
        // The link texts are underlined in the paragraph, their numbers drawn as the list's below.
        let frame = Renderer.render(state, size: state.size)
        let row = (0..<frame.height).first { frame.line($0).contains("the full offer[1]") }!
        #expect(frame.styledText(row: row, where: \.underline) == "the full offer|the")  // "the timetable" wraps
        #expect(frame.styledText(row: row, where: { $0.role == .related && $0.bold }) == "[1]")
    }

    @Test(
        "At 200×60: the list is as wide as its rows need, within 35–45 %; the search status counts entries and matches")
    func wide() {
        var state = Self.state(TerminalSize(rows: 60, columns: 200))
        type(&state, "/crews")
        send(&state, .enter)
        let text = screen(state)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(state.layout.list.width == 70)
        func row(_ list: String, _ detail: String) -> String {
            list.padding(toLength: 70, withPad: " ", startingAt: 0) + "│" + (detail.isEmpty ? "" : " " + detail)
        }
        #expect(lines[1] == row("  ── Monday 30 November 2026 ──", "Unions say the pay offer is an insult to crews"))
        #expect(
            lines[2]
                == row("• 14:05 Unions say the pay offer is an insult to crews", "Monday 30 November 2026, 14:05 UTC"))
        #expect(lines[3] == row("  ── Sunday 29 November 2026 ──", ""))
        #expect(
            lines[4]
                == row(
                    "• 20:00 Crews vote to walk out at dawn",
                    "The union said the offer was far below inflation; the full offer[1] and the timetable[2] are online."
                ))
        #expect(lines[59].hasPrefix("1/2  4 unread  /crews  entry 1 of 2 · match 1 of 1"))
    }

    @Test("Day rows never push the selection off the list; a click lands on the entry under it")
    func dayRowsKeepCursorInView() {
        var state = Self.state(TerminalSize(rows: 10, columns: 100))  // 8 list rows for 4 entries and 2 day rows
        send(&state, .character("G"))
        #expect(screen(state).contains("• 20:00 Crews vote"))
        var small = Self.state(TerminalSize(rows: 8, columns: 100))  // 6 rows
        send(&small, .character("G"))
        let frame = Renderer.render(small, size: small.size)
        let row = (0..<frame.height).first { frame.line($0).hasPrefix("• 20:00 Crews vote") }
        #expect(row != nil && frame.columns(row: row!, where: \.reverse).count > 0)
        send(&small, .character("g"))
        // Row 1 is the day row, row 2 the first entry, row 4 the second day's row: clicks there select nothing new.
        send(&small, .click(row: 3, column: 5))
        #expect(small.selectedEntryID == EntryID("p3"))
        send(&small, .click(row: 4, column: 5))
        #expect(small.selectedEntryID == EntryID("p3"))
        send(&small, .click(row: 5, column: 5))
        #expect(small.selectedEntryID == EntryID("p2"))
    }
}
