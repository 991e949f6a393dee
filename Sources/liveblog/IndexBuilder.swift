import Foundation
import LiveBlogCore

/// Builds `SearchIndex`es off the loop's thread; only the index for the latest blog is handed over.
final class IndexBuilder: @unchecked Sendable {
    // Guarded by `lock`.
    private let lock = NSLock()
    private var generation = 0
    private var building = false
    private var ready: SearchIndex?

    /// True from `start` until the index has been taken.
    var isBuilding: Bool { lock.withLock { building || ready != nil } }

    /// Starts building an index for `blog`, superseding any build in progress.
    func start(for blog: LiveBlog) {
        let current: Int = lock.withLock {
            generation += 1
            building = true
            ready = nil
            return generation
        }
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            let index = SearchIndex(blog: blog)
            lock.withLock {
                guard generation == current else { return }
                building = false
                ready = index
            }
        }
    }

    /// The finished index, once; nil while building or after it was taken.
    func take() -> SearchIndex? {
        lock.withLock {
            defer { ready = nil }
            return ready
        }
    }
}
