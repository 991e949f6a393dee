import Foundation
import LiveBlogCore
import LiveBlogHTML
import LiveBlogHTTP
import LiveBlogTUI

/// Following a blog over loopback: the CPU of a `304` poll, a changed 1.3 MB page fetched, extracted and merged,
/// resident memory over many updates of a growing blog, and the CPU of `liveblog follow` while idle.
///
///     liveblog-bench follow [--entries UPDATES] [--seconds IDLE] [--part 304|changed|soak|soak-local|idle]
struct FollowBenchmark {
    let idleSeconds: Double
    let updates: Int
    /// Only this part (`304`, `changed`, `soak`, `idle`), or all when nil.
    var part: String?

    func run() {
        print("== follow: conditional polls, changed pages, soak, idle")
        if part == nil || part == "304" { notModified() }
        if part == nil || part == "changed" { changedPage() }
        if part == nil || part == "soak" { soak() }
        if part == "soak-local" { soak(overHTTP: false) }
        if part == nil || part == "idle" { idle() }
    }

    /// A page of the `count` newest posts of a blog whose newest post is `newest`, with `padding` extra
    /// paragraphs each (to reach a size).
    static func page(newest: Int, count: Int, paragraphs: Int) -> [UInt8] {
        var out =
            "<!doctype html><html><head><meta charset=utf-8><title>Bench live</title></head><body><h1>Bench live</h1><div class=\"feed\">"
        for n in stride(from: newest, to: max(0, newest - count), by: -1) {
            out +=
                "<article class=\"post\" id=\"post-\(n)\"><time datetime=\"2026-11-30T10:00:00Z\">\(n % 24):\(String(format: "%02d", n % 60))</time>"
            out += "<h2>Update \(n): the harbour, the ferries and the wind</h2>"
            for p in 0..<paragraphs {
                out +=
                    "<p>Paragraph \(p) of update \(n): crews on the quay said the water was calmer than in the morning, and the first boats were expected back before dark.</p>"
            }
            out += "</article>\n"
        }
        return Array((out + "</div></body></html>").utf8)
    }

    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(
            usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    /// Resident memory now (not the peak), from /proc/self/statm.
    static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let pages = text.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    static func blocking<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) -> T? {
        let box = Box<T>()
        let done = DispatchSemaphore(value: 0)
        Task {
            box.value = try? await body()
            done.signal()
        }
        done.wait()
        return box.value
    }

    func notModified() {
        let body = Self.page(newest: 30, count: 30, paragraphs: 2)
        guard
            let server = try? BenchServer({ _, tag in
                tag == "\"v1\"" ? .init(status: 304, etag: "\"v1\"") : .init(etag: "\"v1\"", body: body)
            })
        else {
            print("cannot start the server")
            return
        }
        defer { server.stop() }
        let fetcher = ConditionalFetcher(address: server.url, userAgent: "liveblog-bench")
        _ = Self.blocking { try await fetcher.poll() }
        let rounds = 500
        let cpu0 = Self.cpuSeconds()
        var times: [Double] = []
        for _ in 0..<rounds {
            times.append(Measure.seconds { _ = Self.blocking { try await fetcher.poll() } })
        }
        let cpu = (Self.cpuSeconds() - cpu0) / Double(rounds)
        times.sort()
        print(
            String(
                format:
                    "304 poll: %.3f ms CPU per poll (client and loopback server together, %d polls); wall median %@, p99 %@",
                cpu * 1000, rounds, Measure.ms(Measure.percentile(times, 0.5)),
                Measure.ms(Measure.percentile(times, 0.99))))
    }

    func changedPage() {
        // About 1.3 MB either way; each request adds a post on top. Text-heavy: 380 posts of twenty paragraphs.
        // Script-heavy, as real pages are: 30 posts shown, the rest of the bytes scripts, styles and JSON-LD.
        changedPage(name: "text-heavy", make: { FollowBenchmark.page(newest: $0, count: 380, paragraphs: 20) })
        changedPage(name: "script-heavy", make: { FollowBenchmark.scriptHeavyPage(newest: $0) })
    }

    /// A page like most live blogs serve: the newest 30 posts in the markup and in JSON-LD, and about a
    /// megabyte of scripts and styles around them.
    static func scriptHeavyPage(newest: Int) -> [UInt8] {
        var head = "<!doctype html><html><head><meta charset=utf-8><title>Bench live</title><style>"
        head += String(
            repeating: ".card-x{margin:0 auto;padding:4px 8px;color:#222;font:16px/1.4 serif}\n", count: 2_000)
        head += "</style><script>"
        head += String(
            repeating: "window.__state=window.__state||{};__state.push({k:'feature-flag',v:[1,2,3,4,5,6,7,8]});\n",
            count: 12_500)
        head +=
            "</script><script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"LiveBlogPosting\",\"headline\":\"Bench live\",\"liveBlogUpdate\":["
        head += stride(from: newest, to: newest - 30, by: -1).map { n in
            "{\"@type\":\"BlogPosting\",\"@id\":\"post-\(n)\",\"headline\":\"Update \(n): the harbour, the ferries and the wind\",\"datePublished\":\"2026-11-30T10:00:00Z\",\"articleBody\":\"Crews on the quay said the water was calmer.\"}"
        }.joined(separator: ",")
        head += "]}</script></head>"
        let body = String(decoding: page(newest: newest, count: 30, paragraphs: 3), as: UTF8.self)
        return Array((head + body[body.range(of: "<body>")!.lowerBound...]).utf8)
    }

    /// What follows `server` in the reader: a poller, the page reader and a 120×40 reader state showing `first`.
    static func follower(of server: BenchServer, showing first: [UInt8])
        -> (ConditionalFetcher, HTMLBlogReader, ReaderState)
    {
        let fetcher = ConditionalFetcher(address: server.url, userAgent: "liveblog-bench")
        let reader = HTMLBlogReader(baseURL: server.url)
        var state = ReaderState(
            blog: reader.read(bytes: first), readMarks: [], options: ReaderOptions(), sourceName: "bench")
        _ = Reducer.reduce(&state, .resized(TerminalSize(rows: 40, columns: 120)))
        return (fetcher, reader, state)
    }

    func changedPage(name: String, make: @escaping @Sendable (Int) -> [UInt8]) {
        let sample = make(1000)
        guard let server = try? BenchServer({ number, _ in .init(etag: "\"v\(number)\"", body: make(1001 + number)) })
        else {
            print("cannot start the server")
            return
        }
        defer { server.stop() }
        let (fetcher, reader, first) = Self.follower(of: server, showing: sample)
        var state = first
        var walls: [Double] = []
        var cpus: [Double] = []
        var phases: [[Double]] = [[], [], []]
        var added = 0
        for _ in 0..<20 {
            let cpu0 = Self.cpuSeconds()
            var page: FetchedPage?
            var blog = LiveBlog(title: "")
            let fetch = Measure.seconds { page = Self.blocking({ try await fetcher.poll() })?.page }
            guard let page else { continue }
            let extract = Measure.seconds { blog = reader.read(bytes: page.bytes, contentType: page.contentType) }
            let merge = Measure.seconds {
                let effects = Reducer.reduce(&state, .updated(blog))
                if case .announce(let ids)? = effects.first { added += ids.count }
            }
            walls.append(fetch + extract + merge)
            phases[0].append(fetch)
            phases[1].append(extract)
            phases[2].append(merge)
            cpus.append(Self.cpuSeconds() - cpu0)
        }
        walls.sort()
        cpus.sort()
        let median = phases.map { Measure.percentile($0.sorted(), 0.5) }
        print(
            String(
                format:
                    "changed %@ %@ page fetched, extracted and merged: wall best %@, median %@ (fetch %@, extract %@, merge %@); CPU median %@; %d arrivals merged",
                Measure.mb(sample.count), name, Measure.ms(walls[0]), Measure.ms(Measure.percentile(walls, 0.5)),
                Measure.ms(median[0]), Measure.ms(median[1]), Measure.ms(median[2]),
                Measure.ms(Measure.percentile(cpus, 0.5)), added))
    }

    /// `overHTTP` false reads the same pages without the server, to tell the HTTP client's memory from the rest.
    func soak(overHTTP: Bool = true) {
        // A blog that grows by a post per update; the page shows its newest 60 posts, as live pages do.
        guard
            let server = try? BenchServer({ number, _ in
                .init(etag: "\"v\(number)\"", body: FollowBenchmark.page(newest: 60 + number, count: 60, paragraphs: 3))
            })
        else {
            print("cannot start the server")
            return
        }
        defer { server.stop() }
        let (fetcher, reader, first) = Self.follower(
            of: server, showing: Self.page(newest: 60, count: 60, paragraphs: 3))
        var state = first
        var report: [String] = []
        let started = Date()
        for update in 1...updates {
            if !overHTTP {
                _ = Reducer.reduce(
                    &state, .updated(reader.read(bytes: Self.page(newest: 60 + update, count: 60, paragraphs: 3))))
            } else if let answer = Self.blocking({ try await fetcher.poll() }), let page = answer.page {
                _ = Reducer.reduce(&state, .updated(reader.read(bytes: page.bytes, contentType: page.contentType)))
            }
            // The user reads on now and then, as in the reader.
            if update % 10 == 0 { _ = Reducer.reduce(&state, .key(.character("."))) }
            if update == 10 || update == 100 || update == 1000 || update == updates {
                report.append("update \(update): \(Measure.mb(Self.residentBytes()))")
            }
        }
        print(
            "soak\(overHTTP ? "" : " without HTTP"), \(updates) updates of a growing blog in \(String(format: "%.1f", Date().timeIntervalSince(started))) s, resident memory at "
                + report.joined(separator: ", "))
    }

    func idle() {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
            "liveblog"
        ).path
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            print("idle: no liveblog binary beside the benchmark")
            return
        }
        let body = Self.page(newest: 30, count: 30, paragraphs: 2)
        guard
            let server = try? BenchServer({ _, tag in
                tag == "\"v1\"" ? .init(status: 304, etag: "\"v1\"") : .init(etag: "\"v1\"", body: body)
            })
        else { return }
        defer { server.stop() }
        let state = NSTemporaryDirectory() + "liveblog-bench-idle-\(getpid()).sqlite"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["follow", server.url, "--every", "30s", "--state", state]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return }
        Thread.sleep(forTimeInterval: 2)
        let before = Self.ticks(of: process.processIdentifier)
        Thread.sleep(forTimeInterval: idleSeconds)
        let after = Self.ticks(of: process.processIdentifier)
        process.terminate()
        process.waitUntilExit()
        try? FileManager.default.removeItem(atPath: state)
        let hz = Double(sysconf(Int32(_SC_CLK_TCK)))
        let cpu = Double(after - before) / hz
        print(
            String(
                format: "liveblog follow, polled every 30 s, idle for %.0f s: %.2f s CPU (%.3f %%)",
                idleSeconds, cpu, cpu / idleSeconds * 100))
    }

    /// utime + stime of a process, in clock ticks.
    static func ticks(of pid: Int32) -> Int {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = text.lastIndex(of: ")")
        else { return 0 }
        let fields = text[text.index(after: close)...].split(separator: " ")
        // After the command: state is field 3; utime and stime are fields 14 and 15.
        guard fields.count > 13, let user = Int(fields[11]), let system = Int(fields[12]) else { return 0 }
        return user + system
    }
}

/// A value handed back from a task to a waiting thread.
private final class Box<T>: @unchecked Sendable {
    var value: T?
}
