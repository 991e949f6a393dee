import Foundation
import GRDB
import Testing

/// `liveblog add`, `remove` and `blogs`: the blog list through the real binary, with file sources only.
@Suite("The blog list from the command line")
struct BlogListCommandTests {
    /// An invented blog whose posts carry dated times, so its newest post has a moment.
    static let datedBlog = """
        Harbour talks live
        Sat 5 Dec 2026 14:05 GMT
        Talks resume
        Both sides met at noon and agreed to meet again.
        Sat 5 Dec 2026 13:40 GMT
        Ferries stop
        No sailings have left since dawn.
        Sat 5 Dec 2026 12:10 GMT
        Crews gather
        Crews gathered on the quay before first light.
        """

    /// Where the runner's blog list is.
    static func listPath(_ runner: CommandRunner) -> String { runner.directory.path + "/config/liveblog/blogs" }

    static func writeList(_ runner: CommandRunner, _ text: String) throws {
        try FileManager.default.createDirectory(
            atPath: runner.directory.path + "/config/liveblog", withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: listPath(runner)))
    }

    static func listText(_ runner: CommandRunner) -> String? {
        FileManager.default.contents(atPath: listPath(runner)).map { String(decoding: $0, as: UTF8.self) }
    }

    static func json(_ result: CommandRunner.Result) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [[String: Any]])
    }

    @Test("add makes a relative path absolute, quotes the name, appends tags; adding it again names its line")
    func addFile() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let path = try runner.write("harbour.txt", Self.datedBlog)
        try Self.writeList(runner, "# my blogs\n/elsewhere/other.txt \"Other\"  # kept as it is\n")
        let added = try runner.run(
            ["add", "harbour.txt", "--name", "Harbour \"live\"", "--tag", "ferries", "--tag", "local"],
            currentDirectory: runner.directory)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.hasPrefix("added Harbour \"live\" to "))
        #expect(
            Self.listText(runner)
                == "# my blogs\n/elsewhere/other.txt \"Other\"  # kept as it is\n"
                + "\(path) \"Harbour \\\"live\\\"\" ferries local\n")
        for word in ["harbour.txt", path, "./harbour.txt"] {
            let again = try runner.run(["add", word], currentDirectory: runner.directory)
            #expect(again.status == 2)
            #expect(again.stderr == "liveblog: error: \(path) is already in the list: \(Self.listPath(runner)):3\n")
        }
    }

    @Test("add creates the directory and the file; a bad address or scheme is refused and nothing is written")
    func addRefuses() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let first = try runner.run(["add", "https://news.example/live/harbour"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(Self.listText(runner) == "https://news.example/live/harbour\n")
        for (source, message) in [
            ("https://news.example:99999/live", "the port must be a number from 1 to 65535"),
            ("https://news example/live", "not a web address"),
            ("ftp://files.example/blog.txt", "unknown scheme 'ftp:'"),
            ("-", "standard input"),
        ] {
            let result = try runner.run(["add", source])
            #expect(result.status == 2, "\(source)")
            #expect(result.stderr.hasPrefix("liveblog: error: ") && result.stderr.contains(message), "\(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1)
        }
        let badName = try runner.run(["add", "/tmp/x.txt", "--name", "bell\u{07}\u{1B}[31m"])
        #expect(badName.status == 2)
        #expect(!badName.stderr.contains("\u{1B}") && badName.stderr.contains("control character"))
        let badTag = try runner.run(["add", "/tmp/x.txt", "--tag", "two words"])
        #expect(badTag.status == 2)
        #expect(Self.listText(runner) == "https://news.example/live/harbour\n")
    }

    @Test("blogs: one row a blog with unread, new and last update; a missing file shows its error, the rest load")
    func blogsRows() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let harbour = try runner.write("harbour.txt", Self.datedBlog)
        let strike = try runner.write("strike.txt", CommandLineTests.blogText)
        try Self.writeList(
            runner, "\(harbour) \"Harbour\" ferries\n\(strike)\n\(runner.directory.path)/gone.txt \"Gone\"\n")
        try runner.write("config/liveblog/config", "time-zone utc\n")
        // One entry read; one more shown (seen) in a session, so it is unread but not new.
        #expect(try runner.run(["mark", harbour, "1"]).status == 0)
        let ids = try runner.run(["list", harbour, "--json"])
        let entries =
            (try JSONSerialization.jsonObject(with: ids.stdoutData) as! [String: Any])["entries"] as! [[String: Any]]
        let shown = entries[1]["id"] as! String
        try DatabaseQueue(path: runner.statePath).write { db in
            try db.execute(
                sql: "INSERT INTO seen (blogId, entryId, seenAt) SELECT id, ?, 0 FROM blogs", arguments: [shown])
        }

        let result = try runner.run(["blogs"])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(
            result.stdout == """
                Harbour  2/3 unread  1 new  updated 2026-12-05 14:05
                strike   3/3 unread  3 new
                Gone     error: no such file

                """)

        let json = try Self.json(try runner.run(["blogs", "--json"]))
        #expect(json.count == 3)
        #expect(json[0]["name"] as? String == "Harbour")
        #expect(json[0]["source"] as? String == harbour)
        #expect(json[0]["tags"] as? [String] == ["ferries"])
        #expect(json[0]["unread"] as? Int == 2)
        #expect(json[0]["new"] as? Int == 1)
        #expect(json[0]["entries"] as? Int == 3)
        #expect(json[0]["newest"] as? String == "2026-12-05T14:05:00Z")
        #expect(json[0]["error"] is NSNull)
        #expect(json[1]["newest"] is NSNull)
        #expect(json[2]["error"] as? String == "no such file")
        #expect(json[2]["unread"] is NSNull && json[2]["entries"] is NSNull)
    }

    @Test("blogs reads no state file into being, and an empty or missing list is no error")
    func blogsWithoutState() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let empty = try runner.run(["blogs", "--json"])
        #expect(empty.status == 0 && empty.stdout == "[]\n")
        let hint = try runner.run(["blogs"])
        #expect(hint.status == 0 && hint.stdout == "" && hint.stderr.contains("liveblog add SOURCE"))
        let harbour = try runner.write("harbour.txt", Self.datedBlog)
        try Self.writeList(runner, harbour + "\n")
        let result = try runner.run(["blogs", "--json"])
        #expect(try Self.json(result).first?["unread"] as? Int == 3)
        #expect(!FileManager.default.fileExists(atPath: runner.statePath))
    }

    @Test("Bad lines are warnings naming the file and line, never raw controls; the other blogs still show")
    func badLines() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let harbour = try runner.write("harbour.txt", Self.datedBlog)
        try Self.writeList(
            runner,
            "ftp://files.example/x\r\n\(harbour) \"Harbour\r\n\(harbour)\r\n\(harbour) \"Esc\u{1B}]52;c;aGk=\u{07}\"\r\n"
        )
        let result = try runner.run(["blogs"])
        #expect(result.status == 0)
        let path = Self.listPath(runner)
        let warnings = result.stderr.split(separator: "\n").map(String.init)
        #expect(warnings.count == 3, "\(warnings)")
        #expect(warnings[0].hasPrefix("liveblog: warning: \(path):1: unknown scheme 'ftp:'"))
        #expect(warnings[1] == "liveblog: warning: \(path):2: the name's quote is not closed")
        #expect(warnings[2].hasPrefix("liveblog: warning: \(path):4: a control character (U+001B)"))
        #expect(!result.stderr.contains("\u{1B}") && !result.stderr.contains("\u{07}"))
        #expect(result.stdout.hasPrefix("harbour  3/3 unread  3 new"))
    }

    @Test("A list that cannot be read is an error: a directory, or not UTF-8")
    func unreadableList() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        try FileManager.default.createDirectory(
            atPath: Self.listPath(runner), withIntermediateDirectories: true)
        let directory = try runner.run(["blogs"])
        #expect(directory.status == 2 && directory.stderr.hasPrefix("liveblog: error: "))
        try FileManager.default.removeItem(atPath: Self.listPath(runner))
        try Data([0x61, 0xFF, 0xFE, 0x0A]).write(to: URL(fileURLWithPath: Self.listPath(runner)))
        let binary = try runner.run(["blogs", "--json"])
        #expect(binary.status == 2)
        #expect(binary.stderr == "liveblog: error: \(Self.listPath(runner)): not UTF-8 text\n")
        #expect(try runner.run(["add", "/tmp/x.txt"]).status == 2)
    }

    @Test("remove drops the line and keeps comments byte for byte; by path, relative path or name")
    func remove() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let harbour = try runner.write("harbour.txt", Self.datedBlog)
        let text = "# blogs\r\n\(harbour) \"Harbour\"\r\n  https://news.example/live  # note\r\n/a/b.txt \"Bee\"\r\n"
        try Self.writeList(runner, text)
        let missing = try runner.run(["remove", "https://news.example/other"])
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("liveblog: error: https://news.example/other is not in the list ("))
        #expect(Self.listText(runner) == text)
        let byPath = try runner.run(["remove", "harbour.txt"], currentDirectory: runner.directory)
        #expect(byPath.status == 0, "\(byPath.stderr)")
        #expect(byPath.stdout == "removed Harbour from \(Self.listPath(runner))\n")
        #expect(try runner.run(["remove", "Bee"]).status == 0)
        #expect(Self.listText(runner) == "# blogs\r\n  https://news.example/live  # note\r\n")
    }

    @Test("remove keeps the read marks; remove --forget deletes them, with the seen entries")
    func removeForget() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let harbour = try runner.write("harbour.txt", Self.datedBlog)
        #expect(try runner.run(["add", harbour]).status == 0)
        #expect(try runner.run(["mark", harbour, "1", "2"]).status == 0)
        #expect(try runner.run(["remove", harbour]).status == 0)
        #expect(try runner.run(["list", harbour, "--unread"]).stdout.split(separator: "\n").count == 1)

        #expect(try runner.run(["add", harbour]).status == 0)
        let forget = try runner.run(["remove", harbour, "--forget"])
        #expect(forget.status == 0, "\(forget.stderr)")
        #expect(forget.stdout == "removed harbour from \(Self.listPath(runner))\nforgot the read marks of harbour\n")
        #expect(try runner.run(["list", harbour, "--unread"]).stdout.split(separator: "\n").count == 3)
        let rows = try DatabaseQueue(path: runner.statePath).read { db in
            try ["blogs", "marks", "seen"].map { try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)") ?? -1 }
        }
        #expect(rows == [0, 0, 0])

        #expect(try runner.run(["add", harbour]).status == 0)
        let nothing = try runner.run(["remove", harbour, "--forget"])
        #expect(nothing.stdout.hasSuffix("nothing was stored about harbour\n"))
    }

    @Test("remove --forget of a file that is gone forgets what is stored under its path")
    func forgetGoneFile() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let harbour = try runner.write("harbour.txt", Self.datedBlog)
        #expect(try runner.run(["add", harbour]).status == 0)
        #expect(try runner.run(["mark", harbour, "--all"]).status == 0)
        try FileManager.default.removeItem(atPath: harbour)
        let forget = try runner.run(["remove", harbour, "--forget"])
        #expect(forget.status == 0)
        #expect(forget.stdout.hasSuffix("forgot the read marks of harbour\n"))
        #expect(forget.stderr.hasPrefix("liveblog: warning: cannot open "))
    }
}

extension BlogListCommandTests {
    @Test("liveblog with no source, a blog list and no terminal prints the blog list as blogs does")
    func defaultCommandPrintsTheBlogList() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let path = try runner.write("harbour.txt", Self.datedBlog)
        try Self.writeList(runner, "\(path) \"Harbour\"\n")
        let plain = try runner.run([])
        let blogs = try runner.run(["blogs"])
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(plain.stdout == blogs.stdout)
        #expect(plain.stdout.hasPrefix("Harbour"))
    }
}
