import Foundation
import LiveBlogHTTP
import Testing

/// Polling one address against a server this test starts on 127.0.0.1: validators sent, `304` understood,
/// failures reported as one line, and the schedule's arithmetic.
@Suite("Conditional polling", .serialized)
struct ConditionalFetcherTests {
    static let limits = FetchLimits(connectTimeout: 1, totalTimeout: 0.5, maximumRedirects: 5, maximumBytes: 100_000)

    /// A blog that grows, answers 304 when unchanged, then fails (500), answers slowly, then empty.
    static func script(_ request: ScriptedServer.Request) -> ScriptedServer.Reply {
        let versions = ["<p>one</p>", "<p>one</p>", "<p>two</p><p>one</p>"]
        let steps: [Int] = [0, 1, 2, 2]
        switch request.number {
        case 0..<4:
            let version = steps[request.number]
            let etag = "\"v\(version == 1 ? 0 : version)\""
            if request.headers["if-none-match"] == etag { return .init(status: 304, headers: [("ETag", etag)]) }
            return .page("<html><body>\(versions[version])</body></html>", etag: etag, maxAge: 90)
        case 4: return .init(status: 500, body: Array("<p>oops</p>".utf8))
        case 5: return .init(body: Array("<p>late</p>".utf8), delay: 2)
        default: return .init(body: [])
        }
    }

    @Test("A growing blog: changed pages, 304 when the ETag matches, then 500, a timeout and an empty page")
    func growingBlog() async throws {
        let server = try ScriptedServer(Self.script)
        defer { server.stop() }
        let fetcher = ConditionalFetcher(address: server.url(), userAgent: "liveblog/test", limits: Self.limits)

        let first = try await fetcher.poll()
        #expect(String(decoding: try #require(first.page).bytes, as: UTF8.self).contains("one"))
        #expect(first.maxAge == 90)
        let second = try await fetcher.poll()
        #expect(second.page == nil, "unchanged: 304")
        let third = try await fetcher.poll()
        #expect(String(decoding: try #require(third.page).bytes, as: UTF8.self).contains("two"))
        let fourth = try await fetcher.poll()
        #expect(fourth.page == nil)

        await #expect(throws: FetchError.self) { _ = try await fetcher.poll() }
        do {
            _ = try await fetcher.poll()
            Issue.record("a slow answer must time out")
        } catch let error as FetchError {
            #expect(error.kind == .timeout)
        }
        let empty = try await fetcher.poll()
        #expect(try #require(empty.page).bytes.isEmpty)

        let requests = server.requests
        #expect(requests[0].headers["if-none-match"] == nil)
        #expect(requests[1].headers["if-none-match"] == "\"v0\"")
        #expect(requests[3].headers["if-none-match"] == "\"v2\"")
        #expect(requests.allSatisfy { $0.headers["user-agent"] == "liveblog/test" })
    }

    @Test("Last-Modified is sent back as If-Modified-Since")
    func lastModified() async throws {
        let stamp = "Mon, 30 Nov 2026 14:00:00 GMT"
        let server = try ScriptedServer { request in
            if request.headers["if-modified-since"] == stamp { return .init(status: 304, headers: []) }
            return .init(
                headers: [("Content-Type", "text/html"), ("Last-Modified", stamp)], body: Array("<p>x</p>".utf8))
        }
        defer { server.stop() }
        let fetcher = ConditionalFetcher(address: server.url(), userAgent: "liveblog/test", limits: Self.limits)
        #expect(try await fetcher.poll().page != nil)
        #expect(try await fetcher.poll().page == nil)
    }

    @Test("The schedule: the interval, max-age when longer, doubling after failures up to ten minutes, jitter")
    func schedule() {
        var schedule = PollSchedule(interval: 60, maximumBackoff: 600, jitter: 0.1)
        #expect(schedule.afterAnswer(maxAge: nil, random: 0.5) == 60)
        #expect(schedule.afterAnswer(maxAge: 10, random: 0.5) == 60)
        #expect(schedule.afterAnswer(maxAge: 300, random: 0.5) == 300)
        #expect(schedule.afterAnswer(maxAge: 86_400, random: 0.5) == 600)
        #expect(schedule.afterFailure(random: 0.5) == 120)
        #expect(schedule.afterFailure(random: 0.5) == 240)
        #expect(schedule.afterFailure(random: 0.5) == 480)
        #expect(schedule.afterFailure(random: 0.5) == 600)
        #expect(schedule.afterFailure(random: 0.5) == 600)
        #expect(schedule.afterAnswer(maxAge: nil, random: 0) == 54)
        #expect(schedule.afterAnswer(maxAge: nil, random: 0.9999).rounded() == 66)
        #expect(schedule.failures == 0)
    }

    @Test("Cache-Control max-age is read among other directives")
    func maxAge() {
        #expect(ConditionalFetcherTests.parse("public, max-age=120") == 120)
        #expect(ConditionalFetcherTests.parse("no-cache") == 0)
        #expect(ConditionalFetcherTests.parse("private") == nil)
    }

    static func parse(_ header: String) -> Double? { ConditionalFetcher.cacheMaxAge(header) }
}
