import Foundation
import LiveBlogCore
// Shared helpers (SeededRandom…) for every file of this target.
@_exported import LiveBlogTestSupport
import Testing

@testable import LiveBlogTUI

/// Hand-built blogs for the reader tests (the parser is tested in the core's tests).
enum Fixture {
    /// Six entries in published order (newest first): times on four, an untitled intro last, related links,
    /// a Japanese quotation, an emoji.
    static let small = LiveBlog(
        title: "Mount Corrigan eruption latest",
        standfirst: "More than 12,000 people have left the island since the volcano woke",
        entries: [
            Entry(
                id: EntryID("e0"), time: "16:48",
                headline: "Ash begins to fall on Castlemere as cloud reaches the mainland",
                paragraphs: [
                    "The first traces of ash have begun to settle on cars and pavements in Castlemere, about 80km east of Tarrow.",
                    "“It smells faintly of struck matches,” said Marguerite Fenn.",
                ],
                related: [RelatedLink(kind: .story, title: "Why the ash cloud moved east", summary: "Winds explained")],
                flags: [.keyEvent]),
            Entry(
                id: EntryID("e1"), time: "16:21", headline: "Observatory: ‘no sign yet’ that eruption is slowing",
                paragraphs: ["Scientists say there is no evidence yet that the eruption is losing strength."]),
            Entry(
                id: EntryID("e2"), time: "15:57", headline: "Second ash column seen from the north coast",
                paragraphs: ["A second, smaller column of ash has been seen rising from a vent on the northern flank."],
                related: [RelatedLink(kind: .gallery, title: "In pictures: the eruption")]),
            Entry(
                id: EntryID("e3"), headline: "Japanese volcanologists offer to help",
                paragraphs: ["Dr Haruka Senoo wrote: 「山はまだ落ち着いていません。」 The mountain has not settled yet."]),
            Entry(
                id: EntryID("e4"), time: "15:30",
                headline: "Airports across the Skerran Isles to stay closed until Friday",
                paragraphs: ["All four airports will remain closed until at least Friday morning 🌋 the authority said."]
            ),
            Entry(
                id: EntryID("e5"),
                paragraphs: [
                    "Mount Corrigan on Tarrow Island has been erupting for almost 24 hours, sending a column of ash more than nine kilometres into the sky."
                ]),
        ])

    /// `count` plain entries "Entry 0" … with one paragraph each; ids "n0" ….
    static func numbered(_ count: Int, paragraphs: Int = 1) -> LiveBlog {
        LiveBlog(
            title: "Numbered",
            entries: (0..<count).map { i in
                Entry(
                    id: EntryID("n\(i)"), time: nil, headline: "Entry \(i)",
                    paragraphs: (0..<paragraphs).map { p in "Paragraph \(p) of entry \(i)." })
            })
    }

    /// An entry whose detail runs to many lines (one short paragraph per line).
    static func longEntry(id: String, lines: Int, headline: String = "Long") -> Entry {
        Entry(id: EntryID(id), headline: headline, paragraphs: (0..<lines).map { "Line \($0)" })
    }
}

extension TerminalSize {
    static let wide = TerminalSize(rows: 40, columns: 120)
    static let standard = TerminalSize(rows: 24, columns: 80)
}

/// A reader state that has been told its size, as the run loop does first.
func makeState(
    _ blog: LiveBlog = Fixture.small, marks: Set<EntryID> = [], options: ReaderOptions = ReaderOptions(),
    size: TerminalSize = .wide
) -> ReaderState {
    var state = ReaderState(blog: blog, readMarks: marks, options: options, sourceName: "test")
    _ = Reducer.reduce(&state, .resized(size))
    return state
}

/// Sends keys one by one; returns every effect, in order.
@discardableResult
func send(_ state: inout ReaderState, _ keys: Key...) -> [Effect] {
    keys.flatMap { Reducer.reduce(&state, .key($0)) }
}

/// Sends each character of `text` as a key.
@discardableResult
func type(_ state: inout ReaderState, _ text: String) -> [Effect] {
    text.flatMap { Reducer.reduce(&state, .key(.character($0))) }
}

func screen(_ state: ReaderState, _ size: TerminalSize? = nil) -> String {
    Renderer.render(state, size: size ?? state.size).text
}

extension Frame {
    /// The text of one row, trailing blanks trimmed.
    func line(_ row: Int) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)[row]
    }

    /// Columns of `row` whose style satisfies `test`.
    func columns(row: Int, where test: (CellStyle) -> Bool) -> [Int] {
        (0..<width).filter { !self[row, $0].isContinuation && test(self[row, $0].style) }
    }

    /// The text of the cells of `row` whose style satisfies `test`, runs separated by "|".
    func styledText(row: Int, columns: Range<Int>? = nil, where test: (CellStyle) -> Bool) -> String {
        var out = ""
        var inRun = false
        for c in (columns ?? 0..<width).clamped(to: 0..<width) where !self[row, c].isContinuation {
            if test(self[row, c].style) {
                out += self[row, c].text
                inRun = true
            } else if inRun {
                out += "|"
                inRun = false
            }
        }
        return inRun ? out : String(out.dropLast())
    }
}

/// Checks that the README's section between `begin` and `end` is `generated` (LIVEBLOG_RECORD_README=1 rewrites it),
/// so a table generated from the code can never drift from the README.
func expectReadmeSection(begin: String, end: String, generated: String) throws {
    let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("README.md")
    let text = try String(contentsOf: readme, encoding: .utf8)
    if ProcessInfo.processInfo.environment["LIVEBLOG_RECORD_README"] == "1",
        let a = text.range(of: begin), let b = text.range(of: end, range: a.upperBound..<text.endIndex)
    {
        try text.replacingCharacters(in: a.upperBound..<b.lowerBound, with: generated)
            .write(to: readme, atomically: true, encoding: .utf8)
        return
    }
    let a = try #require(text.range(of: begin), "README has no section starting \(begin)")
    let b = try #require(text.range(of: end, range: a.upperBound..<text.endIndex))
    #expect(String(text[a.upperBound..<b.lowerBound]) == generated)
}
