import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A new private directory under the system's temporary folder, removed with everything in it when the value
/// goes away (or at `remove()`); each test gets its own, so tests never meet each other's files or the user's.
public final class TemporaryDirectory: @unchecked Sendable {
    // @unchecked: `path` never changes after init, and removal is idempotent.
    public let path: String

    /// Makes the directory (mode 0700, by `mkdtemp`), its name starting with `prefix`.
    public init(prefix: String = "liveblog-test") throws {
        var template = Array((NSTemporaryDirectory() + prefix + "-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw TestSupportError("cannot create a temporary directory: \(String(cString: strerror(errno)))")
        }
        path = String(cString: made)
    }

    /// The directory as a file URL.
    public var url: URL { URL(fileURLWithPath: path, isDirectory: true) }

    /// The path of `name` inside the directory (nothing is created).
    public func file(_ name: String) -> String { path + "/" + name }

    /// Writes `contents` to `name` inside the directory and returns its path.
    @discardableResult
    public func write(_ name: String, _ contents: String) throws -> String {
        try write(name, bytes: Array(contents.utf8))
    }

    /// Writes `bytes` to `name` inside the directory and returns its path.
    @discardableResult
    public func write(_ name: String, bytes: [UInt8]) throws -> String {
        let path = file(name)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Removes the directory now.
    public func remove() { try? FileManager.default.removeItem(atPath: path) }

    deinit { remove() }
}

/// Runs `body` with the path of a new empty directory, removed afterwards.
public func withTemporaryDirectory<T>(_ body: (String) throws -> T) throws -> T {
    let directory = try TemporaryDirectory()
    return try withExtendedLifetime(directory) { try body(directory.path) }
}

/// A failure of the test support itself (not of the code under test).
public struct TestSupportError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
