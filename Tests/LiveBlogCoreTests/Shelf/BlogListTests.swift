import Testing

@testable import LiveBlogCore

/// The blog list's grammar: sources, quoted names, tags, comments, line endings, each problem, and the edits
/// that keep every other byte of the file.
@Suite("Blog list")
struct BlogListTests {
    typealias Item = BlogList.Item

    @Test("A source, a quoted name with escapes, tags; blank and comment lines ignored")
    func itemsAndComments() {
        let text = """
            # my blogs

            https://news.example/live/storm "Storm \\"Ada\\"" weather uk
              ~/saved/vote.html   "back\\\\slash"\tvote
            notes/strike.txt strike # why it is here
            https://news.example/live#latest   # a # inside a word is text
            /abs/path.txt ""
            """
        let list = BlogList(parsing: text)
        #expect(list.problems == [])
        #expect(
            list.items == [
                Item(
                    source: "https://news.example/live/storm", name: "Storm \"Ada\"", tags: ["weather", "uk"], line: 3),
                Item(source: "~/saved/vote.html", name: "back\\slash", tags: ["vote"], line: 4),
                Item(source: "notes/strike.txt", tags: ["strike"], line: 5),
                Item(source: "https://news.example/live#latest", line: 6),
                Item(source: "/abs/path.txt", line: 7),
            ])
    }

    @Test("A backslash before anything but a quote or a backslash is kept")
    func otherBackslashes() {
        let list = BlogList(parsing: #"a.txt "C:\new \t""#)
        #expect(list.items.first?.name == #"C:\new \t"#)
    }

    @Test("CR LF lines read as LF lines, down to a last line without its LF")
    func crlf() {
        let list = BlogList(parsing: "# c\r\na.txt \"A\" x\r\n\r\nb.txt\r")
        #expect(list.problems == [])
        #expect(list.items == [Item(source: "a.txt", name: "A", tags: ["x"], line: 2), Item(source: "b.txt", line: 4)])
    }

    @Test("A byte-order mark before the first line is not part of the source")
    func byteOrderMark() {
        #expect(BlogList(parsing: "\u{FEFF}https://a.example/live\n").items.map(\.source) == ["https://a.example/live"])
    }

    @Test(
        "Each bad line is one problem naming its line, and the other lines load",
        arguments: [
            ("a.txt \"open name", "quote is not closed"),
            ("ftp://files.example/blog", "unknown scheme 'ftp:'"),
            ("mailto:someone@example.com", "unknown scheme 'mailto:'"),
            ("https:/one-slash.example", "missing its //"),
            ("a.txt \"A\"tag", "right after the name's closing quote"),
            ("a.txt \"A\" \"B\"", "a second quoted name"),
            ("\"A\" a.txt", "starts with a quote"),
            ("-", "standard input"),
            ("a.txt \"bell\u{07}\"", "control character (U+0007)"),
            ("a.txt \"esc\u{1B}[31m\"", "control character (U+001B)"),
            ("a.txt \u{85}", "control character (U+0085)"),
            ("a.txt " + String(repeating: "t", count: 4100), "longer than 4096 bytes"),
        ])
    func problems(line: String, message: String) {
        let list = BlogList(parsing: "first.txt\n" + line + "\nlast.txt\n")
        #expect(list.items.map(\.source) == ["first.txt", "last.txt"])
        #expect(list.items.map(\.line) == [1, 3])
        #expect(list.problems.count == 1)
        #expect(list.problems.first?.line == 2)
        #expect(list.problems.first?.message.contains(message) == true, "\(list.problems)")
        #expect(list.problems.first?.message.contains("\n") == false)
    }

    @Test("A path with a colon can be written ./a:b; a scheme-like word with a digit first is a path")
    func colonsInPaths() {
        let list = BlogList(parsing: "./a:b.txt\n2024:notes.txt\n")
        #expect(list.problems == [])
        #expect(list.items.map(\.source) == ["./a:b.txt", "2024:notes.txt"])
    }

    @Test("A duplicate source is a problem on its second line; the first wins")
    func duplicates() {
        let list = BlogList(parsing: "a.txt \"First\"\nb.txt\na.txt \"Second\"\n")
        #expect(list.items.map(\.name) == ["First", nil])
        #expect(list.problems == [BlogList.Problem(line: 3, message: "'a.txt' is already listed on line 1")])
    }

    @Test("Any text parses, never failing: binary noise and lone quotes become problems")
    func anyText() {
        let noise = String(decoding: (0..<2000).map { UInt8(($0 * 7919) % 256) }, as: UTF8.self)
        let list = BlogList(parsing: noise + "\n\"\n\\\n#\n")
        #expect(list.items.count + list.problems.count >= 1)
    }

    @Test("Display names: the name, else host without www. and last path word, else the file's name")
    func displayNames() {
        let cases: [(Item, String)] = [
            (Item(source: "https://news.example/live/storm", name: "Storm"), "Storm"),
            (Item(source: "https://www.news.example/live/storm-latest.html?page=2#top"), "news.example storm-latest"),
            (Item(source: "https://user@news.example:8443/live/"), "news.example live"),
            (Item(source: "http://news.example"), "news.example"),
            (Item(source: "https://news.example/live/vote%20night"), "news.example vote night"),
            (Item(source: "https://news.example/live/esc%1B"), "news.example esc%1B"),
            (Item(source: "~/saved/vote.night.html"), "vote.night"),
            (Item(source: "notes/strike.txt"), "strike"),
            (Item(source: "/data/.blog"), ".blog"),
            (Item(source: "file:///data/saved%20page.html"), "saved page"),
        ]
        for (item, name) in cases { #expect(item.displayName == name, "\(item.source)") }
    }

    @Test("adding appends one line, quoting and escaping the name, keeping every other byte")
    func adding() {
        let text = "# mine\n  a.txt   \"A\"  x # note\n\n"
        let item = Item(source: "https://b.example/live", name: "Say \"hi\" \\ bye", tags: ["t1", "t2"])
        let added = BlogList.adding(item, to: text)
        #expect(added == text + "https://b.example/live \"Say \\\"hi\\\" \\\\ bye\" t1 t2\n")
        let list = BlogList(parsing: added)
        #expect(list.items.last == Item(source: item.source, name: item.name, tags: item.tags, line: 4))
        #expect(BlogList.adding(Item(source: "c.txt"), to: "") == "c.txt\n")
        #expect(BlogList.adding(Item(source: "c.txt"), to: "a.txt") == "a.txt\nc.txt\n")
        #expect(BlogList.adding(Item(source: "c.txt"), to: "a.txt\r\nb.txt") == "a.txt\r\nb.txt\r\nc.txt\r\n")
    }

    @Test("problem(with:) refuses what would not read back as the same item")
    func unwritable() {
        #expect(BlogList.problem(with: Item(source: "a.txt", name: "fine \"quoted\"", tags: ["x"])) == nil)
        #expect(BlogList.problem(with: Item(source: "my file.txt")) != nil)
        #expect(BlogList.problem(with: Item(source: "")) != nil)
        #expect(BlogList.problem(with: Item(source: "#a.txt")) != nil)
        #expect(BlogList.problem(with: Item(source: "a.txt", tags: ["two words"])) != nil)
        #expect(BlogList.problem(with: Item(source: "a.txt", tags: ["#x"])) != nil)
        #expect(BlogList.problem(with: Item(source: "a.txt", tags: ["\"x"])) != nil)
        #expect(BlogList.problem(with: Item(source: "a.txt", tags: [""])) != nil)
        #expect(BlogList.problem(with: Item(source: "a.txt", name: "line\nbreak")) != nil)
        #expect(BlogList.problem(with: Item(source: "gopher://x.example/")) != nil)
    }

    @Test("removing drops every line of the source and keeps comments and other lines byte for byte")
    func removing() {
        let text = "# top\r\na.txt \"A\"\r\n  b.txt x # b's note\n# a.txt is mentioned here\na.txt\tdup\nc.txt"
        let result = BlogList.removing(source: "a.txt", from: text)
        #expect(result.removed)
        #expect(result.text == "# top\r\n  b.txt x # b's note\n# a.txt is mentioned here\nc.txt")
        let last = BlogList.removing(source: "c.txt", from: text)
        #expect(last.text == String(text.dropLast("c.txt".count)))
        let none = BlogList.removing(source: "d.txt", from: text)
        #expect(!none.removed && none.text == text)
        // A bad line goes by its first word as well.
        #expect(BlogList.removing(source: "ftp://x", from: "ftp://x\nb.txt\n").text == "b.txt\n")
    }
}
