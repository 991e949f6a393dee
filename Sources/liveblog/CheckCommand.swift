import ArgumentParser
import LiveBlogCore

/// `liveblog check`: what the parser dropped, kept as links and was unsure of, line by line.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Explain the parse line by line: what was dropped and why, for tuning rules.")

    @OptionGroup var options: SourceOptions
    @Flag(
        help:
            "Print the whole parse instead: every entry with its source line, time, headline, paragraphs and links, then the notes."
    )
    var dump = false

    func run() throws {
        try CLIError.reporting {
            let (source, blog) = try options.loadBlog()
            if dump {
                Output.write(blog.dump(.all) + "\n")
                return
            }
            var out = "\(source.displayName): \(blog.entries.count) entries"
            out += ", title “\(blog.title)”"
            out += blog.standfirst == nil ? ", no standfirst\n" : ", with a standfirst\n"
            for d in blog.diagnostics {
                let place = d.line > 0 ? "line \(d.line)" : "input"
                out += "\(place): \(d.kind.rawValue): \(d.message)\n"
            }
            let dropped = blog.diagnostics.filter { $0.kind == .dropped }.count
            let doubtful = blog.diagnostics.filter { $0.kind == .doubtfulHeadline }.count
            out += "\(dropped) lines dropped, \(doubtful) doubtful headline calls\n"
            Output.write(out)
        }
    }
}
