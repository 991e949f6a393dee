import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Fetches one address again and again, cheaply: it keeps its HTTP client (and so its connection) between
/// polls and sends the last answer's validators (`If-None-Match`, `If-Modified-Since`), so an unchanged page
/// costs a `304` with no body.
///
/// One request at a time: callers await each `poll` before the next (the poller's loop does).
public final class ConditionalFetcher: @unchecked Sendable {
    // @unchecked: `validators` is only touched by the one poll in flight.
    public let address: String
    public let userAgent: String
    public let limits: FetchLimits
    private let client: HTTPClient
    private var validators = Validators()

    /// What the last changed answer said about itself.
    struct Validators {
        var etag: String?
        var lastModified: String?
    }

    public init(address: String, userAgent: String, limits: FetchLimits = FetchLimits()) {
        self.address = address
        self.userAgent = userAgent
        self.limits = limits
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: Transfer.configuration(limits))
    }

    deinit { try? client.syncShutdown() }

    /// Asks for the page, conditionally after the first answer. A failure is a `FetchError`, one line.
    public func poll() async throws -> PollAnswer {
        let checked = try WebAddress(address)
        do {
            return try await transfer(checked)
        } catch {
            throw PageFetcher.describe(error, address: address, limits: limits)
        }
    }

    /// The same, for synchronous callers (the first read of a followed address).
    public func pollBlocking() throws -> PollAnswer {
        let box = AnswerBox()
        let semaphore = DispatchSemaphore(value: 0)
        Task {
            do { box.result = .success(try await self.poll()) } catch { box.result = .failure(error) }
            semaphore.signal()
        }
        semaphore.wait()
        return try box.result!.get()
    }

    private func transfer(_ checked: WebAddress) async throws -> PollAnswer {
        var headers = Transfer.headers(userAgent: userAgent)
        if let etag = validators.etag { headers.add(name: "If-None-Match", value: etag) }
        if let modified = validators.lastModified { headers.add(name: "If-Modified-Since", value: modified) }
        let deadline = NIODeadline.now() + PageFetcher.amount(limits.totalTimeout)
        let (response, final) = try await Transfer.execute(
            checked, headers: headers, client: client, limits: limits, deadline: deadline)
        let status = response.status.code
        let maxAge = Self.cacheMaxAge(response.headers.first(name: "cache-control"))
        if status == 304 {
            // Drain the (empty) body so that the connection can be used again.
            _ = try? await response.body.collect(upTo: 64 << 10)
            return PollAnswer(page: nil, maxAge: maxAge)
        }
        let contentType = try PageFetcher.check(response, address: address)
        let maximum = limits.maximumBytes
        let left = Double(deadline.uptimeNanoseconds) - Double(NIODeadline.now().uptimeNanoseconds)
        let body = try await PageFetcher.withTimeout(max(0.001, left / 1e9)) {
            try await response.body.collect(upTo: maximum)
        }
        // Validators are taken only from a complete answer, so a broken one is asked for in full next time.
        validators = Validators(
            etag: response.headers.first(name: "etag"),
            lastModified: response.headers.first(name: "last-modified"))
        let page = FetchedPage(
            bytes: Array(body.readableBytesView), contentType: contentType,
            finalURL: final.text)
        return PollAnswer(page: page, maxAge: maxAge)
    }

    /// Forgets the validators, so the next poll asks for the whole page (after a page that could not be used).
    public func forgetValidators() { validators = Validators() }

    /// `max-age` in seconds from a Cache-Control header (`no-store`/`no-cache` count as 0).
    public static func cacheMaxAge(_ header: String?) -> Double? {
        guard let header else { return nil }
        for part in header.lowercased().split(separator: ",") {
            let item = part.trimmingCharacters(in: .whitespaces)
            if item == "no-cache" || item == "no-store" { return 0 }
            if item.hasPrefix("max-age="),
                let seconds = Double(item.dropFirst(8).trimmingCharacters(in: CharacterSet(charactersIn: "\""))),
                seconds.isFinite, seconds >= 0
            {
                return seconds
            }
        }
        return nil
    }
}

/// A poll's result handed from its task to a waiting thread.
private final class AnswerBox: @unchecked Sendable {
    var result: Result<PollAnswer, Error>?
}

/// One poll's answer: a changed page, or nil for `304 Not Modified`; and how long the server says it stays fresh.
public struct PollAnswer: Sendable {
    public var page: FetchedPage?
    public var maxAge: Double?
}
