import Foundation

/// Makes raw bytes safe and uniform before parsing: valid UTF-8, LF line ends, plain spaces, and no control
/// characters, so that no text from a blog can ever drive the terminal.
enum TextNormalizer {
    /// What normalisation changed, for the diagnostics.
    struct Report: Equatable, Sendable {
        var invalidUTF8 = false
        var removedControls = 0
        var removedEscapeSequences = 0
        var droppedBOM = false
    }

    /// Normalises `bytes` in place (the result is never longer, except that invalid UTF-8 is repaired with U+FFFD).
    ///
    /// One linear pass: runs of bytes that stay as they are (checked as valid UTF-8 on the way) are moved in one
    /// go. Until the first invalid byte the pass writes in place; from there on it writes into a new buffer sized
    /// for the worst case, because a one-byte fault grows into the three bytes of U+FFFD.
    static func normalize(_ bytes: inout [UInt8]) -> Report {
        var report = Report()
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
            report.droppedBOM = true
        }
        var start = report.droppedBOM ? 3 : 0
        var written = 0
        if !report.droppedBOM {
            // Most text needs no change at all: a read-only scan first, so that a shared array is not copied.
            let clean = bytes.withUnsafeBufferPointer { cleanPrefixLength($0) }
            if clean == bytes.count { return report }
            start = clean
            written = clean
        }
        let count = bytes.count
        let (w, r, valid) = bytes.withUnsafeMutableBufferPointer { buf in
            normalizeRun(
                from: UnsafePointer(buf.baseAddress!), to: buf.baseAddress!, count: count,
                read: start, write: written, repair: false, report: &report)
        }
        if valid {
            bytes.removeLast(count - w)
            return report
        }
        // Invalid UTF-8 at `r`. Each repaired fault starts with a byte of 0x80 or more and becomes at most three
        // bytes, so the rest needs at most its length plus two bytes per such byte.
        report.invalidUTF8 = true
        let bound = bytes.withUnsafeBufferPointer {
            w + (count - r) + 2 * highByteCount($0.baseAddress! + r, count - r)
        }
        let repaired = bytes.withUnsafeBufferPointer { source in
            [UInt8](unsafeUninitializedCapacity: bound) { out, initialized in
                let src = source.baseAddress!
                let dst = out.baseAddress!
                dst.initialize(from: src, count: w)
                initialized =
                    normalizeRun(
                        from: src, to: dst, count: count, read: r, write: w, repair: true,
                        report: &report
                    ).0
            }
        }
        bytes = repaired
        return report
    }

    /// How many of the `count` bytes at `p` are 0x80 or more, eight at a time.
    private static func highByteCount(_ p: UnsafePointer<UInt8>, _ count: Int) -> Int {
        var total = 0
        var i = 0
        while i + 8 <= count {
            let word = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
            total += (word & 0x8080_8080_8080_8080).nonzeroBitCount
            i += 8
        }
        while i < count {
            if p[i] >= 0x80 { total += 1 }
            i += 1
        }
        return total
    }

    /// The length of the maximal ill-formed subpart at `s` (1 to 3 bytes), which becomes one U+FFFD, as Swift's
    /// own decoder and the Unicode standard's recommended practice count it.
    private static func invalidSequenceLength(_ p: UnsafePointer<UInt8>, _ s: Int, _ count: Int) -> Int {
        let c = p[s]
        @inline(__always) func byte(_ k: Int, in range: ClosedRange<UInt8>) -> Bool {
            s + k < count && range.contains(p[s + k])
        }
        if c >= 0xE0 && c < 0xF0 {
            let second: ClosedRange<UInt8> = c == 0xE0 ? 0xA0...0xBF : (c == 0xED ? 0x80...0x9F : 0x80...0xBF)
            guard byte(1, in: second) else { return 1 }
            return 2  // a third continuation byte would have made it valid
        }
        if c >= 0xF0 && c < 0xF5 {
            let second: ClosedRange<UInt8> = c == 0xF0 ? 0x90...0xBF : (c == 0xF4 ? 0x80...0x8F : 0x80...0xBF)
            guard byte(1, in: second) else { return 1 }
            guard byte(2, in: 0x80...0xBF) else { return 2 }
            return 3
        }
        return 1
    }

    /// How many leading bytes need no change. Large texts are scanned on all cores, in pieces cut just after a
    /// newline (which never stands inside a UTF-8 sequence).
    private static func cleanPrefixLength(_ buf: UnsafeBufferPointer<UInt8>) -> Int {
        guard let p = buf.baseAddress else { return 0 }
        let count = buf.count
        let pieces = Parallel.pieceCount(for: count, minimum: 8 << 20)
        if pieces == 1 { return cleanRunEnd(p, from: 0, count: count).end }
        var bounds = [0]
        for k in 1..<pieces {
            var cut = max(bounds[k - 1], count * k / pieces)
            while cut < count && p[cut] != 0x0A { cut += 1 }
            bounds.append(min(count, cut + 1))
        }
        bounds.append(count)
        let text = SendableBuffer(readOnly: buf)
        let ends = Parallel.map((0..<pieces).map { bounds[$0]..<bounds[$0 + 1] }) { piece in
            cleanRunEnd(text.base!, from: piece.lowerBound, count: piece.upperBound).end
        }
        for k in 0..<pieces where ends[k] < bounds[k + 1] { return ends[k] }
        return count
    }

    /// The length of the valid UTF-8 sequence that starts at `s` with a lead byte of 0x80 or more, or 0.
    @inline(__always)
    private static func sequenceLength(_ p: UnsafePointer<UInt8>, _ s: Int, _ count: Int) -> Int {
        let c = p[s]
        @inline(__always) func cont(_ k: Int) -> Bool { s + k < count && p[s + k] & 0xC0 == 0x80 }
        if c < 0xC2 { return 0 }
        if c < 0xE0 { return cont(1) ? 2 : 0 }
        if c < 0xF0 {
            guard cont(1), cont(2) else { return 0 }
            let b1 = p[s + 1]
            if c == 0xE0 && b1 < 0xA0 { return 0 }  // overlong
            if c == 0xED && b1 >= 0xA0 { return 0 }  // surrogates
            return 3
        }
        if c < 0xF5 {
            guard cont(1), cont(2), cont(3) else { return 0 }
            let b1 = p[s + 1]
            if c == 0xF0 && b1 < 0x90 { return 0 }  // overlong
            if c == 0xF4 && b1 >= 0x90 { return 0 }  // above U+10FFFF
            return 4
        }
        return 0
    }

    /// The end of the run from `s` of bytes that stay as they are (printable ASCII, tab, newline, and valid UTF-8
    /// sequences other than the few that hold odd spaces or controls), and whether it stopped at invalid UTF-8.
    @inline(__always)
    private static func cleanRunEnd(_ p: UnsafePointer<UInt8>, from start: Int, count: Int) -> (end: Int, invalid: Bool)
    {
        var s = start
        while s < count {
            if s + 8 <= count {
                // Eight printable ASCII bytes at a time: no high bit, nothing below 0x20, no DEL.
                // With every byte below 0x80 no addition carries into the next byte: a byte is at least 0x20
                // when adding 0x60 sets its high bit, and below 0x7F when adding 0x01 does not.
                let word = UnsafeRawPointer(p + s).loadUnaligned(as: UInt64.self)
                let high: UInt64 = 0x8080_8080_8080_8080
                if (word | (word &+ 0x0101_0101_0101_0101)) & high == 0
                    && (word &+ 0x6060_6060_6060_6060) & high == high
                {
                    s += 8
                    continue
                }
            }
            let c = p[s]
            if (c >= 0x20 && c < 0x7F) || c == 0x0A || c == 0x09 {
                s += 1
            } else if c >= 0xC3 {
                let length = sequenceLength(p, s, count)
                if length == 0 { return (s, true) }
                if c == 0xE2 && isSpecialE2(p[s + 1], p[s + 2]) { return (s, false) }
                s += length
            } else if c == 0xC2 {
                let length = sequenceLength(p, s, count)
                if length == 0 { return (s, true) }
                if p[s + 1] <= 0xA0 { return (s, false) }  // C1 control or no-break space
                s += 2
            } else {
                return (s, c >= 0x80)
            }
        }
        return (count, false)
    }

    /// Normalises from `read` to the end of `src`, writing at `write` in `dst` (which is `src` itself when
    /// working in place, and then never written after `read`). Returns where writing ended, where reading stopped,
    /// and false if it stopped at invalid UTF-8; with `repair` it never stops but writes U+FFFD for each fault.
    private static func normalizeRun(
        from src: UnsafePointer<UInt8>, to dst: UnsafeMutablePointer<UInt8>, count: Int, read: Int, write: Int,
        repair: Bool, report: inout Report
    ) -> (Int, Int, Bool) {
        let p = src
        var r = read
        var w = write
        while r < count {
            // Fast path: a run of bytes that stay as they are, moved in one go.
            let (s, invalid) = cleanRunEnd(p, from: r, count: count)
            if s > r {
                if dst + w != UnsafeMutablePointer(mutating: p + r) { (dst + w).update(from: p + r, count: s - r) }
                w += s - r
                r = s
            }
            if invalid {
                if !repair { return (w, r, false) }
                dst[w] = 0xEF
                dst[w + 1] = 0xBF
                dst[w + 2] = 0xBD
                w += 3
                r += invalidSequenceLength(p, r, count)
                continue
            }
            if r >= count { break }
            let b = p[r]
            if b == 0x0D {
                // CRLF and lone CR both end a line.
                dst[w] = 0x0A
                w += 1
                r += 1
                if r < count && p[r] == 0x0A { r += 1 }
                continue
            }
            if b == 0x1B {
                r = skipEscapeSequence(p, from: r, count: count)
                report.removedEscapeSequences += 1
                continue
            }
            if b < 0x20 || b == 0x7F {
                report.removedControls += 1
                r += 1
                continue
            }
            if b == 0xC2 {
                if p[r + 1] == 0xA0 {  // no-break space
                    dst[w] = 0x20
                    w += 1
                    r += 2
                } else {  // C1 controls U+0080..U+009F
                    report.removedControls += 1
                    r += 2
                }
                continue
            }
            // E2 80 xx / E2 81 xx specials.
            let b1 = p[r + 1]
            let b2 = p[r + 2]
            if b1 == 0x80 && (b2 == 0xAF || b2 == 0x87 || b2 == 0x89 || b2 == 0x8A) {
                // Narrow no-break, figure, thin and hair spaces read as a plain space.
                dst[w] = 0x20
                w += 1
                r += 3
            } else {
                // Bidirectional overrides and line/paragraph separators would reorder or break the screen.
                report.removedControls += 1
                r += 3
            }
        }
        return (w, r, true)
    }

    /// The three-byte characters from U+2000 that the slow path rewrites: odd spaces, bidi controls, separators.
    @inline(__always)
    private static func isSpecialE2(_ b1: UInt8, _ b2: UInt8) -> Bool {
        if b1 == 0x80 { return b2 == 0xAF || b2 == 0x87 || b2 == 0x89 || b2 == 0x8A || (b2 >= 0xA8 && b2 <= 0xAE) }
        if b1 == 0x81 { return b2 >= 0xA6 && b2 <= 0xA9 }
        return false
    }

    /// Skips an escape sequence starting at `start` (which holds ESC) and returns the index after it.
    ///
    /// CSI (`ESC [ … final`), OSC/DCS/APC/PM/SOS strings (`ESC ] … BEL` or `ESC \`), and two-byte escapes.
    private static func skipEscapeSequence(_ buf: UnsafePointer<UInt8>, from start: Int, count: Int) -> Int {
        var r = start + 1
        guard r < count else { return r }
        let kind = buf[r]
        r += 1
        switch kind {
        case UInt8(ascii: "["):
            while r < count {
                let c = buf[r]
                r += 1
                if c >= 0x40 && c <= 0x7E { break }
                if c == 0x0A || c < 0x20 && c != 0x1B {
                    r -= 1
                    break
                }
            }
        case UInt8(ascii: "]"), UInt8(ascii: "P"), UInt8(ascii: "_"), UInt8(ascii: "^"), UInt8(ascii: "X"):
            while r < count {
                let c = buf[r]
                if c == 0x07 {
                    r += 1
                    break
                }
                if c == 0x1B {
                    r += (r + 1 < count && buf[r + 1] == UInt8(ascii: "\\")) ? 2 : 1
                    break
                }
                if c == 0x0A { break }
                r += 1
            }
        case 0x0A:
            r -= 1
        case 0x80...:
            // ESC before a non-ASCII character is no sequence: only the ESC goes, so that no UTF-8 is split.
            r -= 1
        default:
            // Two-byte escapes (ESC c, ESC 7, ...) and charset selections (ESC ( B) take one more byte.
            if (kind == UInt8(ascii: "(") || kind == UInt8(ascii: ")") || kind == UInt8(ascii: "#")) && r < count {
                r += 1
            }
        }
        return r
    }
}
