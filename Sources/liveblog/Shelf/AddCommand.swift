import ArgumentParser
import Foundation
import LiveBlogCore
import LiveBlogHTTP

/// `liveblog add SOURCE`: appends a blog to the blog list, without reading it.
struct AddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a live blog to the blog list (it is not fetched).",
        discussion: """
            The list is $XDG_CONFIG_HOME/liveblog/blogs (~/.config/liveblog/blogs): one blog a line, the source, \
            an optional "quoted name", then tags; # starts a comment. A relative path is made absolute; an \
            address is checked as a fetch would check it. The other lines of the file are kept as they are.
            """)

    @Argument(
        help: ArgumentHelp("An http(s):// address or a file (a saved page or a text scrape).", valueName: "source"),
        completion: .file())
    var source: String
    @Option(
        help: ArgumentHelp("The name to show for it (default: made from the address or file name).", valueName: "name"))
    var name: String?
    @Option(name: .customLong("tag"), help: ArgumentHelp("A tag; repeat for more.", valueName: "tag"))
    var tags: [String] = []

    func run() throws {
        try CLIError.reporting {
            let written = try Self.normalized(source)
            let item = BlogList.Item(source: written, name: name, tags: tags)
            if let problem = BlogList.problem(with: item) { throw CLIError("cannot add it: \(problem)") }
            let path = BlogListFile.path() ?? "blogs"
            let text = try BlogListFile.text()
            let list = BlogList(parsing: text)
            let resolved = BlogListFile.resolvedSource(item)
            if let listed = list.items.first(where: {
                $0.source == written || BlogListFile.resolvedSource($0) == resolved
            }) {
                throw CLIError(
                    "\(EchoedText.sanitized(written, limit: 4096)) is already in the list: "
                        + "\(EchoedText.sanitized(path, limit: 4096)):\(listed.line)")
            }
            try BlogListFile.save(BlogList.adding(item, to: text))
            Output.write("added \(EchoedText.sanitized(item.displayName)) to \(path)\n")
        }
    }

    /// The source as the list will hold it: an address checked by the fetcher's own gate, a path made absolute
    /// (`~/` is kept: it is expanded when the list is read).
    static func normalized(_ source: String) throws -> String {
        if BlogSource.isWebAddress(source) {
            do {
                return try WebAddress(source).text
            } catch {
                throw CLIError(error.description)
            }
        }
        // An unknown scheme is refused before it could be taken for a relative path.
        if let problem = BlogList.problem(with: BlogList.Item(source: source)) {
            throw CLIError("cannot add it: \(problem)")
        }
        if source.lowercased().hasPrefix("file://") || source.hasPrefix("/") || source == "~"
            || source.hasPrefix("~/")
        {
            return source
        }
        let directory = FileManager.default.currentDirectoryPath
        return URL(fileURLWithPath: directory + "/" + source).standardizedFileURL.path
    }
}
