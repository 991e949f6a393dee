import ArgumentParser
import Foundation
import LiveBlogCore
import LiveBlogTUI

/// The `liveblog` command: the reader by default, plus list, export, search, check, mark and the blog list.
@main
struct LiveblogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "liveblog",
        abstract: "A terminal reader for news live blogs.",
        version: LiveblogVersion.current,
        subcommands: [
            ReadCommand.self, ListCommand.self, ExportCommand.self, SearchCommand.self, CheckCommand.self,
            MarkCommand.self, FollowCommand.self, BlogsCommand.self, AddCommand.self, RemoveCommand.self,
            ConfigCommand.self, RulesCommand.self, ManualCommand.self,
        ],
        defaultSubcommand: ReadCommand.self)
}

/// `liveblog [SOURCE]`: the full-screen reader; a plain listing when standard output is not a terminal.
struct ReadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read", abstract: "Open the reader (the default command).")

    @OptionGroup var options: SourceOptions
    @Option(
        help: ArgumentHelp(
            "Seconds an entry must be shown before it counts as read, or `never` (default: the configuration's mark-after, else 2).",
            valueName: "seconds"))
    var markAfter: MarkDelay?
    @Flag(help: "Draw without colours (also when NO_COLOR is set).") var noColor = false
    @Flag(help: "Start showing unread entries only.") var unread = false
    @Flag(help: "Show times in UTC rather than the local time zone.") var utc = false
    @OptionGroup var follow: FollowOptions

    func run() throws {
        try CLIError.reporting {
            // Checked first: a bad configuration is reported before any blog is read.
            let config = try ConfigFile.load()
            let markDelay = markAfter.map(\.seconds) ?? config.markAfter ?? 2
            let readerOptions = ReaderOptions(
                markAfter: markDelay,
                noColor: noColor || !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty,
                unreadOnly: unread, timeZone: utc ? TimeZone(identifier: "UTC")! : config.timeZone ?? .current,
                keymap: config.keymap)
            if let list = try ShelfLauncher.list(for: options) {
                guard isatty(1) == 1 else {
                    // Not a terminal: the blog list as `liveblog blogs` prints it, as a blog prints as `list`.
                    BlogListFile.reportProblems(list)
                    let summaries = BlogSummary.summarize(
                        list.items, loader: try options.loader(),
                        store: try ReadMarks.openForReading(state: options.state))
                    Output.write(BlogsCommand.lines(summaries, timeZone: readerOptions.timeZone))
                    return
                }
                try ShelfLauncher.launch(
                    list, options: options, readerOptions: readerOptions, config: config, follow: follow)
                return
            }
            let following = try FollowSetup.load(options, follow)
            let (source, blog) = (following.source, following.blog)
            guard isatty(1) == 1 else {
                let marks = try ReadMarks.lookUp(identity: source.identity(for: blog), state: options.state)
                Output.write(
                    EntryListing(blog: blog, source: source.displayName, readMarks: marks, unreadOnly: unread)
                        .render(json: false))
                return
            }
            try ReaderLauncher.launch(
                source: source, blog: blog, options: options, markAfter: markDelay,
                noColor: readerOptions.noColor, unreadOnly: unread, timeZone: readerOptions.timeZone,
                config: config, following: following, followOptions: follow)
        }
    }
}
