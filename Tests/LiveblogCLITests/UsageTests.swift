import Foundation
import Testing

/// What a shell user meets first: `--version`, one-line usage errors, piped input without `-`.
@Suite("Usage")
struct UsageTests {
    @Test("--version prints the version and succeeds")
    func version() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let result = try runner.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil)
    }

    struct BadUsage: CustomTestStringConvertible, Sendable {
        var arguments: [String]
        var pointer: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let badUsages: [BadUsage] = [
        BadUsage(arguments: ["--bogus"], pointer: "(see 'liveblog help')"),
        BadUsage(arguments: ["list", "--bogus"], pointer: "(see 'liveblog help list')"),
        BadUsage(arguments: ["export", "--format"], pointer: "(see 'liveblog help export')"),
        BadUsage(arguments: ["search", "--limit", "many", "x"], pointer: "(see 'liveblog help search')"),
        BadUsage(arguments: ["read", "a", "b"], pointer: "(see 'liveblog help read')"),
    ]

    @Test("A usage error is one line, liveblog: error: …, with a pointer to the command's help", arguments: badUsages)
    func oneLine(_ bad: BadUsage) throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let result = try runner.run(bad.arguments)
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 2 && lines[1].isEmpty, "\(result.stderr)")
        #expect(lines[0].hasPrefix("liveblog: error: "))
        #expect(lines[0].hasSuffix(bad.pointer))
    }

    @Test("With no SOURCE and a pipe on standard input, the piped blog is read, as less and cat do")
    func pipedWithoutDash() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let result = try runner.run(["list"], input: Data(CommandLineTests.blogText.utf8))
        #expect(result.status == 0)
        #expect(result.stdout.contains("Unions say pay offer"))
        #expect(!result.stdout.contains("Mount Corrigan"))
        let search = try runner.run(["search", "ferries"], input: Data(CommandLineTests.blogText.utf8))
        #expect(search.status == 0)
        #expect(search.stdout.contains("Ferries between the islands"))
    }

    @Test("help for a command is its full usage, on standard output")
    func helpCommand() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let result = try runner.run(["help", "list"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE: liveblog list"))
    }
}

/// `liveblog config`: the path, the dump, and a bad file.
@Suite("Config command")
struct ConfigCommandTests {
    @Test("config prints the file's path; --dump the settings in effect, a file that reads back")
    func dump() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let path = try #require(try runner.run(["config"]).stdout.split(separator: "\n").first.map(String.init))
        #expect(path.hasSuffix("/config/liveblog/config"))
        let defaults = try runner.run(["config", "--dump"])
        #expect(
            defaults.status == 0 && defaults.stdout.contains("mark-after 2\n")
                && defaults.stdout.contains("bind q quit\n"))
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try "mark-after 7\nbind x mark-all\n".write(toFile: path, atomically: true, encoding: .utf8)
        let custom = try runner.run(["config", "--dump"])
        #expect(custom.stdout.contains("mark-after 7\n") && custom.stdout.contains("bind x mark-all\n"))
        try custom.stdout.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try runner.run(["config", "--dump"]).stdout == custom.stdout)
    }

    @Test("A bad configuration is one error line naming the line, for config and for the reader")
    func badFile() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let path = try #require(try runner.run(["config"]).stdout.split(separator: "\n").first.map(String.init))
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try "\n# fine\ncolor time pink\n".write(toFile: path, atomically: true, encoding: .utf8)
        for arguments in [["config", "--dump"], ["read"]] {
            let result = try runner.run(arguments)
            #expect(result.status == 2)
            #expect(result.stderr == "liveblog: error: \(path): line 3: unknown colour 'pink'\n")
        }
    }
}
