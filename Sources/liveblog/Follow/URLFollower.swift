import Foundation
import LiveBlogCore
import LiveBlogHTTP

/// Polls a web address: conditional requests (a `304` costs no parse), the server's `max-age` honoured,
/// failures backed off ×2 up to ten minutes, jitter, and never more than one request at a time (one task that
/// awaits each answer before sleeping).
final class URLFollower: SourceFollower, @unchecked Sendable {
    // @unchecked: `task` is only touched under `lock`.
    private let fetcher: ConditionalFetcher
    private let parse: @Sendable (BlogSource.Content) -> LiveBlog
    private let schedule: PollSchedule
    /// The `max-age` of the answer the blog was first read from, so that the first poll waits for it too.
    private let firstMaxAge: Double?
    private let lock = NSLock()
    private var task: Task<Void, Never>?

    init(
        fetcher: ConditionalFetcher, schedule: PollSchedule, firstMaxAge: Double? = nil,
        parse: @escaping @Sendable (BlogSource.Content) -> LiveBlog
    ) {
        self.fetcher = fetcher
        self.firstMaxAge = firstMaxAge
        self.schedule = schedule
        self.parse = parse
    }

    func start(_ deliver: @escaping @Sendable (FollowEvent) -> Void) {
        let fetcher = self.fetcher
        let parse = self.parse
        var schedule = self.schedule
        let firstDelay = schedule.afterAnswer(maxAge: firstMaxAge, random: Double.random(in: 0..<1))
        let task = Task.detached(priority: .utility) {
            var delay = firstDelay
            var lastGood = Date()
            var failing = false
            deliver(.checked(at: lastGood, next: lastGood + delay, failing: false))
            while !Task.isCancelled {
                try? await Task.sleep(nanoseconds: UInt64(delay * 1e9))
                if Task.isCancelled { break }
                do {
                    let answer = try await fetcher.poll()
                    if Task.isCancelled { break }
                    if let page = answer.page {
                        let blog = parse(
                            BlogSource.Content(bytes: page.bytes, contentType: page.contentType, address: page.finalURL)
                        )
                        // A page that could not be used (empty, broken) must be asked for in full next time.
                        if blog.entries.isEmpty { fetcher.forgetValidators() }
                        deliver(.blog(blog))
                    }
                    lastGood = Date()
                    if failing { deliver(.note(nil, isError: false)) }
                    failing = false
                    delay = schedule.afterAnswer(maxAge: answer.maxAge, random: Double.random(in: 0..<1))
                    deliver(.checked(at: lastGood, next: lastGood + delay, failing: false))
                } catch {
                    if Task.isCancelled { break }
                    delay = schedule.afterFailure(random: Double.random(in: 0..<1))
                    failing = true
                    let reason = (error as? FetchError)?.description ?? String(describing: error)
                    deliver(.checked(at: Date(), next: Date() + delay, failing: true))
                    deliver(
                        .note(
                            "Update failed (\(reason)); retrying in \(URLFollower.describe(delay)); showing the version of \(URLFollower.clock(lastGood))",
                            isError: true))
                }
            }
        }
        lock.withLock { self.task = task }
    }

    func stop() {
        lock.withLock {
            task?.cancel()
            task = nil
        }
    }

    static func describe(_ seconds: Double) -> String {
        seconds < 90 ? "\(Int(seconds.rounded())) s" : "\(Int((seconds / 60).rounded())) min"
    }

    static func clock(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "HH:mm"
        return formatter.string(from: date)
    }
}
