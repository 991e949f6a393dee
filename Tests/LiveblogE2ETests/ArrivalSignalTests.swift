import Foundation
import LiveBlogCore
import Testing

@testable import liveblog

#if canImport(Glibc)
import Glibc
#endif

/// What `--bell` and `--notify-command` do when entries arrive.
struct ArrivalSignalTests {
    @Test("--bell writes one BEL to the terminal per update with arrivals, none without")
    func bell() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        defer { close(fds[0]) }
        let entry = Entry(id: EntryID("a"), headline: "Ferries stop", paragraphs: ["No crossings today."])
        ArrivalSignal(bell: true).announce([entry, entry], blogTitle: "Harbour", bellDescriptor: fds[1])
        ArrivalSignal(bell: true).announce([], blogTitle: "Harbour", bellDescriptor: fds[1])
        ArrivalSignal(bell: false).announce([entry], blogTitle: "Harbour", bellDescriptor: fds[1])
        close(fds[1])
        var buffer = [UInt8](repeating: 0, count: 16)
        let n = read(fds[0], &buffer, 16)
        #expect(Array(buffer.prefix(max(0, n))) == [7])
    }

    @Test("The notify command sees the headline, time, id, address and blog, with controls made harmless")
    func notifyEnvironment() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "liveblog-notify-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let log = directory.appendingPathComponent("env.txt").path
        let entry = Entry(
            id: EntryID("abc123"), time: "10:10", headline: "Ferries \u{1B}[2Jstop", paragraphs: ["No crossings."],
            url: "https://news.example/live#p1")
        let command =
            "printf '%s|%s|%s|%s|%s' \"$LIVEBLOG_HEADLINE\" \"$LIVEBLOG_TIME\" \"$LIVEBLOG_ID\" \"$LIVEBLOG_URL\" \"$LIVEBLOG_BLOG\" > \(log)"
        ArrivalSignal(bell: false, notifyCommand: command).announce([entry], blogTitle: "Harbour", bellDescriptor: -1)
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(30)  // a hang guard, not a timing
        var text = ""
        while text.isEmpty && clock.now < deadline {
            text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            try await Task.sleep(for: .milliseconds(20))
        }
        // ESC is dropped by the one output filter (OutputSanitizer), as everywhere else a blog's text leaves the program.
        #expect(text == "Ferries [2Jstop|10:10|abc123|https://news.example/live#p1|Harbour")
    }
}
