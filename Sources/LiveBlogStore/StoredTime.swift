import Foundation

/// The store's time resolution: whole milliseconds since 1970 (UTC), the same in both store kinds.
enum StoredTime {
    /// The date as stored: milliseconds since 1970, rounded to the nearest.
    static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    /// The date a stored millisecond count stands for.
    static func date(_ milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    /// The date as it reads back after being stored.
    static func normalized(_ date: Date) -> Date {
        self.date(milliseconds(date))
    }
}
