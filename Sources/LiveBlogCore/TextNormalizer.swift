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
    public static func normalize(_ bytes: inout [UInt8]) -> Report {
        var report = Report()
        if String(validating: bytes, as: UTF8.self) == nil {
            report.invalidUTF8 = true
            bytes = Array(String(decoding: bytes, as: UTF8.self).utf8)
        }
        let count = bytes.count
        let newCount = bytes.withUnsafeMutableBufferPointer { buf -> Int in
            var r = 0
            var w = 0
            if count >= 3 && buf[0] == 0xEF && buf[1] == 0xBB && buf[2] == 0xBF {
                r = 3
                report.droppedBOM = true
            }
            while r < count {
                let b = buf[r]
                if b >= 0x20 && b < 0x7F {
                    buf[w] = b; w += 1; r += 1
                    continue
                }
                if b == 0x0A || b == 0x09 {
                    buf[w] = b; w += 1; r += 1
                    continue
                }
                if b == 0x0D {
                    // CRLF and lone CR both end a line.
                    buf[w] = 0x0A; w += 1; r += 1
                    if r < count && buf[r] == 0x0A { r += 1 }
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
                // Non-ASCII: valid UTF-8 from here on.
                if b == 0xC2 && r + 1 < count {
                    let b1 = buf[r + 1]
                    if b1 == 0xA0 {  // no-break space
                        buf[w] = 0x20; w += 1; r += 2
                        continue
                    }
                    if b1 < 0xA0 {  // C1 controls U+0080..U+009F
                        report.removedControls += 1
                        r += 2
                        continue
                    }
                }
                if b == 0xE2 && r + 2 < count {
                    let b1 = buf[r + 1], b2 = buf[r + 2]
                    if b1 == 0x80 && (b2 == 0xAF || b2 == 0x87 || b2 == 0x89 || b2 == 0x8A) {
                        // Narrow no-break, figure, thin and hair spaces read as a plain space.
                        buf[w] = 0x20; w += 1; r += 3
                        continue
                    }
                    if (b1 == 0x80 && (b2 >= 0xAA && b2 <= 0xAE)) || (b1 == 0x81 && (b2 >= 0xA6 && b2 <= 0xA9))
                        || (b1 == 0x80 && (b2 == 0xA8 || b2 == 0xA9)) {
                        // Bidirectional overrides and line/paragraph separators would reorder or break the screen.
                        report.removedControls += 1
                        r += 3
                        continue
                    }
                }
                let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
                for k in 0..<length where r + k < count {
                    buf[w] = buf[r + k]; w += 1
                }
                r += length
            }
            return w
        }
        bytes.removeLast(count - newCount)
        return report
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
