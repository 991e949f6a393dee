import Foundation

/// Choices the user makes on the command line that shape the reader.
public struct ReaderOptions: Sendable {
    /// Seconds an entry must stay in the detail pane before it counts as read; nil never marks automatically.
    public var markAfter: Double?
    /// Draw without colours (`--no-color`, `NO_COLOR`).
    public var noColor: Bool
    /// Start in the unread-only view.
    public var unreadOnly: Bool

    /// The zone the times of entries are shown in (`--utc`, the configuration's `time-zone`).
    public var timeZone: TimeZone
    /// The keys, with the configuration's `bind` lines applied.
    public var keymap: Keymap

    public init(
        markAfter: Double? = 2, noColor: Bool = false, unreadOnly: Bool = false,
        timeZone: TimeZone = .current, keymap: Keymap = .standard
    ) {
        self.keymap = keymap
        self.markAfter = markAfter
        self.noColor = noColor
        self.unreadOnly = unreadOnly
        self.timeZone = timeZone
    }
}
