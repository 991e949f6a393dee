import Foundation
import GRDB
import Testing

/// `liveblog mark` and the read flags it leaves in list and export, through the real binary and a real state file.
@Suite("Marking from the command line")
struct MarkCommandTests {
    func ids(_ runner: CommandRunner, _ path: String) throws -> [String] {
        let result = try runner.run(["list", path, "--json"])
        let object = try JSONSerialization.jsonObject(with: result.stdoutData) as! [String: Any]
        return (object["entries"] as! [[String: Any]]).map { $0["id"] as! String }
    }

    @Test("mark ID makes the entry read in list, list --unread and export; --unread undoes it")
    func markAndUnmark() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let path = try runner.write("strike.txt", CommandLineTests.blogText)
        let all = try ids(runner, path)
        let mark = try runner.run(["mark", path, all[1]])
        #expect(mark.status == 0)
        #expect(mark.stdout == "marked 1 entry read\n")
        let list = try runner.run(["list", path])
        #expect(list.stdout.split(separator: "\n")[1].hasPrefix("2   14:05"))
        let unread = try runner.run(["list", path, "--unread"])
        #expect(unread.stdout.split(separator: "\n").count == 2)
        let export = try runner.run(["export", path])
        let entries =
            (try JSONSerialization.jsonObject(with: export.stdoutData) as! [String: Any])["entries"] as! [[String: Any]]
        #expect(entries.map { $0["read"] as! Bool } == [false, true, false])
        _ = try runner.run(["mark", path, all[1], "--unread"])
        #expect(try runner.run(["list", path, "--unread"]).stdout.split(separator: "\n").count == 3)
    }

    @Test("mark --all, and marks survive the blog growing above and below")
    func markAllSurvivesEdits() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let path = try runner.write("strike.txt", CommandLineTests.blogText)
        #expect(try runner.run(["mark", path, "--all"]).stdout == "marked 3 entries read\n")
        // The blog grows: a new post on top, one at the bottom, and a later paragraph edited.
        let grown = CommandLineTests.blogText
            .replacingOccurrences(
                of: "14:05\n", with: "15:10\nTalks to resume tonight\nBoth sides agreed to meet at eight.\n14:05\n"
            )
            .replacingOccurrences(of: "called it “a provocation”.", with: "called it “a provocation” and “a disgrace”.")
            .replacingOccurrences(
                of: "Join our commenting forum",
                with: "12:00\nFirst ferries cancelled\nThe 6am sailing did not leave.\nJoin our commenting forum")
        _ = try runner.write("strike.txt", grown)
        let list = try runner.run(["list", path, "--unread"])
        #expect(list.stdout.contains("Talks to resume tonight"))
        #expect(list.stdout.contains("First ferries cancelled"))
        #expect(list.stdout.split(separator: "\n").count == 2)
    }

    @Test("mark takes the index list prints, as well as the id")
    func markByIndex() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let path = try runner.write("strike.txt", CommandLineTests.blogText)
        let marked = try runner.run(["mark", path, "2"])
        #expect(marked.status == 0 && marked.stdout == "marked 1 entry read\n")
        let rows = try runner.run(["list", path]).stdout.split(separator: "\n").map {
            $0.split(separator: " ").map(String.init)
        }
        #expect(rows.count >= 2)
        #expect(rows[0].prefix(2) == ["1", "N"], "the first entry is unread: \(rows[0])")
        #expect(rows[1].first == "2" && rows[1].dropFirst().first != "N", "the second is read: \(rows[1])")
    }

    @Test("search FILE with no query says the query is missing, instead of searching the sample for the file's name")
    func searchFileWithoutQuery() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let path = try runner.write("strike.txt", CommandLineTests.blogText)
        let result = try runner.run(["search", path])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("liveblog: error: missing QUERY after the file "))
        #expect(result.stdout.isEmpty)
    }

    @Test("An unknown id, no ids, and an unusable state path are one-line errors; nothing is marked")
    func markErrors() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let path = try runner.write("strike.txt", CommandLineTests.blogText)
        let unknown = try runner.run(["mark", path, "ffffffffffff"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.hasPrefix("liveblog: error: no entry with id or index \"ffffffffffff\" in \(path) ("))
        let outOfRange = try runner.run(["mark", path, "999"])
        #expect(outOfRange.status == 2 && outOfRange.stderr.contains("see liveblog list"))
        let none = try runner.run(["mark", path])
        #expect(none.status == 2)
        #expect(none.stderr.hasPrefix("liveblog: error: no entry ids given"))
        let blocker = try runner.write("blocker", "not a directory")
        let all = try ids(runner, path)
        let unusable = try runner.run(["mark", path, all[0], "--state", blocker + "/state.sqlite"])
        #expect(unusable.status == 2)
        #expect(unusable.stderr.hasPrefix("liveblog: error: "))
        #expect(unusable.stderr.split(separator: "\n").count == 1)
        // Reading commands go on: where no state file can be, there are no marks, and nothing to warn of.
        let list = try runner.run(["list", path, "--state", blocker + "/state.sqlite"])
        #expect(list.status == 0)
        #expect(list.stderr.isEmpty)
    }

    @Test("A corrupt liveblog state file is moved aside with a warning and marking goes on")
    func corruptState() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let path = try runner.write("strike.txt", CommandLineTests.blogText)
        // SQLite's magic and liveblog's application id, then garbage: a state file of ours that SQLite cannot read.
        var spoiled = Array("SQLite format 3\0".utf8) + [UInt8](repeating: 0, count: 84)
        spoiled[68...71] = [0x4C, 0x42, 0x4C, 0x47]
        spoiled += Array(String(repeating: "garbage ", count: 600).utf8)
        _ = try runner.write("state.sqlite", bytes: spoiled)
        let all = try ids(runner, path)
        let mark = try runner.run(["mark", path, all[0]])
        #expect(mark.status == 0)
        let contents = try FileManager.default.contentsOfDirectory(atPath: runner.directory.path)
        #expect(contents.contains { $0.hasPrefix("state.sqlite.corrupt-") })
        #expect(try runner.run(["list", path, "--unread"]).stdout.split(separator: "\n").count == 2)
    }

    @Test("Two mark processes at once on one state file keep every mark")
    func concurrentWriters() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        var text = "Busy blog\nMany posts\n"
        for i in 0..<40 { text += "Post number \(i) headline\nBody of post \(i).\n" }
        let path = try runner.write("busy.txt", text)
        let all = try ids(runner, path)
        let halves = [Array(all[0..<20]), Array(all[20..<40])]
        let statuses = StatusBox()
        DispatchQueue.concurrentPerform(iterations: 2) { k in
            var last: Int32 = 0
            for id in halves[k] { last = max(last, (try? runner.run(["mark", path, id]).status) ?? 99) }
            statuses.set(k, last)
        }
        #expect(statuses.values == [0, 0])
        #expect(try runner.run(["list", path, "--unread"]).stdout.isEmpty)
    }

    @Test("A writer killed with SIGKILL at random moments leaves a sound file with every finished mark")
    func killedWriter() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        var text = "Kill blog\nPosts\n"
        for i in 0..<30 { text += "Entry \(i) of the kill test\nBody \(i).\n" }
        let path = try runner.write("kill.txt", text)
        let all = try ids(runner, path)
        var finished: [String] = []
        var generator = SystemRandomNumberGenerator()
        for (k, id) in all.enumerated() {
            if k % 3 == 0 {
                // Start a mark and kill it after a random delay; its mark may or may not land.
                let process = Process()
                process.executableURL = CommandRunner.binary
                process.arguments = ["mark", path, id, "--state", runner.statePath]
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try process.run()
                usleep(UInt32.random(in: 1_000...60_000, using: &generator))
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
            } else if try runner.run(["mark", path, id]).status == 0 {
                finished.append(id)
            }
        }
        // SQLite's own check, in process through GRDB (no sqlite3 tool needed, so it never skips).
        let integrity = try DatabaseQueue(path: runner.statePath).read { db in
            try String.fetchAll(db, sql: "PRAGMA integrity_check")
        }
        #expect(integrity == ["ok"])
        let export = try runner.run(["export", path])
        let entries =
            (try JSONSerialization.jsonObject(with: export.stdoutData) as! [String: Any])["entries"] as! [[String: Any]]
        let read = Set(entries.filter { $0["read"] as! Bool }.map { $0["id"] as! String })
        #expect(Set(finished).isSubset(of: read))
        #expect(finished.count == 20)
    }
}

/// Exit statuses collected from two threads.
final class StatusBox: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Int32] = [-1, -1]
    func set(_ k: Int, _ value: Int32) {
        lock.lock()
        storage[k] = value
        lock.unlock()
    }
    var values: [Int32] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}
