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

    /// A day header between posts (`Monday 14 August`): a day and month, no year, no clock.
    public var isDayHeader: Bool {
        year == nil && month != nil && day != nil && hour == nil && age == nil && epoch == nil
    }

    /// The moment this time stands for, given the date of the page (from a dateline) where the line lacks one.
    public func timestamp(pageDate: (year: Int, month: Int, day: Int)?) -> Date? {
        timestamp(pageDate: pageDate, defaultZoneOffset: nil)
    }

    /// The moment this time stands for. `pageDate` dates a clock time that has no date of its own, and
    /// `defaultZoneOffset` (a zone the page states elsewhere, such as its dateline's) places a clock time written
    /// without a zone. Without a zone there is no moment, only a floating clock (nil): a clock stamped UTC would
    /// show a reader in any other zone the wrong time, and a wrong time is worse than none.
    public func timestamp(pageDate: (year: Int, month: Int, day: Int)?, defaultZoneOffset: Int?) -> Date? {
        if let epoch { return Date(timeIntervalSince1970: TimeInterval(epoch)) }
        guard let hour, let minute, let offset = zoneOffset ?? defaultZoneOffset else { return nil }
        let date: (year: Int, month: Int, day: Int)
        if let year, let month, let day {
            date = (year, month, day)
        } else if let pageDate {
            date = pageDate
        } else {
            return nil
        }
        guard date.month >= 1 && date.month <= 12 && date.day >= 1 && date.day <= 31 else { return nil }
        let days = PostTime.daysFromCivil(year: date.year, month: date.month, day: date.day)
        let seconds = days * 86400 + hour * 3600 + minute * 60 - offset
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm; no Calendar needed).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The civil date `days` after 1970-01-01.
    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
