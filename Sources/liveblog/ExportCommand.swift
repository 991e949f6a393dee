import ArgumentParser
import LiveBlogCore

/// `liveblog export`: the whole blog as JSON, Markdown or text.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export the blog as JSON (the scripting contract), Markdown or text.")

    @OptionGroup var options: SourceOptions
    @Option(help: ArgumentHelp("json, markdown or text.", valueName: "format")) var format: BlogExporter.Format = .json

    func run() throws {
        try CLIError.reporting {
            let (source, blog) = try options.loadBlog()
            let marks = try ReadMarks.lookUp(identity: source.identity(for: blog), state: options.state)
            Output.write(BlogExporter(blog: blog, source: source.displayName, readMarks: marks).export(format))
        }
    }
}
