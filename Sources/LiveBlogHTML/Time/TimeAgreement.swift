import Foundation
import LiveBlogCore

/// Decides a post's shown time and timestamp from what the page shows (a clock text) and the machine-readable
/// stamps it carries (`<time datetime>`, microdata, JSON-LD), which often disagree.
///
/// The rules, in order:
/// - an explicit offset (`+01:00`) wins: its writer said where the clock is;
/// - a date-only stamp never overrides a shown clock: it dates the clock, nothing more;
/// - a `Z` stamp that agrees with the shown clock (in the shown clock's zone, or by whole quarter hours when that
///   zone is unknown) is the moment; where the shown clock, the page's date and its zone give another moment, the
///   `Z` was a local clock mislabelled and the shown clock wins; a `Z` stamp minutes away from the shown clock is
///   not this post's time (a crawl or edit time) and is dropped;
/// - a clock with no zone known gives no timestamp: it is shown as printed (a wrong moment is worse than none).
enum TimeAgreement {
    /// What the whole page says about its clocks.
    struct PageClock {
        /// Seconds east of UTC of the page's own clocks, where the page fixes it (an explicit offset it writes).
        var zoneOffset: Int?
        /// The page's date, for clocks without one.
        var date: (year: Int, month: Int, day: Int)?
    }

    /// Where the decided time came from, for `liveblog check`.
    enum Source: String {
        case shown = "the shown clock"
        case shownWithZone = "the shown clock in the page's zone"
        case stamp = "a machine-readable stamp"
        case absolute = "an epoch stamp"
        case none = "nothing"
    }

    static func decide(
        shown: String?, stamps: [ISODate.Stamp], absolute: Date?, page: PageClock
    ) -> (time: String?, timestamp: Date?, source: Source) {
        let clock = shown.flatMap { TimeLineRecognizer.recognize(Substring($0)) }.flatMap {
            $0.hour != nil && $0.minute != nil ? $0 : nil
        }
        let shownZone = clock?.zoneOffset ?? page.zoneOffset
        // Explicit offsets first, then Z, then local; a date alone only dates.
        func rank(_ stamp: ISODate.Stamp) -> Int {
            switch stamp.zone {
            case .offset: return 0
            case .utc: return 1
            case .local: return 2
            case .dateOnly: return 3
            }
        }
        let ordered = stamps.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }
            .map(\.element)
        for stamp in ordered {
            switch stamp.zone {
            case .offset:
                return (shown ?? stamp.clock, stamp.moment, .stamp)
            case .utc:
                guard let clock, let hour = clock.hour, let minute = clock.minute else {
                    return (shown ?? stamp.clock, stamp.moment, .stamp)
                }
                let stampMinutes = stamp.hour * 60 + stamp.minute
                let shownMinutes = hour * 60 + minute
                if let shownZone {
                    if (shownMinutes - shownZone / 60 - stampMinutes + 2880) % 1440 == 0 {
                        return (shown, stamp.moment, .stamp)
                    }
                    // A mislabelled local clock, or another time altogether: the shown clock decides.
                    continue
                }
                if (shownMinutes - stampMinutes + 2880) % 15 == 0 {
                    // The page shows its local clock; the stamp is the moment.
                    return (shown, stamp.moment, .stamp)
                }
                continue
            case .local:
                if clock != nil { continue }
                return (shown ?? stamp.clock, page.zoneOffset.map { stamp.moment(offset: $0) }, .stamp)
            case .dateOnly:
                continue
            }
        }
        if let clock {
            let dated =
                clock.hasDate
                ? nil : ordered.first.map { (year: $0.year, month: $0.month, day: $0.day) } ?? page.date
            let timestamp = clock.timestamp(pageDate: dated, defaultZoneOffset: page.zoneOffset)
            return (shown, timestamp, timestamp != nil ? .shownWithZone : .shown)
        }
        if let absolute { return (shown, absolute, .absolute) }
        return (shown, nil, shown == nil ? .none : .shown)
    }

    /// The page's zone: the offset its explicit stamps most often carry. `Z` says nothing here (pages write local
    /// clocks with a `Z`), and neither does a page whose stamps disagree about it.
    static func pageClock(stamps: [ISODate.Stamp]) -> PageClock {
        var counts: [Int: Int] = [:]
        for stamp in stamps {
            if case .offset(let seconds) = stamp.zone { counts[seconds, default: 0] += 1 }
        }
        let zone = counts.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key
        let dated = stamps.first
        return PageClock(zoneOffset: zone, date: dated.map { (year: $0.year, month: $0.month, day: $0.day) })
    }
}
