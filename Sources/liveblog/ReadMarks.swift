import Foundation
import LiveBlogCore
import LiveBlogStore

/// Opens the read-mark store for one blog the way each kind of command needs it.
enum ReadMarks {
    /// The marks of a blog for commands that only read them (list, export): never fails, warns instead.
    static func lookUp(identity: String, state: StateOptions) -> Set<EntryID> {
        do {
            let opened = ReadMarkStoreOpener.openOrFallBack(path: try state.resolvedPath())
            if let warning = opened.warning { Diagnostics.warning(warning) }
            guard let blog = try opened.store.blog(identity: identity) else { return [] }
            return Set(try opened.store.readMarks(for: blog.key).keys)
        } catch {
            Diagnostics.warning("read marks unavailable: \(error)")
            return []
        }
    }

    /// The store and this blog's key for commands that write (mark, the reader).
    /// With `fallBack`, an unusable state file gives an in-memory store and a warning instead of an error.
    static func open(identity: String, title: String, state: StateOptions, fallBack: Bool)
        throws -> (store: any ReadMarkStore, key: BlogKey, warning: String?)
    {
        let path = try state.resolvedPath()
        var opened: ReadMarkStoreOpener.Opened
        if fallBack {
            opened = ReadMarkStoreOpener.openOrFallBack(path: path)
        } else {
            do { opened = try ReadMarkStoreOpener.open(path: path) } catch { throw CLIError(String(describing: error)) }
        }
        do {
            let key = try opened.store.registerBlog(identity: identity, title: title)
            return (opened.store, key, opened.warning)
        } catch {
            guard fallBack else { throw CLIError(String(describing: error)) }
            let memory = InMemoryReadMarkStore()
            let key = try memory.registerBlog(identity: identity, title: title)
            return (memory, key, "read marks will not be saved: \(error)")
        }
    }
}
