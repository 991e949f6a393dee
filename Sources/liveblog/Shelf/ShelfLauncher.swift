import Foundation
import LiveBlogCore
import LiveBlogStore
import LiveBlogTUI

/// Opens the reader over every blog of the blog list: the store, the poller and the session.
enum ShelfLauncher {
    /// Whether `liveblog` with no source opens the blog list: it has blogs, and nothing is piped in.
    static func list(for options: SourceOptions) throws -> BlogList? {
        guard options.source == nil, !BlogSource.standardInputCarriesData() else { return nil }
        let list = try BlogListFile.load()
        return list.items.isEmpty ? nil : list
    }

    static func launch(
        _ list: BlogList, options: SourceOptions, readerOptions: ReaderOptions, config: ReaderConfig,
        follow: FollowOptions
    ) throws {
        let opened = ReadMarkStoreOpener.openOrFallBack(path: try options.state.resolvedPath())
        let problems = list.problems.map { "blog list line \($0.line): \($0.message)" }
        let warning = (problems + [opened.warning].compactMap { $0 }).first.map {
            problems.count > 1 ? $0 + " (and \(problems.count - 1) more: liveblog blogs lists them)" : $0
        }
        let sources = list.items.map { BlogSource(argument: BlogListFile.resolvedSource($0)) }
        let remembered = ShelfBlog.Remembered.decode(
            ((try? opened.store.readerState(ShelfSession.rowsName, for: nil)) ?? nil) ?? "")
        let blogs = list.items.map { item in
            var blog = ShelfBlog(name: item.displayName, tags: item.tags, source: item.source)
            blog.remembered = remembered[item.source]
            return blog
        }
        guard let wake = WakePipe() else { throw CLIError("cannot start the poller: no file descriptors left") }
        let poller = ShelfPoller(
            sources: sources, maxSize: try options.inputLimit.bytes(), interval: try follow.interval(),
            parse: try options.parser(), wake: { [wake] in wake.wake() })
        let session = ShelfSession(
            blogs: blogs, sources: sources, poller: poller, wake: wake, store: opened.store, options: readerOptions,
            config: config, signal: follow.signal, warning: warning)
        try session.run()
    }
}
