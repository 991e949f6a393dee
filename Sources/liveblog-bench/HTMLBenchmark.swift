import Foundation
import LiveBlogCore
import LiveBlogHTML

/// The HTML stage: pages parsed, extracted and indexed, in MB/s, on the pages given and on a synthetic page.
///
///     liveblog-bench html [--file PAGE.html …] [--mb 50]
struct HTMLBenchmark {
    let pages: [String]
    let syntheticMB: Int

    func run() {
        print("== html: parse (libxml2), extract, index")
        for path in pages {
            guard let data = FileManager.default.contents(atPath: path) else {
                print("cannot read \(path)")
                continue
            }
            measure(name: (path as NSString).lastPathComponent, bytes: Array(data), rounds: 20)
        }
        let synthetic = Self.syntheticPage(megabytes: syntheticMB)
        measure(name: "synthetic \(syntheticMB) MB page", bytes: synthetic, rounds: 3)
    }

    private func measure(name: String, bytes: [UInt8], rounds: Int) {
        var best = Double.infinity
        var bestCPU = Double.infinity
        var blog = LiveBlog(title: "")
        let before = Measure.peakMemory()
        for _ in 0..<rounds {
            let cpuStart = Self.threadCPUSeconds()
            let time = Measure.seconds {
                blog = HTMLBlogReader().read(bytes: bytes)
                _ = SearchIndex(blog: blog)
            }
            best = min(best, time)
            bestCPU = min(bestCPU, Self.threadCPUSeconds() - cpuStart)
        }
        let peak = Measure.peakMemory()
        // CPU time as well as wall time: on a shared machine the wall clock also counts the time others had the core.
        print(
            String(
                format: "%@: %@, %.1f ms best of %d (%.0f MB/s; CPU %.1f ms), %d entries, peak RSS %@ (was %@)",
                name, Measure.mb(bytes.count), best * 1000, rounds, Double(bytes.count) / 1e6 / best, bestCPU * 1000,
                blog.entries.count, Measure.mb(peak), Measure.mb(before)))
    }

    /// The CPU time this thread has used.
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// A live blog page of about `megabytes` MB: repeated post containers with times, headlines and paragraphs.
    static func syntheticPage(megabytes: Int) -> [UInt8] {
        var out = "<!doctype html><html><head><meta charset=utf-8><title>Synthetic live</title></head><body>"
        out += "<h1>Synthetic live blog</h1><div class=\"feed\">"
        var k = 0
        let target = megabytes << 20
        var random = SplitMixRandom(seed: 11)
        while out.utf8.count < target {
            let hour = 23 - (k / 60) % 24
            let minute = 59 - k % 60
            out +=
                "<article class=\"post\" id=\"p\(k)\"><div class=\"meta\"><time datetime=\"2025-01-01T\(hour < 10 ? "0" : "")\(hour):\(minute < 10 ? "0" : "")\(minute):00Z\">\(hour):\(minute < 10 ? "0" : "")\(minute)</time><span>Reporter \(k % 7)</span></div>"
            out += "<h2>Update number \(k) on the situation</h2>"
            for p in 0..<(2 + random.below(4)) {
                out +=
                    "<p>Paragraph \(p) of post \(k): officials said the <a href=\"/story/\(k)\">situation</a> was developing and more details would follow later today.</p>"
            }
            out += "<div class=\"share-bar\"><button>Share</button></div></article>"
            k += 1
        }
        out += "</div></body></html>"
        return Array(out.utf8)
    }
}
