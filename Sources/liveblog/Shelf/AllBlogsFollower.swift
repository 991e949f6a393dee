import Foundation
import LiveBlogCore
import LiveBlogStore

/// `liveblog follow --all-blogs`: every blog of the blog list followed by one `ShelfPoller`, each arrival
/// printed with the name of its blog, until SIGINT or SIGTERM.
struct AllBlogsFollower {
    var options: SourceOptions
    var follow: FollowOptions
    var json: Bool
    /// Print each blog's entries as they are at its first read (`--all`), before the arrivals.
    var printCurrent: Bool

    func run() throws -> Never {
        let list = try BlogListFile.load()
        BlogListFile.reportProblems(list)
        guard !list.items.isEmpty else {
            throw CLIError("the blog list is empty: `liveblog add SOURCE` adds a blog")
        }
        let sources = list.items.map { BlogSource(argument: BlogListFile.resolvedSource($0)) }
        let events = EventQueue()
        let poller = ShelfPoller(
            sources: sources, maxSize: try options.inputLimit.bytes(), interval: try follow.interval(),
            parse: try options.parser(), wake: { events.signal() })
        let printer = ArrivalPrinter(json: json, blogTitle: "")
        FollowCommand.exitOnSignals(printer)
        let signal = follow.signal
        var current: [Int: LiveBlog] = [:]
        var failing: Set<Int> = []
        poller.start()
        while true {
            events.wait()
            for report in poller.take() {
                switch report {
                case .blog(let b, let blog):
                    let item = list.items[b]
                    let name = (item.displayName, item.source)
                    failing.remove(b)
                    guard let before = current[b] else {
                        // The first read: what is there now is not an arrival. Nothing is recorded as seen: that
                        // is the reader's, for the person (see `FollowCommand`).
                        current[b] = blog
                        if printCurrent { printer.print(blog.entries.reversed(), event: "current", blog: name) }
                        continue
                    }
                    current[b] = printer.printChanges(from: before, to: blog, signal: signal, blog: name)
                case .failed(let b, let text, _):
                    // Said once when a blog starts failing, not on every retry.
                    if failing.insert(b).inserted {
                        Diagnostics.warning("\(EchoedText.sanitized(list.items[b].displayName, limit: 200)): \(text)")
                    }
                case .checked:
                    break
                }
            }
        }
    }
}
