/// Joins hard-wrapped text back into one line per paragraph (the hard-wrap heuristic).
///
/// `lynx -dump`, `w3m -dump` and a copy from a terminal break every paragraph at a fixed width. Such text has a
/// signature that a one-line-per-paragraph scrape never has: its lines stop near one width, and a line that is
/// followed by another line of its paragraph is one the next line's first word would not have fitted on.
/// The width is read from the page itself; a line is joined to the next only where that signature holds, so
/// short lines (headlines, times, list items) stay lines of their own.
enum HardWrap {
    /// What the joiner found.
    struct Report: Equatable, Sendable {
        /// The wrapping width read from the text, in characters; nil when the text is not hard-wrapped.
        var width: Int?
        /// How many line breaks were joined.
        var joined = 0
        /// Byte offsets in the joined text where a line break was removed, in order (for line numbers).
        var joinOffsets: [Int] = []
        /// How many bytes the joined text keeps.
        var written = 0
    }

    /// The widest wrapping this recognises: beyond it, lines are paragraphs, not wrapped lines.
    static let maximumWidth = 160
    static let minimumWidth = 30
    /// The start of the text that decides whether it is wrapped: enough lines, bounded cost on a huge file.
    static let sampleBytes = 1 << 19

    /// Joins the wrapped lines of `bytes` in place when the text is hard-wrapped; the bytes must be normalised
    /// (LF line ends, valid UTF-8).
    static func unwrap(_ bytes: inout [UInt8]) -> Report {
        var report = Report()
        let width = bytes.withUnsafeBufferPointer { detectWidth($0) }
        guard let width else { return report }
        report.width = width
        bytes.withUnsafeMutableBufferPointer { buf in
            join(&buf, width: width, report: &report)
        }
        bytes.removeLast(bytes.count - report.written)
        return report
    }

    /// One line of the sample: its byte range, its width in characters and the width of its first word.
    struct LineInfo {
        var start: Int
        var end: Int
        var width: Int
        var firstWord: Int
    }

    static func lines(_ buf: UnsafeBufferPointer<UInt8>, limit: Int) -> [LineInfo] {
        var out: [LineInfo] = []
        var start = 0
        let n = min(buf.count, limit)
        var i = 0
        while start < n {
            i = start
            while i < buf.count && buf[i] != 0x0A { i += 1 }
            var end = i
            while end > start && (buf[end - 1] == 0x20 || buf[end - 1] == 0x09) { end -= 1 }
            out.append(info(buf, start, end))
            start = i + 1
        }
        return out
    }

    static func info(_ buf: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> LineInfo {
        var width = 0
        var first = -1
        var s = start
        while s < end && (buf[s] == 0x20 || buf[s] == 0x09) {
            s += 1
            width += 1
        }
        var k = s
        while k < end {
            let b = buf[k]
            if b & 0xC0 != 0x80 { width += 1 }
            if first < 0 && b == 0x20 { first = width - 1 - (s - start) }
            k += 1
        }
        if first < 0 { first = width - (s - start) }
        return LineInfo(start: start, end: end, width: width, firstWord: first)
    }

    /// The wrapping width, or nil when the sample does not carry the signature of wrapped text.
    static func detectWidth(_ buf: UnsafeBufferPointer<UInt8>) -> Int? {
        let sample = lines(buf, limit: sampleBytes)
        let widths = sample.map(\.width).filter { $0 > 0 }.sorted()
        guard widths.count >= 8 else { return nil }
        // The width: the longest line once the odd unbreakable one (a long URL) is set aside.
        let width = widths[widths.count - 1 - widths.count / 100]
        guard width >= minimumWidth, width <= maximumWidth else { return nil }
        // Lines that stop near the width and run on into another line: their next word must not have fitted.
        var full = 0
        var signed = 0
        for k in 0..<(sample.count - 1) {
            let a = sample[k]
            let b = sample[k + 1]
            guard a.width >= width - 25, a.width <= width, b.width > 0 else { continue }
            full += 1
            if a.width + 1 + b.firstWord > width { signed += 1 }
        }
        guard full >= 4, signed * 10 >= full * 9 else { return nil }
        return width
    }

    /// Joins each line to the next where the wrap signature holds, compacting in place.
    static func join(_ buf: inout UnsafeMutableBufferPointer<UInt8>, width: Int, report: inout Report) {
        let n = buf.count
        var read = 0
        var write = 0
        var previous: LineInfo?
        while read < n {
            var end = read
            while end < n && buf[end] != 0x0A { end += 1 }
            let line = info(UnsafeBufferPointer(buf), read, end)
            var from = read
            if let p = previous, p.width > 0, line.width > 0, p.width + 1 + line.firstWord > width {
                // The previous line's break is removed: one space, and this line's indentation dropped.
                while from < end && (buf[from] == 0x20 || buf[from] == 0x09) { from += 1 }
                while write > 0 && buf[write - 1] == 0x20 { write -= 1 }
                if write > 0 && buf[write - 1] == 0x0A { write -= 1 }
                buf[write] = 0x20
                write += 1
                report.joined += 1
                report.joinOffsets.append(write)
            }
            var k = from
            while k < end {
                buf[write] = buf[k]
                write += 1
                k += 1
            }
            if end < n {
                buf[write] = 0x0A
                write += 1
            }
            previous = line
            read = end + 1
        }
        report.written = write
    }
}
