import Foundation
import GRDB

/// A read-mark store failure whose description is one clean line, ready for `liveblog: error: …`.
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    /// The kind of failure, coarse enough for callers to decide what to do.
    public enum Kind: Sendable, Equatable {
        /// No state path could be worked out (for example, `HOME` is not set).
        case noLocation
        /// The state file or its directory cannot be created, opened or written: permissions, read-only or full disk, not a directory.
        case unusable
        /// The state file is not a database, or fails its integrity check.
        case corrupt
        /// Another process held the write lock for longer than the busy timeout.
        case busy
        /// The file is not liveblog's (not SQLite, or another program's database): it is left untouched.
        case foreign
        /// The file was written by a newer liveblog whose schema this build does not know.
        case newerVersion
        /// The blog key was not handed out by this store.
        case unknownBlog
        /// Any other database failure.
        case failed
    }

    /// What went wrong.
    public let kind: Kind
    /// The state file concerned, if any.
    public let path: String?
    /// The specific reason, one line.
    let detail: String

    init(_ kind: Kind, path: String?, _ detail: String) {
        self.kind = kind
        self.path = path
        self.detail = StoreError.oneLine(detail)
    }

    public var description: String {
        let file = path.map { "state file \($0)" } ?? "read-mark store"
        switch kind {
        case .noLocation: return "cannot choose a state file: \(detail)"
        case .unusable: return "cannot use \(file): \(detail)"
        case .corrupt: return "\(file) is corrupt: \(detail)"
        case .busy: return "\(file) is locked by another process: \(detail)"
        case .foreign: return "\(file) is not a liveblog state file: \(detail)"
        case .newerVersion: return "cannot use \(file): \(detail)"
        case .unknownBlog: return "\(file) has no blog with key \(detail)"
        case .failed: return "\(file): \(detail)"
        }
    }

    public var errorDescription: String? { description }

    /// Wraps any error thrown while using the file at `path` as a ``StoreError``.
    static func wrapping(_ error: any Error, path: String?) -> StoreError {
        if let error = error as? StoreError { return error }
        guard let error = error as? DatabaseError else {
            return StoreError(.failed, path: path, String(describing: error))
        }
        let detail = error.message ?? "SQLite error \(error.extendedResultCode.rawValue)"
        switch error.resultCode {
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return StoreError(.corrupt, path: path, detail)
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return StoreError(.busy, path: path, "\(detail); try again")
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_FULL, .SQLITE_IOERR, .SQLITE_AUTH:
            return StoreError(.unusable, path: path, detail)
        default:
            return StoreError(.failed, path: path, detail)
        }
    }

    /// Runs `body`, turning whatever it throws into a ``StoreError`` about `path`.
    static func wrap<T>(path: String?, _ body: () throws -> T) throws(StoreError) -> T {
        do {
            return try body()
        } catch {
            throw wrapping(error, path: path)
        }
    }

    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
            .joined(separator: " ")
    }
}
