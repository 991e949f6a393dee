import LiveBlogCore

/// Everything that can happen to the reader: keys from the user, and reports from the run loop.
public enum ReaderEvent: Sendable {
    /// A key press or mouse event.
    case key(Key)
    /// The terminal has a new size (also sent once at start).
    case resized(TerminalSize)
    /// The mark timer started by `Effect.startMarkTimer(id)` has run out.
    case markTimerFired(EntryID)
    /// The source was read again (answer to `Effect.reloadSource`).
    case reloaded(LiveBlog)
    /// Reading the source again failed; the message is shown in the status line.
    case reloadFailed(String)
    /// Saving these read marks (`read`, or unread) failed: they are rolled back on the screen, and the reason
    /// stays in the status line until a later save succeeds.
    case persistFailed([EntryID], read: Bool, reason: String)
    /// A save of read marks succeeded (clears a standing save error).
    case persisted
    /// The search index for the current blog is built; searches use it from now on, and a search waiting for it
    /// is applied. An index built for another version of the blog is ignored: after `.reloaded`, send the new
    /// blog's index.
    case indexReady(SearchIndex)
    /// A short message for the status line.
    case message(String)
    /// A followed source has a new version: merged by entry id (see `ReaderState.mergeUpdate`); arrivals
    /// come back as `Effect.announce`.
    case updated(LiveBlog)
    /// Following checked the source (whether or not it changed): the status line's `checked … · next …`.
    case followChecked(FollowStatus)
    /// What following the source has to say, kept on the status line until replaced (nil clears it).
    case followNote(ReaderState.StatusMessage?)
}
