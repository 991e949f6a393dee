import Foundation
import LiveBlogCore

/// What a follower reports: a new version of the blog, or a note about following it (nil clears the note).
enum FollowEvent: Sendable {
    case blog(LiveBlog)
    case note(String?, isError: Bool)
    /// The source was checked (changed or not); `next` is when it is checked again, `failing` whether this
    /// check failed (the next one is then a retry).
    case checked(at: Date, next: Date?, failing: Bool)
    /// The source has ended for good (standard input closed): nothing more will come.
    case ended(String)
}
