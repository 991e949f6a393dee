import ArgumentParser
import LiveBlogCore
import LiveBlogTUI

/// `liveblog list`: one line per entry.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the entries, one per line (index, read flag, time, headline).")

    @OptionGroup var options: SourceOptions
    @Flag(help: "Print JSON instead of lines.") var json = false
    @Flag(help: "Only entries not yet read.") var unread = false

    func run() throws {
        try CLIError.reporting {
            let (source, blog) = try options.loadBlog()
            let marks = try ReadMarks.lookUp(identity: source.identity(for: blog), state: options.state)
            Output.write(
                EntryListing(blog: blog, source: source.displayName, readMarks: marks, unreadOnly: unread)
                    .render(json: json))
        }
    }
}

/// The listing shared by `list` and by the reader when standard output is not a terminal.
struct EntryListing {
    let blog: LiveBlog
    let source: String
    let readMarks: Set<EntryID>
    let unreadOnly: Bool

    func render(json: Bool) -> [UInt8] {
        let rows = blog.entries.enumerated().filter { !unreadOnly || !readMarks.contains($0.element.id) }
        if json {
            return ListingExporter.json(
                title: blog.title, source: source, rows: rows.map { ($0.offset, $0.element) },
                readMarks: readMarks)
        }
        let width = String(blog.entries.count).count
        let timeWidth = rows.map { $0.element.time.map { DisplayWidth.of($0) } ?? 0 }.max() ?? 0
        var out = ""
        for (index, entry) in rows {
            let number = String(index + 1)
            out += String(repeating: " ", count: width - number.count) + number
            out += readMarks.contains(entry.id) ? "   " : " N "
            let time = entry.time ?? ""
            out += time + String(repeating: " ", count: timeWidth - DisplayWidth.of(time))
            out += timeWidth > 0 ? "  " : ""
            out += entry.title()
            // The page's flags, as the reader's list shows them (★ key event, ⚑ pinned), in words.
            if !entry.flags.names.isEmpty { out += "  [" + entry.flags.names.joined(separator: ", ") + "]" }
            out += "\n"
        }
        return Array(out.utf8)
    }
}
