import ArgumentParser
import Foundation
import LiveBlogCore

/// `--max-size SIZE`: the most bytes any input (a blog, standard input, a rules file) may hold.
///
/// Without a cap `/dev/zero` or a huge sparse file is read until memory runs out and the runtime aborts.
struct InputLimit: ParsableArguments {
    /// 512 MiB: five times the largest real blog we have measured, and small enough to parse on a laptop.
    static let defaultBytes = 512 << 20

    @Option(
        name: .customLong("max-size"),
        help: ArgumentHelp("Refuse inputs larger than this (bytes, or with K, M, G; default 512M).", valueName: "size"))
    var text: String?

    /// The limit in bytes.
    func bytes() throws -> Int {
        guard let text else { return InputLimit.defaultBytes }
        guard let value = InputLimit.parse(text) else {
            throw CLIError("--max-size takes a size such as 512M or 2G, not \(EchoedText.quoted(text))", exitCode: 64)
        }
        return value
    }

    /// `123`, `64K`, `512M`, `2G` (powers of 1024; a trailing `B` or `iB` is allowed); nil for anything else.
    static func parse(_ text: String) -> Int? {
        var digits = text.trimmingCharacters(in: .whitespaces).uppercased()
        for suffix in ["IB", "B"] where digits.hasSuffix(suffix) && digits.count > suffix.count {
            digits.removeLast(suffix.count)
            break
        }
        var shift = 0
        switch digits.last {
        case "K": shift = 10
        case "M": shift = 20
        case "G": shift = 30
        case "T": shift = 40
        default: break
        }
        if shift > 0 { digits.removeLast() }
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), let number = Int(digits), number > 0,
            number <= Int.max >> shift
        else { return nil }
        return number << shift
    }

    /// A size as people read it: `512 MB`, `3.1 GB`, `900 bytes` (powers of 1024, as the option takes them).
    static func describe(_ bytes: Int) -> String {
        let units: [(Int, String)] = [(40, "TB"), (30, "GB"), (20, "MB"), (10, "KB")]
        for (shift, name) in units where bytes >= 1 << shift {
            let value = Double(bytes) / Double(1 << shift)
            return value == value.rounded() ? "\(Int(value)) \(name)" : String(format: "%.1f %@", value, name)
        }
        return "\(bytes) bytes"
    }
}
