import Foundation
import LiveBlogCore

/// How an entry's time is shown: `HH:MM` in the reader's time zone when the moment is known, otherwise the
/// page's own words made short (`12.50 BST` → `12:50`, `21 mins ago` → `21m ago`).
enum EntryTime {
    /// The list's time column: at most ``columnLimit`` cells.
    static func short(_ entry: Entry, timeZone: TimeZone) -> String? {
        if let timestamp = entry.timestamp { return clock(timestamp, timeZone: timeZone) }
        guard let text = entry.time else { return nil }
        return shorten(text)
    }

    /// The widest time column.
    static let columnLimit = 8

    /// `HH:MM` of `date` in `timeZone`, without a formatter (the list draws dozens per frame).
    static func clock(_ date: Date, timeZone: TimeZone) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: date)
        let minutes = ((seconds / 60) % 1440 + 1440) % 1440
        return twoDigits(minutes / 60) + ":" + twoDigits(minutes % 60)
    }

    /// The day of `date` in `timeZone` as a number that changes at local midnight (for day separators).
    static func dayNumber(_ date: Date, timeZone: TimeZone) -> Int {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: date)
        return seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    }

    /// The date and time in full for the top of the detail pane ("Monday 30 November 2026, 14:05 UTC"), or the
    /// page's words when the moment is not known.
    static func full(_ entry: Entry, timeZone: TimeZone) -> String? {
        guard let timestamp = entry.timestamp else { return entry.time }
        return dayLine(timestamp, timeZone: timeZone) + ", " + clock(timestamp, timeZone: timeZone) + " "
            + zoneName(timeZone, at: timestamp)
    }

    /// "UTC" for UTC (Foundation names it "GMT", which reads as London), otherwise the zone's abbreviation at that moment.
    static func zoneName(_ timeZone: TimeZone, at date: Date) -> String {
        if ["UTC", "GMT", "Etc/UTC", "Etc/GMT"].contains(timeZone.identifier) { return "UTC" }
        return timeZone.abbreviation(for: date) ?? timeZone.identifier
    }

    /// "Monday 30 November 2026" in `timeZone`.
    static func dayLine(_ date: Date, timeZone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = timeZone
        formatter.dateFormat = "EEEE d MMMM yyyy"
        return formatter.string(from: date)
    }

    /// The page's own time words, short enough for the column: a clock time anywhere in them becomes
    /// `HH:MM` (with am/pm folded in), "N minutes/hours ago" becomes "Nm ago"/"Nh ago"; anything else is kept.
    static func shorten(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        func digit(_ i: Int) -> Int? {
            guard i >= 0, i < scalars.count, let v = scalars[i].properties.numericType, v == .decimal,
                scalars[i].isASCII
            else { return nil }
            return Int(scalars[i].value) - 48
        }
        // A clock: 1–2 digits, ':' or '.', 2 digits, not part of a longer number.
        for i in scalars.indices {
            guard let h1 = digit(i), digit(i - 1) == nil else { continue }
            var hour = h1
            var j = i + 1
            if let h2 = digit(j) {
                hour = hour * 10 + h2
                j += 1
            }
            guard j < scalars.count, scalars[j] == ":" || scalars[j] == ".", let m1 = digit(j + 1),
                let m2 = digit(j + 2),
                digit(j + 3) == nil, hour < 24
            else { continue }
            let minute = m1 * 10 + m2
            guard minute < 60 else { continue }
            let rest = String(String.UnicodeScalarView(scalars[(j + 3)...])).lowercased().trimmingCharacters(
                in: .whitespaces)
            if rest.hasPrefix("pm") || rest.hasPrefix("p.m") {
                if hour < 12 { hour += 12 }
            } else if rest.hasPrefix("am") || rest.hasPrefix("a.m") {
                if hour == 12 { hour = 0 }
            }
            return twoDigits(hour) + ":" + twoDigits(minute)
        }
        let lower = text.lowercased()
        if lower.hasSuffix(" ago") {
            let words = lower.split(separator: " ")
            if words.count == 3, let n = Int(words[0]) {
                let unit = words[1]
                if unit.hasPrefix("min") { return "\(n)m ago" }
                if unit.hasPrefix("h") { return "\(n)h ago" }
                if unit.hasPrefix("sec") { return "\(n)s ago" }
                if unit.hasPrefix("day") { return "\(n)d ago" }
            }
        }
        return text
    }

    private static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
