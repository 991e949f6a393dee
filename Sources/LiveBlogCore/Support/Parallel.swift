import Dispatch
import Foundation

/// The package's one parallel loop: work over `0..<size` cut into contiguous pieces, one per core, each piece's
/// result returned in order.
///
/// Small work runs as one piece on the calling thread, since threads do not pay below a size each caller knows
/// (`minimum`). Memory the pieces share goes through `SendableBuffer`.
package enum Parallel {
    /// How many pieces work of `size` is cut into: one below `minimum`, else one per core, at most `limit`.
    package static func pieceCount(for size: Int, minimum: Int, limit: Int = 8) -> Int {
        size < minimum ? 1 : max(1, min(limit, ProcessInfo.processInfo.activeProcessorCount))
    }

    /// `0..<size` cut into `pieces` contiguous ranges of nearly equal length.
    package static func ranges(of size: Int, pieces: Int) -> [Range<Int>] {
        (0..<pieces).map { k in (size * k / pieces)..<(size * (k + 1) / pieces) }
    }

    /// Runs `body` on each piece of `0..<size`, on all cores when `size` reaches `minimum`; results in piece order.
    package static func map<T: Sendable>(
        _ size: Int, minimum: Int, limit: Int = 8, _ body: @Sendable (Range<Int>) -> T
    ) -> [T] {
        map(ranges(of: size, pieces: pieceCount(for: size, minimum: minimum, limit: limit)), body)
    }

    /// Runs `body` on each of `pieces` at once; results in the order of `pieces`.
    package static func map<T: Sendable>(_ pieces: [Range<Int>], _ body: @Sendable (Range<Int>) -> T) -> [T] {
        if pieces.count <= 1 { return pieces.map(body) }
        var slots = [T?](repeating: nil, count: pieces.count)
        slots.withUnsafeMutableBufferPointer { buffer in
            let results = SendableBuffer(buffer)
            DispatchQueue.concurrentPerform(iterations: pieces.count) { k in results[k] = body(pieces[k]) }
        }
        return slots.map { $0! }
    }

    /// Runs `body` for each of `0..<count`, at most `width` at once, for work that mostly waits (a fetch) rather
    /// than computes; results in order.
    ///
    /// Threads of its own, not `concurrentPerform` or a dispatch queue: those run about one body per core (on
    /// Linux a private queue too), while waiting work wants `width` at once whatever the number of cores.
    package static func each<T: Sendable>(_ count: Int, atOnce width: Int, _ body: @Sendable (Int) -> T) -> [T] {
        if count <= 1 || width <= 1 { return (0..<count).map(body) }
        var slots = [T?](repeating: nil, count: count)
        slots.withUnsafeMutableBufferPointer { buffer in
            let results = SendableBuffer(buffer)
            let finished = DispatchSemaphore(value: 0)
            let workers = min(width, count)
            withoutActuallyEscaping(body) { body in
                // The threads hold the job, not `body`: a finished thread may let go of its closure late, and
                // `body` must have no holder left when this block ends.
                let job = Job(count: count, body: body)
                for _ in 0..<workers {
                    let thread = Thread {
                        while let k = job.next() { results[k] = job.body!(k) }
                        finished.signal()
                    }
                    // As much stack as the main thread has: a page's tree is walked recursively.
                    thread.stackSize = 8 << 20
                    thread.start()
                }
                for _ in 0..<workers { finished.wait() }
                job.body = nil
            }
        }
        return slots.map { $0! }
    }

    /// The body of one `each` call, and its indices handed out one at a time to whichever thread asks.
    private final class Job<T>: @unchecked Sendable {
        // @unchecked: `taken` is only touched under `lock`; `body` is set before the threads start and cleared
        // after they have all finished.
        private let lock = NSLock()
        private var taken = 0
        private let count: Int
        var body: (@Sendable (Int) -> T)?

        init(count: Int, body: @escaping @Sendable (Int) -> T) {
            self.count = count
            self.body = body
        }

        func next() -> Int? {
            lock.withLock {
                guard taken < count else { return nil }
                taken += 1
                return taken - 1
            }
        }
    }
}
