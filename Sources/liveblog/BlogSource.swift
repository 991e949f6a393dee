import Foundation
import LiveBlogCore
import LiveBlogHTTP

/// Where a blog comes from: a file, standard input, a web address, or the bundled sample; and how to read and name it.
struct BlogSource {
    enum Kind {
        case file(path: String)
        case standardInput
        case bundledSample
        case web(address: String)
    }

    let kind: Kind

    /// `nil` is the bundled sample, `-` standard input, `http(s)://…` a web page, `file://…` a path, anything else
    /// a path.
    init(argument: String?) {
        switch argument {
        case nil: kind = .bundledSample
        case "-": kind = .standardInput
        case let address? where BlogSource.isWebAddress(address): kind = .web(address: address)
        case let address? where address.lowercased().hasPrefix("file://"):
            kind = .file(path: URL(string: address)?.path.removingPercentEncoding ?? String(address.dropFirst(7)))
        case let path?: kind = .file(path: path)
        }
    }

    /// A named file, whatever its name.
    init(path: String) { kind = .file(path: path) }

    /// The source a command reads when none is named: standard input when something is piped or redirected
    /// into it (a pipe, a file, a socket; as `less` and `cat` do), else the bundled sample. A terminal or
    /// `/dev/null` on standard input is not a blog.
    static func implicit(_ argument: String?) -> BlogSource {
        if argument == nil && standardInputCarriesData() { return BlogSource(argument: "-") }
        return BlogSource(argument: argument)
    }

    static func standardInputCarriesData() -> Bool {
        guard isatty(STDIN_FILENO) == 0 else { return false }
        var info = stat()
        guard fstat(STDIN_FILENO, &info) == 0 else { return false }
        let type = info.st_mode & S_IFMT
        return type == S_IFIFO || type == S_IFREG || type == S_IFSOCK
    }

    static func isWebAddress(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }

    /// The bytes with what the transport said about them: the content type and the page's final address.
    struct Content {
        var bytes: [UInt8]
        var contentType: String?
        var address: String?
    }

    /// Reads the source once: a file or standard input from disk, a web page over the network. `verbose` adds
    /// the network library's words to a failed fetch's message.
    func load(maxSize: Int = InputLimit.defaultBytes, verbose: Bool = false) throws -> Content {
        guard case .web(let address) = kind else { return Content(bytes: try readBytes(maxSize: maxSize)) }
        var limits = FetchLimits()
        limits.maximumBytes = min(limits.maximumBytes, maxSize)
        let fetcher = PageFetcher(
            userAgent: LiveblogVersion.userAgent, limits: limits)
        do {
            let page = try fetcher.fetchBlocking(address)
            return Content(bytes: page.bytes, contentType: page.contentType, address: page.finalURL)
        } catch let error as FetchError {
            throw CLIError("cannot fetch \(error.message(verbose: verbose))")
        }
    }

    /// The source as shown to the user and in exports.
    var displayName: String {
        switch kind {
        case .file(let path): EchoedText.sanitized(path, limit: 4096)
        case .web(let address): EchoedText.sanitized(address, limit: 4096)
        case .standardInput: "-"
        case .bundledSample: BundledResources.sampleSourceName
        }
    }

    var isStandardInput: Bool { if case .standardInput = kind { true } else { false } }

    /// Reads the raw bytes, at most `maxSize` of them; the only step that can fail.
    ///
    /// A character device other than a terminal or `/dev/null` (`/dev/zero`, `/dev/urandom`) never ends, so it
    /// is refused before reading, whether named or on standard input; a regular file over the limit is refused by
    /// its size, and a stream (a pipe) as soon as it passes the limit.
    func readBytes(maxSize: Int = InputLimit.defaultBytes, role: FileRole = .blog) throws -> [UInt8] {
        switch kind {
        case .web:
            return try load().bytes
        case .bundledSample:
            return Array(BundledResources.sampleBlogText.utf8)
        case .standardInput:
            var info = stat()
            if fstat(0, &info) == 0 {
                try BlogSource.checkKind(info, fd: 0, name: "standard input", maxSize: maxSize, role: role)
            }
            return try readAll(fd: 0, name: "standard input", maxSize: maxSize, role: role)
        case .file(let path):
            let name = EchoedText.sanitized(path)
            var info = stat()
            guard stat(path, &info) == 0 else {
                throw CLIError("cannot open \(name): \(String(cString: strerror(errno)))")
            }
            if (info.st_mode & S_IFMT) == S_IFDIR { throw CLIError("\(name) is a directory, not a \(role.noun)") }
            let fd = open(path, O_RDONLY | O_NONBLOCK)
            guard fd >= 0 else { throw CLIError("cannot open \(name): \(String(cString: strerror(errno)))") }
            defer { close(fd) }
            // Non-blocking only so that opening a FIFO with no writer cannot hang; reads block as usual.
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
            guard fstat(fd, &info) == 0 else {
                throw CLIError("cannot open \(name): \(String(cString: strerror(errno)))")
            }
            try BlogSource.checkKind(info, fd: fd, name: name, maxSize: maxSize, role: role)
            let isRegular = (info.st_mode & S_IFMT) == S_IFREG
            return try readAll(
                fd: fd, name: name, sizeHint: isRegular ? Int(info.st_size) : 0, maxSize: maxSize, role: role)
        }
    }

    /// Refuses what can be refused before reading: endless character devices and regular files over the limit.
    private static func checkKind(_ info: stat, fd: Int32, name: String, maxSize: Int, role: FileRole) throws {
        switch info.st_mode & S_IFMT {
        case S_IFCHR:
            var null = stat()
            let isNull = stat("/dev/null", &null) == 0 && null.st_rdev == info.st_rdev
            if !isNull && isatty(fd) == 0 {
                throw CLIError("\(name) is a character device, not a \(role.noun) (it may never end)")
            }
        case S_IFREG:
            if Int(info.st_size) > maxSize {
                throw tooLarge(name, size: Int(info.st_size), maxSize: maxSize, role: role)
            }
        default:
            break
        }
    }

    private static func tooLarge(_ name: String, size: Int?, maxSize: Int, role: FileRole) -> CLIError {
        let what = size.map { "is \(InputLimit.describe($0)), over" } ?? "is over"
        // A blog's limit is the user's (--max-size); another file's is fixed, so the message names whose it is.
        let whose = role.noun == FileRole.blog.noun ? "" : " for a \(role.noun)"
        return CLIError("\(name) \(what) the \(InputLimit.describe(maxSize)) limit\(whose) (\(role.limitAdvice))")
    }

    /// Reads to the end. A file's size is known, so its bytes go straight into the array's uninitialised storage
    /// (no zero fill, no second copy); anything beyond that size, and standard input, is appended in chunks.
    private func readAll(fd: Int32, name: String, sizeHint: Int = 0, maxSize: Int, role: FileRole) throws -> [UInt8] {
        var failure: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: max(sizeHint, 0) + 1) { buffer, initialized in
            // A large file is read in pieces on all cores (pread), so the kernel's copy is shared out too.
            let pieces = Parallel.ranges(
                of: sizeHint, pieces: Parallel.pieceCount(for: sizeHint, minimum: 16 << 20, limit: 4))
            BlogSource.adviseHugePages(UnsafeMutableRawBufferPointer(buffer))
            let target = SendableBuffer(buffer)
            let results = Parallel.map(pieces) { piece -> (got: Int, error: Int32) in
                var done = piece.lowerBound
                while done < piece.upperBound {
                    let n = pread(fd, target.base! + done, piece.upperBound - done, off_t(done))
                    if n > 0 {
                        done += n
                    } else if n == 0 || errno != EINTR {
                        return (done - piece.lowerBound, n < 0 ? errno : 0)
                    }
                }
                return (done - piece.lowerBound, 0)
            }
            // Pieces must be whole up to the first short one; a file that shrank meanwhile ends there.
            var count = 0
            for (piece, result) in zip(pieces, results) {
                if result.error != 0 { failure = result.error }
                count += result.got
                if result.got < piece.count { break }
            }
            initialized = count
            if lseek(fd, off_t(count), SEEK_SET) < 0 && sizeHint > 0 && failure == 0 { failure = errno }
        }
        let chunk = UnsafeMutablePointer<UInt8>.allocate(capacity: 1 << 20)
        defer { chunk.deallocate() }
        while failure == 0 {
            let n = read(fd, chunk, 1 << 20)
            if n > 0 {
                // A file that grew since its size was taken, or a stream, is cut off at the limit.
                if bytes.count + n > maxSize {
                    throw BlogSource.tooLarge(name, size: nil, maxSize: maxSize, role: role)
                }
                bytes.append(contentsOf: UnsafeBufferPointer(start: chunk, count: n))
            } else if n == 0 {
                break
            } else if errno != EINTR {
                failure = errno
            }
        }
        if failure != 0 { throw CLIError("cannot read \(name): \(String(cString: strerror(failure)))") }
        return bytes
    }

    /// Asks the kernel to back a large buffer with huge pages: a 100 MB file then costs a few hundred page
    /// faults instead of tens of thousands. Only a hint; nothing depends on it.
    static func adviseHugePages(_ buffer: UnsafeMutableRawBufferPointer) {
        #if os(Linux)
        let huge = 2 << 20
        guard buffer.count >= 4 * huge, let base = buffer.baseAddress else { return }
        let start = (Int(bitPattern: base) + huge - 1) & ~(huge - 1)
        let end = (Int(bitPattern: base) + buffer.count) & ~(huge - 1)
        guard end > start, let aligned = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(aligned, end - start, MADV_HUGEPAGE)
        #endif
    }

    /// What a file is read as, for the messages that refuse it: a directory, a device, or one too large.
    struct FileRole {
        var noun: String
        /// What to do about a file over the limit.
        var limitAdvice: String

        static let blog = FileRole(noun: "blog file", limitAdvice: "raise it with --max-size")
        static let configuration = FileRole(
            noun: "configuration file", limitAdvice: "a configuration is written by hand: is it the right file?")
        static let rules = FileRole(
            noun: "rules file", limitAdvice: "rules are written by hand: is it the right file?")
        static let blogList = FileRole(
            noun: "blog list", limitAdvice: "a blog list is written by hand: is it the right file?")
    }

    /// The identity read marks hang on: the page's canonical address, the name it was read under, its entries.
    func identity(for blog: LiveBlog) -> BlogIdentity {
        BlogIdentity(
            canonical: blog.canonicalURL.map { "url:" + $0 }, name: name(for: blog), entries: blog.entries.map(\.id))
    }

    /// The name a blog was stored under before canonical addresses: the canonical path, `url:` and the
    /// address, or for standard input the blog's title.
    func name(for blog: LiveBlog) -> String {
        switch kind {
        case .file(let path):
            let url = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
            return url.path
        case .web(let address):
            return "url:" + address
        case .standardInput:
            return "stdin:" + blog.title
        case .bundledSample:
            return "bundled:sample-liveblog"
        }
    }
}
