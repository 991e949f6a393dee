import Foundation

/// A time line recognised in a blog: what was written, and what it says.
public struct PostTime: Hashable, Sendable {
    /// The time as written, without "Posted at" and without a relative age glued in front of a clock time.
    public var text: String
    public var hour: Int?
    public var minute: Int?
    /// Calendar date, where the line itself carries one.
    public var year: Int?
    public var month: Int?
    public var day: Int?
    /// Seconds east of UTC, from a zone name ("BST", "GMT", "ET").
    public var zoneOffset: Int?
    /// Seconds before the page was saved, for "4m ago".
    public var age: Int?
    /// Seconds since 1970, for an epoch number a page left behind.
    public var epoch: Int?

    /// Whether the line carries a full date (a dateline) rather than a time of day.
    public var hasDate: Bool { year != nil && month != nil && day != nil }

    /// The moment this time stands for, given the date of the page (from a dateline) where the line lacks one.
    public func timestamp(pageDate: (year: Int, month: Int, day: Int)?) -> Date? {
        if let epoch { return Date(timeIntervalSince1970: TimeInterval(epoch)) }
        guard let hour, let minute else { return nil }
        let date: (Int, Int, Int)
        if let year, let month, let day { date = (year, month, day) } else if let pageDate {
            date = (pageDate.year, pageDate.month, pageDate.day)
        } else { return nil }
        var components = DateComponents()
        components.year = date.0
        components.month = date.1
        components.day = date.2
        components.hour = hour
        components.minute = minute
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: zoneOffset ?? 0) ?? TimeZone(identifier: "UTC")!
        return calendar.date(from: components)
    }
}
