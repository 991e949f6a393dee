/// When to poll next: every `interval` seconds, never sooner than the server's `max-age`, twice as long after
/// each failure in a row up to `maximumBackoff`, with jitter so that many readers do not poll in step.
///
/// A value type with the random source passed in, so its arithmetic is tested without a clock.
public struct PollSchedule: Sendable, Equatable {
    public var interval: Double
    public var maximumBackoff: Double
    /// The fraction of the delay added or taken away at random (0.1: ±10 %).
    public var jitter: Double
    /// Failures in a row since the last answer.
    public private(set) var failures = 0

    public init(interval: Double = 60, maximumBackoff: Double = 600, jitter: Double = 0.1) {
        self.interval = interval
        self.maximumBackoff = maximumBackoff
        self.jitter = jitter
    }

    /// The delay after an answer (changed or `304`); `maxAge` is the server's, when it gave one.
    public mutating func afterAnswer(maxAge: Double?, random: Double) -> Double {
        failures = 0
        // A server's max-age longer than our backoff ceiling is capped there: a live blog is worth a look.
        let base = min(max(interval, maxAge ?? 0), max(interval, maximumBackoff))
        return jittered(base, random: random)
    }

    /// The delay after a failure: the interval doubled for each failure in a row, up to `maximumBackoff`.
    public mutating func afterFailure(random: Double) -> Double {
        failures += 1
        var base = interval
        for _ in 0..<min(failures, 30) { base *= 2 }
        return jittered(min(base, max(interval, maximumBackoff)), random: random)
    }

    /// `random` in 0..<1 moves the delay by up to ±`jitter` of it.
    func jittered(_ seconds: Double, random: Double) -> Double {
        max(0.05, seconds * (1 + jitter * (2 * random - 1)))
    }
}
