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
        let checked = try WebAddress(address)
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: Transfer.configuration(limits))
        do {
            let page = try await transfer(checked, client: client)
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

    private func transfer(_ address: WebAddress, client: HTTPClient) async throws -> FetchedPage {
        let deadline = NIODeadline.now() + Self.amount(limits.totalTimeout)
        let (response, final) = try await Transfer.execute(
            address, headers: Transfer.headers(userAgent: userAgent), client: client, limits: limits,
            deadline: deadline)
        let shown = address.text
        let contentType = try Self.check(response, address: shown)
        if let length = response.headers.first(name: "content-length").flatMap(Int.init), length > limits.maximumBytes {
            throw FetchError(
                .tooLarge, "\(shown): the page is \(length) bytes, over the \(limits.maximumBytes >> 20) MB limit")
        }
        let maximum = limits.maximumBytes
        let remaining = max(
            0.001,
            deadline.uptimeNanoseconds > NIODeadline.now().uptimeNanoseconds
                ? Double(deadline.uptimeNanoseconds - NIODeadline.now().uptimeNanoseconds) / 1e9 : 0.001)
        let body = try await Self.withTimeout(remaining) {
            try await response.body.collect(upTo: maximum)
        }
        return FetchedPage(bytes: Array(body.readableBytesView), contentType: contentType, finalURL: final.text)
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

    /// One line for any failure, by kind, in the user's words; the library's words go into `detail`.
    static func describe(_ error: Error, address: String, limits: FetchLimits) -> FetchError {
        let detail = String(describing: error)
        let megabytes = "\(max(1, limits.maximumBytes >> 20)) MB"
        if let error = error as? FetchError {
            if error.kind == .timeout {
                return FetchError(.timeout, "\(address): no complete answer within \(seconds(limits.totalTimeout))")
            }
            return error
        }
        if error is NIOTooManyBytesError {
            return FetchError(.tooLarge, "\(address): the page is over the \(megabytes) limit", detail: detail)
        }
        if error is HTTPParserError {
            return FetchError(
                .badResponse, "\(address): the server's answer is not valid HTTP", detail: detail)
        }
        if let error = error as? HTTPClientError {
            switch error {
            case .connectTimeout:
                return FetchError(.timeout, "\(address): no connection within \(seconds(limits.connectTimeout))")
            case .readTimeout, .deadlineExceeded, .tlsHandshakeTimeout:
                return FetchError(.timeout, "\(address): no complete answer within \(seconds(limits.totalTimeout))")
            case .remoteConnectionClosed:
                return FetchError(.connection, "\(address): the server closed the connection before answering")
            default: break
            }
        }
        // The decompression, TLS and socket errors come from modules this one does not import by name.
        let type = String(reflecting: Swift.type(of: error))
        let lower = (type + " " + detail).lowercased()
        if type.contains("DecompressionError") {
            if detail == "limit" {
                return FetchError(
                    .tooLarge, "\(address): the page is larger than \(megabytes) when decompressed", detail: detail)
            }
            return FetchError(
                .badResponse, "\(address): the server's compressed page is corrupt (it does not decompress)",
                detail: detail)
        }
        if lower.contains("dns") || lower.contains("lookup") || lower.contains("resolve")
            || lower.contains("name or service")
        {
            return FetchError(.dns, "\(address): the host name could not be found", detail: detail)
        }
        if lower.contains("ssl") || lower.contains("tls") || lower.contains("certificate")
            || lower.contains("handshake")
        {
            return FetchError(
                .tls,
                "\(address): the secure (https) connection failed; if the server speaks plain HTTP, use http://",
                detail: detail)
        }
        if lower.contains("refused") {
            return FetchError(
                .connection, "\(address): the connection was refused (nothing answers on that port)", detail: detail)
        }
        if lower.contains("unreachable") {
            return FetchError(.connection, "\(address): the network or host is unreachable", detail: detail)
        }
        if lower.contains("connect") || lower.contains("reset") || lower.contains("closed") || lower.contains("eof") {
            return FetchError(.connection, "\(address): the connection failed", detail: detail)
        }
        return FetchError(.other, "\(address): the page could not be fetched", detail: detail)
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}

/// The result of a fetch run on another task, handed back to a waiting thread.
private final class ResultBox: @unchecked Sendable {
    var result: Result<FetchedPage, Error>?
}
