import Foundation
import LiveBlogCore

#if canImport(Glibc)
import Glibc
#endif

/// Reads a pipe on standard input as it grows: each burst of new text (after 100 ms of quiet) makes a new
/// version of the blog from everything read so far.
final class StandardInputFollower: SourceFollower, @unchecked Sendable {
    // @unchecked: `received` is handed over once at start; afterwards only the thread touches it.
    private var received: [UInt8]
    private let maxSize: Int
    private let parse: @Sendable (BlogSource.Content) -> LiveBlog
    private let stopped = StopFlag()

    /// `received` is what the first version was read from.
    init(received: [UInt8], maxSize: Int, parse: @escaping @Sendable (BlogSource.Content) -> LiveBlog) {
        self.received = received
        self.maxSize = maxSize
        self.parse = parse
    }

    func start(_ deliver: @escaping @Sendable (FollowEvent) -> Void) {
        let initial = received
        let maxSize = self.maxSize
        let parse = self.parse
        let stopped = self.stopped
        let thread = Thread {
            var bytes = initial
            var chunk = [UInt8](repeating: 0, count: 64 * 1024)
            var pending = false
            while !stopped.value {
                var fds = [pollfd(fd: 0, events: Int16(POLLIN), revents: 0)]
                // The stop flag is looked at every half second while idle: standard input cannot be woken.
                let ready = poll(&fds, 1, pending ? 100 : 500)
                if stopped.value { return }
                if ready < 0 && errno == EINTR { continue }
                if ready == 0 {
                    if pending {
                        pending = false
                        deliver(.blog(parse(BlogSource.Content(bytes: bytes))))
                    }
                    continue
                }
                let n = read(0, &chunk, chunk.count)
                if n > 0 {
                    if bytes.count + n > maxSize {
                        deliver(.note("Standard input passed the size limit; no longer following it", isError: true))
                        return
                    }
                    bytes.append(contentsOf: chunk[0..<n])
                    pending = true
                } else if n == 0 || errno != EINTR {
                    if pending { deliver(.blog(parse(BlogSource.Content(bytes: bytes)))) }
                    deliver(.ended("Standard input ended"))
                    return
                }
            }
        }
        thread.name = "liveblog.stdin-follower"
        thread.start()
    }

    func stop() { stopped.value = true }

    /// Reads what standard input has now: until the end, or until `quiet` seconds pass with nothing new (an
    /// open pipe that a program writes to as news comes in).
    static func readAvailable(maxSize: Int, quiet: Double = 0.3) throws -> (bytes: [UInt8], ended: Bool) {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            var fds = [pollfd(fd: 0, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, 1, Int32(quiet * 1000))
            if ready < 0 && errno == EINTR { continue }
            if ready == 0 { return (bytes, false) }
            let n = read(0, &chunk, chunk.count)
            if n > 0 {
                bytes.append(contentsOf: chunk[0..<n])
                if bytes.count > maxSize {
                    throw CLIError(
                        "standard input is over the \(InputLimit.describe(maxSize)) limit (raise it with --max-size)")
                }
            } else if n == 0 {
                return (bytes, true)
            } else if errno != EINTR {
                throw CLIError("cannot read standard input: \(String(cString: strerror(errno)))")
            }
        }
    }
}

/// A flag set by one thread and read by another.
final class StopFlag: @unchecked Sendable {
    // @unchecked: guarded by `lock`.
    private let lock = NSLock()
    private var stored = false
    var value: Bool {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
