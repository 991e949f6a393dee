/// The date a page's dateline gives (`First published on Mon 15 May 2023 07.05 BST`,
/// `Updated 10:32 p.m. EDT, Thu September 12, 2024`, a byline's `5 August 2024`), used to date the posts that
/// show only a clock time, so that the reader can sort them oldest first.
struct PageDate: Equatable, Sendable {
    /// Which post the dateline dates: an "Updated" line the newest, a "First published" line the oldest.
    enum Anchor: Sendable { case newest, oldest }

    var year: Int
    var month: Int
    var day: Int
    /// The dateline's zone, for clock times written without one.
    var zoneOffset: Int?
    var anchor: Anchor

    init?(_ time: PostTime, anchor: Anchor) {
        guard let year = time.year, let month = time.month, let day = time.day else { return nil }
        self.year = year
        self.month = month
        self.day = day
        zoneOffset = time.zoneOffset
        self.anchor = anchor
    }

    /// Whether a dateline's leading words say it dates the newest post ("Updated", "Last updated").
    static func anchor(forDatelineWords words: String) -> Anchor {
        words.lowercased().contains("updated") ? .newest : .oldest
    }

    /// The date for each post time, in page order: a post's own date; else the date of the nearest dated post
    /// above it (the first dated post for those before it); else the page date, moved back or forward a day
    /// where a feed's clock times cross midnight.
    static func dates(for times: [PostTime?], pageDate: PageDate?) -> [(year: Int, month: Int, day: Int)?] {
        var result: [(year: Int, month: Int, day: Int)?] = Array(repeating: nil, count: times.count)
        let firstDated = times.lazy.compactMap { $0 }.first { $0.hasDate }
        if let firstDated {
            var running = (firstDated.year!, firstDated.month!, firstDated.day!)
            for (k, time) in times.enumerated() {
                if let time, time.hasDate { running = (time.year!, time.month!, time.day!) }
                result[k] = running
            }
            return result
        }
        guard let pageDate else { return result }
        let offsets = midnightOffsets(times)
        let base = PostTime.daysFromCivil(year: pageDate.year, month: pageDate.month, day: pageDate.day)
        // The offset of the post the dateline dates.
        let clocked = times.indices.filter { times[$0]?.hour != nil && times[$0]?.epoch == nil }
        var anchorOffset = 0
        if let first = clocked.first, let last = clocked.last {
            let newestFirst = isNewestFirst(times)
            switch (pageDate.anchor, newestFirst) {
            case (.newest, true), (.oldest, false): anchorOffset = offsets[first]
            case (.newest, false), (.oldest, true): anchorOffset = offsets[last]
            }
        }
        for k in times.indices {
            let date = PostTime.civil(fromDays: base + offsets[k] - anchorOffset)
            result[k] = date
        }
        return result
    }

    /// Clock minutes of each post time that has a clock and no date or epoch.
    private static func minutes(_ times: [PostTime?]) -> [Int?] {
        times.map { t in
            guard let t, let h = t.hour, let m = t.minute, !t.hasDate, t.epoch == nil else { return nil }
            return h * 60 + m
        }
    }

    /// Whether the clock times mostly fall going down the page (a newest-first feed); ties count as newest first.
    static func isNewestFirst(_ times: [PostTime?]) -> Bool {
        let clock = minutes(times).compactMap { $0 }
        var falling = 0
        var rising = 0
        for k in clock.indices.dropFirst() {
            let (p, m) = (clock[k - 1], clock[k])
            // A jump across midnight counts for the direction it crosses in.
            if p < 360 && m > 1080 {
                falling += 1
            } else if p > 1080 && m < 360 {
                rising += 1
            } else if m < p {
                falling += 1
            } else if m > p {
                rising += 1
            }
        }
        return falling >= rising
    }

    /// Day offsets (relative to the first post) where the clock jumps across midnight in the feed's direction:
    /// from before 06:00 to after 18:00 going down a newest-first feed is the day before.
    static func midnightOffsets(_ times: [PostTime?]) -> [Int] {
        let clock = minutes(times)
        let newestFirst = isNewestFirst(times)
        var offsets = Array(repeating: 0, count: times.count)
        var day = 0
        var previous: Int?
        for k in times.indices {
            if let m = clock[k] {
                if let p = previous {
                    if newestFirst && p < 360 && m > 1080 { day -= 1 }
                    if !newestFirst && p > 1080 && m < 360 { day += 1 }
                }
                previous = m
            }
            offsets[k] = day
        }
        return offsets
    }
}
