import Dispatch
import Foundation

/// Makes raw bytes safe and uniform before parsing: valid UTF-8, LF line ends, plain spaces, and no control
/// characters, so that no text from a blog can ever drive the terminal.
public enum TextNormalizer {
    /// What normalisation changed, for the diagnostics.
    public struct Report: Equatable, Sendable {
        public var invalidUTF8 = false
        public var removedControls = 0
        public var removedEscapeSequences = 0
        public var droppedBOM = false
    }

    /// Normalises `bytes` in place (the result is never longer, except that invalid UTF-8 is first repaired with U+FFFD).
    ///
    /// One pass: runs of bytes that stay as they are (checked as valid UTF-8 on the way) are moved in one go; the
    /// first invalid byte stops the pass, the rest is repaired, and the pass goes on from there.
    public static func normalize(_ bytes: inout [UInt8]) -> Report {
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
        while true {
            let count = bytes.count
            let from = start, to = written
            let (w, r, valid) = bytes.withUnsafeMutableBufferPointer { buf in
                normalizeRun(&buf, count: count, read: from, write: to, report: &report)
            }
            if valid {
                bytes.removeLast(count - w)
                return report
            }
            // Invalid UTF-8 at `r`: keep what is done, repair the rest, and go on.
            report.invalidUTF8 = true
            let repaired = Array(String(decoding: bytes[r..<count], as: UTF8.self).utf8)
            bytes.removeLast(count - w)
            bytes.append(contentsOf: repaired)
            start = w
            written = w
        }
    }

    /// How many leading bytes need no change. Large texts are scanned on all cores, in pieces cut just after a
    /// newline (which never stands inside a UTF-8 sequence).
    private static func cleanPrefixLength(_ buf: UnsafeBufferPointer<UInt8>) -> Int {
        guard let p = buf.baseAddress else { return 0 }
        let count = buf.count
        let pieces = ParallelChunks.count(for: count, minimum: 8 << 20)
        if pieces == 1 { return cleanRunEnd(p, from: 0, count: count).end }
        var bounds = [0]
        for k in 1..<pieces {
            var cut = max(bounds[k - 1], count * k / pieces)
            while cut < count && p[cut] != 0x0A { cut += 1 }
            bounds.append(min(count, cut + 1))
        }
        bounds.append(count)
        var ends = [Int](repeating: 0, count: pieces)
        ends.withUnsafeMutableBufferPointer { out in
            let shared = SharedScan(text: p, ends: out, bounds: bounds)
            DispatchQueue.concurrentPerform(iterations: pieces) { k in
                shared.ends[k] = cleanRunEnd(shared.text, from: shared.bounds[k], count: shared.bounds[k + 1]).end
            }
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
    private static func cleanRunEnd(_ p: UnsafePointer<UInt8>, from start: Int, count: Int) -> (end: Int, invalid: Bool) {
        var s = start
        while s < count {
            if s + 8 <= count {
                // Eight printable ASCII bytes at a time: no high bit, nothing below 0x20, no DEL.
                // With every byte below 0x80 no addition carries into the next byte: a byte is at least 0x20
                // when adding 0x60 sets its high bit, and below 0x7F when adding 0x01 does not.
                let word = UnsafeRawPointer(p + s).loadUnaligned(as: UInt64.self)
                let high: UInt64 = 0x8080_8080_8080_8080
                if (word | (word &+ 0x0101_0101_0101_0101)) & high == 0 && (word &+ 0x6060_6060_6060_6060) & high == high {
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

    /// Normalises from `read` to the end, writing at `write` (never after `read`). Returns where writing ended,
    /// where reading stopped, and false if it stopped at invalid UTF-8.
    private static func normalizeRun(
        _ buf: inout UnsafeMutableBufferPointer<UInt8>, count: Int, read: Int, write: Int, report: inout Report
    ) -> (Int, Int, Bool) {
        let p = buf.baseAddress!
        var r = read
        var w = write
        while r < count {
            // Fast path: a run of bytes that stay as they are, moved in one go.
            let (s, invalid) = cleanRunEnd(UnsafePointer(p), from: r, count: count)
            if s > r {
                if w != r { (p + w).update(from: p + r, count: s - r) }
                w += s - r
                r = s
            }
            if invalid { return (w, r, false) }
            if r >= count { break }
            let b = p[r]
            if b == 0x0D {
                // CRLF and lone CR both end a line.
                p[w] = 0x0A; w += 1; r += 1
                if r < count && p[r] == 0x0A { r += 1 }
                continue
            }
            if b == 0x1B {
                r = skipEscapeSequence(buf, from: r, count: count)
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
                    p[w] = 0x20; w += 1; r += 2
                } else {  // C1 controls U+0080..U+009F
                    report.removedControls += 1
                    r += 2
                }
                continue
            }
            // E2 80 xx / E2 81 xx specials.
            let b1 = p[r + 1], b2 = p[r + 2]
            if b1 == 0x80 && (b2 == 0xAF || b2 == 0x87 || b2 == 0x89 || b2 == 0x8A) {
                // Narrow no-break, figure, thin and hair spaces read as a plain space.
                p[w] = 0x20; w += 1; r += 3
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
    private static func skipEscapeSequence(_ buf: UnsafeMutableBufferPointer<UInt8>, from start: Int, count: Int) -> Int {
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
                if c == 0x0A || c < 0x20 && c != 0x1B { r -= 1; break }
            }
        case UInt8(ascii: "]"), UInt8(ascii: "P"), UInt8(ascii: "_"), UInt8(ascii: "^"), UInt8(ascii: "X"):
            while r < count {
                let c = buf[r]
                if c == 0x07 { r += 1; break }
                if c == 0x1B { r += (r + 1 < count && buf[r + 1] == UInt8(ascii: "\\")) ? 2 : 1; break }
                if c == 0x0A { break }
                r += 1
            }
        case 0x0A:
            r -= 1
        default:
            // Two-byte escapes (ESC c, ESC 7, ...) and charset selections (ESC ( B) take one more byte.
            if (kind == UInt8(ascii: "(") || kind == UInt8(ascii: ")") || kind == UInt8(ascii: "#")) && r < count { r += 1 }
        }
        return r
    }
}

/// The text and result slots a parallel clean scan shares; each piece writes only its own slot.
private struct SharedScan: @unchecked Sendable {
    let text: UnsafePointer<UInt8>
    let ends: UnsafeMutableBufferPointer<Int>
    let bounds: [Int]
}
