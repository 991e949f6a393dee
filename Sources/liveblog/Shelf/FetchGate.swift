import Foundation

/// Lets at most `limit` fetches run at once, and never two to the same host: what keeps fifty blogs polite to
/// the servers and to the machine.
final class FetchGate: @unchecked Sendable {
    // @unchecked: `inFlight` and `busyHosts` are guarded by `condition`.
    private let condition = NSCondition()
    private let limit: Int
    private var inFlight = 0
    private var busyHosts: Set<String> = []

    init(limit: Int = 4) { self.limit = max(1, limit) }

    /// Waits for a free place for `host` and takes it; give it back with `leave`.
    func enter(host: String) {
        condition.lock()
        while inFlight >= limit || busyHosts.contains(host) { condition.wait() }
        inFlight += 1
        busyHosts.insert(host)
        condition.unlock()
    }

    func leave(host: String) {
        condition.lock()
        inFlight -= 1
        busyHosts.remove(host)
        condition.broadcast()
        condition.unlock()
    }

    /// The server of an address for `enter`: its host, lowercased, with the port when one is given (two ports
    /// are two servers); the whole address when it has no host.
    static func host(of address: String) -> String {
        guard let url = URL(string: address), let host = url.host?.lowercased() else { return address }
        return url.port.map { "\(host):\($0)" } ?? host
    }
}
