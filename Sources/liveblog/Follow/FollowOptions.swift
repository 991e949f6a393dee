import ArgumentParser
import Foundation
import LiveBlogCore
import LiveBlogHTTP

/// `--every`, `--follow`, `--bell`, `--notify-command`: how a source is followed and how arrivals are signalled.
struct FollowOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "How often a web address is polled: seconds, or with s, m, h (default 60s).", valueName: "interval"))
    var every: String?

    @Flag(help: "Follow a file or standard input for new text (a web address is always followed).")
    var follow = false

    @Flag(help: "Ring the terminal bell when new entries arrive.")
    var bell = false

    @Option(
        help: ArgumentHelp(
            "Run this shell command for each new entry, with LIVEBLOG_HEADLINE, LIVEBLOG_TIME, LIVEBLOG_ID, LIVEBLOG_URL and LIVEBLOG_BLOG set.",
            valueName: "command"))
    var notifyCommand: String?

    /// The polling interval in seconds.
    func interval() throws -> Double {
        guard let every else { return 60 }
        guard let seconds = FollowOptions.parseDuration(every), seconds >= 1, seconds <= 86_400 else {
            throw CLIError(
                "--every takes an interval from 1s to 24h such as 30s, 5m or 90, not \(EchoedText.quoted(every))",
                exitCode: 64)
        }
        return seconds
    }

    /// "30", "30s", "5m", "1h", "1.5m" in seconds; nil when not a duration.
    static func parseDuration(_ text: String) -> Double? {
        let lower = text.lowercased().trimmingCharacters(in: .whitespaces)
        var scale = 1.0
        var number = Substring(lower)
        if let last = lower.last, "smh".contains(last) {
            scale = last == "s" ? 1 : last == "m" ? 60 : 3600
            number = lower.dropLast()
        }
        guard let value = Double(number), value.isFinite else { return nil }
        return value * scale
    }

    /// What is done for arrivals: the bell and the notify command.
    var signal: ArrivalSignal { ArrivalSignal(bell: bell, notifyCommand: notifyCommand) }
}
