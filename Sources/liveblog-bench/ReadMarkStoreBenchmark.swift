import Foundation
import LiveBlogCore
import LiveBlogStore

/// Times read-mark writes: one mark per transaction, and concurrent writers on one file.
enum ReadMarkStoreBenchmark {
    /// The figures of one measured run.
    struct Summary: Sendable, CustomStringConvertible {
        /// How many `setRead` calls were timed (one id, one transaction each).
        let marks: Int
        /// Wall time of the whole run.
        let elapsed: Duration
        /// Median latency of one call.
        let p50: Duration
        /// 99th-percentile latency of one call.
        let p99: Duration
        /// Slowest call.
        let max: Duration

        /// Calls completed per second of wall time.
        var marksPerSecond: Double {
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            return seconds > 0 ? Double(marks) / seconds : 0
        }

        var description: String {
            "\(marks) marks in \(format(elapsed)): p50 \(format(p50)), p99 \(format(p99)), max \(format(max)), "
                + String(format: "%.0f marks/s", marksPerSecond)
        }

        private func format(_ duration: Duration) -> String {
            duration.formatted(
                .units(
                    allowed: [.seconds, .milliseconds, .microseconds], width: .narrow,
                    maximumUnitCount: 1, fractionalPart: .show(length: 2)))
        }
    }

    /// Registers a throwaway blog in `store` and marks `count` new ids one call at a time, timing each call.
    static func singleMarks(in store: any ReadMarkStore, count: Int) throws -> Summary {
        let clock = ContinuousClock()
        let start = clock.now
        let latencies = try markOneByOne(store, blogIdentity: "bench:\(UUID().uuidString)", count: count, clock: clock)
        return summarize(latencies, elapsed: clock.now - start)
    }

    /// Opens `writers` separate ``SQLiteReadMarkStore``s on the file at `path` and lets each mark
    /// `marksPerWriter` distinct ids of one shared blog, concurrently, one call at a time.
    static func concurrentWriters(path: String, writers: Int, marksPerWriter: Int) throws -> Summary {
        let stores = try (0..<writers).map { _ in try SQLiteReadMarkStore(path: path) }
        let identity = "bench:\(UUID().uuidString)"
        let clock = ContinuousClock()
        let start = clock.now
        let results = Parallel.map((0..<writers).map { $0..<($0 + 1) }) { piece in
            let writer = piece.lowerBound
            return Result {
                try markOneByOne(
                    stores[writer], blogIdentity: identity, count: marksPerWriter,
                    idPrefix: "w\(writer)-", clock: clock)
            }
        }
        let elapsed = clock.now - start
        return summarize(try results.flatMap { try $0.get() }, elapsed: elapsed)
    }

    /// Summarises per-call latencies with nearest-rank percentiles.
    static func summarize(_ latencies: [Duration], elapsed: Duration) -> Summary {
        let sorted = latencies.sorted()
        func percentile(_ p: Double) -> Duration {
            guard !sorted.isEmpty else { return .zero }
            let rank = Int((p * Double(sorted.count)).rounded(.up))
            return sorted[Swift.max(rank, 1) - 1]
        }
        return Summary(
            marks: sorted.count, elapsed: elapsed,
            p50: percentile(0.5), p99: percentile(0.99), max: sorted.last ?? .zero)
    }

    private static func markOneByOne(
        _ store: any ReadMarkStore, blogIdentity: String, count: Int,
        idPrefix: String = "", clock: ContinuousClock
    ) throws -> [Duration] {
        let blog = try store.registerBlog(identity: blogIdentity, title: "benchmark")
        var latencies: [Duration] = []
        latencies.reserveCapacity(count)
        for index in 0..<count {
            let id = EntryID("\(idPrefix)\(index)")
            latencies.append(try clock.measure { try store.setRead([id], read: true, for: blog) })
        }
        return latencies
    }
}
