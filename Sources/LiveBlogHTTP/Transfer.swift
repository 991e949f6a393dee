import AsyncHTTPClient
import NIOCore
import NIOHTTP1

/// One GET, its redirects followed here rather than by the client, so that `WebAddress` checks every hop
/// before the client is given it.
enum Transfer {
    /// The statuses whose `Location` is followed.
    static let redirectStatuses: Set<UInt> = [301, 302, 303, 307, 308]

    /// The client's settings for `limits`: no redirects of its own, and a refused connection reported at once
    /// (the client otherwise retries it until the connect timeout, which made a closed port take 10 s).
    static func configuration(_ limits: FetchLimits) -> HTTPClient.Configuration {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(
                connect: PageFetcher.amount(limits.connectTimeout), read: PageFetcher.amount(limits.totalTimeout)),
            decompression: .enabled(limit: .size(limits.maximumBytes)))
        configuration.connectionPool.retryConnectionEstablishment = false
        return configuration
    }

    /// Asks for `address` with `headers`, following up to `limits.maximumRedirects` redirects; returns the
    /// final response and the address it came from.
    static func execute(
        _ address: WebAddress, headers: HTTPHeaders, client: HTTPClient, limits: FetchLimits, deadline: NIODeadline
    ) async throws -> (response: HTTPClientResponse, address: WebAddress) {
        var current = address
        var seen: Set<String> = [address.text]
        var hops = 0
        while true {
            var request = HTTPClientRequest(url: current.text)
            request.headers = headers
            let response = try await client.execute(request, deadline: deadline)
            guard redirectStatuses.contains(response.status.code),
                let location = response.headers.first(name: "location")
            else {
                return (response, current)
            }
            // Drained so that the connection can carry the next hop; a redirect's body is never used.
            _ = try? await response.body.collect(upTo: 64 << 10)
            hops += 1
            if hops > limits.maximumRedirects {
                throw FetchError(.redirects, "\(address): more than \(limits.maximumRedirects) redirects")
            }
            let next = try current.resolving(location)
            if !seen.insert(next.text).inserted {
                throw FetchError(.redirects, "\(address): the redirects go round in a loop")
            }
            current = next
        }
    }

    /// The request headers both fetchers send.
    static func headers(userAgent: String) -> HTTPHeaders {
        var headers = HTTPHeaders()
        headers.add(name: "User-Agent", value: userAgent)
        headers.add(name: "Accept", value: "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.5,*/*;q=0.1")
        headers.add(name: "Accept-Encoding", value: "gzip, deflate")
        return headers
    }
}
