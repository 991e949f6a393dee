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

    /// The host part of an address, lowercased, for `enter`; the whole address when it has none.
    static func host(of address: String) -> String {
        URL(string: address)?.host?.lowercased() ?? address
    }
}
