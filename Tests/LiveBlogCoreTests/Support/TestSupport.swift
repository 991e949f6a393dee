import Foundation
import LiveBlogCore
// Shared helpers (dump, SeededRandom, TemporaryDirectory) for every file of this target.
@_exported import LiveBlogTestSupport

/// Files under `Tests/LiveBlogCoreTests/Fixtures`, found from this source file so that no resource bundle is needed.
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func text(_ name: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }
}

/// Parses with the bundled rules.
func parse(_ text: String) -> LiveBlog { LiveBlogParser().parse(text) }
