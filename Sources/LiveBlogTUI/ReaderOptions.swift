/// Choices the user makes on the command line that shape the reader.
public struct ReaderOptions: Equatable, Sendable {
    /// Seconds an entry must stay in the detail pane before it counts as read; nil never marks automatically.
    public var markAfter: Double?
    /// Draw without colours (`--no-color`, `NO_COLOR`).
    public var noColor: Bool
    /// Start in the unread-only view.
    public var unreadOnly: Bool

    public init(markAfter: Double? = 2, noColor: Bool = false, unreadOnly: Bool = false) {
        self.markAfter = markAfter
        self.noColor = noColor
        self.unreadOnly = unreadOnly
    }
}
