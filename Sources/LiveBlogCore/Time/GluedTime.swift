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
