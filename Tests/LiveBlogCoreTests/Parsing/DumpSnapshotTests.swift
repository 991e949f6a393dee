import Foundation
import LiveBlogCore
import Testing

/// Every corpus blog's full parse, compared with its recorded dump in `Fixtures/dumps/NN-name.dump`.
///
/// The expected JSON files say what a reader must get; the dumps pin everything else (source lines, every
/// paragraph, the notes), so any change in the parse shows up in review as a few changed lines. After an
/// intended change, record them again with `LIVEBLOG_RECORD_DUMPS=1 swift test --filter DumpSnapshotTests`
/// and read the diff before committing it.
struct DumpSnapshotTests {
    static let directory = Fixtures.directory.appendingPathComponent("dumps")
    static let recording = !(ProcessInfo.processInfo.environment["LIVEBLOG_RECORD_DUMPS"] ?? "").isEmpty

    @Test("Each corpus blog parses to its recorded dump", arguments: try CorpusFixture.all())
    func snapshot(_ fixture: CorpusFixture) throws {
        let dump = LiveBlogParser().parse(fixture.text).dump(.all) + "\n"
        let file = Self.directory.appendingPathComponent(fixture.name + ".dump")
        if Self.recording {
            try FileManager.default.createDirectory(at: Self.directory, withIntermediateDirectories: true)
            try dump.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let recorded = try String(contentsOf: file, encoding: .utf8)
        if recorded != dump {
            let old = recorded.split(separator: "\n", omittingEmptySubsequences: false)
            let new = dump.split(separator: "\n", omittingEmptySubsequences: false)
            let first = (0..<min(old.count, new.count)).first { old[$0] != new[$0] } ?? min(old.count, new.count)
            let was = first < old.count ? String(old[first]) : "(end)"
            let now = first < new.count ? String(new[first]) : "(end)"
            Issue.record(
                "\(fixture.name): line \(first + 1) was “\(was)”, now “\(now)” (LIVEBLOG_RECORD_DUMPS=1 to record)")
        }
    }

    @Test("A dump shows source lines, timestamps, links and notes only when asked")
    func parts() {
        let blog = LiveBlogParser().parse(
            "Ferry strike live\nCrews walk out at dawn\n14:05\nTalks fail\nThe union said no.\n")
        #expect(
            blog.dump() == """
                title: Ferry strike live
                standfirst: Crews walk out at dawn
                [1] 14:05 Talks fail
                  ¶ The union said no.
                """)
        let full = blog.dump(.all)
        #expect(full.contains("[1] L3 14:05 Talks fail"))
        #expect(full.contains("notes: \(blog.diagnostics.count)"))
    }
}
