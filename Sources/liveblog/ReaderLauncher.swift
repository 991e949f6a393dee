import Foundation
import LiveBlogCore
import LiveBlogTUI

/// Opens the store and hands the blog to the full-screen reader.
enum ReaderLauncher {
    static func launch(source: BlogSource, blog: LiveBlog, options: SourceOptions, markAfter: Double?, noColor: Bool,
                       unreadOnly: Bool) throws {
        // Until the terminal session lands, the reader prints the listing.
        let marks = ReadMarks.lookUp(identity: source.identity(for: blog), state: options.state)
        Output.write(EntryListing(blog: blog, source: source.displayName, readMarks: marks, unreadOnly: unreadOnly)
            .render(json: false))
    }
}
