import Foundation

/// Reads the ISO 8601 dates of JSON-LD and `datetime` attributes, with or without fractions and zones.
enum ISODate {
    /// How a machine-readable time places itself: the evidence its writer gave about the zone.
    enum Zone: Equatable {
        /// A date with no clock (`2019-11-19`): a day, never a moment.
        case dateOnly
        /// A clock with no zone: a local time, a moment only where the page's zone is known.
        case local
        /// `Z`: UTC, as written; some pages write their local clock with a `Z` on it.
        case utc
        /// An explicit offset (`+01:00`, and `+00:00` too), seconds east of UTC.
        case offset(Int)
    }

    /// A machine-readable time read in full.
    struct Stamp: Equatable {
        var year: Int
        var month: Int
        var day: Int
        var hour: Int
        var minute: Int
        var second: Int
        var zone: Zone

        /// The moment, where the writing fixes one (`Z` or an offset); a local or date-only stamp is none.
        var moment: Date? {
            switch zone {
            case .utc: return moment(offset: 0)
            case .offset(let seconds): return moment(offset: seconds)
            case .local, .dateOnly: return nil
            }
        }

        /// The moment of this stamp's date and clock in a zone `offset` seconds east of UTC.
        func moment(offset: Int) -> Date {
            let days = ISODate.daysFromCivil(year, month, day)
            return Date(timeIntervalSince1970: TimeInterval(days * 86400 + hour * 3600 + minute * 60 + second - offset))
        }

        /// The clock as written ("21:00"); nil for a date alone.
        var clock: String? {
            guard zone != .dateOnly else { return nil }
            func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
            return "\(two(hour)):\(two(minute))"
        }
    }

    /// The moment, and the clock as the page's own zone shows it ("21:00"). A local or date-only time is read as
    /// UTC here; `stamp(_:)` tells them apart.
    static func parse(_ text: String) -> (date: Date, clock: String)? {
        guard let s = stamp(text) else { return nil }
        switch s.zone {
        case .utc, .offset: return (s.moment!, s.clock!)
        case .local, .dateOnly: return (s.moment(offset: 0), s.clock ?? "00:00")
        }
    }

    /// Reads an ISO 8601 date, date-time or date-time with zone.
    static func stamp(_ text: String) -> Stamp? {
        let s = text.trimmingCharacters(in: .whitespaces)
        let chars = Array(s.utf8)
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= chars.count else { return nil }
            var n = 0
            for k in from..<(from + count) {
                let c = chars[k]
                guard c >= 0x30, c <= 0x39 else { return nil }
                n = n * 10 + Int(c - 0x30)
            }
            return n
        }
        guard let year = number(0, 4), chars.count >= 10, chars[4] == 0x2D, let month = number(5, 2), chars[7] == 0x2D,
            let day = number(8, 2)
        else { return nil }
        var hour = 0
        var minute = 0
        var second = 0
        var offset = 0
        var zone = Zone.dateOnly
        var k = 10
        if k < chars.count, chars[k] == 0x54 || chars[k] == 0x20 {
            zone = .local
            guard let h = number(k + 1, 2), chars.count > k + 3, chars[k + 3] == 0x3A, let m = number(k + 4, 2) else {
                return nil
            }
            hour = h
            minute = m
            k += 6
            if k < chars.count, chars[k] == 0x3A, let sec = number(k + 1, 2) {
                second = sec
                k += 3
            }
            if k < chars.count, chars[k] == 0x2E || chars[k] == 0x2C {
                k += 1
                while k < chars.count, chars[k] >= 0x30, chars[k] <= 0x39 { k += 1 }
            }
            if k < chars.count {
                if chars[k] == 0x5A {
                    offset = 0
                    zone = .utc
                } else if chars[k] == 0x2B || chars[k] == 0x2D {
                    let sign = chars[k] == 0x2B ? 1 : -1
                    guard let oh = number(k + 1, 2) else { return nil }
                    var om = 0
                    if let m = number(k + 4, 2), chars.count > k + 3, chars[k + 3] == 0x3A {
                        om = m
                    } else if let m = number(k + 3, 2) {
                        om = m
                    }
                    offset = sign * (oh * 3600 + om * 60)
                    guard oh <= 14, om < 60 else { return nil }
                    zone = .offset(offset)
                }
            }
        }
        guard (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61 else { return nil }
        return Stamp(year: year, month: month, day: day, hour: hour, minute: minute, second: second, zone: zone)
    }

    /// A time found in an attribute: a written stamp, or epoch seconds (a moment with no clock written).
    enum AttributeTime {
        case stamp(Stamp)
        case epoch(Date)
    }

    /// A machine-readable time in an attribute whose name speaks of time (`data-timestamp`, `data-post-time`,
    /// `data-published`): an ISO date, or Unix seconds (10 digits) or milliseconds (13 digits).
    static func fromTimeAttributes(_ attributes: [String: String]) -> AttributeTime? {
        var named = attributes.filter { name, _ in
            name.hasPrefix("data-") && (name.contains("time") || name.contains("date") || name.contains("publish"))
        }.map { ($0.key, $0.value) }
        guard !named.isEmpty else { return nil }
        // Dictionary order differs from run to run; the answer must not.
        if named.count > 1 { named.sort { $0.0 < $1.0 } }
        for (_, value) in named {
            let v = value.trimmingCharacters(in: .whitespaces)
            if v.count == 10 || v.count == 13, let n = Double(v), v.allSatisfy(\.isNumber) {
                let seconds = v.count == 13 ? n / 1000 : n
                // Between 2000 and 2100: anything else is a counter, not a time.
                if seconds > 946_684_800, seconds < 4_102_444_800 {
                    return .epoch(Date(timeIntervalSince1970: seconds))
                }
            } else if let stamp = stamp(v) {
                return .stamp(stamp)
            }
        }
        return nil
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
