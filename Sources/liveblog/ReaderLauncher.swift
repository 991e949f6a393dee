import Foundation
import LiveBlogCore
import LiveBlogStore
import LiveBlogTUI

/// Opens the read-mark store and hands the blog to the full-screen reader.
enum ReaderLauncher {
    static func launch(
        source: BlogSource, blog: LiveBlog, options: SourceOptions, markAfter: Double?, noColor: Bool,
        unreadOnly: Bool, timeZone: TimeZone, config: ReaderConfig,
        following: FollowSetup? = nil, followOptions: FollowOptions? = nil
    ) throws {
        let opened = try ReadMarks.open(
            identity: source.identity(for: blog), title: blog.title, state: options.state,
            fallBack: true)
        var marks = Set<EntryID>()
        var warning = opened.warning
        do {
            marks = Set(try opened.store.readMarks(for: opened.key).keys)
        } catch {
            warning = "read marks could not be loaded: \(error)"
        }
        let store = opened.store
        let key = opened.key
        let memory = ReaderMemory(
            session: (try? store.readerState("session", for: key)).flatMap { $0.map(SavedSession.init(text:)) },
            searchHistory: ((try? store.readerState("search-history", for: nil)) ?? nil)?
                .split(separator: "\n").map(String.init) ?? [],
            listWidth: ((try? store.readerState("list-width", for: nil)) ?? nil).flatMap { Int($0) }
                ?? config.listWidth,
            save: { state in
                do {
                    try store.setReaderState(state.session.text, "session", for: key)
                    try store.setReaderState(
                        state.searchHistory.suffix(100).joined(separator: "\n"), "search-history", for: nil)
                    try store.setReaderState(state.listWidth.map(String.init), "list-width", for: nil)
                } catch {
                    Diagnostics.warning("the session could not be saved: \(ReaderSession.shortReason(error))")
                }
            })
        let session = ReaderSession(
            blog: blog,
            sourceName: source.displayName,
            reload: {
                if source.isStandardInput { throw CLIError("standard input cannot be read again") }
                return try options.loadBlog().1
            },
            initialMarks: marks,
            persist: { ids, read in try store.setRead(ids, read: read, for: key) },
            storeWarning: warning,
            options: ReaderOptions(
                markAfter: markAfter, noColor: noColor, unreadOnly: unreadOnly, timeZone: timeZone,
                keymap: config.keymap),
            memory: memory, config: config)
        if let following {
            // What arrived since the last session is new; everything shown now counts as seen from here on.
            let seen = (try? store.seenEntries(for: key)) ?? []
            let ids = blog.entries.map(\.id)
            let newSince = ReadMarks.newSinceLastLook(ids, seen: seen)
            // Recorded after the first frame: writing every id costs a transaction the screen need not wait for.
            session.afterFirstFrame = { try? store.recordSeen(ids, at: Date(), for: key) }
            session.follow = ReaderFollow(
                inbox: following.makeFollower.map { FollowInbox(make: $0) },
                startsOn: following.followsAtStart, newSinceLastTime: newSince,
                signal: followOptions?.signal ?? ArrivalSignal(bell: false),
                recordSeen: { ids in try? store.recordSeen(ids, at: Date(), for: key) })
        }
        try session.run()
    }
}
