import ArgumentParser
import Foundation
import LiveBlogCore

/// `liveblog export`: the whole blog as JSON, Markdown, text or an Atom feed.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the blog as JSON (the scripting contract), Markdown, text or an Atom feed.")

    @OptionGroup var options: SourceOptions
    @Option(help: ArgumentHelp("json, markdown, text or atom.", valueName: "format")) var format: BlogExporter.Format =
        .json

    func run() throws {
        try CLIError.reporting {
            let (source, blog) = try options.loadBlog()
            let identity = source.identity(for: blog)
            let marks = try ReadMarks.lookUp(identity: identity, state: options.state)
            // The feed's ids hang on the web address, else on the name marks are stored under (see AtomWriter).
            let address: String? = if case .web(let address) = source.kind { address } else { nil }
            let exporter = BlogExporter(
                blog: blog, source: source.displayName, readMarks: marks, address: address, identity: identity.name,
                exportTime: Date())
            Output.write(exporter.export(format))
        }
    }
}
