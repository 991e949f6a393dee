import Foundation
import Testing

/// The man page and shell completions, both generated from the command definitions.
@Suite("Tooling")
struct ToolingTests {
    static let manual = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Resources/liveblog.1")

    @Test("Resources/liveblog.1 is what `liveblog manual` generates (LIVEBLOG_RECORD_MANUAL=1 rewrites it)")
    func manualPage() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let generated = try runner.run(["manual"])
        #expect(generated.status == 0 && generated.stderr.isEmpty)
        if ProcessInfo.processInfo.environment["LIVEBLOG_RECORD_MANUAL"] == "1" {
            try generated.stdoutData.write(to: Self.manual)
        }
        let checkedIn = try String(contentsOf: Self.manual, encoding: .utf8)
        #expect(
            checkedIn == generated.stdout,
            "the man page is stale: run LIVEBLOG_RECORD_MANUAL=1 swift test --filter manualPage")
        // Every command, option and key is there.
        for word in [
            "Cm list", "Cm export", "Cm search", "Cm config", "Fl -mark-after", "Fl -utc", "Ql mark-all",
            "Ql open-link", "Ev BROWSER",
        ] {
            #expect(checkedIn.contains(word), "\(word)")
        }
    }

    @Test("The man page reads as written: headings escape mdoc macro words, no sentence runs unwrapped, EXAMPLES")
    func manualPageReads() throws {
        let page = try String(contentsOf: Self.manual, encoding: .utf8)
        // `In` is mdoc's include macro: unescaped, the heading showed as `<the> search and command prompts`.
        #expect(page.contains(".Ss \\&In the search and command prompts"))
        #expect(page.contains(".Sh EXAMPLES"))
        #expect(!page.contains("Resources/"), "an installed user has no source tree")
        // Lines in a literal display are never filled: a long one runs off the page.
        var inLiteral = false
        var unfilled: [Substring] = []
        for line in page.split(separator: "\n") {
            if line.hasPrefix(".Bd -literal") { inLiteral = true } else if line == ".Ed" { inLiteral = false }
            if inLiteral && line.count > 110 { unfilled.append(line) }
        }
        #expect(unfilled.isEmpty, "\(unfilled.first ?? "")")
    }

    @Test("liveblog rules prints the bundled rules, the format a --rules file takes")
    func rulesCommand() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let printed = try runner.run(["rules"])
        #expect(printed.status == 0 && printed.stderr.isEmpty)
        let bundled = try String(
            contentsOf: Self.manual.deletingLastPathComponent().appendingPathComponent("boilerplate-rules.txt"),
            encoding: .utf8)
        #expect(printed.stdout == bundled)
        #expect(try runner.run(["rules", "--print"]).stdout == bundled)
    }

    @Test("Completions complete files for sources and rules, and the values of typed options")
    func completions() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let bash = try runner.run(["--generate-completion-script", "bash"])
        #expect(bash.status == 0)
        #expect(bash.stdout.contains("'--rules')\n        __liveblog_add_completions -f"))
        #expect(bash.stdout.contains("-W 'json'$'\\n''markdown'$'\\n''text'"))
        let zsh = try runner.run(["--generate-completion-script", "zsh"])
        #expect(zsh.stdout.contains("_files"))
        let fish = try runner.run(["--generate-completion-script", "fish"])
        #expect(fish.status == 0 && fish.stdout.contains("config"))
    }
}
