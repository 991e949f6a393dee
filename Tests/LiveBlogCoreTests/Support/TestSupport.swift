import Foundation
import LiveBlogCore

/// A readable dump of a parsed blog, for golden tests that compare against multi-line literals.
func dump(_ blog: LiveBlog, paragraphWidth: Int = 60) -> String {
    var lines: [String] = []
    lines.append("title: \(blog.title)")
    lines.append("standfirst: \(blog.standfirst ?? "-")")
    for (i, entry) in blog.entries.enumerated() {
        var head = "[\(i + 1)]"
        if let time = entry.time { head += " \(time)" }
        head += " " + (entry.headline ?? "(untitled)")
        if !entry.flags.isEmpty { head += " {\(entry.flags.names.joined(separator: ","))}" }
        lines.append(head)
        for p in entry.paragraphs {
            lines.append("  ¶ " + (p.count > paragraphWidth ? String(p.prefix(paragraphWidth)) + "…" : p))
        }
        for link in entry.related {
            lines.append("  → \(link.kind.rawValue): \(link.title)" + (link.summary.map { " — \($0)" } ?? ""))
        }
    }
    return lines.joined(separator: "\n")
}

/// Files under `Tests/LiveBlogCoreTests/Fixtures`, found from this source file so that no resource bundle is needed.
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func text(_ name: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }
}

/// Parses with the bundled rules.
func parse(_ text: String) -> LiveBlog { LiveBlogParser().parse(text) }
