import ArgumentParser
import Foundation
import LiveBlogCore
import LiveBlogStore

/// `liveblog remove SOURCE`: takes a blog off the blog list, and with `--forget` deletes what is stored about it.
struct RemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove a live blog from the blog list; its read marks are kept unless --forget.",
        discussion: """
            SOURCE is the source as listed, the same file by another path, or the blog's quoted name. Comments \
            and other lines of the file are kept as they are.
            """)

    @Argument(help: ArgumentHelp("The source as listed (or its name).", valueName: "source"), completion: .file())
    var source: String
    @Flag(help: "Also delete its read marks, seen entries and reader state from the state file.")
    var forget = false
    @Option(name: .customLong("rules"), help: ArgumentHelp("More boilerplate rules.", valueName: "file"))
    var rulesFile: String?
    @OptionGroup var state: StateOptions
    @OptionGroup var inputLimit: InputLimit

    func run() throws {
        try CLIError.reporting {
            let path = BlogListFile.path() ?? "blogs"
            let text = try BlogListFile.text()
            let item = Self.find(source, in: BlogList(parsing: text))
            // A bad line (a duplicate, an unknown scheme) is removed by its first word as written.
            let removal = BlogList.removing(source: item?.source ?? source, from: text)
            guard removal.removed else {
                throw CLIError(
                    "\(EchoedText.sanitized(source, limit: 4096)) is not in the list "
                        + "(\(EchoedText.sanitized(path, limit: 4096)))")
            }
            let shown = EchoedText.sanitized(item?.displayName ?? source)
            var forgotten: Bool?
            if forget {
                let listed = item ?? BlogList.Item(source: source)
                forgotten = try forgetStored(BlogListFile.resolvedSource(listed))
            }
            try BlogListFile.save(removal.text)
            Output.write("removed \(shown) from \(path)\n")
            if let forgotten {
                Output.write(forgotten ? "forgot the read marks of \(shown)\n" : "nothing was stored about \(shown)\n")
            }
        }
    }

    /// The listed item `word` names: its source as written, the same file by another path, or its name.
    static func find(_ word: String, in list: BlogList) -> BlogList.Item? {
        if let item = list.items.first(where: { $0.source == word }) { return item }
        if !BlogSource.isWebAddress(word) {
            let directory = FileManager.default.currentDirectoryPath
            let absolute =
                word.hasPrefix("/") || word.hasPrefix("~")
                ? BlogListFile.resolvedSource(BlogList.Item(source: word))
                : URL(fileURLWithPath: directory + "/" + word).standardizedFileURL.path
            if let item = list.items.first(where: { BlogListFile.resolvedSource($0) == absolute }) { return item }
        }
        return list.items.first { $0.name == word }
    }

    /// Deletes what the state file holds about the blog at `source`: under the name it is read by (a file's real
    /// path, `url:` and the address) and, when it can be read, under its canonical address or its entries.
    private func forgetStored(_ source: String) throws -> Bool {
        let statePath = try state.resolvedPath()
        // Nothing stored yet: no state file is made just to find that out.
        guard FileManager.default.fileExists(atPath: statePath) else { return false }
        let opened: ReadMarkStoreOpener.Opened
        do { opened = try ReadMarkStoreOpener.open(path: statePath) } catch {
            throw ReadMarks.writeFailure(error, path: statePath)
        }
        if let warning = opened.warning { Diagnostics.warning(warning) }
        let blogSource = BlogSource(argument: source)
        var identities = [blogSource.name(for: LiveBlog(title: ""))]
        // The canonical address is only on the page, so the blog is read (fetched) for it.
        do {
            let loader = SourceLoader(source: source, rulesFile: rulesFile, maxSize: try inputLimit.bytes())
            let blog = try loader.loadBlog(from: blogSource)
            let identity = blogSource.identity(for: blog)
            if let found = try identity.find(in: opened.store) { identities.append(found.identity) }
        } catch let error as CLIError {
            Diagnostics.warning("\(error.message); forgetting only what is stored under its name")
        }
        var forgotten = false
        do {
            for identity in Set(identities) where try opened.store.forgetBlog(identity: identity) { forgotten = true }
        } catch {
            throw ReadMarks.writeFailure(error, path: statePath)
        }
        return forgotten
    }
}
