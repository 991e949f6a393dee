import Foundation
import LiveBlogCore
import LiveBlogHTTP
import LiveBlogTUI

/// What the poller learned about one blog of the list (by its position).
enum ShelfReport: Sendable {
    /// A version of the blog that differs from the last one reported (the first read included).
    case blog(Int, LiveBlog)
    /// Reading the blog failed, in one line (`HTTP 404 Not Found`, `no such file`).
    case failed(Int, String, Date)
    /// The blog was checked; when it is checked next, and whether this check failed.
    case checked(Int, FollowStatus)
}

/// One poller for every blog of the list, while the reader is open: each web blog on its own schedule
/// (conditional requests, the server's `max-age`, back-off with jitter on failure, as following one blog does),
/// at most four requests in flight and never two to one server; each file read once, then watched with inotify
/// (`FileFollower`). A blog that fails, hangs or answers garbage holds up only its own row.
///
/// Four worker threads take whichever blog is due first and whose server is free, so fifty blogs or five
/// thousand cost the same four threads; between polls they sleep on a condition until the next blog is due,
/// so nothing runs while blogs are unchanged. `pollNow` makes every blog due. Reports queue here and `wake` is
/// called, so that the reader's wait ends at once.
final class ShelfPoller: @unchecked Sendable {
    // @unchecked: everything below `condition` is guarded by it; a blog's fetcher and schedule are used only by
    // the worker that holds the blog (`busy`), and are read and written back under the lock.
    private let sources: [BlogSource]
    private let maxSize: Int
    private let interval: Double
    private let parse: @Sendable (BlogSource.Content) -> LiveBlog
    private let wake: @Sendable () -> Void
    /// Requests in flight at most: one a worker.
    static let workers = 4
    private let parsing = DispatchSemaphore(value: max(1, ProcessInfo.processInfo.activeProcessorCount))
    /// The server of each blog (host and port), or "" for a file.
    private let servers: [String]
    private let condition = NSCondition()
    private var reports: [ShelfReport] = []
    private var stopped = false
    /// When each blog is polled next; nil for one that is not (a file being watched, a source that never changes).
    private var due: [Date?] = []
    private var busy: Set<Int> = []
    private var busyServers: Set<String> = []
    private var fetchers: [Int: ConditionalFetcher] = [:]
    private var schedules: [Int: PollSchedule] = [:]
    private var followers: [Int: FileFollower] = [:]
    /// The last version reported per blog, so that a page that did not change is not reported again.
    private var last: [Int: LiveBlog] = [:]

    init(
        sources: [BlogSource], maxSize: Int, interval: Double,
        parse: @escaping @Sendable (BlogSource.Content) -> LiveBlog, wake: @escaping @Sendable () -> Void
    ) {
        self.sources = sources
        self.maxSize = maxSize
        self.interval = interval
        self.parse = parse
        self.wake = wake
        servers = sources.map { source in
            if case .web(let address) = source.kind { return ShelfPoller.server(of: address) }
            return ""
        }
    }

    /// Reads every blog now, then keeps following them until `stop`.
    func start() {
        condition.lock()
        due = sources.map(Self.firstDue)
        condition.unlock()
        for worker in 0..<Self.workers {
            let thread = Thread { [self] in work() }
            thread.name = "liveblog-poll-\(worker)"
            thread.stackSize = 1 << 20
            thread.start()
        }
    }

    /// Checks every blog now, whatever their schedules say (`R`); a watched file is read again too.
    func pollNow() {
        condition.lock()
        due = sources.map(Self.firstDue)
        condition.broadcast()
        condition.unlock()
    }

    /// Stops following; reports that come later are dropped. A fetch in flight is left to end on its own.
    func stop() {
        condition.lock()
        stopped = true
        let watching = Array(followers.values)
        followers = [:]
        condition.broadcast()
        condition.unlock()
        for follower in watching { follower.stop() }
    }

    /// The reports queued since the last call, oldest first.
    func take() -> [ShelfReport] {
        condition.lock()
        defer {
            reports.removeAll()
            condition.unlock()
        }
        return reports
    }

    /// The server of an address, for "one request at a time to a server": its host, lowercased, with the port
    /// when one is given (two ports are two servers); the whole address when it has no host.
    static func server(of address: String) -> String {
        guard let url = URL(string: address), let host = url.host?.lowercased() else { return address }
        return url.port.map { "\(host):\($0)" } ?? host
    }

    private static func firstDue(_ source: BlogSource) -> Date? {
        switch source.kind {
        case .web, .file: .distantPast
        case .standardInput, .bundledSample: nil
        }
    }

    // MARK: Workers

    /// A worker: take the blog due first whose server is free, poll it, and again; sleep until the next is due.
    private func work() {
        condition.lock()
        while !stopped {
            let now = Date()
            var pick: Int?
            var next: Date?
            for k in due.indices where !busy.contains(k) {
                guard let when = due[k] else { continue }
                if when <= now {
                    if !busyServers.contains(servers[k]) || servers[k].isEmpty, pick.map({ when < due[$0]! }) ?? true {
                        pick = k
                    }
                } else if next.map({ when < $0 }) ?? true {
                    next = when
                }
            }
            guard let k = pick else {
                // Nothing due: sleep until something is, or until a poll, a `pollNow` or `stop` changes that.
                if let next { _ = condition.wait(until: next) } else { condition.wait() }
                continue
            }
            busy.insert(k)
            busyServers.insert(servers[k])
            due[k] = nil
            condition.unlock()
            let again = poll(k)
            condition.lock()
            busy.remove(k)
            busyServers.remove(servers[k])
            // A `pollNow` while it was polled has already set it due again; keep that.
            if due[k] == nil { due[k] = again }
            condition.broadcast()
        }
        condition.unlock()
    }

    /// Polls blog `k` once; answers when it is due next (nil: not by the clock).
    private func poll(_ k: Int) -> Date? {
        switch sources[k].kind {
        case .web(let address): return pollPage(k, address: address)
        case .file(let path):
            readFile(k, path: path)
            return nil
        case .standardInput, .bundledSample: return nil
        }
    }

    private func pollPage(_ k: Int, address: String) -> Date? {
        condition.lock()
        let fetcher =
            fetchers[k]
            ?? {
                var limits = FetchLimits()
                limits.maximumBytes = min(limits.maximumBytes, maxSize)
                let made = ConditionalFetcher(address: address, userAgent: LiveblogVersion.userAgent, limits: limits)
                fetchers[k] = made
                return made
            }()
        var schedule = schedules[k] ?? PollSchedule(interval: interval)
        condition.unlock()
        let delay = fetchAndRead(k, address: address, fetcher: fetcher, schedule: &schedule)
        condition.lock()
        schedules[k] = schedule
        condition.unlock()
        return Date() + delay
    }

    /// One poll: fetch, parse, report; answers the wait until the next. The page's bytes are gone once it
    /// returns, so a worker never sleeps holding a megabyte.
    private func fetchAndRead(
        _ index: Int, address: String, fetcher: ConditionalFetcher, schedule: inout PollSchedule
    ) -> Double {
        let result = Result { try fetcher.pollBlocking() }
        let now = Date()
        switch result {
        case .success(let answer):
            if let page = answer.page {
                // As many pages parsed at once as there are cores: more only adds a page's transient tree (ten
                // times its size) to the peak.
                parsing.wait()
                let blog = parse(
                    BlogSource.Content(bytes: page.bytes, contentType: page.contentType, address: page.finalURL))
                parsing.signal()
                // A page that could not be used must be asked for in full next time.
                if blog.entries.isEmpty {
                    fetcher.forgetValidators()
                    post(.failed(index, "no entries on the page", now))
                } else {
                    post(.blog(index, blog))
                }
            }
            let delay = schedule.afterAnswer(maxAge: answer.maxAge, random: Double.random(in: 0..<1))
            post(.checked(index, FollowStatus(checked: now, next: now + delay, isOffline: false)))
            return delay
        case .failure(let error):
            let delay = schedule.afterFailure(random: Double.random(in: 0..<1))
            post(.failed(index, Self.reason(error, address: address), now))
            post(.checked(index, FollowStatus(checked: now, next: now + delay, isOffline: true)))
            return delay
        }
    }

    /// Reads a file blog, then hands it to an inotify watcher (once); `pollNow` reads it again all the same.
    private func readFile(_ index: Int, path: String) {
        let now = Date()
        do {
            let content = try BlogSource(path: path).load(maxSize: maxSize, verbose: false)
            post(.blog(index, parse(content)))
            post(.checked(index, FollowStatus(checked: now, next: nil, isOffline: false)))
        } catch {
            post(.failed(index, Self.reason(error, address: path), now))
            post(.checked(index, FollowStatus(checked: now, next: nil, isOffline: true)))
        }
        condition.lock()
        let watching = followers[index] != nil || stopped
        let follower = watching ? nil : FileFollower(path: path, maxSize: maxSize, parse: parse)
        if let follower { followers[index] = follower }
        condition.unlock()
        follower?.start { [weak self] event in
            switch event {
            case .blog(let blog):
                self?.post(.blog(index, blog))
                self?.post(.checked(index, FollowStatus(checked: Date(), next: nil, isOffline: false)))
            case .note(let text?, true):
                self?.post(.failed(index, text, Date()))
            default:
                break
            }
        }
    }

    private func post(_ report: ShelfReport) {
        condition.lock()
        guard !stopped else {
            condition.unlock()
            return
        }
        if case .blog(let index, let blog) = report {
            // An unchanged page (a server without validators sends it whole) is no news.
            if last[index] == blog {
                condition.unlock()
                return
            }
            last[index] = blog
        }
        reports.append(report)
        condition.unlock()
        wake()
    }

    /// A failure in one line, without the address the row already names.
    static func reason(_ error: any Error, address: String) -> String {
        var text = (error as? FetchError)?.description ?? String(describing: error)
        if text.hasPrefix(address + ": ") { text.removeFirst(address.count + 2) }
        for lead in ["cannot fetch " + address + ": ", "cannot open " + address + ": "] where text.hasPrefix(lead) {
            text.removeFirst(lead.count)
        }
        if text == "No such file or directory" { text = "no such file" }
        return EchoedText.sanitized(text, limit: 200)
    }
}
