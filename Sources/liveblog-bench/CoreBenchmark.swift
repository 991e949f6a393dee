import Foundation
import LiveBlogCore

/// Parse and index throughput and query latency on a synthetic blog, in this process.
struct CoreBenchmark {
    let entries: Int

    func run() {
        let text = SyntheticBlog(entries: entries).text()
        let bytes = Array(text.utf8)
        print("== core: \(entries) entries, \(Measure.mb(bytes.count))")
        var blog = LiveBlog(title: "")
        var parseTimes: [Double] = []
        for _ in 0..<3 { parseTimes.append(Measure.seconds { blog = LiveBlogParser().parse(bytes: bytes) }) }
        let parse = parseTimes.min()!
        print(
            String(
                format: "parse: %.0f MB/s (%.3f s best of 3), %d entries", Double(bytes.count) / 1e6 / parse, parse,
                blog.entries.count))
        // swift-format-ignore: NeverUseImplicitlyUnwrappedOptionals
        var index: SearchIndex!
        let build = Measure.seconds { index = SearchIndex(blog: blog) }
        print(
            String(
                format: "index: %.0f MB/s (%.3f s), %d distinct words", Double(bytes.count) / 1e6 / build, build,
                index.vocabularySize))

        var random = SplitMixRandom(seed: 7)
        var queries: [String] = []
        let sampleWords = blog.entries.prefix(2000).flatMap { $0.paragraphs.prefix(1) }.flatMap {
            SearchFolding.words(in: $0)
        }
        for k in 0..<2000 {
            let w = sampleWords[random.below(sampleWords.count)]
            switch k % 4 {
            case 0: queries.append(String(w.prefix(1 + random.below(4))))
            case 1:
                queries.append(
                    String(w.prefix(3)) + " " + String(sampleWords[random.below(sampleWords.count)].prefix(4)))
            case 2:
                // A phrase of two consecutive words from a paragraph.
                let entry = blog.entries[random.below(blog.entries.count)]
                let words = SearchFolding.words(in: entry.paragraphs.first ?? "")
                let i = random.below(max(1, words.count - 1))
                queries.append("\"" + words[i..<min(words.count, i + 2)].joined(separator: " ") + "\"")
            default:
                queries.append(
                    String(w.prefix(2)) + " -" + String(sampleWords[random.below(sampleWords.count)].prefix(3)))
            }
        }
        var latencies: [Double] = []
        var slowest: [(Double, String)] = []
        var total = 0
        for q in queries {
            let query = SearchQuery(q)
            let t = Measure.seconds { total &+= index.entrySet(query).count }
            latencies.append(t)
            slowest.append((t, q))
        }
        latencies.sort()
        slowest.sort { $0.0 > $1.0 }
        print("slowest queries: " + slowest.prefix(5).map { "\($0.1) \(Measure.ms($0.0))" }.joined(separator: ", "))
        print(
            "query (\(queries.count) queries: 1–4 letter prefixes, two terms, phrases, exclusions): p50 \(Measure.ms(Measure.percentile(latencies, 0.5))), p99 \(Measure.ms(Measure.percentile(latencies, 0.99))), max \(Measure.ms(latencies.last!)) [\(total) hits]"
        )
        print("peak memory: \(Measure.mb(Measure.peakMemory())) (text \(Measure.mb(bytes.count)))")
    }
}

struct SplitMixRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
}
