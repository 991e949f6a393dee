import LiveBlogCore

/// Work the blog list's reducer asks the run loop to do.
public enum ShelfEffect: Equatable, Sendable {
    /// Save these entries of blog `index` as read (or unread).
    case persist(Int, [EntryID], read: Bool)
    /// Record entries of blog `index` as seen, so that they are not new the next time.
    case recordSeen(Int, [EntryID])
    /// New entries arrived in blog `index` (ring the bell, run the notify command).
    case announce(Int, [EntryID])
    /// Check every blog now (`R`), whatever their schedules say.
    case pollAll
    /// The reader on show changed or has a new blog: build its search index.
    case buildIndex
    /// An effect of the reader on show that is not about its source (timers, links, the clipboard, the screen).
    case reader(Effect)
    /// Stop the program.
    case quit
}
