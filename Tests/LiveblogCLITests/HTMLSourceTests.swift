import Foundation
import Testing

/// Every command takes every kind of source: an HTML file, HTML on standard input, a file:// address, a web
/// address (failing here, since tests reach nothing beyond loopback).
@Suite("HTML sources on the command line")
struct HTMLSourceTests {
    static let page = """
        <!DOCTYPE html><html><head><meta charset="utf-8"><meta property="og:title" content="Harbour strike: live">
        </head><body><h1>Harbour strike: live</h1><div>
        <article id="a2"><time>14:05</time><h2>Talks to resume</h2><p>Talks resume on Friday, the <a href="https://example.test/u">union</a> said.</p></article>
        <article id="a1"><time>13:40</time><h2>Ferries stop</h2><p>No ferry left port this morning.</p></article>
        </div></body></html>
        """

    @Test("An HTML file is read as a page, whatever its name")
    func htmlFile() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let path = try runner.write("saved.txt", Self.page)
        let result = try runner.run(["list", path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("14:05  Talks to resume"))
        #expect(result.stdout.contains("13:40  Ferries stop"))
        let check = try runner.run(["check", path])
        #expect(check.stdout.contains("html: step markup"))
    }

    @Test("HTML on standard input is sniffed; a file:// address is a file")
    func stdinAndFileURL() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let piped = try runner.run(["export", "-", "--format", "json"], input: Data(Self.page.utf8))
        #expect(piped.status == 0)
        let json = try JSONSerialization.jsonObject(with: piped.stdoutData) as? [String: Any]
        let entries = json?["entries"] as? [[String: Any]]
        #expect(entries?.count == 2)
        #expect((entries?.first?["links"] as? [[String: Any]])?.first?["url"] as? String == "https://example.test/u")
        let path = try runner.write("page.html", Self.page)
        let viaURL = try runner.run(["search", "file://" + path, "ferry"])
        #expect(viaURL.status == 0)
        #expect(viaURL.stdout.contains("Ferries stop"))
    }

    @Test("A web address that cannot be reached fails with one line")
    func unreachable() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let result = try runner.run(["list", "http://127.0.0.1:1/live"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("liveblog: error: cannot fetch http://127.0.0.1:1/live"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test("Marks hang on HTML entries by the page's post ids")
    func marks() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let path = try runner.write("page.html", Self.page)
        let listed = try runner.run(["list", path, "--json"])
        let json = try JSONSerialization.jsonObject(with: listed.stdoutData) as? [String: Any]
        let id = try #require((json?["entries"] as? [[String: Any]])?.first?["id"] as? String)
        #expect(try runner.run(["mark", path, id]).status == 0)
        let edited = try runner.write(
            "page.html", Self.page.replacingOccurrences(of: "Talks to resume", with: "Talks resume Friday"))
        let after = try runner.run(["list", edited])
        #expect(after.stdout.contains("1   14:05  Talks resume Friday"))
    }
}
