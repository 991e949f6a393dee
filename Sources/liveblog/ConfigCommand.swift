import ArgumentParser
import Foundation
import LiveBlogTUI

/// `liveblog config`: where the configuration file is, and with `--dump` the settings in effect.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show where the configuration file is, or (--dump) the settings in effect.",
        discussion: """
            The file is $XDG_CONFIG_HOME/liveblog/config (~/.config/liveblog/config), one setting per line; \
            :set NAME VALUE in the reader takes the same settings for the session:

            """ + Setting.plainLines().joined(separator: "\n") + """

                Lines starting with # are comments. The file is checked when the reader starts; a bad line is \
                an error naming it. --dump prints a complete file with every setting and key binding.
                """)

    @Flag(help: "Print the effective settings, in the file's own format.") var dump = false

    func run() throws {
        try CLIError.reporting {
            let config = try ConfigFile.load()
            if dump {
                Output.write(config.dump())
            } else {
                Output.write((ConfigFile.path() ?? "(no XDG_CONFIG_HOME or HOME: no configuration file)") + "\n")
            }
        }
    }
}
