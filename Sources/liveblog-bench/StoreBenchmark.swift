import Foundation
import LiveBlogStore

/// Read-mark store figures: one mark per transaction, and two concurrent writers on one file.
struct StoreBenchmark {
    func run() {
        let directory = NSTemporaryDirectory() + "liveblog-bench-store-\(getpid())"
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        print("== store: SQLite in \(directory)")
        do {
            let single = try SQLiteReadMarkStore(path: directory + "/single.sqlite")
            let s = try ReadMarkStoreBenchmark.singleMarks(in: single, count: 2000)
            print(
                "one mark per transaction (2000): p50 \(s.p50), p99 \(s.p99), max \(s.max), \(Int(s.marksPerSecond)) marks/s"
            )
            let c = try ReadMarkStoreBenchmark.concurrentWriters(
                path: directory + "/shared.sqlite", writers: 2, marksPerWriter: 1000)
            print(
                "two concurrent writers (2×1000): \(Int(c.marksPerSecond)) marks/s combined, p50 \(c.p50), p99 \(c.p99)"
            )
        } catch {
            print("store benchmark failed: \(error)")
        }
    }
}
