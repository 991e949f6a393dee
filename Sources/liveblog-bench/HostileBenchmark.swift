import Foundation
import LiveBlogCore
import LiveBlogHTML
import LiveBlogTUI

/// Throughput on inputs built to hurt, beside clean text of the same size: each should stay within 3× of clean.
///
/// Random bytes (invalid UTF-8 and controls everywhere), escape-sequence runs, lines that make backtracking glob
/// matchers explode (with such rules loaded), one huge paragraph, and a query of one term repeated 100 times; then
/// HTML pages built to hurt the HTML reader, beside a clean page of the same size.
struct HostileBenchmark {
    /// Bytes per input.
    let size: Int
    /// Bytes per HTML page (5 MB at most: the issue's goal is a 5 MB page of any shape within 2× of a clean one).
    var htmlSize: Int { min(size, 5_000_000) }

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
        html()
        print("peak memory: \(Measure.mb(Measure.peakMemory()))")
    }

    /// The HTML reader on each hostile page shape, beside a clean page of posts of the same size.
    private func html() {
        print(
            "== hostile HTML pages: \(Measure.mb(htmlSize)) each, read throughput (best of 3) and ratio to a clean page"
        )
        let clean = htmlPage(htmlSize)
        let cleanRead = read(clean)
        let base = cleanRead.rate
        htmlReport("clean HTML page", cleanRead, base)
        htmlReport("posts × JSON-LD list of other posts", read(jsonLDMismatch()), base)
        htmlReport("one element, 100,000 attributes", read(attributes(100_000)), base)
        htmlReport("deep nesting (100,000 divs)", read(nesting(100_000)), base)
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in String(decoding: htmlPage(htmlSize / 2 - 1), as: UTF8.self).utf16 {
            utf16 += [UInt8(truncatingIfNeeded: unit), UInt8(truncatingIfNeeded: unit >> 8)]
        }
        htmlReport("UTF-16LE page with a BOM", read(utf16), base)
        htmlReport("UTF-8 page, a stray byte in every post", read(htmlPage(htmlSize, stray: true)), base)
    }

    /// One post: a time, a headline and a paragraph (with a stray `\xD0` in it if asked).
    private func post(_ k: Int, stray: Bool = false) -> [UInt8] {
        let time = String(format: "%02d:%02d", 23 - k / 60 % 24, 59 - k % 60)
        var bytes = Array(
            "<article class=\"post\" id=\"p\(k)\"><time datetime=\"2030-06-01T\(time):00Z\">\(time)</time><h2>Update \(k) on the flood barrier</h2><p>Engineers said the level at gauge \(k) was steady and more pumps were on the way"
                .utf8)
        if stray { bytes.append(0xD0) }
        bytes += Array(" to the east bank.</p></article>\n".utf8)
        return bytes
    }

    /// A page of posts, `middle` after the first post, filled with posts to `size` bytes.
    private func htmlPage(_ size: Int, middle: [UInt8] = [], stray: Bool = false) -> [UInt8] {
        var bytes = Array("<!doctype html><html><head><meta charset=utf-8><title>Flood live</title></head><body>".utf8)
        bytes += Array("<h1>Flood barrier: live</h1><div class=feed>".utf8) + post(0, stray: stray) + middle
        var k = 1
        let tail = Array("</div></body></html>".utf8)
        while bytes.count + tail.count < size {
            bytes += post(k, stray: stray)
            k += 1
        }
        return bytes + tail
    }

    /// Posts in the page and a JSON-LD `liveBlogUpdate` list of about as many other posts (ids, headlines and bodies
    /// that match none of them), the list about 40 % of the bytes.
    private func jsonLDMismatch() -> [UInt8] {
        let unit = post(0).count + 200
        let count = htmlSize / unit
        var script = Array(
            "<script type=\"application/ld+json\">{\"@type\":\"LiveBlogPosting\",\"headline\":\"Flood live\",\"liveBlogUpdate\":["
                .utf8)
        for k in 0..<count {
            if k > 0 { script.append(UInt8(ascii: ",")) }
            script += Array(
                "{\"@type\":\"BlogPosting\",\"@id\":\"#other\(k)\",\"headline\":\"Other story \(k)\",\"datePublished\":\"2030-06-01T10:00:00Z\",\"articleBody\":\"Nothing on the page says \(k) this.\"}"
                    .utf8)
        }
        script += Array("]}</script>".utf8)
        return htmlPage(htmlSize, middle: script)
    }

    /// A post holding one `<span>` with `count` distinct attributes.
    private func attributes(_ count: Int) -> [UInt8] {
        var span = Array("<article><time>12:00</time><p><span".utf8)
        for k in 0..<count { span += Array(" a\(k)=1".utf8) }
        span += Array(">wide</span> element</p></article>".utf8)
        return htmlPage(htmlSize, middle: span)
    }

    /// A post nested `depth` `<div>`s deep, closed again.
    private func nesting(_ depth: Int) -> [UInt8] {
        var nest: [UInt8] = []
        for _ in 0..<depth { nest += Array("<div>".utf8) }
        nest += Array("<article><time>12:00</time><p>deep</p></article>".utf8)
        for _ in 0..<depth { nest += Array("</div>".utf8) }
        return htmlPage(htmlSize, middle: nest)
    }

    /// MB/s of reading `bytes` as an HTML page (best of 3), and the posts read.
    private func read(_ bytes: [UInt8]) -> (rate: Double, posts: Int) {
        var best = Double.infinity
        var posts = 0
        for _ in 0..<3 {
            best = min(best, Measure.seconds { posts = HTMLBlogReader().read(bytes: bytes).entries.count })
        }
        return (Double(bytes.count) / 1e6 / best, posts)
    }

    private func htmlReport(_ name: String, _ result: (rate: Double, posts: Int), _ base: Double) {
        report(name, result.rate, base, posts: result.posts)
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

    private func report(_ name: String, _ rate: Double, _ base: Double, posts: Int? = nil) {
        let padded = name.padding(toLength: 40, withPad: " ", startingAt: 0)
        print(
            String(format: "%@ %8.1f MB/s  %.2f× clean", padded, rate, base / rate)
                + (posts.map { String(format: "  %d posts", $0) } ?? ""))
    }
}
