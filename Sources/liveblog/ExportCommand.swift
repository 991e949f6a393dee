import ArgumentParser
import LiveBlogCore

/// `liveblog export`: the whole blog as JSON, Markdown or text.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export the blog as JSON (the scripting contract), Markdown or text.")

    @OptionGroup var options: SourceOptions
    @Option(help: ArgumentHelp("json, markdown or text.", valueName: "format")) var format = "json"

    func run() throws {
        try CLIError.reporting {
            guard let format = BlogExporter.Format(rawValue: format.lowercased()) else {
                let known = BlogExporter.Format.allCases.map(\.rawValue).joined(separator: ", ")
                throw CLIError("unknown format \(EchoedText.quoted(self.format)) (use one of: \(known))")
            }
            let (source, blog) = try options.loadBlog()
            let marks = try ReadMarks.lookUp(identity: source.identity(for: blog), state: options.state)
            Output.write(BlogExporter(blog: blog, source: source.displayName, readMarks: marks).export(format))
        }
    }
}
