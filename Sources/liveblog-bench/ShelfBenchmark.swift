import Foundation
import LiveBlogCore
import LiveBlogHTML
import LiveBlogHTTP
import LiveBlogTUI

/// Several blogs at once: 50 blogs of about 1 MB each, fetched from a loopback server and parsed as the poller
/// does. Measures the blog list's first frame, the river over every post, resident memory against the pages'
/// text, a changed blog from fetched bytes to the list and the river, and the CPU of `liveblog follow
/// --all-blogs` between polls.
///
///     liveblog-bench shelf [--entries BLOGS] [--seconds IDLE] [--local]
///
/// The reference in the same run is one blog of the same size opened in today's reader (`ReaderState` and its
/// first frame): the ratios say how the list and the river compare with what a single blog already costs.
struct ShelfBenchmark {
    let blogs: Int
    let idleSeconds: Double
    var local = false
    /// Posts per blog and paragraphs per post; with the scripts and styles, about 1 MB of HTML per blog.
    static let posts = 150
    static let paragraphs = 3

    func run() {
        print("== shelf: \(blogs) blogs of about 1 MB each")
        let size = TerminalSize(rows: 50, columns: 160)
        let options = ReaderOptions(markAfter: nil, timeZone: TimeZone(identifier: "UTC")!)
        let baseline = FollowBenchmark.residentBytes()

        // Fetched over loopback and parsed, as the poller does; the page bytes are dropped once parsed.
        // `--local` reads the pages without the loopback server, to tell the HTTP client's memory from the model's.
        let server: BenchServer? =
            local ? nil : try? BenchServer { number, _ in .init(body: Self.page(blog: number, newest: Self.posts)) }
        defer { server?.stop() }
        var parsed: [LiveBlog] = []
        var pageBytes = 0
        var textBytes = 0
        var parseSeconds: [Double] = []
        for k in 0..<blogs {
            let bytes: [UInt8]
            if let server,
                let page = FollowBenchmark.blocking({ try await PageFetcher(userAgent: "bench").fetch(server.url) })
            {
                bytes = page.bytes
            } else {
                bytes = Self.page(blog: k, newest: Self.posts)
            }
            pageBytes += bytes.count
            var blog = LiveBlog(title: "")
            parseSeconds.append(
                Measure.seconds { blog = HTMLBlogReader(baseURL: "http://127.0.0.1/blog\(k)").read(bytes: bytes) })
            textBytes += blog.entries.reduce(0) { sum, entry in
                sum + (entry.headline?.utf8.count ?? 0) + entry.paragraphs.reduce(0) { $0 + $1.utf8.count }
            }
            parsed.append(blog)
        }
        let afterParse = FollowBenchmark.residentBytes() - baseline
        let entries = parsed.reduce(0) { $0 + $1.entries.count }
        print(
            "pages: \(Measure.mb(pageBytes)) of HTML, \(Measure.mb(textBytes)) of text, \(entries) posts; parse \(Measure.ms(parseSeconds.sorted()[parseSeconds.count / 2])) a page (median)"
        )

        // The reference: one blog in today's reader.
        var reference = Double.infinity
        for _ in 0..<5 {
            reference = min(
                reference,
                Measure.seconds {
                    var reader = ReaderState(blog: parsed[0], readMarks: [], options: options, sourceName: "one")
                    _ = Reducer.reduce(&reader, .resized(size))
                    _ = Renderer.render(reader, size: size)
                })
        }
        print("reference: one blog opened in the reader, first frame \(Measure.ms(reference))")

        // The list's first frame: the blog list's names, before any blog is read.
        let shelfBlogs = (0..<blogs).map {
            ShelfBlog(name: "Blog number \($0)", tags: ["t\($0 % 3)"], source: "b\($0)")
        }
        var firstFrame = Double.infinity
        for _ in 0..<5 {
            firstFrame = min(
                firstFrame,
                Measure.seconds {
                    var state = ShelfState(blogs: shelfBlogs, options: options)
                    _ = ShelfReducer.reduce(&state, .resized(size))
                    _ = ShelfRenderer.render(state, size: size)
                })
        }
        report("list, first frame", firstFrame, goal: 0.100, reference: reference)

        var state = ShelfState(blogs: shelfBlogs, options: options)
        _ = ShelfReducer.reduce(&state, .resized(size))
        var loadSeconds = 0.0
        for (k, blog) in parsed.enumerated() {
            loadSeconds += Measure.seconds {
                _ = ShelfReducer.reduce(&state, .loaded(k, blog, readMarks: [], newSinceLastLook: []))
            }
        }
        parsed = []
        let loadedFrame = Measure.seconds { _ = ShelfRenderer.render(state, size: size) }
        print(
            "every blog taken into the list: \(Measure.ms(loadSeconds)); a frame of the full list \(Measure.ms(loadedFrame))"
        )

        var riverSeconds = Double.infinity
        for _ in 0..<3 {
            var copy = state
            riverSeconds = min(
                riverSeconds,
                Measure.seconds {
                    _ = ShelfReducer.reduce(&copy, .key(.character("v")))
                    _ = ShelfRenderer.render(copy, size: size)
                })
        }
        report("river over \(entries) posts, first frame", riverSeconds, goal: 0.150, reference: reference)
        _ = ShelfReducer.reduce(&state, .key(.character("v")))

        let resident = FollowBenchmark.residentBytes() - baseline
        print("memory: \(Measure.mb(afterParse)) resident after fetching and parsing every page (the blogs kept)")
        print(
            String(
                format:
                    "memory: %@ resident for the list and the river open; %.2f× the pages' text (goal ≤ 3×), %.2f× their HTML",
                Measure.mb(resident), Double(resident) / Double(max(1, textBytes)),
                Double(resident) / Double(max(1, pageBytes))))

        // A changed blog: two posts more, parsed, merged into the list and the river, and drawn.
        let changed = Self.page(blog: 7, newest: Self.posts + 2)
        var latencies: [Double] = []
        var parses: [Double] = []
        var merges: [Double] = []
        for round in 0..<5 {
            let bytes = round == 0 ? changed : Self.page(blog: 7, newest: Self.posts + 2 + round)
            var blog = LiveBlog(title: "")
            let parse = Measure.seconds { blog = HTMLBlogReader(baseURL: "http://127.0.0.1/blog7").read(bytes: bytes) }
            let merge = Measure.seconds {
                _ = ShelfReducer.reduce(&state, .updated(7, blog))
                _ = ShelfRenderer.render(state, size: size)
            }
            parses.append(parse)
            merges.append(merge)
            latencies.append(parse + merge)
        }
        report(
            "changed blog from fetched bytes to the river's frame (median; parse \(Measure.ms(parses.sorted()[2])), merge and draw \(Measure.ms(merges.sorted()[2])))",
            latencies.sorted()[2], goal: 0.050, reference: reference)

        idle()
    }

    func report(_ what: String, _ seconds: Double, goal: Double, reference: Double) {
        print(
            String(
                format: "%@: %@ (goal ≤ %.0f ms: %@; %.2f× the reference)", what, Measure.ms(seconds), goal * 1000,
                seconds <= goal ? "met" : "MISSED", seconds / reference))
    }

    /// Blog `blog`'s page as live blogs serve them: its newest `posts` posts (a minute apart) in the markup, and
    /// most of its megabyte scripts and styles.
    static func page(blog: Int, newest: Int) -> [UInt8] {
        var out = "<!doctype html><html><head><meta charset=utf-8><title>Bench blog \(blog)</title><style>"
        out += String(
            repeating: ".card-\(blog){margin:0 auto;padding:4px 8px;color:#222;font:16px/1.4 serif}\n", count: 1_000)
        out += "</style><script>"
        out += String(
            repeating: "window.__state=window.__state||{};__state.push({k:'flag-\(blog)',v:[1,2,3,4,5,6,7,8]});\n",
            count: 10_000)
        out += "</script></head><body><h1>Bench blog \(blog)</h1><div class=\"feed\">"
        let start = 1_800_000_000 + blog * 7
        for n in stride(from: newest, to: max(0, newest - posts), by: -1) {
            let moment = BlogExporter.iso8601(Date(timeIntervalSince1970: Double(start + n * 60)))
            out += "<article class=\"post\" id=\"post-\(n)\"><time datetime=\"\(moment)\">\(n % 24):00</time>"
            out += "<h2>Blog \(blog) update \(n): the river, the bridges and the rain</h2>"
            for p in 0..<paragraphs {
                out +=
                    "<p>Paragraph \(p) of update \(n) on blog \(blog): crews on the embankment said the water was lower than in the morning, and the roads were expected to open before dark.</p>"
            }
            out += "</article>\n"
        }
        return Array((out + "</div></body></html>").utf8)
    }

    /// The CPU of the real `liveblog follow --all-blogs` between polls: every blog read once, then a window in
    /// which no schedule is due (they poll every 10 minutes).
    func idle() {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("liveblog").path
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            print("idle: no liveblog binary beside the benchmark")
            return
        }
        // The same 1 MB pages as above, so that the process's memory can be set against them.
        let body = Self.page(blog: 0, newest: Self.posts)
        guard
            let server = try? BenchServer({ _, tag in
                tag == "\"v1\"" ? .init(status: 304, etag: "\"v1\"") : .init(etag: "\"v1\"", body: body)
            })
        else { return }
        defer { server.stop() }
        let directory = NSTemporaryDirectory() + "liveblog-bench-shelf-\(getpid())"
        try? FileManager.default.createDirectory(atPath: directory + "/liveblog", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let list = (0..<blogs).map { "\(server.url)?blog=\($0) \"Blog \($0)\"" }.joined(separator: "\n") + "\n"
        try? list.write(toFile: directory + "/liveblog/blogs", atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["follow", "--all-blogs", "--every", "600s", "--state", directory + "/state.sqlite"]
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CONFIG_HOME"] = directory
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return }
        // Every blog read once, then only the schedule runs.
        Thread.sleep(forTimeInterval: 3)
        let before = FollowBenchmark.ticks(of: process.processIdentifier)
        Thread.sleep(forTimeInterval: idleSeconds)
        let after = FollowBenchmark.ticks(of: process.processIdentifier)
        let statm = (try? String(contentsOfFile: "/proc/\(process.processIdentifier)/statm", encoding: .utf8)) ?? ""
        let resident =
            (statm.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0) * Int(sysconf(Int32(_SC_PAGESIZE)))
        process.terminate()
        process.waitUntilExit()
        let cpu = Double(after - before) / Double(sysconf(Int32(_SC_CLK_TCK)))
        print(
            String(
                format:
                    "follow --all-blogs, %d blogs read, then %.0f s between polls: %.2f s CPU (%.3f %%; goal ≤ 0.1 %%)",
                blogs, idleSeconds, cpu, cpu / idleSeconds * 100))
        print(
            "follow --all-blogs holding \(blogs) blogs of \(Measure.mb(body.count)): \(Measure.mb(resident)) resident in all (\(String(format: "%.2f", Double(resident) / Double(body.count * blogs)))× the pages)"
        )
    }
}
