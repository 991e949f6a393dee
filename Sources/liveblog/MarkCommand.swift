import ArgumentParser
import Foundation
import LiveBlogCore

/// `liveblog mark`: mark entries read (or unread) from the command line.
struct MarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mark",
        abstract: "Mark entries read by id or by the index `liveblog list` prints, or all of them.",
        usage: "liveblog mark [SOURCE] ID|INDEX... [--unread]\nliveblog mark [SOURCE] --all [--unread]",
        discussion:
            "Ids are those of `liveblog list --json`; an index is the number `liveblog list` prints. Marks are kept in the state file (--state)."
    )

    @Argument(help: "An optional SOURCE (a path, or -), then entry ids.", completion: .file()) var arguments: [String] =
        []
    @Flag(help: "Mark every entry.") var all = false
    @Flag(help: "Mark as unread instead.") var unread = false
    @Option(name: .customLong("rules"), help: ArgumentHelp("More boilerplate rules.", valueName: "file")) var rulesFile:
        String?
    @OptionGroup var state: StateOptions
    @OptionGroup var inputLimit: InputLimit
    @Flag(help: "Add the network library's own words to a failed fetch's message.") var verbose = false

    func run() throws {
        try CLIError.reporting {
            // Ids never contain "/" or "."; a first word that does, or names a file, is the source.
            let words = SourceAndOperands(arguments) { first in
                first == "-" || first.contains("/") || first.contains(".")
                    || FileManager.default.fileExists(atPath: first)
            }
            let ids = words.operands
            if all && !ids.isEmpty { throw CLIError("give entry ids or --all, not both") }
            if !all && ids.isEmpty { throw CLIError("no entry ids given (use --all to mark every entry)") }
            let loader = SourceLoader(
                source: words.source, rulesFile: rulesFile, maxSize: try inputLimit.bytes(), verbose: verbose)
            let (source, blog) = try loader.loadBlog()
            let known = Set(blog.entries.map(\.id))
            // An id from `list --json`, or the index `list` prints (1 for the first entry on the page).
            var targets: [EntryID] = []
            for word in all ? blog.entries.map(\.id.rawValue) : ids {
                if known.contains(EntryID(word)) {
                    targets.append(EntryID(word))
                } else if let index = Int(word), index >= 1, index <= blog.entries.count {
                    targets.append(blog.entries[index - 1].id)
                } else {
                    throw CLIError(
                        "no entry with id or index \(EchoedText.quoted(word)) in \(source.displayName) "
                            + "(\(blog.entries.count) entries; see liveblog list)")
                }
            }
            let opened = try ReadMarks.open(
                identity: source.identity(for: blog), title: blog.title, state: state, fallBack: false)
            if let warning = opened.warning { Diagnostics.warning(warning) }
            do {
                try opened.store.setRead(targets, read: !unread, for: opened.key)
            } catch {
                throw ReadMarks.writeFailure(error, path: try state.resolvedPath())
            }
            let word = unread ? "unread" : "read"
            Output.write("marked \(targets.count) \(targets.count == 1 ? "entry" : "entries") \(word)\n")
        }
    }
}
