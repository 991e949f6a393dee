import Foundation

/// Hands follow events from a follower's thread to the thread that shows them, and starts and stops the
/// follower on request (the `F` key). Events of a stopped follower are dropped.
final class FollowInbox: @unchecked Sendable {
    // @unchecked: `queue`, `generation` and `follower` are guarded by `lock`.
    private let lock = NSLock()
    private var queue: [FollowEvent] = []
    private var follower: SourceFollower?
    private var generation = 0
    private let make: () -> SourceFollower
    private let wake: (@Sendable () -> Void)?

    /// `make` builds a fresh follower each time following is switched on; `wake`, when given, is called after
    /// each event is queued (to end a wait early).
    init(make: @escaping () -> SourceFollower, wake: (@Sendable () -> Void)? = nil) {
        self.make = make
        self.wake = wake
    }

    var isRunning: Bool { lock.withLock { follower != nil } }

    func start() {
        let (fresh, current): (SourceFollower?, Int) = lock.withLock {
            guard follower == nil else { return (nil, generation) }
            generation += 1
            follower = make()
            return (follower, generation)
        }
        fresh?.start { [weak self] event in self?.post(event, generation: current) }
    }

    func stop() {
        let old: SourceFollower? = lock.withLock {
            generation += 1
            defer { follower = nil }
            return follower
        }
        old?.stop()
    }

    private func post(_ event: FollowEvent, generation current: Int) {
        let queued: Bool = lock.withLock {
            guard current == generation else { return false }
            queue.append(event)
            return true
        }
        if queued { wake?() }
    }

    /// The events queued since the last call, oldest first.
    func take() -> [FollowEvent] {
        lock.withLock {
            defer { queue.removeAll() }
            return queue
        }
    }
}
