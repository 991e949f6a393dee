/// How long a run loop may wait for a key: until the mark timer is due, briefly while a search index is on its
/// way, otherwise a second (a quit signal normally ends the wait at once; this bounds the rare one that lands
/// between the check and the wait).
enum LoopWait {
    static let idleMilliseconds = 1000
    /// While an index is being built, so that its arrival is noticed promptly.
    static let indexingMilliseconds = 30
    /// Waits that end at once with nothing read, in a row, after which the terminal is taken to be gone.
    static let maximumEmptyWakeUps = 100

    static func milliseconds(timer deadline: ContinuousClock.Instant?, indexing: Bool) -> Int {
        var wait = idleMilliseconds
        if let deadline {
            let (seconds, attoseconds) = ContinuousClock.now.duration(to: deadline).components
            let milliseconds = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
            wait = min(wait, max(0, Int(clamping: milliseconds)))
        }
        return indexing ? min(wait, indexingMilliseconds) : wait
    }
}
