import AsyncHTTPClient
import Dispatch
import Foundation
import NIOCore
import NIOHTTP1

/// Fetches one page over HTTP(S) with AsyncHTTPClient: bounded time, redirects and size, gzip and deflate,
/// an honest User-Agent, and one-line errors.
public struct PageFetcher: Sendable {
    public var userAgent: String
    public var limits: FetchLimits

    public init(userAgent: String, limits: FetchLimits = FetchLimits()) {
        self.userAgent = userAgent
        self.limits = limits
    }

    /// Fetches `address`; the answer must be a success with an HTML-like (or unstated) content type.
    public func fetch(_ address: String) async throws -> FetchedPage {
        guard let url = URL(string: address), let scheme = url.scheme?.lowercased(),
            scheme == "http" || scheme == "https",
            url.host != nil
        else {
            throw FetchError(.badURL, "not a web address: \(address)")
        }
        let configuration = HTTPClient.Configuration(
            redirectConfiguration: .follow(max: limits.maximumRedirects, allowCycles: false),
            timeout: .init(connect: Self.amount(limits.connectTimeout), read: Self.amount(limits.totalTimeout)),
            decompression: .enabled(limit: .size(limits.maximumBytes)))
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        do {
            let page = try await transfer(address, client: client)
            try await client.shutdown()
            return page
        } catch {
            try? await client.shutdown()
            throw Self.describe(error, address: address, limits: limits)
        }
    }

    /// The same, for synchronous callers such as the command line.
    public func fetchBlocking(_ address: String) throws -> FetchedPage {
        let box = ResultBox()
        let semaphore = DispatchSemaphore(value: 0)
        let fetcher = self
        Task {
            do { box.result = .success(try await fetcher.fetch(address)) } catch { box.result = .failure(error) }
            semaphore.signal()
        }
        semaphore.wait()
        return try box.result!.get()
    }

    private func transfer(_ address: String, client: HTTPClient) async throws -> FetchedPage {
        var request = HTTPClientRequest(url: address)
        request.headers.add(name: "User-Agent", value: userAgent)
        request.headers.add(name: "Accept", value: "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.5,*/*;q=0.1")
        request.headers.add(name: "Accept-Encoding", value: "gzip, deflate")
        let deadline = NIODeadline.now() + Self.amount(limits.totalTimeout)
        let response = try await client.execute(request, deadline: deadline)
        let contentType = try Self.check(response, address: address)
        if let length = response.headers.first(name: "content-length").flatMap(Int.init), length > limits.maximumBytes {
            throw FetchError(
                .tooLarge, "\(address): the page is \(length) bytes, over the \(limits.maximumBytes >> 20) MB limit")
        }
        let maximum = limits.maximumBytes
        let remaining = max(
            0.001,
            deadline.uptimeNanoseconds > NIODeadline.now().uptimeNanoseconds
                ? Double(deadline.uptimeNanoseconds - NIODeadline.now().uptimeNanoseconds) / 1e9 : 0.001)
        let body = try await Self.withTimeout(remaining) {
            try await response.body.collect(upTo: maximum)
        }
        let final = response.url?.absoluteString ?? address
        return FetchedPage(bytes: Array(body.readableBytesView), contentType: contentType, finalURL: final)
    }

    /// HTML, XHTML or plain text (a text scrape served as such); anything else is not a blog page.
    /// Turns an answer that is not a page into its one-line error (4xx, 5xx, a redirect left over, a content type
    /// that is not text) and returns the content type of one that is.
    static func check(_ response: HTTPClientResponse, address: String) throws -> String? {
        let status = response.status.code
        if (400..<500).contains(status) {
            throw FetchError(.clientError, "\(address): HTTP \(status) \(response.status.reasonPhrase)")
        }
        if status >= 500 {
            throw FetchError(
                .serverError, "\(address): HTTP \(status) \(response.status.reasonPhrase) (the server failed)")
        }
        if (300..<400).contains(status) {
            throw FetchError(.redirects, "\(address): HTTP \(status) without a usable Location")
        }
        let contentType = response.headers.first(name: "content-type")
        if let contentType, !isReadable(contentType) {
            throw FetchError(.notHTML, "\(address): not a web page (Content-Type: \(contentType))")
        }
        return contentType
    }

    static func isReadable(_ contentType: String) -> Bool {
        let type =
            contentType.lowercased().split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        return type.isEmpty || type == "text/html" || type == "application/xhtml+xml" || type == "text/plain"
    }

    static func amount(_ seconds: Double) -> TimeAmount { .nanoseconds(Int64(seconds * 1e9)) }

    /// Runs `body`, failing with a timeout when it takes longer than `seconds`.
    static func withTimeout<T: Sendable>(_ seconds: Double, _ body: @escaping @Sendable () async throws -> T)
        async throws -> T
    {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(nanoseconds: UInt64(seconds * 1e9))
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else {
                throw FetchError(.timeout, "timed out")
            }
            return value
        }
    }

    /// One line for any failure, by kind.
    static func describe(_ error: Error, address: String, limits: FetchLimits) -> FetchError {
        if let error = error as? FetchError {
            if error.kind == .timeout {
                return FetchError(.timeout, "\(address): no complete answer within \(seconds(limits.totalTimeout))")
            }
            return error
        }
        if error is NIOTooManyBytesError {
            return FetchError(.tooLarge, "\(address): the page is over the \(limits.maximumBytes >> 20) MB limit")
        }
        if let error = error as? HTTPClientError {
            switch error {
            case .connectTimeout:
                return FetchError(.timeout, "\(address): no connection within \(seconds(limits.connectTimeout))")
            case .readTimeout, .deadlineExceeded, .tlsHandshakeTimeout:
                return FetchError(.timeout, "\(address): no complete answer within \(seconds(limits.totalTimeout))")
            case .redirectLimitReached:
                return FetchError(.redirects, "\(address): more than \(limits.maximumRedirects) redirects")
            case .redirectCycleDetected:
                return FetchError(.redirects, "\(address): the redirects go round in a loop")
            case .remoteConnectionClosed:
                return FetchError(.connection, "\(address): the server closed the connection before answering")
            default: break
            }
        }
        let text = String(describing: error)
        let lower = text.lowercased()
        if lower.contains("dns") || lower.contains("lookup") || lower.contains("resolve")
            || lower.contains("name or service")
        {
            return FetchError(.dns, "\(address): the host name could not be found")
        }
        if lower.contains("ssl") || lower.contains("tls") || lower.contains("certificate")
            || lower.contains("handshake")
        {
            return FetchError(.tls, "\(address): secure connection failed (\(text.prefix(120)))")
        }
        if lower.contains("connection refused") || lower.contains("connect") {
            return FetchError(.connection, "\(address): could not connect (\(text.prefix(120)))")
        }
        return FetchError(.other, "\(address): \(text.prefix(160))")
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}

/// The result of a fetch run on another task, handed back to a waiting thread.
private final class ResultBox: @unchecked Sendable {
    var result: Result<FetchedPage, Error>?
}
