import Foundation
import LiveBlogCore

/// A readable dump of a parsed blog, for golden tests that compare against multi-line literals.
func dump(_ blog: LiveBlog, paragraphWidth: Int = 60) -> String {
    blog.dump(paragraphWidth: paragraphWidth)
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
