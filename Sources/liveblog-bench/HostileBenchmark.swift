import Foundation
import LiveBlogCore
import LiveBlogTUI

/// Throughput on inputs built to hurt, beside clean text of the same size: each should stay within 3× of clean.
///
/// Random bytes (invalid UTF-8 and controls everywhere), escape-sequence runs, lines that make backtracking glob
/// matchers explode (with such rules loaded), one huge paragraph, and a query of one term repeated 100 times.
struct HostileBenchmark {
    /// Bytes per input.
    let size: Int

    func run() {
        print("== hostile inputs: \(Measure.mb(size)) each, parse throughput (best of 3) and ratio to clean text")
        var random = SplitMixRandom(seed: 11)
        let clean = Array(SyntheticBlog(entries: max(100, size / 900)).text().utf8.prefix(size))
        var noise = [UInt8](repeating: 0, count: size)
        for i in noise.indices { noise[i] = UInt8(truncatingIfNeeded: random.next()) }
        let escapes = repeated("Title\n12:00\nHeadline\n", "\u{1B}é\u{1B}[31mred\u{1B}]52;c;aGk=\u{07} ")
        let globLines = repeated(
            "Title\n12:00\nHeadline\n",
            "By A" + String(repeating: "1", count: 290) + "\n" + String(repeating: "a", count: 40) + "b\n")
        let paragraph = repeated("Title\n12:00\nHeadline\n", "word after word in one endless paragraph ")
        var rules = BoilerplateRules.bundled
        try? rules.add(parsing: "pattern: By *#*# 20##\npattern: *a*a*a*a*a*a*a*a*a*a*c*b\n", origin: "bench")
        let hostileParser = LiveBlogParser(rules: rules)

        // First, so that the peak memory it prints is its own (plus the inputs, 4 × size).
        readerFrames(paragraph)
        let base = parseRate(clean, LiveBlogParser())
        report("clean text", base, base)
        report("random bytes", parseRate(noise, LiveBlogParser()), base)
        report("escape runs", parseRate(escapes, LiveBlogParser()), base)
        report("glob-hostile lines (hostile rules)", parseRate(globLines, hostileParser), base)
        report("one huge paragraph", parseRate(paragraph, LiveBlogParser()), base)

        let source = LiveBlogParser().parseSource(bytes: clean)
        let once = searchRate(source, "a", bytes: clean.count)
        report("search: a", once, once)
        report(
            "search: a × 100",
            searchRate(source, Array(repeating: "a", count: 100).joined(separator: " "), bytes: clean.count), once)
        report(
            "search: a × 100, --limit 10",
            searchRate(source, Array(repeating: "a", count: 100).joined(separator: " "), bytes: clean.count, limit: 10),
            once)
        print("peak memory: \(Measure.mb(Measure.peakMemory()))")
    }

    /// The reader on the huge paragraph: the first frame (parse, state, render) and a jump to its end.
    private func readerFrames(_ bytes: [UInt8]) {
        let size = TerminalSize(rows: 40, columns: 120)
        // swift-format-ignore: NeverUseImplicitlyUnwrappedOptionals
        var state: ReaderState!
        let first = Measure.seconds {
            let blog = LiveBlogParser().parse(bytes: bytes)
            state = ReaderState(blog: blog, readMarks: [], options: ReaderOptions(markAfter: nil), sourceName: "bench")
            _ = Reducer.reduce(&state, .resized(size))
            _ = Renderer.render(state, size: size)
        }
        let end = Measure.seconds {
            _ = Reducer.reduce(&state, .key(.tab))
            _ = Reducer.reduce(&state, .key(.end))
            _ = Renderer.render(state, size: size)
        }
        print(
            String(
                format:
                    "reader on the huge paragraph: first frame %.2f s, Tab End and frame %.2f s, peak memory so far %@",
                first, end, Measure.mb(Measure.peakMemory())))
    }

    /// `head`, then `unit` repeated to `size` bytes.
    private func repeated(_ head: String, _ unit: String) -> [UInt8] {
        var bytes = Array(head.utf8)
        let unitBytes = Array(unit.utf8)
        bytes.reserveCapacity(size + unitBytes.count)
        while bytes.count < size { bytes += unitBytes }
        return bytes
    }

    /// MB/s of parsing `bytes`, best of 3.
    private func parseRate(_ bytes: [UInt8], _ parser: LiveBlogParser) -> Double {
        var best = Double.infinity
        for _ in 0..<3 { best = min(best, Measure.seconds { _ = parser.parse(bytes: bytes) }) }
        return Double(bytes.count) / 1e6 / best
    }

    /// MB/s of text searched for `query`, best of 3.
    private func searchRate(_ source: ParsedSource, _ query: String, bytes: Int, limit: Int? = nil) -> Double {
        var best = Double.infinity
        for _ in 0..<3 { best = min(best, Measure.seconds { _ = source.search(SearchQuery(query), limit: limit) }) }
        return Double(bytes) / 1e6 / best
    }

    private func report(_ name: String, _ rate: Double, _ base: Double) {
        let padded = name.padding(toLength: 36, withPad: " ", startingAt: 0)
        print(String(format: "%@ %8.1f MB/s  %.2f× clean", padded, rate, base / rate))
    }
}
