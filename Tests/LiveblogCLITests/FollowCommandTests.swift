import Foundation
import Testing

/// `liveblog follow` on standard input, and its one-line errors.
@Suite("Headless follow")
struct FollowCommandTests {
    @Test("Text arriving on an open pipe is printed as new entries; the end of the input ends the command")
    func standardInput() async throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let process = Process()
        process.executableURL = CommandRunner.binary
        process.arguments = ["follow", "-", "--json", "--all", "--state", runner.statePath]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        let lock = NSLock()
        nonisolated(unsafe) var data = Data()
        output.fileHandleForReading.readabilityHandler = { handle in
            let more = handle.availableData
            lock.withLock { data.append(more) }
        }
        func lines() -> [String] {
            lock.withLock { String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init) }
        }
        try process.run()
        input.fileHandleForWriting.write(Data("Harbour storm live\n\n10:00\nWarning issued\n\nA warning.\n\n".utf8))
        // `--all` prints the entries read so far: after that line, what comes is an arrival.
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(30)  // a hang guard for a loaded machine, not a timing
        while lines().isEmpty && clock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        input.fileHandleForWriting.write(Data("10:05\nWind rises\n\nGusts at the pier.\n\n".utf8))
        try await Task.sleep(for: .milliseconds(300))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        output.fileHandleForReading.readabilityHandler = nil
        #expect(process.terminationStatus == 0)
        let printed = lines()
        #expect(printed.count == 2)
        #expect(printed.first?.contains("\"event\":\"current\"") == true)
        #expect(printed.last?.contains("\"event\":\"new\"") == true)
        #expect(printed.last?.contains("\"headline\":\"Wind rises\"") == true)
    }

    @Test("What cannot be followed, and a bad interval, are one-line errors")
    func errors() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let sample = try runner.run(["follow"])
        #expect(sample.status == 2)
        #expect(sample.stderr.hasPrefix("liveblog: error: ") && sample.stderr.split(separator: "\n").count == 1)
        let path = try runner.write("blog.txt", CommandLineTests.blogText)
        for bad in ["0", "fast", "5x", "100h"] {
            let result = try runner.run(["follow", path, "--every", bad])
            #expect(result.status == 64, "\(bad)")
            #expect(result.stderr.hasPrefix("liveblog: error: --every"), "\(bad)")
        }
        let missing = try runner.run(["follow", runner.directory.appendingPathComponent("missing.txt").path])
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("liveblog: error: cannot open"))
    }
}
