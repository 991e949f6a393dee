import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A pipe whose read end becomes readable when another thread has news for the run loop: the loop waits on it
/// beside the terminal, so news is drawn at once and an idle loop still sleeps.
final class WakePipe: @unchecked Sendable {
    // @unchecked: the descriptors are fixed at creation; writes and reads of a pipe are safe from any thread.
    let readEnd: Int32
    private let writeEnd: Int32

    /// Nil when the system has no descriptors left.
    init?() {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return nil }
        for end in ends {
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        readEnd = ends[0]
        writeEnd = ends[1]
    }

    deinit {
        close(readEnd)
        close(writeEnd)
    }

    /// Makes the read end readable (a full pipe is readable already, so a failed write loses nothing).
    func wake() {
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)
    }

    /// Empties the pipe, before the news is taken.
    func drain() {
        var buffer = [UInt8](repeating: 0, count: 256)
        while read(readEnd, &buffer, buffer.count) > 0 {}
    }
}
