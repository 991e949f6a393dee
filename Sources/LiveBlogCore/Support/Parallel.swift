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
    /// Not `concurrentPerform`, which runs one iteration per core: waiting work wants more at once than there are
    /// cores, and a private concurrent queue grows threads for calls that block.
    package static func each<T: Sendable>(_ count: Int, atOnce width: Int, _ body: @Sendable (Int) -> T) -> [T] {
        if count <= 1 || width <= 1 { return (0..<count).map(body) }
        var slots = [T?](repeating: nil, count: count)
        slots.withUnsafeMutableBufferPointer { buffer in
            let results = SendableBuffer(buffer)
            withoutActuallyEscaping(body) { body in
                let queue = DispatchQueue(label: "liveblog.parallel.each", attributes: .concurrent)
                let free = DispatchSemaphore(value: width)
                let group = DispatchGroup()
                for k in 0..<count {
                    free.wait()
                    queue.async(group: group) {
                        results[k] = body(k)
                        free.signal()
                    }
                }
                // `body` escapes only into these calls, all finished here.
                group.wait()
            }
        }
        return slots.map { $0! }
    }
}
