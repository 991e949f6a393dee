import ArgumentParser
import Foundation
import LiveBlogCore
import LiveBlogHTML
import LiveBlogStore

/// The options every command shares: where the blog comes from, extra rules, and where marks live.
struct SourceOptions: ParsableArguments {
    @Argument(
        help: ArgumentHelp(
            "A live blog: a text scrape, a saved HTML page, - for standard input (either), or an http(s):// address. Default: standard input when it is a pipe or a file, else the bundled sample.",
            valueName: "source"), completion: .file())
    var source: String?

    @Option(
        name: .customLong("rules"),
        help: ArgumentHelp(
            "More boilerplate rules (`liveblog rules` prints the bundled ones and the format).", valueName: "file"),
        completion: .file())
    var rulesFile: String?

    @OptionGroup var state: StateOptions

    @OptionGroup var inputLimit: InputLimit

    @Flag(help: "Add the network library's own words to a failed fetch's message.")
    var verbose = false

    /// What to read, with the limits these options give.
    func loader() throws -> SourceLoader {
        SourceLoader(source: source, rulesFile: rulesFile, maxSize: try inputLimit.bytes(), verbose: verbose)
    }

    /// Reads and parses the blog; text keeps its texts as spans of the source bytes (see `ParsedSource`).
    func loadSource() throws -> LoadedSource { try loader().loadSource() }

    /// Reads and parses the blog (see `SourceLoader.loadBlog()`).
    func loadBlog() throws -> (BlogSource, LiveBlog) { try loader().loadBlog() }
}

/// Where a blog comes from and how to read it: the one path from a SOURCE word to a parsed blog.
struct SourceLoader {
    var source: String?
    var rulesFile: String?
    var maxSize: Int
    /// Whether a failed fetch's message carries the library's own words.
    var verbose = false

    /// Reads and parses the blog; text keeps its texts as spans of the source bytes (see `ParsedSource`).
    func loadSource() throws -> LoadedSource {
        let source = BlogSource.implicit(self.source)
        let rules = try RuleLoader.rules(extraFile: rulesFile)
        let content = try source.load(maxSize: maxSize, verbose: verbose)
        if Self.isHTML(content) {
            return .page(
                HTMLBlogReader(rules: rules, baseURL: content.address).read(
                    bytes: content.bytes, contentType: content.contentType))
        }
        return .text(LiveBlogParser(rules: rules).parseSource(bytes: content.bytes))
    }

    /// Reads and parses the blog with the bundled rules, the user's config rules and `--rules`; an HTML page
    /// (sniffed from its bytes, or so declared by the server) goes to the HTML reader.
    func loadBlog() throws -> (BlogSource, LiveBlog) {
        let source = BlogSource.implicit(self.source)
        return (source, try loadBlog(from: source))
    }

    /// Reads and parses `source`, already decided by the caller (see `BlogSource.implicit`).
    func loadBlog(from source: BlogSource) throws -> LiveBlog {
        let rules = try RuleLoader.rules(extraFile: rulesFile)
        let content = try source.load(maxSize: maxSize, verbose: verbose)
        if Self.isHTML(content) {
            return HTMLBlogReader(rules: rules, baseURL: content.address).read(
                bytes: content.bytes, contentType: content.contentType)
        }
        return LiveBlogParser(rules: rules).parse(bytes: content.bytes)
    }

    /// The bytes decide; a server's `text/html` counts too, since a page may start with a script or a comment.
    static func isHTML(_ content: BlogSource.Content) -> Bool {
        if HTMLSniffer.looksLikeHTML(content.bytes) { return true }
        let type = content.contentType?.lowercased() ?? ""
        return type.hasPrefix("text/html") || type.hasPrefix("application/xhtml")
    }
}

/// `--state PATH`, where read marks are kept.
struct StateOptions: ParsableArguments {
    @Option(
        name: .customLong("state"),
        help: ArgumentHelp(
            "The read-mark database (default: $LIVEBLOG_STATE, else $XDG_STATE_HOME/liveblog/state.sqlite).",
            valueName: "path"), completion: .file(extensions: ["sqlite"]))
    var path: String?

    /// The resolved state file path.
    func resolvedPath() throws -> String {
        do {
            return try StateLocation.resolve(explicitPath: path, environment: ProcessInfo.processInfo.environment)
        } catch {
            throw CLIError(String(describing: error))
        }
    }
}

/// Gathers the boilerplate rules: bundled, then `$XDG_CONFIG_HOME/liveblog/rules.txt`, then `--rules FILE`.
enum RuleLoader {
    static func rules(extraFile: String?) throws -> BoilerplateRules {
        var rules = BoilerplateRules.bundled
        let env = ProcessInfo.processInfo.environment
        let configHome =
            env["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (env["HOME"].map { $0 + "/.config" } ?? "")
        let userFile = configHome + "/liveblog/rules.txt"
        if !configHome.isEmpty, FileManager.default.fileExists(atPath: userFile) {
            try add(userFile, to: &rules)
        }
        if let extraFile { try add(extraFile, to: &rules) }
        return rules
    }

    /// Rules are written by hand: a rules file over 4 MB is a mistake (a blog given as rules, a device).
    static let maxRulesFileSize = 4 << 20

    private static func add(_ path: String, to rules: inout BoilerplateRules) throws {
        // A rules file is always a path, even `-`: standard input belongs to the blog.
        let bytes = try BlogSource(path: path).readBytes(maxSize: maxRulesFileSize, role: .rules)
        do {
            try rules.add(parsing: String(decoding: bytes, as: UTF8.self), origin: path)
        } catch let error as BoilerplateRules.SyntaxError {
            throw CLIError("bad rule at \(error.description)")
        }
    }
}
