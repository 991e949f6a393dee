import Foundation
import LiveBlogCore

@testable import LiveBlogHTML

/// A readable dump of a blog read from HTML, for golden comparisons: title, standfirst, the cascade step, then
/// each entry with its time, timestamp, flags, headline, paragraphs and links.
func dump(_ blog: LiveBlog) -> String {
    var out = "title: \(blog.title)\n"
    out += "standfirst: \(blog.standfirst ?? "-")\n"
    if let step = blog.diagnostics.first(where: { $0.message.hasPrefix("html: step") }) {
        out += "\(step.message.replacingOccurrences(of: "html: ", with: ""))\n"
    }
    for entry in blog.entries {
        var head = "- "
        head += entry.time ?? "--"
        if let ts = entry.timestamp { head += " @" + BlogExporter.iso8601(ts) }
        if !entry.flags.isEmpty { head += " [" + entry.flags.names.joined(separator: ",") + "]" }
        if let url = entry.url { head += " <" + url + ">" }
        out += head + "\n"
        if let h = entry.headline { out += "  # \(h)\n" }
        for p in entry.paragraphs { out += "  | \(p)\n" }
        for l in entry.links { out += "  ^ \(l.paragraph): \(l.text) -> \(l.url)\n" }
    }
    return out
}

/// Reads a fixture written as a Swift string.
func read(_ html: String, baseURL: String? = nil) -> LiveBlog {
    HTMLBlogReader(baseURL: baseURL).read(bytes: Array(html.utf8))
}
