import Foundation
import Testing

/// The `liveblog` binary as a script or a person at a shell uses it: outputs, exit codes and errors.
@Suite("Command line")
struct CommandLineTests {
    static let blogText = """
        Harbour strike latest: ferries stop as talks fail
        Crews walk out after a night of talks
        Your support helps us to tell the story
        We need readers like you to keep reporting.
        Your support makes all the difference.Ferries between the islands stopped at dawn.
        Talks will resume on Friday.
        14:05
        Unions say pay offer ‘an insult’
        The union said the offer was far below inflation.
        Zoë Tarrant, the union’s leader, called it “a provocation”.
        13:40
        Operator blames fuel costs
        The operator said fuel costs had doubled since spring.
        Join our commenting forum
        Comments
        """

    @Test("With no source and a pipe for output, liveblog lists the bundled sample")
    func defaultListsSample() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let result = try runner.run([])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count >= 26)
        #expect(lines[0].contains("Mount Corrigan on Tarrow Island"))
        #expect(result.stdout.contains("16:48  Ash begins to fall on Castlemere"))
    }

    @Test("list, export and search only read marks: no state directory or database appears")
    func readOnlyCommandsLeaveNoState() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let path = try runner.write("strike.txt", Self.blogText)
        let stateDirectory = runner.directory.appendingPathComponent("state-home/liveblog").path
        let environment = ["LIVEBLOG_STATE": stateDirectory + "/state.sqlite"]
        for arguments in [["list", path], ["export", path], ["search", path, "ferries"], [path]] {
            let result = try runner.run(arguments, environment: environment)
            #expect(result.status == 0, "\(arguments)")
            #expect(!FileManager.default.fileExists(atPath: stateDirectory), "\(arguments) created the state directory")
        }
        // Marking writes, so it makes the file; listing then shows the mark.
        let ids = try runner.run(["list", path, "--json"], environment: environment)
        let entries =
            (try JSONSerialization.jsonObject(with: ids.stdoutData) as! [String: Any])["entries"] as! [[String: Any]]
        let first = entries[0]["id"] as! String
        #expect(try runner.run(["mark", path, first], environment: environment).status == 0)
        #expect(FileManager.default.fileExists(atPath: stateDirectory + "/state.sqlite"))
        #expect(try runner.run(["list", path], environment: environment).stdout.hasPrefix("1  "))
    }

    @Test("list prints index, unread flag, time and headline")
    func list() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let path = try runner.write("strike.txt", Self.blogText)
        let result = try runner.run(["list", path])
        #expect(result.status == 0)
        #expect(
            result.stdout == """
                1 N        Ferries between the islands stopped at dawn.
                2 N 14:05  Unions say pay offer ‘an insult’
                3 N 13:40  Operator blames fuel costs

                """)
    }

    @Test("list names the flags the page gives a post (key event, pinned) after its headline")
    func listFlags() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let text = """
            Harbour strike live

            14:05
            Key event
            Unions accept the new offer
            The vote was close, officials said.

            13:40
            Pinned
            What we know so far
            Ferries are expected to run again tomorrow.

            """
        let path = try runner.write("flags.txt", bytes: Array(text.utf8))
        let lines = try runner.run(["list", path]).stdout.split(separator: "\n")
        #expect(lines.first { $0.contains("Unions accept") }?.hasSuffix("  [key-event]") == true)
        #expect(lines.first { $0.contains("What we know") }?.hasSuffix("  [pinned]") == true)
    }

    @Test("export --format json follows the documented contract")
    func exportJSON() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let path = try runner.write("strike.txt", Self.blogText)
        let result = try runner.run(["export", path, "--format", "json"])
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: result.stdoutData) as! [String: Any]
        #expect(object["title"] as? String == "Harbour strike latest: ferries stop as talks fail")
        #expect(object["source"] as? String == path)
        let entries = object["entries"] as! [[String: Any]]
        #expect(
            entries.map { $0["headline"] as? String } == [
                nil, "Unions say pay offer ‘an insult’", "Operator blames fuel costs",
            ])
        #expect(
            entries[0]["paragraphs"] as? [String] == [
                "Ferries between the islands stopped at dawn.", "Talks will resume on Friday.",
            ])
        #expect(entries[1]["time"] as? String == "14:05")
        #expect(entries.allSatisfy { ($0["read"] as? Bool) == false })
    }

    @Test("export markdown and text, and an unknown format is a one-line error")
    func exportFormats() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let path = try runner.write("strike.txt", Self.blogText)
        let markdown = try runner.run(["export", path, "--format", "markdown"])
        #expect(markdown.stdout.hasPrefix("# Harbour strike latest"))
        #expect(markdown.stdout.contains("## 14:05 · Unions say pay offer ‘an insult’"))
        let text = try runner.run(["export", path, "--format", "text"])
        #expect(
            text.stdout.contains(
                "13:40  Operator blames fuel costs\nThe operator said fuel costs had doubled since spring.\n"))
        let bad = try runner.run(["export", path, "--format", "xml"])
        #expect(bad.status == 64)
        #expect(bad.stdout.isEmpty)
        #expect(
            bad.stderr
                == "liveblog: error: the value 'xml' is invalid for '--format <format>'. Please provide one of 'json', 'markdown', 'text' or 'atom'. (see 'liveblog help export')\n"
        )
    }

    @Test("export --format atom writes a feed an XML parser reads, the same from a file and from standard input")
    func exportAtom() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let blog = """
            Lighthouse restoration live
            Volunteers repaint the tower
            Sat 6 Jun 2026 10.15 BST
            Scaffolding comes down
            The last pole was lifted away at ten.
            Paint arrives <late> & wet
            Two vans were stuck behind a tractor.
            """
        let path = try runner.write("lighthouse.txt", blog)
        let result = try runner.run(["export", "--format", "atom", path])
        #expect(result.status == 0 && result.stderr.isEmpty)
        let feed = try XMLTree(result.stdoutData).root
        #expect(feed.name == "feed" && feed.namespace == "http://www.w3.org/2005/Atom")
        #expect(feed.first("title")?.text == "Lighthouse restoration live")
        #expect(feed.first("updated")?.text == "2026-06-06T09:15:00Z")
        let entries = feed.children("entry")
        #expect(entries.map { $0.first("title")?.text } == ["Scaffolding comes down", "Paint arrives <late> & wet"])
        #expect(entries.map { $0.first("published")?.text } == ["2026-06-06T09:15:00Z", nil])
        let ids = entries.compactMap { $0.first("id")?.text }
        #expect(ids.count == 2 && Set(ids).count == 2 && ids.allSatisfy { $0.hasPrefix("urn:uuid:") })
        // Run again: the same ids, so a feed reader knows the posts it has seen.
        let again = try XMLTree(try runner.run(["export", "--format", "atom", path]).stdoutData).root
        #expect(again.children("entry").compactMap { $0.first("id")?.text } == ids)
        // A feed reader's filter pipes the page on standard input: `-` reads it.
        let piped = try runner.run(["export", "--format", "atom", "-"], input: Data(blog.utf8))
        #expect(piped.status == 0)
        #expect(try XMLTree(piped.stdoutData).root.children("entry").count == 2)
    }

    @Test("Every usage error is one line naming the help to read, with status 64; option values are typed")
    func usageErrors() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let cases: [([String], String)] = [
            (["search", "--sort", "newest", "ash"], "'liveblog help search'"),
            (["--mark-after", "soon"], "'liveblog help'"),
            (["list", "--bogus"], "'liveblog help list'"),
            (["export", "--format"], "'liveblog help export'"),
        ]
        for (arguments, help) in cases {
            let result = try runner.run(arguments)
            #expect(result.status == 64, "\(arguments)")
            #expect(result.stderr.hasPrefix("liveblog: error: "), "\(arguments)")
            #expect(result.stderr.hasSuffix("(see \(help))\n"), "\(arguments): \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(arguments)")
        }
        // Values are read in any case, and --mark-after takes never or seconds.
        #expect(try runner.run(["export", "--format", "JSON"]).status == 0)
        #expect(try runner.run(["--mark-after", "never"]).status == 0)
        #expect(try runner.run(["--mark-after", "0.5"]).status == 0)
    }

    @Test("search finds by prefix and folding, prints JSON with offsets, and exits 1 when nothing matches")
    func search() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let path = try runner.write("strike.txt", Self.blogText)
        let hit = try runner.run(["search", path, "zoe", "--json"])
        #expect(hit.status == 0)
        let object = try JSONSerialization.jsonObject(with: hit.stdoutData) as! [String: Any]
        #expect(object["query"] as? String == "zoe")
        #expect(object["total"] as? Int == 1)
        let hits = object["hits"] as! [[String: Any]]
        #expect(hits[0]["index"] as? Int == 2)
        let match = (hits[0]["matches"] as! [[String: Any]])[0]
        #expect(match["field"] as? String == "paragraph")
        #expect(match["paragraph"] as? Int == 1)
        #expect(match["start"] as? Int == 0)
        #expect(match["length"] as? Int == 3)
        let text = try runner.run(["search", path, "fuel"])
        #expect(text.stdout.contains("3  13:40  Operator blames fuel costs"))
        #expect(text.stdout.contains("«fuel»"))
        let none = try runner.run(["search", path, "volcano"])
        #expect(none.status == 1)
        #expect(none.stdout.contains("0 entries match"))
        let limited = try runner.run(["search", path, "the", "--json", "--limit", "1"])
        let limitedObject = try JSONSerialization.jsonObject(with: limited.stdoutData) as! [String: Any]
        #expect((limitedObject["hits"] as! [Any]).count == 1)
        #expect((limitedObject["total"] as! Int) > 1)
    }

    @Test("A missing file, a directory and an unreadable rules file give one-line errors")
    func errors() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let missing = try runner.run(["list", "/nonexistent/blog.txt"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "liveblog: error: cannot open /nonexistent/blog.txt: No such file or directory\n")
        let directory = try runner.run(["export", runner.directory.path])
        #expect(directory.status == 2)
        #expect(directory.stderr == "liveblog: error: \(runner.directory.path) is a directory, not a blog file\n")
        let rules = try runner.write("rules.txt", "prefix: ok\nbogus line\n")
        let badRules = try runner.run(["list", "--rules", rules])
        #expect(badRules.status == 2)
        #expect(badRules.stderr.hasPrefix("liveblog: error: bad rule at \(rules):2:"))
        #expect(badRules.stderr.split(separator: "\n").count == 1)
    }

    @Test("Garbage input never crashes: empty, NUL bytes, invalid UTF-8, escape sequences")
    func garbage() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let empty = try runner.run(["export", "-"], input: Data())
        #expect(empty.status == 0)
        var noise: [UInt8] = [0, 0, 0xFF, 0xFE, 0x1B, 0x5B, 0x32, 0x4A]
        noise += Array("Title\u{1B}]0;owned\u{07}\nStand\nHead line\nBody text here.\n".utf8)
        noise += (0..<2000).map { UInt8(truncatingIfNeeded: $0 &* 37) }
        let path = try runner.write("noise.bin", bytes: noise)
        for command in [["list", path], ["export", path], ["check", path], ["search", path, "body"]] {
            let result = try runner.run(command)
            #expect(result.status == 0 || (command[0] == "search" && result.status == 1), "\(command)")
            #expect(!result.stdout.contains("\u{1B}"), "\(command)")
            #expect(result.stderr.isEmpty, "\(command)")
        }
    }

    @Test("Standard input is read with -")
    func standardInput() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let result = try runner.run(["list", "-"], input: Data(Self.blogText.utf8))
        #expect(result.status == 0)
        #expect(result.stdout.contains("Operator blames fuel costs"))
    }

    @Test("check explains what was dropped, with line numbers and rules")
    func check() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let path = try runner.write("strike.txt", Self.blogText)
        let result = try runner.run(["check", path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("line 3: dropped: block: Your support helps us to tell the story"))
        #expect(
            result.stdout.contains(
                "line 5: dropped: dropped the glued sentence “Your support makes all the difference.”"))
        #expect(result.stdout.contains("line 14: dropped: page footer"))
    }

    @Test("User rules from --rules drop more lines")
    func userRules() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let path = try runner.write(
            "strike.txt",
            Self.blogText.replacingOccurrences(of: "13:40\n", with: "Follow the Harbour on Mastodon\n13:40\n"))
        let before = try runner.run(["export", path, "--format", "text"])
        #expect(before.stdout.contains("Mastodon"))
        let rules = try runner.write("rules.txt", "# mine\nprefix: Follow the Harbour\n")
        let after = try runner.run(["export", path, "--format", "text", "--rules", rules])
        #expect(!after.stdout.contains("Mastodon"))
    }
}
