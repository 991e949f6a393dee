import Foundation
import LiveBlogHTTP
import Testing

/// Issue 19's rows 1 and 8 against the loopback server: bad ports and hostile answers end in one line in the
/// user's words, never in a crash or the HTTP library's own words.
@Suite("Hostile servers", .serialized)
struct HostileServerTests {
    static let limits = FetchLimits(connectTimeout: 5, totalTimeout: 2, maximumRedirects: 5, maximumBytes: 100_000)

    func failure(_ address: String) async -> FetchError? {
        do {
            _ = try await PageFetcher(userAgent: "liveblog/test", limits: Self.limits).fetch(address)
            return nil
        } catch {
            return error as? FetchError
        }
    }

    /// No message carries the library's words or a line break; those belong to `--verbose`.
    func expectUserWords(_ error: FetchError?) {
        let text = error?.description ?? ""
        #expect(!text.isEmpty)
        #expect(!text.contains("\n"))
        for word in ["inflationError", "limit)", "NIO", "invalid constant", "BoringSSL", "Error("] {
            #expect(!text.contains(word), "library words in: \(text)")
        }
    }

    @Test("A port above 65535 in the address is refused before any request")
    func badPort() async {
        let error = await failure("http://127.0.0.1:99999/")
        #expect(error?.kind == .badURL)
        #expect(error?.description.contains("1 to 65535") ?? false)
    }

    @Test("A redirect to a port above 65535 is refused, not followed into a crash")
    func redirectToBadPort() async throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let error = await failure(server.url("/bad-port"))
        #expect(error?.kind == .redirects)
        #expect(error?.description.contains("1 to 65535") ?? false)
        let polled: FetchError?
        do {
            _ = try await ConditionalFetcher(address: server.url("/bad-port"), userAgent: "t", limits: Self.limits)
                .poll()
            polled = nil
        } catch {
            polled = error as? FetchError
        }
        #expect(polled?.kind == .redirects)
    }

    @Test("A redirect to something that is no URL is refused")
    func redirectToGarbage() async throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let error = await failure(server.url("/bad-location"))
        #expect(error?.kind == .redirects)
        #expect(error?.description.contains("not a web address") ?? false)
    }

    @Test("A gzip bomb is named as such, with the limit")
    func gzipBomb() async throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let error = await failure(server.url("/bomb"))
        #expect(error?.kind == .tooLarge)
        #expect(error?.description.contains("when decompressed") ?? false)
        expectUserWords(error)
    }

    @Test("Corrupt gzip is one line in the user's words; the library's words only in the detail")
    func corruptGzip() async throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let error = await failure(server.url("/corrupt-gzip"))
        #expect(error?.kind == .badResponse)
        expectUserWords(error)
        #expect(error?.detail != nil)
        #expect(error.map { $0.message(verbose: true).count > $0.message(verbose: false).count } ?? false)
    }

    @Test("https:// to a plain-HTTP port says what to do")
    func tlsToPlainPort() async throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let error = await failure("https://127.0.0.1:\(server.port)/page")
        #expect(error?.kind == .tls)
        #expect(error?.description.contains("http://") ?? false)
        expectUserWords(error)
    }

    @Test("A refused connection is reported at once, not after the connect timeout")
    func refusedAtOnce() async throws {
        // A port bound but never listened on refuses connections, and stays ours while the test runs: a port freed
        // by a stopped server could be taken by another test's server running alongside.
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        try #require(bound)
        let port = Int(UInt16(bigEndian: address.sin_port))
        let started = ContinuousClock.now
        let error = await failure("http://127.0.0.1:\(port)/page")
        #expect(ContinuousClock.now - started < .seconds(2))
        #expect(error?.kind == .connection)
        #expect(error?.description.contains("refused") ?? false)
        expectUserWords(error)
    }
}
