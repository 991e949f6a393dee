import Foundation
import LiveBlogCore

/// The whole `liveblog search FILE WORD --json` process against GNU `wc -w FILE`, run alternately on the same file.
struct CLIBenchmark {
    let entries: Int
    let path: String?

    struct Run {
        var seconds: Double
        var peakMemory: Int
        var status: Int32
    }

    func run() {
        let file = path ?? NSTemporaryDirectory() + "liveblog-bench-\(entries).txt"
        if !FileManager.default.fileExists(atPath: file) {
            BenchmarkCommand.write(atPath: file, contents: Data(SyntheticBlog(entries: entries).text().utf8))
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
        let liveblog = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("liveblog").path
        print("== cli: \(file) (\(Measure.mb(size)))")
        // A word found in no entry, a rarer one (about 6 % of entries), and two of the commonest (about 44 %).
        var wc: [Run] = []
        var results: [(String, [Run])] = []
        for word in ["kremlin", "mitra", "council", "talks"] {
            var ours: [Run] = []
            for _ in 0..<5 {
                ours.append(spawn([liveblog, "search", file, word, "--json"]))
                wc.append(spawn(["/usr/bin/wc", "-w", file]))
            }
            results.append((word, ours))
        }
        let wcTimes = wc.map(\.seconds).sorted()
        let wcMedian = wcTimes[wcTimes.count / 2]
        print(String(format: "wc -w FILE: median %.3f s (min %.3f)", wcMedian, wcTimes[0]))
        for (word, ours) in results {
            let times = ours.map(\.seconds).sorted()
            let peak = ours.map(\.peakMemory).max()!
            print(
                String(
                    format:
                        "liveblog search FILE %@ --json: median %.3f s (min %.3f), peak memory %@ (%.2f× the file), exit %d — %@",
                    word, times[2], times[0], Measure.mb(peak), Double(peak) / Double(max(size, 1)), ours[0].status,
                    times[2] < wcMedian ? "faster than wc -w" : "SLOWER than wc -w"))
        }
    }

    /// Runs a command with output to /dev/null and returns its wall time and peak memory (from wait4).
    func spawn(_ argv: [String]) -> Run {
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        var pid: pid_t = 0
        let cArgs = argv.map { strdup($0) } + [nil]
        defer { for arg in cArgs { free(arg) } }
        let start = DispatchTime.now().uptimeNanoseconds
        guard posix_spawn(&pid, argv[0], &actions, nil, cArgs, environ) == 0 else {
            return Run(seconds: .infinity, peakMemory: 0, status: -1)
        }
        var status: Int32 = 0
        var usage = rusage()
        wait4(pid, &status, 0, &usage)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        posix_spawn_file_actions_destroy(&actions)
        return Run(seconds: seconds, peakMemory: usage.ru_maxrss * 1024, status: (status >> 8) & 0xFF)
    }
}
