import LiveBlogHTTP
import Testing

/// The one gate every address passes: the user's, and each redirect's.
@Suite("Web address")
struct WebAddressTests {
    @Test(
        "Well-formed http and https addresses pass, with their port",
        arguments: [
            ("http://example.org/", nil), ("https://example.org:8443/live?x=1#p", 8443), ("HTTP://127.0.0.1:1/", 1),
            ("http://[::1]:65535/", 65535), ("http://user@host:80/", 80), ("http://host:/", nil),
        ] as [(String, Int?)])
    func valid(address: String, port: Int?) throws {
        let checked = try WebAddress(address)
        #expect(checked.port == port)
        #expect(checked.text == address)
    }

    @Test(
        "Bad scheme, host, port, characters or length are one-line errors",
        arguments: [
            "ftp://example.org/", "http://", "http:///path", "http://h:0/", "http://h:65536/", "http://h:99999/",
            "http://h:-1/", "http://h:8o/", "http://h:99999999999999999999999/", "http://[::1/",
            "http://exa mple.org/", "http://example.org/\u{1B}[31m", "http://example.org/\u{202E}",
            "http://example.org/é", "http://example.org/" + String(repeating: "a", count: 9000), "example.org",
            "http://x/\r\nSet-Cookie: a", "\"\r\r\n\u{1B}]52;c;aGk=\u{07}",
        ])
    func invalid(address: String) {
        #expect(throws: FetchError.self) { try WebAddress(address) }
        do {
            _ = try WebAddress(address)
        } catch {
            #expect(error.kind == .badURL)
            #expect(!error.description.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
            #expect(error.description.count < 400)
        }
    }

    @Test("A redirect resolves against the current address and is checked the same way")
    func redirects() throws {
        let base = try WebAddress("http://127.0.0.1:8080/live/blog")
        #expect(try base.resolving("/other").text == "http://127.0.0.1:8080/other")
        #expect(try base.resolving("next").text == "http://127.0.0.1:8080/live/next")
        #expect(try base.resolving("https://example.org/").text == "https://example.org/")
        for bad in ["http://127.0.0.1:70000/", "ftp://x/", "", "http://x/\u{0}", "javascript:alert(1)"] {
            #expect(throws: FetchError.self) { try base.resolving(bad) }
        }
    }
}
