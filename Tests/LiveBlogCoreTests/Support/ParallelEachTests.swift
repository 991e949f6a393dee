import Foundation
import Testing

@testable import LiveBlogCore

/// `Parallel.each`: waiting work, a bounded number at once, results in order.
@Suite("Parallel.each")
struct ParallelEachTests {
    @Test("Results come back in order, and no more than the width run at once (even above the core count)")
    func orderAndWidth() {
        let gauge = Gauge()
        let results = Parallel.each(12, atOnce: 4) { k -> Int in
            gauge.enter()
            Thread.sleep(forTimeInterval: 0.02)
            gauge.leave()
            return k * k
        }
        #expect(results == (0..<12).map { $0 * $0 })
        #expect(gauge.highest <= 4)
        // Waiting work overlaps beyond the number of cores (2 on CI).
        #expect(gauge.highest >= 3)
        #expect(Parallel.each(0, atOnce: 4) { $0 } == [])
        #expect(Parallel.each(3, atOnce: 1) { $0 } == [0, 1, 2])
    }

    @Test("Quick bodies, many calls: no thread still holds the body when a call returns")
    func manyQuickCalls() {
        // `each` lends a non-escaping closure to threads; a thread holding it past the call traps the process
        // (the runtime checks `withoutActuallyEscaping`), so this only has to finish.
        for round in 0..<300 {
            #expect(Parallel.each(6, atOnce: 4) { $0 + round } == (0..<6).map { $0 + round })
        }
    }

    /// How many bodies run at once, and the most there ever were.
    final class Gauge: @unchecked Sendable {
        // @unchecked: both counts are only touched under `lock`.
        private let lock = NSLock()
        private var now = 0
        private var most = 0

        func enter() {
            lock.withLock {
                now += 1
                most = max(most, now)
            }
        }
        func leave() { lock.withLock { now -= 1 } }
        var highest: Int { lock.withLock { most } }
    }
}
