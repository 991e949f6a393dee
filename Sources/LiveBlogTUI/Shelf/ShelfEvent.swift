import Foundation
import LiveBlogCore

/// Everything that can happen to the blog list: keys, and reports from the run loop and the poller.
public enum ShelfEvent: Sendable {
    /// A key press or mouse event.
    case key(Key)
    /// The terminal has a new size (also sent once at start).
    case resized(TerminalSize)
    /// Blog `index` was read for the first time: its marks from the store, and the entries that arrived since
    /// the user last looked at it.
    case loaded(Int, LiveBlog, readMarks: Set<EntryID>, newSinceLastLook: Set<EntryID>)
    /// A later read of blog `index` (merged by entry id, as following one blog does).
    case updated(Int, LiveBlog)
    /// Reading blog `index` failed at `date`.
    case failed(Int, String, at: Date)
    /// Blog `index` was checked and answered (changed or not): a standing failure is over.
    case checked(Int, FollowStatus)
    /// An event for the reader on show (the mark timer, a search index, a message).
    case reader(ReaderEvent)
    /// Saving marks of blog `index` failed: they are rolled back wherever they show.
    case persistFailed(Int, [EntryID], read: Bool, reason: String)
}
