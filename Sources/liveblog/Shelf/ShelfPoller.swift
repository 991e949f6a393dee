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
/// at most four requests in flight and one per host (`FetchGate`); each file watched with inotify
/// (`FileFollower`). A blog that fails, hangs or answers garbage holds up only its own thread.
///
/// Each web blog has a thread that sleeps on a condition between polls, so nothing runs while blogs are
/// unchanged; `pollNow` wakes them all. Reports queue here and `wake` is called, so that the reader's wait
/// ends at once.
final class ShelfPoller: @unchecked Sendable {
    // @unchecked: `reports`, `stopped`, `generation`, `followers` and `last` are guarded by `condition`.
    private let sources: [BlogSource]
    private let maxSize: Int
    private let interval: Double
    private let parse: @Sendable (BlogSource.Content) -> LiveBlog
    private let wake: @Sendable () -> Void
    private let gate: FetchGate
    private let parsing = DispatchSemaphore(value: max(1, ProcessInfo.processInfo.activeProcessorCount))
    private let condition = NSCondition()
    private var reports: [ShelfReport] = []
    private var stopped = false
    /// Raised by `pollNow`: a sleeping thread whose generation is older polls at once.
    private var generation = 0
    private var followers: [Int: FileFollower] = [:]
    /// The last version reported per blog, so that a page that did not change is not reported again.
    private var last: [Int: LiveBlog] = [:]

    init(
        sources: [BlogSource], maxSize: Int, interval: Double, gate: FetchGate = FetchGate(),
        parse: @escaping @Sendable (BlogSource.Content) -> LiveBlog, wake: @escaping @Sendable () -> Void
    ) {
        self.sources = sources
        self.maxSize = maxSize
        self.interval = interval
        self.gate = gate
        self.parse = parse
        self.wake = wake
    }

    /// Reads every blog now, then keeps following them until `stop`.
    func start() {
        for (index, source) in sources.enumerated() {
            let thread: Thread
            switch source.kind {
            case .web(let address):
                thread = Thread { [self] in pollLoop(index, address: address) }
            case .file(let path):
                thread = Thread { [self] in watch(index, path: path) }
            case .standardInput, .bundledSample:
                continue
            }
            thread.name = "liveblog-poll-\(index)"
            thread.stackSize = 1 << 20
            thread.start()
        }
    }

    /// Checks every blog now, whatever their schedules say (`R`).
    func pollNow() {
        condition.lock()
        generation += 1
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

    // MARK: Threads

    private var isStopped: Bool {
        condition.lock()
        defer { condition.unlock() }
        return stopped
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

    /// Sleeps `seconds`, or until `pollNow` or `stop`; answers whether to go on.
    private func sleep(_ seconds: Double, since seen: inout Int) -> Bool {
        // No deadline for a watched file: Foundation's timed wait overflows on a distant one.
        let deadline = seconds.isFinite ? Date() + seconds : nil
        condition.lock()
        defer { condition.unlock() }
        while !stopped && generation == seen && deadline.map({ Date() < $0 }) ?? true {
            if let deadline { _ = condition.wait(until: deadline) } else { condition.wait() }
        }
        seen = generation
        return !stopped
    }

    private func currentGeneration() -> Int {
        condition.lock()
        defer { condition.unlock() }
        return generation
    }

    private func pollLoop(_ index: Int, address: String) {
        var limits = FetchLimits()
        limits.maximumBytes = min(limits.maximumBytes, maxSize)
        let fetcher = ConditionalFetcher(address: address, userAgent: LiveblogVersion.userAgent, limits: limits)
        var schedule = PollSchedule(interval: interval)
        let host = FetchGate.host(of: address)
        var seen = currentGeneration()
        while !isStopped {
            let delay = pollOnce(index, address: address, fetcher: fetcher, schedule: &schedule, host: host)
            guard let delay, sleep(delay, since: &seen) else { return }
        }
    }

    /// One poll: fetch, parse, report; answers the wait until the next, or nil once stopped. A function of its
    /// own so that the page's bytes are gone before the thread sleeps (a loop's locals live to its end).
    private func pollOnce(
        _ index: Int, address: String, fetcher: ConditionalFetcher, schedule: inout PollSchedule, host: String
    ) -> Double? {
        gate.enter(host: host)
        let result = Result { try fetcher.pollBlocking() }
        gate.leave(host: host)
        guard !isStopped else { return nil }
        let now = Date()
        switch result {
        case .success(let answer):
            if let page = answer.page {
                // As many pages parsed at once as there are cores: more only adds a page's transient tree (ten
                // times its size) to the peak, and fifty first reads would all parse together.
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

    private func watch(_ index: Int, path: String) {
        let source = BlogSource(path: path)
        var seen = currentGeneration()
        let parse = self.parse
        repeat {
            let now = Date()
            do {
                let content = try source.load(maxSize: maxSize, verbose: false)
                post(.blog(index, parse(content)))
                post(.checked(index, FollowStatus(checked: now, next: nil, isOffline: false)))
            } catch {
                post(.failed(index, Self.reason(error, address: path), now))
                post(.checked(index, FollowStatus(checked: now, next: nil, isOffline: true)))
            }
            condition.lock()
            let watching = followers[index] != nil || stopped
            condition.unlock()
            if !watching {
                let follower = FileFollower(path: path, maxSize: maxSize, parse: parse)
                condition.lock()
                followers[index] = follower
                condition.unlock()
                follower.start { [weak self] event in
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
            // A file is watched; `R` reads it again all the same.
        } while sleep(.infinity, since: &seen)
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
