import LiveBlogCore
import LiveBlogTUI

/// What the reader needs to follow its source: the inbox the follower reports to (nil when the source
/// cannot be followed), whether to start at once, what arrived since the last session, and what to do on
/// arrivals.
struct ReaderFollow {
    var inbox: FollowInbox?
    var startsOn: Bool
    var newSinceLastTime: Set<EntryID>
    var signal: ArrivalSignal
    /// Records entries as seen in the store (so they are not new next time); errors are not worth a message.
    var recordSeen: ([EntryID]) -> Void

    /// The reader event for a follow event.
    static func readerEvent(_ event: FollowEvent) -> ReaderEventBox {
        switch event {
        case .blog(let blog): .updated(blog)
        case .note(let text, let isError): .note(text, isError)
        case .ended(let text): .note(text, false)
        case .checked(let at, let next, let failing):
            .checked(FollowStatus(checked: at, next: next, isOffline: failing))
        }
    }
}

/// A follow event in the reader's terms (kept apart so the TUI module never sees follower types).
enum ReaderEventBox {
    case updated(LiveBlog)
    case note(String?, Bool)
    case checked(FollowStatus)
}
