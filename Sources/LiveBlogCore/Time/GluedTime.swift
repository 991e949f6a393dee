/// A post time glued to the headline after it, as a scrape renders a time element and a heading without a
/// line break between them: `13:40 GMTQuessa offers to share dam flow data`, `09:30Ferries resume`.
enum GluedTime {
    /// Where the time ends and the text starts, when the line opens with a clock time (and maybe a zone or
    /// am/pm) glued directly to a capitalised word, and the rest has at least two words.
    static func split(_ line: UnsafeBufferPointer<UInt8>) -> (time: PostTime, textStart: Int)? {
        // Cheap look first: a digit, then ':' or '.' within three bytes.
        guard line.count >= 10, isDigit(line[0]) else { return nil }
        var k = 1
        if isDigit(line[1]) { k = 2 }
        guard line[k] == UInt8(ascii: ":") || line[k] == UInt8(ascii: "."), k + 2 < line.count,
            isDigit(line[k + 1]), isDigit(line[k + 2])
        else { return nil }
        k += 3
        var timeEnd = k
        if k + 2 < line.count, (line[k] | 0x20 == UInt8(ascii: "a") || line[k] | 0x20 == UInt8(ascii: "p")),
            line[k + 1] | 0x20 == UInt8(ascii: "m")
        {
            k += 2
            timeEnd = k
        } else if k + 1 < line.count, line[k] == 0x20, isUpper(line[k + 1]) {
            // " GMTQuessa": the zone is the run of capitals minus the last one, which starts the headline.
            var run = k + 1
            while run < line.count && isUpper(line[run]) { run += 1 }
            guard run < line.count, isLower(line[run]), run - (k + 1) >= 3 else { return nil }
            k = run - 1
            timeEnd = k
        }
        guard k + 1 < line.count, isUpper(line[k]), isLower(line[k + 1]) else { return nil }
        let rest = UnsafeBufferPointer(rebasing: line[k...])
        guard rest.contains(0x20) else { return nil }
        guard let time = TimeLineRecognizer.recognize(bytes: UnsafeBufferPointer(rebasing: line[..<timeEnd])),
            time.hour != nil
        else { return nil }
        return (time, k)
    }

    @inline(__always) private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    @inline(__always) private static func isUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
    @inline(__always) private static func isLower(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }
}
