import ArgumentParser
import Foundation
import LiveBlogTUI

/// `liveblog config`: where the configuration file is, and with `--dump` the settings in effect.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show where the configuration file is, or (--dump) the settings in effect.",
        discussion: """
            The file is $XDG_CONFIG_HOME/liveblog/config (~/.config/liveblog/config), one setting per line:
              bind KEY ACTION        e.g. bind x mark-all (actions are the names ':' takes)
              color ROLE FG [BG]     e.g. color time magenta; colours: default, black, red, green, yellow,
                                     blue, magenta, cyan, white, or 0-255
              mouse on|off           off leaves the mouse to the terminal (select text as usual)
              list-width N|auto      columns of the list beside the detail pane
              mark-after SECONDS|never
              time-zone local|utc|ZONE
            Lines starting with # are comments. The file is checked when the reader starts; a bad line is
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
