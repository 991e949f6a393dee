import ArgumentParser
import LiveBlogCore

/// `liveblog rules`: prints the bundled boilerplate rules, the format and the starting point for a `--rules`
/// file of one's own (an installed program has no source tree to look them up in).
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Print the bundled boilerplate rules (the format a --rules file uses).",
        discussion: """
            A rules file adds to these: copy the lines you need into your own file and pass it with --rules, or
            keep it as $XDG_CONFIG_HOME/liveblog/rules.txt.
            """)

    @Flag(help: "Print the rules (the default; kept for scripts that say so).") var print = false

    func run() throws {
        try CLIError.reporting { Output.write(BundledResources.boilerplateRulesText) }
    }
}
