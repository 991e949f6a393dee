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
