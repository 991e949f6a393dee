import ArgumentParser
import Foundation
import LiveBlogCore
import LiveBlogTUI

/// `liveblog blogs`: the blog list with each blog's unread and new entries, last update and error.
struct BlogsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "blogs",
        abstract: "List the blogs of the blog list: unread and new entries, last update, errors.",
        discussion: """
            Every blog is read (addresses fetched, at most 4 at once). A blog that cannot be read shows its error \
            in its row; bad lines of the list are warnings. --json prints an array of {name, source, tags, unread, \
            new, entries, newest, error}; the counts are null for a blog that could not be read.
            """)

    @Flag(help: "Print JSON instead of lines.") var json = false
    @Option(name: .customLong("rules"), help: ArgumentHelp("More boilerplate rules.", valueName: "file"))
    var rulesFile: String?
    @OptionGroup var state: StateOptions
    @OptionGroup var inputLimit: InputLimit
    @Flag(help: "Add the network library's own words to a failed fetch's message.")
    var verbose = false

    func run() throws {
        try CLIError.reporting {
            let list = try BlogListFile.load()
            BlogListFile.reportProblems(list)
            if list.items.isEmpty && !json {
                let path = BlogListFile.path() ?? "~/.config/liveblog/blogs"
                Diagnostics.write(
                    "liveblog: no blogs in \(EchoedText.sanitized(path, limit: 4096)) yet; add one with liveblog add SOURCE\n"
                )
            }
            let loader = SourceLoader(
                source: nil, rulesFile: rulesFile, maxSize: try inputLimit.bytes(), verbose: verbose)
            let summaries = BlogSummary.summarize(
                list.items, loader: loader, store: list.items.isEmpty ? nil : try ReadMarks.openForReading(state: state)
            )
            if json {
                Output.write(Self.json(summaries))
            } else {
                let zone = (try? ConfigFile.load())?.timeZone ?? .current
                Output.write(Self.lines(summaries, timeZone: zone))
            }
        }
    }

    /// The JSON array, one object a blog, newline-terminated.
    static func json(_ summaries: [BlogSummary]) -> [UInt8] {
        var w = JSONWriter(capacity: summaries.count * 200 + 16)
        w.beginArray()
        for summary in summaries {
            w.beginObject()
            w.field("name", summary.item.displayName)
            w.field("source", summary.item.source)
            w.key("tags")
            w.beginArray()
            for tag in summary.item.tags { w.string(tag) }
            w.endArray()
            for (key, value) in [("unread", summary.unread), ("new", summary.new), ("entries", summary.entries)] {
                w.key(key)
                if let value { w.number(value) } else { w.null() }
            }
            w.field("newest", summary.newest.map(BlogExporter.iso8601))
            w.field("error", summary.error)
            w.endObject()
        }
        w.endArray()
        return w.bytes + [0x0A]
    }

    /// The longest name shown, in terminal cells; a longer one is cut with `…`.
    static let nameWidth = 40

    /// One line a blog: `NAME  UNREAD/ENTRIES unread  NEW new  updated TIME`, or `NAME  error: WHY`.
    static func lines(_ summaries: [BlogSummary], timeZone: TimeZone) -> String {
        let names = summaries.map { Self.cut(EchoedText.sanitized($0.item.displayName, limit: 200)) }
        let nameWidth = names.map(DisplayWidth.of).max() ?? 0
        let counts = summaries.map { summary in
            summary.unread.map { "\($0)/\(summary.entries ?? 0) unread" } ?? ""
        }
        let countWidth = counts.map(\.count).max() ?? 0
        let newWidth = summaries.compactMap { $0.new.map { String($0).count } }.max() ?? 0
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        var out = ""
        for (k, summary) in summaries.enumerated() {
            var line = names[k] + String(repeating: " ", count: nameWidth - DisplayWidth.of(names[k])) + "  "
            if let error = summary.error {
                line += "error: " + EchoedText.sanitized(error, limit: 300)
            } else {
                line += String(repeating: " ", count: countWidth - counts[k].count) + counts[k] + "  "
                let new = String(summary.new ?? 0)
                line += String(repeating: " ", count: newWidth - new.count) + new + " new"
                if let newest = summary.newest { line += "  updated " + formatter.string(from: newest) }
            }
            out += line + "\n"
        }
        return out
    }

    /// `name` cut to `nameWidth` cells.
    private static func cut(_ name: String) -> String {
        guard DisplayWidth.of(name) > nameWidth else { return name }
        var out = ""
        for c in name {
            if DisplayWidth.of(out + String(c)) > nameWidth - 1 { break }
            out.append(c)
        }
        return out + "…"
    }
}
