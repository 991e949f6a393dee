import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Issue 19's rows 1, 9 and 10 and issue 21's implicit standard input, through the built binary: one line
/// `liveblog: error: …` and a non-zero exit, never a signal.
@Suite("Hostile surface")
struct HostileSurfaceTests {
    /// One error line, the process ended by `exit` (a signal would show as its number: 4 for SIGILL).
    func expectOneLine(
        _ result: CommandRunner.Result, containing text: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(result.status == 2, sourceLocation: sourceLocation)
        #expect(result.stderr.hasPrefix("liveblog: error: "), sourceLocation: sourceLocation)
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(text), "\(result.stderr)", sourceLocation: sourceLocation)
    }

    @Test("A port above 65535 is one line for every command that reads a source, not SIGILL")
    func badPort() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        for command in [["list"], ["export"], ["check"], ["follow"], []] {
            let result = try runner.run(command + ["http://127.0.0.1:99999/"])
            expectOneLine(result, containing: "1 to 65535")
        }
        expectOneLine(try runner.run(["list", "http://exa mple.org/"]), containing: "not a web address")
    }

    @Test("A CRLF configuration file is read like an LF one")
    func crlfConfig() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let directory = runner.directory.appendingPathComponent("config/liveblog")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data("mouse off\r\nmark-after 5\r\n".utf8).write(to: directory.appendingPathComponent("config"))
        let result = try runner.run(["config", "--dump"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("mark-after 5"))
        #expect(!result.stdout.contains("\r"))
    }

    @Test("An over-size configuration and a directory as configuration get their own messages")
    func configShapes() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let directory = runner.directory.appendingPathComponent("config/liveblog")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let config = directory.appendingPathComponent("config")
        try Data(repeating: 0x23, count: 2 << 20).write(to: config)
        // The reader's path (here its listing, standard output being a pipe) reads the configuration first.
        let big = try runner.run(["-"], input: Data("Title\n".utf8))
        expectOneLine(big, containing: "configuration file")
        #expect(!big.stderr.contains("--max-size"))
        try FileManager.default.removeItem(at: config)
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        let folder = try runner.run(["-"], input: Data("Title\n".utf8))
        expectOneLine(folder, containing: "is a directory, not a configuration file")
    }

    @Test("A piped blog is the blog for the reader's listing and for follow, as `-` is (issue 21)")
    func implicitStandardInput() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let input = Data(CommandLineTests.blogText.utf8)
        let implicit = try runner.run([], input: input)
        let explicit = try runner.run(["-"], input: input)
        #expect(implicit.status == 0)
        #expect(implicit.stdout == explicit.stdout)
        #expect(implicit.stdout.contains("Unions say pay offer"))
        #expect(!implicit.stdout.contains("Mount Corrigan"))
        // Whether the pipe had ended when it was first read decides between "current" and "new" events, so
        // the headlines are compared, not the lines.
        func headlines(_ result: CommandRunner.Result) -> Set<String> {
            Set(
                result.stdout.split(separator: "\n").compactMap { line in
                    let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                    return object?["headline"] as? String
                })
        }
        let followImplicit = try runner.run(["follow", "--all", "--json"], input: input)
        let followExplicit = try runner.run(["follow", "-", "--all", "--json"], input: input)
        #expect(followImplicit.status == 0, "\(followImplicit.stderr)")
        #expect(followExplicit.status == 0, "\(followExplicit.stderr)")
        #expect(followImplicit.stderr.isEmpty && followExplicit.stderr.isEmpty)
        #expect(headlines(followImplicit).contains("Unions say pay offer ‘an insult’"))
        #expect(headlines(followImplicit) == headlines(followExplicit))
    }

    @Test("A crash signal gives one line and the default action, not the runtime's backtrace")
    func crashSignal() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let process = Process()
        process.executableURL = CommandRunner.binary
        // `follow -` on an open pipe waits for more input: a live process to send the signal to.
        process.arguments = ["follow", "-", "--state", runner.statePath]
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "SWIFT_BACKTRACE")
        process.environment = environment
        let input = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data("Title\n\n10:00\nFirst\n\nText.\n\n".utf8))
        // The handlers are installed before the first line of `main`; a moment lets the program reach its loop.
        Thread.sleep(forTimeInterval: 0.5)
        kill(process.processIdentifier, SIGSEGV)
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try? input.fileHandleForWriting.close()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(process.terminationStatus == SIGSEGV)
        #expect(text == "liveblog: error: internal error (signal \(SIGSEGV))\n")
    }

    @Test("The program runs as one process under its own name, with the environment it was given (no re-exec)")
    func noReexec() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let process = Process()
        process.executableURL = CommandRunner.binary
        process.arguments = ["follow", "-", "--state", runner.statePath]
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "SWIFT_BACKTRACE")
        process.environment = environment
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            try? input.fileHandleForWriting.close()
            process.waitUntilExit()
        }
        input.fileHandleForWriting.write(Data("Title\n\n10:00\nFirst\n\nText.\n\n".utf8))
        Thread.sleep(forTimeInterval: 0.5)
        let pid = process.processIdentifier
        let name = try String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8)
        #expect(name == "liveblog\n")
        let environ = try Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/environ"))
        #expect(!String(decoding: environ, as: UTF8.self).contains("SWIFT_BACKTRACE"))
    }
}
