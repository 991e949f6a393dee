import Foundation
import LiveBlogCore

#if canImport(Glibc)
import Glibc
#endif

/// Watches a file with inotify and reads it again when it changes: text appended, a rewrite in place, an
/// editor's save by rename (the directory is watched, so the new file under the old name is seen), truncation.
///
/// The thread sleeps in `poll` on the inotify descriptor and a stop pipe: no CPU while nothing happens.
/// Bursts of events are read once, after 50 ms of quiet.
final class FileFollower: SourceFollower, @unchecked Sendable {
    // @unchecked: the descriptors are set up in `start` and closed by the thread after `stop` signals it.
    private let path: String
    private let maxSize: Int
    private let parse: @Sendable (BlogSource.Content) -> LiveBlog
    private var stopPipe: [Int32] = [-1, -1]

    init(path: String, maxSize: Int, parse: @escaping @Sendable (BlogSource.Content) -> LiveBlog) {
        // The real file, so that a symlink's target directory is the one watched.
        self.path = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        self.maxSize = maxSize
        self.parse = parse
    }

    func start(_ deliver: @escaping @Sendable (FollowEvent) -> Void) {
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0, pipe(&stopPipe) == 0 else {
            deliver(.note("Cannot watch the file: \(String(cString: strerror(errno)))", isError: true))
            return
        }
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let mask = UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_ATTRIB)
        guard inotify_add_watch(fd, directory.isEmpty ? "." : directory, mask) >= 0 else {
            deliver(.note("Cannot watch the file: \(String(cString: strerror(errno)))", isError: true))
            close(fd)
            return
        }
        let stopRead = stopPipe[0]
        let source = BlogSource(path: path)
        let maxSize = self.maxSize
        let parse = self.parse
        let thread = Thread {
            defer {
                close(fd)
                close(stopRead)
            }
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            // Read once as soon as the watch is in place: a change made between the first read and the watch
            // would otherwise be missed.
            var pending = true
            while true {
                var fds = [
                    pollfd(fd: fd, events: Int16(POLLIN), revents: 0),
                    pollfd(fd: stopRead, events: Int16(POLLIN), revents: 0),
                ]
                // Waiting for quiet after a change; otherwise asleep until something happens.
                let ready = poll(&fds, 2, pending ? 50 : -1)
                if ready < 0 && errno == EINTR { continue }
                if fds[1].revents != 0 { return }
                if ready == 0 {
                    pending = false
                    guard let bytes = try? source.readBytes(maxSize: maxSize) else { continue }
                    deliver(.blog(parse(BlogSource.Content(bytes: bytes))))
                    continue
                }
                let n = read(fd, &buffer, buffer.count)
                if n <= 0 { continue }
                if FileFollower.mentions(name, in: buffer[0..<n]) { pending = true }
            }
        }
        thread.name = "liveblog.file-follower"
        thread.start()
    }

    func stop() {
        guard stopPipe[1] >= 0 else { return }
        var byte: UInt8 = 1
        _ = write(stopPipe[1], &byte, 1)
        close(stopPipe[1])
        stopPipe[1] = -1
    }

    /// Whether any event in the buffer is about `name` (or is a queue overflow, after which anything may have
    /// changed).
    static func mentions(_ name: String, in events: ArraySlice<UInt8>) -> Bool {
        let target = Array(name.utf8)
        var offset = events.startIndex
        let header = MemoryLayout<inotify_event>.size
        while offset + header <= events.endIndex {
            let (mask, length) = events.withUnsafeBytes { raw -> (UInt32, Int) in
                let base = raw.baseAddress! + (offset - events.startIndex)
                let mask = base.loadUnaligned(fromByteOffset: 4, as: UInt32.self)
                let length = base.loadUnaligned(fromByteOffset: 12, as: UInt32.self)
                return (mask, Int(length))
            }
            if mask & UInt32(IN_Q_OVERFLOW) != 0 { return true }
            let nameStart = offset + header
            let nameEnd = min(events.endIndex, nameStart + length)
            let bytes = events[nameStart..<nameEnd].prefix { $0 != 0 }
            if bytes.elementsEqual(target) { return true }
            offset = nameStart + length
        }
        return false
    }
}
