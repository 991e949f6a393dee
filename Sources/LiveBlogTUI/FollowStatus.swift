import Foundation

/// What the status line says about following: when the source was last checked, when the next check is, and
/// whether the last check failed.
public struct FollowStatus: Hashable, Sendable {
    /// When the source was last read (a poll answered, a file read), or nil before the first check.
    public var checked: Date?
    /// When the next check is due, where following knows (a poll's schedule); nil for a watched file.
    public var next: Date?
    /// Set while the source cannot be reached: the next check is then a retry.
    public var isOffline: Bool

    public init(checked: Date? = nil, next: Date? = nil, isOffline: Bool = false) {
        self.checked = checked
        self.next = next
        self.isOffline = isOffline
    }

    /// `following · checked 12:41 · next 12:42`, or `offline · retrying 12:43`, in the reader's zone.
    func text(timeZone: TimeZone) -> String {
        var parts = [isOffline ? "offline" : "following"]
        if let checked, !isOffline { parts.append("checked " + EntryTime.clock(checked, timeZone: timeZone)) }
        if let next { parts.append((isOffline ? "retrying " : "next ") + EntryTime.clock(next, timeZone: timeZone)) }
        return parts.joined(separator: " · ")
    }
}
