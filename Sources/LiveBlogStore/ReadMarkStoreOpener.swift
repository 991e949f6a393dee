import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Opens the state file with fault handling: creates its directory, moves a corrupt file aside, or falls back to memory.
///
/// Commands that write marks (`liveblog mark`) use ``open(path:now:)`` and fail on its error; commands
/// that only read or mark as a side effect (list, export, the reader) use ``openOrFallBack(path:)``.
/// Either way, print ``Opened/warning`` (one line) to stderr when it is set.
public enum ReadMarkStoreOpener {
    /// An open store, with a one-line warning about what had to be done to get it.
    public struct Opened: Sendable {
        /// The store to use.
        public let store: any ReadMarkStore
        /// The state file behind the store, or `nil` for the in-memory fallback.
        public let path: String?
        /// A one-line warning for stderr, or `nil` when all went well.
        public let warning: String?
        /// Why the store fell back to memory, when it did.
        public var failure: StoreError? = nil
    }

    /// Opens the SQLite store at `path`; a corrupt file is moved aside and a new one started (with a warning).
    ///
    /// Only a file that is liveblog's (by its application id, or by its tables for files from before the id)
    /// may be moved aside: a file that is not SQLite, another program's database, or one from a newer liveblog
    /// throws ``StoreError`` (`.foreign`, `.newerVersion`) and is left untouched.
    ///
    /// Creates missing directories (mode 0700). Throws ``StoreError`` when the path cannot be used
    /// (directory cannot be created, no permission, read-only or full disk, locked for too long).
    /// `now` stamps the name of a moved-aside file.
    public static func open(path: String, now: Date = Date()) throws -> Opened {
        try createDirectories(parent(of: path), for: path)
        if isDirectory(path) {
            throw StoreError(.unusable, path: path, "it is a directory")
        }
        // Only a file that was liveblog's may be moved aside; anything else throws here and stays as it is.
        var verdict = try StateFileCheck.inspect(path)
        if verdict == .new {
            try createAtomically(path)
            verdict = try StateFileCheck.inspect(path)
        }
        do {
            if verdict == .corruptOurs { throw StoreError(.corrupt, path: path, "SQLite cannot read it") }
            return Opened(store: try openVerified(path), path: path, warning: nil)
        } catch let error as StoreError where error.kind == .corrupt {
            let movedTo = try moveAside(path, now: now)
            let store = try SQLiteReadMarkStore(path: path)
            return Opened(store: store, path: path, warning: "state file was corrupt; moved aside to \(movedTo)")
        }
    }

    /// Opens the SQLite store at `path`, or, if that fails, an ``InMemoryReadMarkStore`` with the warning "read marks will not be saved: …".
    ///
    /// An existing state file that cannot be written (a full disk, a read-only mount) is opened read-only
    /// instead, so that its marks are still shown: ``ReadOnlyReadMarkStore``, with a warning naming the reason.
    public static func openOrFallBack(path: String, now: Date = Date()) -> Opened {
        do {
            return try open(path: path, now: now)
        } catch let error as StoreError where error.kind == .unusable && isRegularFile(path) {
            let reason = diskIsFull(at: path) ? "disk full" : error.detail
            if let store = try? ReadOnlyReadMarkStore(path: path, reason: reason) {
                return Opened(
                    store: store, path: path,
                    warning:
                        "state file \(path) cannot be written (\(reason)): marks are shown but changes will not be saved",
                    failure: StoreError(.unusable, path: path, reason))
            }
            return fallBack(error)
        } catch {
            return fallBack(error)
        }
    }

    /// Whether the file system holding `path` has no blocks left for an ordinary user.
    static func diskIsFull(at path: String) -> Bool {
        var info = statvfs()
        guard statvfs(path, &info) == 0 else { return false }
        return info.f_bavail == 0
    }

    /// Resolves the path with ``StateLocation/resolve(explicitPath:environment:)`` and opens it, falling back to memory on any failure.
    public static func openOrFallBack(explicitPath: String?, environment: [String: String]) -> Opened {
        do {
            return openOrFallBack(path: try StateLocation.resolve(explicitPath: explicitPath, environment: environment))
        } catch {
            return fallBack(error)
        }
    }

    private static func fallBack(_ error: any Error) -> Opened {
        let reason = StoreError.wrapping(error, path: nil)
        return Opened(
            store: InMemoryReadMarkStore(), path: nil, warning: "read marks will not be saved: \(reason)",
            failure: reason)
    }

    private static func openVerified(_ path: String) throws -> SQLiteReadMarkStore {
        let store = try SQLiteReadMarkStore(path: path)
        do {
            try store.verifyIntegrity()
        } catch {
            try? store.close()
            throw error
        }
        return store
    }

    /// Makes a new state file at `path` whole or not at all: the schema and application id are written to a
    /// private file beside it, which is then linked into place. Two processes creating the file at once would
    /// otherwise let one of them see the other's half-made database (SQLite, but no application id yet) and
    /// refuse it as another program's. A file that appeared meanwhile wins; ours is discarded.
    static func createAtomically(_ path: String) throws {
        let staging = "\(path).new-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        defer {
            for suffix in ["", "-wal", "-shm", "-journal"] { unlink(staging + suffix) }
        }
        let store = try SQLiteReadMarkStore(path: staging)
        try store.close()
        // An empty file left by an older liveblog (or a failed create) is replaced; anything else stays.
        if isRegularFile(path), fileSize(path) == 0 { unlink(path) }
        if link(staging, path) != 0 && errno != EEXIST {
            throw StoreError(.unusable, path: path, "cannot create it: \(errnoText())")
        }
    }

    private static func fileSize(_ path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : -1
    }

    /// Renames the file and its `-wal`/`-shm` companions to `<path>.corrupt-<UTC time>` (plus the suffix) and returns the new main path.
    ///
    /// The companions keep SQLite's naming, so `sqlite3 <moved path>` still finds the matching WAL.
    /// (SQLite deletes a WAL it cannot use when the failed connection closes, so often only the main file is left to move.)
    static func moveAside(_ path: String, now: Date) throws -> String {
        let stem = "\(path).corrupt-\(timestamp(now))"
        var target = stem
        var attempt = 1
        while exists(target) || exists(target + "-wal") {
            attempt += 1
            target = "\(stem)-\(attempt)"
        }
        if rename(path, target) != 0 {
            throw StoreError(.unusable, path: path, "it is corrupt and cannot be moved aside: \(errnoText())")
        }
        for suffix in ["-wal", "-shm"] where exists(path + suffix) {
            // A stale companion next to the new file would be ignored by SQLite, but don't leave it there.
            if rename(path + suffix, target + suffix) != 0 { unlink(path + suffix) }
        }
        return target
    }

    /// `20250131T235959Z` for the given instant.
    static func timestamp(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(
            format: "%04d%02d%02dT%02d%02d%02dZ",
            Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday),
            Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
    }

    /// Creates `directory` and its missing ancestors, reporting failures against the state file `statePath`.
    private static func createDirectories(_ directory: String, for statePath: String) throws {
        if directory.isEmpty || isDirectory(directory) { return }
        if exists(directory) {
            throw StoreError(.unusable, path: statePath, "\(directory) is not a directory")
        }
        try createDirectories(parent(of: directory), for: statePath)
        if mkdir(directory, 0o700) != 0 && errno != EEXIST {
            throw StoreError(.unusable, path: statePath, "cannot create directory \(directory): \(errnoText())")
        }
    }

    /// The directory part of a path: `""` for a bare name, `"/"` for a file in the root.
    private static func parent(of path: String) -> String {
        var path = Substring(path)
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private static func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }

    private static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    private static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    private static func errnoText() -> String {
        String(cString: strerror(errno))
    }
}
