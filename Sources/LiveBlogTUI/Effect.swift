import LiveBlogCore

/// Work the reducer asks the run loop to do; the reducer itself never touches the store, the clock or the file.
public enum Effect: Equatable, Sendable {
    /// Save these entries as read (or unread) in the store; the loop reports failures back as a status message.
    case persistReadMarks([EntryID], read: Bool)
    /// Start (or restart) the timer that marks the shown entry read after `--mark-after` seconds.
    case startMarkTimer(EntryID)
    /// Forget any pending mark timer.
    case cancelMarkTimer
    /// Read the source again and hand the new blog back with `ReaderEvent.reloaded` (or `.reloadFailed`).
    case reloadSource
    /// Stop the program (terminal restored, marks kept).
    case quit
    /// Suspend the process (Ctrl-Z) and redraw on resume.
    case suspend
    /// New entries arrived on an update (page order): ring the bell, run the notify command.
    case announce([EntryID])
    /// Start (`true`) or stop following the source for updates.
    case setFollowing(Bool)
    /// Paint every cell again (Ctrl-L), whatever the terminal layer thinks is on screen.
    case redraw
    /// Open a web address (checked with `URLOpening.isOpenable`) in the user's browser, without waiting for it.
    case openURL(String)
    /// Put text on the terminal's clipboard (OSC 52).
    case copy(String)
    /// Write an entry's text to a new file at `path` (`~/` is the home directory); the loop reports the outcome.
    case saveEntry(String, path: String)
    /// Give the mouse to the reader (`true`) or leave it to the terminal (`:set mouse`).
    case setMouse(Bool)
    /// Draw a role in these colours from now on (`:set color`).
    case setColors(CellStyle.Role, ReaderConfig.Colors)
}
