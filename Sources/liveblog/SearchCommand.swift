import ArgumentParser
import Foundation
import LiveBlogCore

/// `liveblog search`: the entries matching a query; exit status 1 when none does, as grep's.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the blog: word prefixes, \"phrases\", -exclusions; case, accents and quote marks ignored.",
        usage: "liveblog search [SOURCE] QUERY [--json] [--sort blog|relevance] [--limit n]",
        discussion: "Every term matches the start of a word (kre finds Kremlin); all terms must match (AND); "
            + "\"two words\" is a phrase; -word or -\"a phrase\" excludes. Case, diacritics and quote marks are "
            + "folded. Headlines, paragraphs and related links are searched. A query may start with -: an argument "
            + "starting with one - that is not an option is the query. Exit status 1 when nothing matches, as grep's.")

    @Argument(
        help:
            "An optional SOURCE (a file, an address, or -), then the query; without SOURCE, standard input when it is a pipe or a file, else the bundled sample.",
        completion: .file())
    var arguments: [String] = []

    @Option(
        name: .customLong("rules"), help: ArgumentHelp("More boilerplate rules.", valueName: "file"),
        completion: .file()) var rulesFile: String?
    /// Search reads no marks; `--state` is accepted so that every command takes the same options.
    @OptionGroup var state: StateOptions
    @OptionGroup var inputLimit: InputLimit
    @Flag(help: "Print JSON.") var json = false
    @Option(help: ArgumentHelp("blog (as published) or relevance.", valueName: "order")) var sort: SearchOrder = .blog
    @Option(help: ArgumentHelp("Show at most this many hits.", valueName: "n")) var limit: Int?

    func run() throws {
        try CLIError.reporting {
            // SOURCE is optional and comes first, so the last argument is always the query.
            let words: SourceAndOperands
            do {
                words = try SourceAndOperands(arguments, operandCount: 1)
            } catch {
                throw CLIError(
                    "too many arguments; quote a query of several words (liveblog search [SOURCE] \"QUERY\")")
            }
            guard let queryText = words.operands.first else {
                throw CLIError("missing QUERY (usage: liveblog search [SOURCE] QUERY)")
            }
            // `search blog.txt` alone: the one word names a file and nothing is piped in, so it is the source the
            // user meant, not a query to look for in the bundled sample.
            if words.source == nil, !BlogSource.standardInputCarriesData(), Self.namesFile(queryText) {
                throw CLIError(
                    "missing QUERY after the file \(EchoedText.quoted(queryText)) (usage: liveblog search [SOURCE] QUERY)"
                )
            }
            if let limit, limit < 0 { throw CLIError("--limit must not be negative") }
            let loader = SourceLoader(source: words.source, rulesFile: rulesFile, maxSize: try inputLimit.bytes())
            // One query once: search the parsed bytes and build strings only for the entries printed.
            let parsed = try loader.loadSource()
            let query = SearchQuery(queryText)
            let (total, shown) = parsed.search(query, order: sort, limit: limit)
            if json {
                Output.write(
                    SearchExporter.json(
                        query: queryText, id: parsed.id(at:), headline: parsed.headline(at:),
                        total: total, hits: shown))
            } else {
                Output.write(SearchReport.text(entry: parsed.entry(at:), total: total, hits: shown))
            }
            if total == 0 { throw ExitCode(1) }
        }
    }

    /// Whether `word` names an existing regular file.
    static func namesFile(_ word: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: word, isDirectory: &isDirectory) && !isDirectory.boolValue
    }
}

/// How search hits are printed.
enum SearchReport {
    static func text(entry: (Int) -> Entry, total: Int, hits: [SearchHit]) -> [UInt8] {
        var out = ""
        for hit in hits {
            let entry = entry(hit.entryIndex)
            let time = entry.time.map { "\($0)  " } ?? ""
            out += "\(hit.entryIndex + 1)  \(time)\(entry.title())\n"
            if let snippet = snippet(entry, hit) { out += "    \(snippet)\n" }
        }
        out += "\(total) \(total == 1 ? "entry matches" : "entries match")\n"
        return Array(out.utf8)
    }

    /// A few words around the first body match, with the match in «guillemets».
    static func snippet(_ entry: Entry, _ hit: SearchHit) -> String? {
        guard let match = hit.matches.first(where: { $0.field != .headline }) ?? hit.matches.first else { return nil }
        let text: String
        switch match.field {
        case .headline: text = entry.headline ?? ""
        case .paragraph: text = entry.paragraphs[match.paragraph ?? 0]
        case .relatedTitle: text = entry.related[match.paragraph ?? 0].title
        case .relatedSummary: text = entry.related[match.paragraph ?? 0].summary ?? ""
        }
        let scalars = Array(text.unicodeScalars)
        let start = max(0, match.start - 50)
        let end = min(scalars.count, match.start + match.length + 50)
        var out = start > 0 ? "…" : ""
        out.unicodeScalars.append(contentsOf: scalars[start..<match.start])
        out += "«"
        out.unicodeScalars.append(contentsOf: scalars[match.start..<(match.start + match.length)])
        out += "»"
        out.unicodeScalars.append(contentsOf: scalars[(match.start + match.length)..<end])
        if end < scalars.count { out += "…" }
        return out
    }
}
