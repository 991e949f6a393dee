import ArgumentParser
import Dispatch
import Foundation
import LiveBlogCore

/// `liveblog follow SOURCE`: prints each new or edited entry as it arrives, like `tail -f`, until SIGINT or
/// SIGTERM; `--json` prints one JSON object per line.
struct FollowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "follow",
        abstract: "Print new and edited entries as they arrive (a web address is polled, a file watched).")

    @OptionGroup var options: SourceOptions
    @OptionGroup var follow: FollowOptions
    @Flag(
        help:
            "One JSON object per line: {\"event\": \"new\"|\"edited\"|\"current\", \"id\", \"time\", \"timestamp\", \"headline\", \"paragraphs\", \"url\"}."
    )
    var json = false
    @Flag(help: "Print the entries there are now (oldest first) before the arrivals.")
    var all = false
    @Flag(help: "Follow every blog of the blog list (`liveblog blogs`); each arrival names its blog.")
    var allBlogs = false

    func run() throws {
        try CLIError.reporting {
            if allBlogs {
                guard options.source == nil else {
                    throw CLIError("--all-blogs follows the blog list: name no source with it")
                }
                try AllBlogsFollower(options: options, follow: follow, json: json, printCurrent: all).run()
            }
            // A file given to `follow` is followed without `--follow`: that is what the command is for.
            var follow = self.follow
            follow.follow = true
            let setup = try FollowSetup.load(options, follow)
            if setup.makeFollower == nil && !setup.source.isStandardInput {
                throw CLIError(
                    "\(setup.source.displayName) cannot be followed: it never changes (name a file, - or a web address)"
                )
            }
            // What a script printed is not what the person has seen: the reader's "new since your last session"
            // is the reader's own, so following records nothing as seen.
            let printer = ArrivalPrinter(json: json, blogTitle: setup.blog.title)
            if all { printer.print(setup.blog.entries.reversed(), event: "current") }
            guard let make = setup.makeFollower else {
                // Standard input that had already ended: as `tail -f` on a finished pipe, what is there is
                // printed and the command ends, however the input was given (`-`, a pipe, a redirect).
                printer.finish()
            }
            let signal = follow.signal
            let events = EventQueue()
            let inbox = FollowInbox(make: make, wake: { events.signal() })
            Self.exitOnSignals(printer)
            inbox.start()
            var current = setup.blog
            while true {
                events.wait()
                for event in inbox.take() {
                    switch event {
                    case .note(let text, let isError):
                        if let text {
                            Diagnostics.write(
                                "liveblog: \(isError ? "warning: " : "")\(EchoedText.sanitized(text, limit: 2000))\n")
                        }
                    case .checked:
                        // The reader's status line shows these; a log of arrivals has no place for them.
                        break
                    case .ended:
                        // Like `tail -f` on a pipe: the input is over, so is following it.
                        printer.finish()
                    case .blog(let blog):
                        current = printer.printChanges(from: current, to: blog, signal: signal)
                    }
                }
            }
        }
    }

    /// SIGINT and SIGTERM end the command cleanly (status 0), never in the middle of a printed entry.
    static func exitOnSignals(_ printer: ArrivalPrinter) {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { printer.finish() }
            source.resume()
            signalSources.append(source)
        }
    }

    nonisolated(unsafe) static var signalSources: [DispatchSourceSignal] = []
}

/// Wakes the command's loop when a follower has queued something.
final class EventQueue: @unchecked Sendable {
    private let semaphore = DispatchSemaphore(value: 0)
    func signal() { semaphore.signal() }
    func wait() { semaphore.wait() }
}

/// Prints arrivals as text or JSON lines; one lock, so that an exit never cuts an entry in half.
final class ArrivalPrinter: @unchecked Sendable {
    // @unchecked: output goes through `lock`.
    private let lock = NSLock()
    let json: Bool
    let blogTitle: String

    init(json: Bool, blogTitle: String) {
        self.json = json
        self.blogTitle = blogTitle
    }

    /// Prints `entries`; with `blog` (following every blog of the list) each names the blog it came from.
    func print(_ entries: [Entry], event: String, blog: (name: String, source: String)? = nil) {
        guard !entries.isEmpty else { return }
        var out: [UInt8] = []
        for entry in entries {
            if json {
                out += ArrivalExporter.jsonLine(
                    entry, event: event, blogTitle: blog?.name ?? blogTitle, source: blog?.source)
            } else {
                out += textBlock(entry, event: event, blogName: blog?.name)
            }
        }
        lock.withLock { Output.write(out) }
    }

    /// Prints what changed from `before` to `blog`, arrivals then edits, oldest first as a log reads (the page
    /// puts its newest entry on top), each naming `name`'s blog when given, and signals the arrivals. Answers
    /// the version the next one is compared with: `blog`, or `before` when `blog` looks broken (said once).
    func printChanges(
        from before: LiveBlog, to blog: LiveBlog, signal: ArrivalSignal,
        blog name: (name: String, source: String)? = nil
    ) -> LiveBlog {
        if let reason = BlogMerge.rejection(of: blog, replacing: before) {
            let whose = name.map { EchoedText.sanitized($0.name, limit: 200) + ": " } ?? ""
            Diagnostics.warning("\(whose)kept the last good version: \(reason)")
            return before
        }
        let merge = BlogMerge(from: before, to: blog)
        let byID = Dictionary(blog.entries.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let added = merge.added.reversed().compactMap { byID[$0] }
        print(added, event: "new", blog: name)
        print(merge.edited.reversed().compactMap { byID[$0] }, event: "edited", blog: name)
        signal.announce(added, blogTitle: name?.name ?? blog.title, bellDescriptor: STDERR_FILENO)
        return blog
    }

    /// Exits with status 0 once no entry is being printed.
    func finish() -> Never {
        lock.lock()
        exit(0)
    }

    /// `new  14:05  Headline` (`new  [Blog name]  14:05  Headline` with a blog's name), then the paragraphs
    /// indented, then a blank line; controls shown as `?`.
    func textBlock(_ entry: Entry, event: String, blogName: String? = nil) -> [UInt8] {
        var text = event.padding(toLength: 7, withPad: " ", startingAt: 0)
        if let blogName { text += "[" + EchoedText.sanitized(blogName, limit: 200) + "]  " }
        if let time = entry.time { text += EchoedText.sanitized(time, limit: 40) + "  " }
        text += EchoedText.sanitized(entry.headline ?? entry.title(), limit: 10_000) + "\n"
        // An untitled entry's first words are its title line; its first paragraph is then printed whole only
        // when the title cut it short.
        let skipFirst = entry.headline == nil && entry.paragraphs.first == entry.title()
        for (k, paragraph) in entry.paragraphs.enumerated() where !(k == 0 && skipFirst) {
            text += "  " + EchoedText.sanitized(paragraph, limit: 100_000) + "\n"
        }
        return Array((text + "\n").utf8)
    }
}
