import Foundation
import LiveBlogCore

/// `liveblog-bench`: measures parsing, indexing, queries and the whole `liveblog search` process on synthetic blogs.
///
///     swift build -c release && .build/release/liveblog-bench [core|cli|tui|memory|store|html|hostile|follow|shelf|generate] [--entries N] [--file PATH] [--mb N]
@main
struct BenchmarkCommand {
    static func main() {
        var arguments = Array(CommandLine.arguments.dropFirst())
        let mode = arguments.first.map { $0.hasPrefix("-") ? "all" : $0 } ?? "all"
        if mode != "all" { arguments.removeFirst() }
        let entries = value(of: "--entries", in: arguments).flatMap(Int.init)
        let file = value(of: "--file", in: arguments)
        switch mode {
        case "generate":
            let n = entries ?? 100_000
            let path = file ?? "liveblog-\(n).txt"
            let text = SyntheticBlog(entries: n).text()
            Self.write(atPath: path, contents: Data(text.utf8))
            print("wrote \(path): \(n) entries, \(text.utf8.count) bytes")
        case "core":
            CoreBenchmark(entries: entries ?? 100_000).run()
        case "cli":
            CLIBenchmark(entries: entries ?? 100_000, path: file).run()
        case "tui":
            TUIBenchmark().run()
            TUIBenchmark.readerMemoryInChild(entries: entries ?? 100_000, path: file)
        case "memory":
            // The reader's memory in this process alone; `tui` runs it as a child.
            ReaderMemoryBenchmark(path: file ?? TUIBenchmark.syntheticFile(entries: entries ?? 100_000)).run()
        case "store":
            StoreBenchmark().run()
        case "hostile":
            HostileBenchmark(size: (value(of: "--mb", in: arguments).flatMap(Int.init) ?? 16) * 1_000_000).run()
        case "html":
            let pages = arguments.indices.filter { arguments[$0] == "--file" && $0 + 1 < arguments.count }.map {
                arguments[$0 + 1]
            }
            HTMLBenchmark(pages: pages, syntheticMB: value(of: "--mb", in: arguments).flatMap(Int.init) ?? 50).run()
        case "follow":
            FollowBenchmark(
                idleSeconds: value(of: "--seconds", in: arguments).flatMap(Double.init) ?? 60,
                updates: entries ?? 1000, part: value(of: "--part", in: arguments)
            ).run()
        case "shelf":
            ShelfBenchmark(
                blogs: entries ?? 50, idleSeconds: value(of: "--seconds", in: arguments).flatMap(Double.init) ?? 20,
                local: arguments.contains("--local")
            ).run()
        case "all":
            CoreBenchmark(entries: entries ?? 100_000).run()
            CLIBenchmark(entries: entries ?? 100_000, path: file).run()
            TUIBenchmark().run()
            TUIBenchmark.readerMemoryInChild(entries: entries ?? 100_000, path: file)
            StoreBenchmark().run()
            HostileBenchmark(size: 16_000_000).run()
        default:
            FileHandle.standardError.write(
                Data(
                    "usage: liveblog-bench [core|cli|tui|memory|store|html|hostile|follow|shelf|generate] [--entries N] [--file PATH]… [--mb N]\n"
                        .utf8))
            exit(2)
        }
    }

    static func value(of option: String, in arguments: [String]) -> String? {
        guard let i = arguments.firstIndex(of: option), i + 1 < arguments.count else { return nil }
        return arguments[i + 1]
    }
}

extension BenchmarkCommand {
    /// Writes a generated blog, stopping the benchmark with a message if the file cannot be written.
    static func write(atPath path: String, contents: Data?) {
        guard FileManager.default.createFile(atPath: path, contents: contents) else {
            FileHandle.standardError.write(Data("liveblog-bench: cannot write \(path)\n".utf8))
            exit(2)
        }
    }
}

/// Wall-clock and memory helpers.
enum Measure {
    static func seconds(_ body: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// Peak resident memory of this process so far, in bytes.
    static func peakMemory() -> Int {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return usage.ru_maxrss * 1024
    }

    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let k = min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))
        return sorted[k]
    }

    static func mb(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1_000_000) }
    static func ms(_ seconds: Double) -> String { String(format: "%.3f ms", seconds * 1000) }
}
