import ArgumentParser
import LiveBlogCore

// Option values as types: argument-parser checks them, lists them in `--help` and completes them in the shell
// completion scripts, and the commands never see an unchecked string.

extension BlogExporter.Format: ExpressibleByArgument {
    /// Any case: `--format JSON` is `json`.
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}

extension SearchOrder: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}

/// `--mark-after`: seconds an entry must be shown before it counts as read, or `never`.
struct MarkDelay: ExpressibleByArgument, Equatable, CustomStringConvertible {
    /// Seconds, or nil for never.
    var seconds: Double?

    init(seconds: Double?) { self.seconds = seconds }

    init?(argument: String) {
        if argument.lowercased() == "never" {
            seconds = nil
        } else if let value = Double(argument), value >= 0, value.isFinite {
            seconds = value
        } else {
            return nil
        }
    }

    var description: String { seconds.map { $0 == $0.rounded() ? String(Int($0)) : String($0) } ?? "never" }
    var defaultValueDescription: String { description }
}

/// The positional words of a command that takes an optional SOURCE before its operands (`search`, `mark`):
/// the one place that decides which word is the source.
struct SourceAndOperands {
    /// The SOURCE argument, when one was given.
    var source: String?
    /// Everything after it.
    var operands: [String]

    /// Splits `words` when the number of operands is fixed: a word more than `operandCount` is the source.
    init(_ words: [String], operandCount: Int) throws {
        guard words.count <= operandCount + 1 else {
            throw CLIError("too many arguments (expected [SOURCE] and \(operandCount))")
        }
        source = words.count > operandCount ? words[0] : nil
        operands = Array(words.dropFirst(words.count > operandCount ? 1 : 0))
    }

    /// Splits `words` when the operands are open-ended: the first word is the source when it can only be one
    /// (`-`, a path with `/` or `.`, an address, an existing file); operands (entry ids) never look like that.
    init(_ words: [String], isSource: (String) -> Bool) {
        if let first = words.first, isSource(first) {
            source = first
            operands = Array(words.dropFirst())
        } else {
            source = nil
            operands = words
        }
    }
}
