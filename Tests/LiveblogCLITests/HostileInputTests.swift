import Foundation
import Testing

/// Inputs meant to hurt: endless devices, oversized files, escape sequences in echoed text, queries that look
/// like options, state files that are not liveblog's. Each is refused or handled in one clean line.
@Suite("Hostile input on the command line")
struct HostileInputTests {
    @Test("Endless character devices are refused at once, as a path or on standard input")
    func endlessDevices() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        for command in [["list", "/dev/zero"], ["search", "/dev/urandom", "peace"], ["export", "/dev/zero"]] {
            let result = try runner.run(command)
            #expect(result.status == 2)
            #expect(
                result.stderr
                    == "liveblog: error: \(command[1]) is a character device, not a blog file (it may never end)\n")
        }
        // Standard input from /dev/zero, through a shell redirection.
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", "exec \"$0\" list - < /dev/zero 2>&1", CommandRunner.binary.path]
        let out = Pipe()
        shell.standardOutput = out
        try shell.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        shell.waitUntilExit()
        #expect(shell.terminationStatus == 2)
        #expect(text == "liveblog: error: standard input is a character device, not a blog file (it may never end)\n")
        // /dev/null is a character device that ends at once: an empty blog.
        #expect(try runner.run(["list", "/dev/null"]).status == 0)
    }

    @Test("Inputs over --max-size are refused: a sparse file by its size, a pipe as it passes the limit")
    func sizeLimit() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let sparse = runner.directory.appendingPathComponent("sparse.txt").path
        #expect(FileManager.default.createFile(atPath: sparse, contents: nil))
        #expect(truncate(sparse, 64 << 30) == 0)
        let huge = try runner.run(["list", sparse])
        #expect(huge.status == 2)
        #expect(
            huge.stderr == "liveblog: error: \(sparse) is 64 GB, over the 512 MB limit (raise it with --max-size)\n")
        let piped = try runner.run(["list", "--max-size", "1K", "-"], input: Data(repeating: 0x41, count: 5000))
        #expect(piped.status == 2)
        #expect(piped.stderr == "liveblog: error: standard input is over the 1 KB limit (raise it with --max-size)\n")
        let small = try runner.write("small.txt", CommandLineTests.blogText)
        #expect(try runner.run(["search", small, "union", "--max-size", "100"]).status == 2)
        #expect(try runner.run(["search", small, "union", "--max-size", "1M"]).status == 0)
        #expect(try runner.run(["mark", small, "--all", "--max-size", "1M"]).status == 0)
        let bad = try runner.run(["list", small, "--max-size", "lots"])
        #expect(bad.status == 64)
        #expect(bad.stderr == "liveblog: error: --max-size takes a size such as 512M or 2G, not \"lots\"\n")
    }

    @Test("Echoed input is sanitised and cut: rules-file lines, paths and option values")
    func echoedInput() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let rules = try runner.write(
            "rules.txt", "line: ok\n\u{1B}]52;c;aGVsbG8=\u{07}" + String(repeating: "x", count: 100_000) + "\n")
        let result = try runner.run(["list", "--rules", rules])
        #expect(result.status == 2)
        #expect(!result.stderr.contains("\u{1B}") && !result.stderr.contains("\u{07}"))
        #expect(result.stderr.split(separator: "\n").count == 1 && result.stderr.count < 400)
        #expect(
            result.stderr.hasPrefix("liveblog: error: bad rule at \(rules):2: expected `kind: text`, found \"?]52;c;"))
        let path = try runner.run(["list", "/tmp/no\u{1B}[31msuch\u{07}"])
        #expect(path.stderr == "liveblog: error: cannot open /tmp/no?[31msuch?: No such file or directory\n")
        let format = try runner.run(["export", "--format", "x\u{1B}[2J"])
        #expect(format.stderr.hasPrefix("liveblog: error: the value 'x?[2J' is invalid for '--format <format>'"))
    }

    @Test("Queries that start with - work as the README shows, and options around them still count")
    func leadingDashQueries() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let path = try runner.write("strike.txt", CommandLineTests.blogText)
        let exclusion = try runner.run(["search", path, "-union"])
        #expect(exclusion.status == 0)
        #expect(exclusion.stdout.hasSuffix("2 entries match\n"))
        let phrase = try runner.run(["search", path, "-\"fuel costs\"", "--json", "--limit", "1"])
        #expect(phrase.status == 0)
        let object = try JSONSerialization.jsonObject(with: phrase.stdoutData) as! [String: Any]
        #expect(object["query"] as? String == "-\"fuel costs\"")
        #expect(object["total"] as? Int == 2)
        #expect((object["hits"] as! [Any]).count == 1)
        let before = try runner.run(["search", "--sort", "relevance", path, "-ferries"])
        #expect(before.status == 0)
        #expect(try runner.run(["search", path, "-x", "--bogus"]).status == 64)
        #expect(try runner.run(["list", "-x"]).status == 64)
    }

    @Test("A state file that is not liveblog's is an error for every command and is left untouched")
    func foreignStateFile() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let path = try runner.write("strike.txt", CommandLineTests.blogText)
        let notes = try runner.write("notes.txt", "my notes\n")
        for command in [["list", path], ["export", path], ["mark", path, "--all"], ["read", path]] {
            let result = try runner.run(command + ["--state", notes])
            #expect(result.status == 2, "\(command)")
            #expect(
                result.stderr
                    == "liveblog: error: state file \(notes) is not a liveblog state file: not an SQLite database; left untouched\n"
            )
        }
        #expect(try String(contentsOfFile: notes, encoding: .utf8) == "my notes\n")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: runner.directory.path).filter { $0.hasPrefix("notes") }
                == ["notes.txt"])
    }
}

/// Disk trouble under an existing state file, made with `ulimit -f 0` (no file may grow; SIGXFSZ ignored so the
/// writes fail as on a full disk).
@Suite("A state file on a disk that cannot take writes")
struct UnwritableStateTests {
    func runLimited(_ runner: CommandRunner, _ arguments: [String]) throws -> (
        status: Int32, stdout: String, stderr: String
    ) {
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/bash")
        shell.arguments =
            ["-c", "trap '' XFSZ; ulimit -f 0; exec \"$@\"", "bash", CommandRunner.binary.path] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["LIVEBLOG_STATE"] = runner.statePath
        environment["XDG_CONFIG_HOME"] = runner.directory.appendingPathComponent("config").path
        shell.environment = environment
        let out = Pipe()
        let err = Pipe()
        shell.standardOutput = out
        shell.standardError = err
        shell.standardInput = FileHandle.nullDevice
        try shell.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        shell.waitUntilExit()
        return (shell.terminationStatus, stdout, stderr)
    }

    @Test("list shows the stored marks from a state file that cannot be written, and nothing is moved aside")
    func listShowsMarks() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let path = try runner.write("strike.txt", CommandLineTests.blogText)
        #expect(try runner.run(["mark", path, "--all"]).status == 0)
        let list = try runLimited(runner, ["list", path])
        #expect(list.status == 0)
        #expect(!list.stdout.contains(" N "))
        #expect(list.stderr.hasPrefix("liveblog: warning: state file \(runner.statePath) cannot be written ("))
        #expect(list.stderr.hasSuffix("): marks are shown but changes will not be saved\n"))
        let mark = try runLimited(runner, ["mark", path, "--all", "--unread"])
        #expect(mark.status == 2)
        let files = try FileManager.default.contentsOfDirectory(atPath: runner.directory.path)
        #expect(!files.contains { $0.contains("corrupt") })
        #expect(try runner.run(["list", path, "--unread"]).stdout.isEmpty)
    }
}
