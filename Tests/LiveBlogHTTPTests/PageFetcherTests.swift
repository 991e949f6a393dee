import Foundation
import LiveBlogHTTP
import Testing

/// The fetcher against a server this test starts on 127.0.0.1: every failure is one line of the right kind.
@Suite("Page fetcher", .serialized)
struct PageFetcherTests {
    /// Small limits so that the slow cases take a fraction of a second.
    static let limits = FetchLimits(connectTimeout: 1, totalTimeout: 0.5, maximumRedirects: 5, maximumBytes: 100_000)

    func withServer(_ body: (LoopbackServer, PageFetcher) async throws -> Void) async throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        try await body(server, PageFetcher(userAgent: "liveblog/test", limits: Self.limits))
    }

    func failure(_ fetcher: PageFetcher, _ url: String) async -> FetchError? {
        do {
            _ = try await fetcher.fetch(url)
            return nil
        } catch {
            return error as? FetchError
        }
    }

    @Test("A page is fetched with its content type and an honest User-Agent")
    func page() async throws {
        try await withServer { server, fetcher in
            let page = try await fetcher.fetch(server.url("/page"))
            #expect(String(decoding: page.bytes, as: UTF8.self).contains("Served over loopback."))
            #expect(page.contentType == "text/html; charset=utf-8")
            let ua = try await fetcher.fetch(server.url("/ua"))
            #expect(String(decoding: ua.bytes, as: UTF8.self) == "liveblog/test")
        }
    }

    @Test("Redirects are followed, and the final address is kept")
    func redirect() async throws {
        try await withServer { server, fetcher in
            let page = try await fetcher.fetch(server.url("/redirect"))
            #expect(String(decoding: page.bytes, as: UTF8.self).contains("Served over loopback."))
            #expect(page.finalURL.hasSuffix("/page"))
        }
    }

    @Test("A redirect loop and a long chain stop with one line")
    func redirectLimits() async throws {
        try await withServer { server, fetcher in
            #expect(await failure(fetcher, server.url("/loop"))?.kind == .redirects)
            let chain = await failure(fetcher, server.url("/hop/1"))
            #expect(chain?.kind == .redirects)
            #expect(chain?.description.contains("more than 5 redirects") ?? false)
        }
    }

    @Test("A gzip body is decompressed")
    func gzip() async throws {
        try await withServer { server, fetcher in
            let page = try await fetcher.fetch(server.url("/gzip"))
            #expect(String(decoding: page.bytes, as: UTF8.self) == "<html><body><p>Compressed page.</p></body></html>")
        }
    }

    @Test("404, 500 and 304 are one-line errors")
    func statuses() async throws {
        try await withServer { server, fetcher in
            let missing = await failure(fetcher, server.url("/missing"))
            #expect(missing?.kind == .clientError)
            #expect(missing?.description.contains("HTTP 404") ?? false)
            #expect(await failure(fetcher, server.url("/broken"))?.kind == .serverError)
            #expect(await failure(fetcher, server.url("/not-modified"))?.kind == .redirects)
            for error in [missing] { #expect(!(error?.description.contains("\n") ?? true)) }
        }
    }

    @Test("A server that never answers times out")
    func timeout() async throws {
        try await withServer { server, fetcher in
            let started = Date()
            let error = await failure(fetcher, server.url("/never"))
            #expect(error?.kind == .timeout)
            #expect(Date().timeIntervalSince(started) < 5)
        }
    }

    @Test("Bodies over the cap are refused, declared or streamed")
    func sizeCap() async throws {
        try await withServer { server, fetcher in
            #expect(await failure(fetcher, server.url("/declared-huge"))?.kind == .tooLarge)
            #expect(await failure(fetcher, server.url("/flood"))?.kind == .tooLarge)
        }
    }

    @Test("A content type that is not a page is refused")
    func notHTML() async throws {
        try await withServer { server, fetcher in
            let error = await failure(fetcher, server.url("/pdf"))
            #expect(error?.kind == .notHTML)
            #expect(error?.description.contains("application/pdf") ?? false)
        }
    }

    @Test("TLS to a plain server, a closed port and a bad address fail with one line")
    func connectionFailures() async throws {
        try await withServer { server, fetcher in
            let tls = await failure(fetcher, "https://127.0.0.1:\(server.port)/page")
            #expect(tls?.kind == .tls || tls?.kind == .connection)
            #expect(await failure(fetcher, "http://127.0.0.1:1/page") != nil)
            #expect(await failure(fetcher, "ftp://127.0.0.1/page")?.kind == .badURL)
        }
    }
}
