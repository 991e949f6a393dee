/// A post time glued to the headline after it, as a scrape renders a time element and a heading without a
/// line break between them: `13:40 GMTQuessa offers to share dam flow data`, `09:30Ferries resume`.
enum GluedTime {
    /// Where the time ends and the text starts, when the line opens with a clock time (and maybe a zone or
    /// am/pm) glued directly to a capitalised word, and the rest has at least two words.
    static func split(_ line: UnsafeBufferPointer<UInt8>) -> (time: PostTime, textStart: Int)? {
        // Cheap look first: a digit, then ':' or '.' within three bytes.
        guard line.count >= 10, line[0].isDigit else { return nil }
        var k = 1
        if line[1].isDigit { k = 2 }
        guard line[k] == UInt8(ascii: ":") || line[k] == UInt8(ascii: "."), k + 2 < line.count,
            line[k + 1].isDigit, line[k + 2].isDigit
        else { return nil }
        k += 3
        var timeEnd = k
        if k + 2 < line.count, line[k].lowercased == UInt8(ascii: "a") || line[k].lowercased == UInt8(ascii: "p"),
            line[k + 1].lowercased == UInt8(ascii: "m")
        {
            k += 2
            timeEnd = k
        } else if k + 1 < line.count, line[k] == .space, line[k + 1].isUpper {
            // " GMTQuessa": the zone is the run of capitals minus the last one, which starts the headline.
            var run = k + 1
            while run < line.count && line[run].isUpper { run += 1 }
            guard run < line.count, line[run].isLower, run - (k + 1) >= 3 else { return nil }
            k = run - 1
            timeEnd = k
        }
        guard k + 1 < line.count, line[k].isUpper, line[k + 1].isLower else { return nil }
        let rest = UnsafeBufferPointer(rebasing: line[k...])
        guard rest.contains(.space) else { return nil }
        guard let time = TimeLineRecognizer.recognize(bytes: UnsafeBufferPointer(rebasing: line[..<timeEnd])),
            time.hour != nil
        else { return nil }
        return (time, k)
    }

}

/// The time-prefix heuristic's reader: a line that opens with a post time, then a separator and the post's text
/// (`14:05: Bridge reopens`, `14.05 Uhr – Brücke frei`, `Thu 5 Dec 14:05 Ferries resume`, `14:05 Rescue teams
/// reached the wreck…`). The time is any the grammar reads (`TimeLineRecognizer`); the longest prefix that reads
/// as one is taken.
enum TimePrefix {
    /// How far into the line a clock may end.
    static let clockWindow = 48

    /// Where a clock (`14:05`, `14.05`, `14h05`, `14u05`, `2:05`) ends within the first bytes of the line, or nil:
    /// the cheap test that rejects almost every line before any `String` work.
    @inline(__always)
    static func clockEnd(_ line: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = min(line.count, clockWindow)
        guard n >= 4 else { return nil }
        var k = 1
        while k + 2 < n {
            let b = line[k]
            if b == UInt8(ascii: ":") || b == UInt8(ascii: ".") || b == UInt8(ascii: "h") || b == UInt8(ascii: "u"),
                line[k - 1].isDigit, line[k + 1].isDigit, line[k + 2].isDigit,
                k + 3 == line.count || !line[k + 3].isDigit, !(k >= 3 && line[k - 2].isDigit && line[k - 3].isDigit)
            {
                return k + 3
            }
            k += 1
        }
        return nil
    }

    /// Bytes that separate a time from the text after it: spaces, `:`, `-`, `|`, `,` and the dashes.
    @inline(__always)
    static func isSeparator(_ b: UInt8) -> Bool {
        b == .space || b == UInt8(ascii: ":") || b == UInt8(ascii: "-") || b == UInt8(ascii: "|")
            || b == UInt8(ascii: ",") || b == UInt8(ascii: "/")
    }

    /// The time at the start of the line and where the text after it starts, or nil when the line does not open
    /// with a time followed by a separator and text that starts like a sentence or a headline.
    static func split(_ line: UnsafeBufferPointer<UInt8>) -> (time: PostTime, timeEnd: Int, textStart: Int)? {
        guard line.count >= 8, line[0].isDigit || line[0].isLetter || line[0].startsAccentedLatin,
            let clock = clockEnd(line)
        else { return nil }
        if !line[0].isDigit && !TimeLineRecognizer.startsLikeTime(line) { return nil }
        // A whole time line (`Wed 13 Dec 2023 17.25 GMT`) is not split.
        if line.count <= TimeLineRecognizer.maximumLength, TimeLineRecognizer.recognize(bytes: line) != nil {
            return nil
        }
        var best: (time: PostTime, timeEnd: Int, textStart: Int)?
        var k = clock
        let limit = min(line.count - 1, TimeLineRecognizer.maximumLength)
        while k <= limit {
            if k == clock || line[k] == .space {
                // The text after the separator.
                var t = k
                var marks = 0
                while t < line.count && (isSeparator(line[t]) || line[t] == 0xE2) {
                    if line[t] == 0xE2 {
                        // An en or em dash (E2 80 93 / E2 80 94).
                        guard t + 2 < line.count, line[t + 1] == 0x80, line[t + 2] == 0x93 || line[t + 2] == 0x94
                        else { break }
                        t += 3
                        marks += 1
                        continue
                    }
                    if line[t] != .space { marks += 1 }
                    t += 1
                }
                // The time: the bytes before `k`, less trailing separators.
                var e = k
                while e > 0 && (line[e - 1] == .space || line[e - 1] == UInt8(ascii: ":")) { e -= 1 }
                if t > k, t < line.count, marks <= 2, startsText(line, at: t), e >= clock,
                    let time = TimeLineRecognizer.recognize(bytes: UnsafeBufferPointer(rebasing: line[..<e])),
                    time.hour != nil
                {
                    best = (time, e, t)
                }
            }
            k += 1
        }
        return best
    }

    /// Whether the text at `t` starts like a headline or a sentence: a capital, a digit, a quote, or a letter
    /// outside ASCII, and goes on for a few bytes.
    static func startsText(_ line: UnsafeBufferPointer<UInt8>, at t: Int) -> Bool {
        guard line.count - t >= 3 else { return false }
        let b = line[t]
        return b.isUpper || b.isDigit || b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") || b >= 0xC3
            || b == 0xE2
    }
}
