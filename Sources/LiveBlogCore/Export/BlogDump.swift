import Foundation

/// A readable, line-oriented dump of a parsed blog, for golden tests and `liveblog check --dump`.
///
/// One line per entry (`[n]`, then what `Parts` asks for, the time, the headline and `{flags}`), its paragraphs
/// (`¶`), links inside paragraphs (`^`) and related links (`→`) indented below, then the parser's notes. As
/// swift-markdown's `debugDescription`, it is meant to be read in review: a change in the parse shows up as a
/// change in a few lines of text.
public struct BlogDump: Sendable {
    /// What a dump shows beyond title, standfirst, times, headlines, flags, paragraphs and related links.
    public struct Parts: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }

        /// The source line each entry starts on (`L12`).
        public static let lineNumbers = Parts(rawValue: 1)
        /// Known timestamps, in UTC (`@2025-03-04T13:05:00Z`).
        public static let timestamps = Parts(rawValue: 2)
        /// Each entry's own address (`<https://…#post-1>`) and the links inside its paragraphs.
        public static let links = Parts(rawValue: 4)
        /// The parser's notes, one per line, after the entries.
        public static let diagnostics = Parts(rawValue: 8)

        /// Everything: what `liveblog check --dump` and the fixture snapshots show.
        public static let all: Parts = [.lineNumbers, .timestamps, .links, .diagnostics]
    }

    public var parts: Parts
    /// Paragraphs longer than this many characters are cut with `…`; 0 keeps them whole.
    public var paragraphWidth: Int

    public init(parts: Parts = [], paragraphWidth: Int = 0) {
        self.parts = parts
        self.paragraphWidth = paragraphWidth
    }

    /// The dump of `blog`, lines joined with newlines (no newline after the last).
    public func render(_ blog: LiveBlog) -> String {
        var lines: [String] = []
        lines.append("title: \(blog.title)")
        lines.append("standfirst: \(blog.standfirst ?? "-")")
        for (i, entry) in blog.entries.enumerated() {
            var head = "[\(i + 1)]"
            if parts.contains(.lineNumbers) { head += " L\(entry.line)" }
            if let time = entry.time { head += " \(time)" }
            if parts.contains(.timestamps), let timestamp = entry.timestamp {
                head += " @" + BlogExporter.iso8601(timestamp)
            }
            head += " " + (entry.headline ?? "(untitled)")
            if !entry.flags.isEmpty { head += " {\(entry.flags.names.joined(separator: ","))}" }
            if parts.contains(.links), let url = entry.url { head += " <\(OutputSanitizer.url(url))>" }
            lines.append(head)
            for paragraph in entry.paragraphs {
                let cut = paragraphWidth > 0 && paragraph.count > paragraphWidth
                lines.append("  ¶ " + (cut ? String(paragraph.prefix(paragraphWidth)) + "…" : paragraph))
            }
            if parts.contains(.links) {
                for link in entry.links {
                    lines.append("  ^ \(link.paragraph): \(link.text) -> \(OutputSanitizer.url(link.url))")
                }
            }
            for link in entry.related {
                lines.append("  → \(link.kind.rawValue): \(link.title)" + (link.summary.map { " — \($0)" } ?? ""))
            }
        }
        if parts.contains(.diagnostics) {
            lines.append("notes: \(blog.diagnostics.count)")
            for note in blog.diagnostics {
                lines.append(
                    "  " + (note.line > 0 ? "line \(note.line)" : "input") + ": \(note.kind.rawValue): \(note.message)")
            }
        }
        return lines.joined(separator: "\n")
    }
}

extension LiveBlog {
    /// This blog as a ``BlogDump`` with the given parts.
    public func dump(_ parts: BlogDump.Parts = [], paragraphWidth: Int = 0) -> String {
        BlogDump(parts: parts, paragraphWidth: paragraphWidth).render(self)
    }
}
