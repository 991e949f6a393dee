import Foundation
import LiveBlogCore
import LiveBlogStore

/// Opens the read-mark store for one blog the way each kind of command needs it.
enum ReadMarks {
    /// The entries new since the reader last showed the blog: those never recorded as seen. A blog never shown
    /// before has none (everything in it is simply unread).
    static func newSinceLastLook(_ ids: [EntryID], seen: Set<EntryID>) -> Set<EntryID> {
        seen.isEmpty ? [] : Set(ids.filter { !seen.contains($0) })
    }

    /// The marks of a blog for commands that only read them (list, export): never fails, warns instead.
    /// A state file that is not liveblog's, or is a newer liveblog's, is an error here too: it is left untouched.
    static func lookUp(identity: BlogIdentity, state: StateOptions) throws -> Set<EntryID> {
        do {
            let path = try state.resolvedPath()
            // Reading marks must leave no trace: with no state file yet there are no marks, and no directory or
            // database is made for them.
            guard FileManager.default.fileExists(atPath: path) else { return [] }
            let opened = try refusingForeign { ReadMarkStoreOpener.openOrFallBack(path: path) }
            if let warning = opened.warning { Diagnostics.warning(warning) }
            guard let blog = try identity.find(in: opened.store) else { return [] }
            return Set(try opened.store.readMarks(for: blog.key).keys)
        } catch let error as CLIError {
            throw error
        } catch {
            Diagnostics.warning("read marks unavailable: \(error)")
            return []
        }
    }

    /// The store for a command that only reads the marks of several blogs (`blogs`): nil when there is no state
    /// file yet (nothing is created), else as `lookUp` opens it, warning about what it had to do.
    static func openForReading(state: StateOptions) throws -> (any ReadMarkStore)? {
        let path = try state.resolvedPath()
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let opened = try refusingForeign { ReadMarkStoreOpener.openOrFallBack(path: path) }
        if let warning = opened.warning { Diagnostics.warning(warning) }
        return opened.store
    }

    /// Opens through `body`, but turns a fall-back caused by a foreign or newer state file into an error: such
    /// a file must not be mistaken for an unusable path (and the user must hear of it).
    private static func refusingForeign(_ body: () throws -> ReadMarkStoreOpener.Opened) throws
        -> ReadMarkStoreOpener.Opened
    {
        let opened = try body()
        if let reason = opened.failure, [.foreign, .newerVersion].contains(reason.kind) {
            throw CLIError(String(describing: reason))
        }
        return opened
    }

    /// The store and this blog's key for commands that write (mark, the reader).
    /// With `fallBack`, an unusable state file gives an in-memory store and a warning instead of an error.
    static func open(identity: BlogIdentity, title: String, state: StateOptions, fallBack: Bool)
        throws -> (store: any ReadMarkStore, key: BlogKey, warning: String?)
    {
        let path = try state.resolvedPath()
        var opened: ReadMarkStoreOpener.Opened
        if fallBack {
            opened = try refusingForeign { ReadMarkStoreOpener.openOrFallBack(path: path) }
        } else {
            do { opened = try ReadMarkStoreOpener.open(path: path) } catch { throw writeFailure(error, path: path) }
        }
        do {
            let key = try identity.register(in: opened.store, title: title)
            return (opened.store, key, opened.warning)
        } catch {
            guard fallBack else { throw writeFailure(error, path: path) }
            let memory = InMemoryReadMarkStore()
            let key = try memory.registerBlog(identity: identity.primary, title: title)
            return (memory, key, "read marks will not be saved: \(error)")
        }
    }

    /// A store that cannot be written to, for a command that must write (`mark`): "disk full" when that is
    /// the cause, as `list` and the reader say, rather than SQLite's "disk I/O error".
    static func writeFailure(_ error: any Error, path: String) -> CLIError {
        var info = statvfs()
        let directory = (path as NSString).deletingLastPathComponent
        let full =
            ReaderSession.shortReason(error) == "disk full"
            || (statvfs(directory.isEmpty ? "." : directory, &info) == 0 && info.f_bavail == 0)
        if full {
            return CLIError("cannot save read marks in \(EchoedText.sanitized(path, limit: 4096)): disk full")
        }
        return CLIError(String(describing: error))
    }
}
