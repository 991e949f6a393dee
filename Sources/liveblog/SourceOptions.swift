import ArgumentParser
import Foundation
import LiveBlogCore
import LiveBlogStore

/// The options every command shares: where the blog comes from, extra rules, and where marks live.
struct SourceOptions: ParsableArguments {
    @Argument(help: "A live blog saved as text, or - for standard input. Default: the bundled sample.")
    var source: String?

    @Option(name: .customLong("rules"), help: ArgumentHelp("More boilerplate rules (see Resources/boilerplate-rules.txt).", valueName: "file"))
    var rulesFile: String?

    @OptionGroup var state: StateOptions

    @OptionGroup var inputLimit: InputLimit

    /// Reads and parses the blog, keeping its texts as spans of the source bytes (see `ParsedSource`).
    func loadSource() throws -> ParsedSource {
        let source = BlogSource(argument: self.source)
        let parser = try LiveBlogParser(rules: RuleLoader.rules(extraFile: rulesFile))
        return parser.parseSource(bytes: try source.readBytes(maxSize: inputLimit.bytes()))
    }

    /// Reads and parses the blog with the bundled rules, the user's config rules and `--rules`.
    func loadBlog() throws -> (BlogSource, LiveBlog) {
        let source = BlogSource(argument: self.source)
        let parser = try LiveBlogParser(rules: RuleLoader.rules(extraFile: rulesFile))
        return (source, parser.parse(bytes: try source.readBytes(maxSize: inputLimit.bytes())))
    }
}

/// `--state PATH`, where read marks are kept.
struct StateOptions: ParsableArguments {
    @Option(name: .customLong("state"), help: ArgumentHelp("The read-mark database (default: $LIVEBLOG_STATE, else $XDG_STATE_HOME/liveblog/state.sqlite).", valueName: "path"))
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
        let configHome = env["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
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
        let bytes = try BlogSource(path: path).readBytes(maxSize: maxRulesFileSize)
        do {
            try rules.add(parsing: String(decoding: bytes, as: UTF8.self), origin: path)
        } catch let error as BoilerplateRules.SyntaxError {
            throw CLIError("bad rule at \(error.description)")
        }
    }
}
