import Foundation

/// How many pieces a parallel loop splits its work into: one below a size where threads do not pay, else one
/// per core (at most `limit`).
public enum ParallelChunks {
    public static func count(for size: Int, minimum: Int, limit: Int = 8) -> Int {
        size < minimum ? 1 : max(1, min(limit, ProcessInfo.processInfo.activeProcessorCount))
    }
}
