import Foundation
import Testing

@testable import LiveBlogCore

@Suite("Text normaliser")
struct NormalizerTests {
    func normalized(_ bytes: [UInt8]) -> String {
        var b = bytes
        _ = TextNormalizer.normalize(&b)
        return String(decoding: b, as: UTF8.self)
    }

    @Test("Line ends, BOM and no-break spaces become plain")
    func plain() {
        #expect(normalized(Array("\u{FEFF}a\r\nb\rc\u{00A0}d\u{202F}e".utf8)) == "a\nb\nc d e")
    }

    @Test("Control characters and escape sequences are removed, tabs and newlines kept")
    func controls() {
        let input =
            "x\u{1B}[1;31my\u{1B}]0;title\u{07}z\u{1B}]8;;http://e\u{1B}\\w\u{0}\u{7F}\u{85}\u{9B}v\tq\n\u{202E}r\u{1B}c"
        #expect(normalized(Array(input.utf8)) == "xyzwv\tq\nr")
    }

    @Test("Invalid UTF-8 becomes U+FFFD")
    func invalid() {
        var bytes: [UInt8] = [0x61, 0xFF, 0x62, 0xC3]
        let report = TextNormalizer.normalize(&bytes)
        #expect(report.invalidUTF8)
        #expect(String(decoding: bytes, as: UTF8.self) == "a\u{FFFD}b\u{FFFD}")
    }

    @Test("Large texts are scanned in pieces: a fault in any piece is still found, clean text is left alone")
    func largeText() {
        let line = Array("A clean line of text with a curly quote ’ and nothing odd in it at all.\n".utf8)
        var clean: [UInt8] = []
        while clean.count < 9 << 20 { clean += line }
        var copy = clean
        let report = TextNormalizer.normalize(&copy)
        #expect(!report.invalidUTF8 && report.removedControls == 0 && report.removedEscapeSequences == 0)
        #expect(copy == clean)
        for position in [10, clean.count / 2 + 3, clean.count - 5] {
            var faulty = clean
            faulty[position] = 0x07  // BEL
            let report = TextNormalizer.normalize(&faulty)
            #expect(report.removedControls == 1)
            #expect(faulty.count == clean.count - 1)
            #expect(!faulty.contains(0x07))
        }
    }

    @Test("Invalid UTF-8 is repaired as Swift's decoder does: one U+FFFD per maximal ill-formed subpart")
    func repairMatchesDecoder() {
        // Bytes that make valid, truncated, overlong and surrogate sequences; no controls or specials, so the
        // only change the normaliser may make is the repair.
        let alphabet: [UInt8] = [
            0x41, 0x80, 0x9F, 0xA0, 0xA9, 0xBF, 0xC0, 0xC3, 0xD0, 0xE0, 0xE1, 0xED, 0xF0, 0xF3, 0xF4, 0xF5, 0xFF,
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let input = (0..<Int.random(in: 1...24, using: &generator)).map { _ in
                alphabet.randomElement(using: &generator)!
            }
            var bytes = input
            _ = TextNormalizer.normalize(&bytes)
            #expect(bytes == Array(String(decoding: input, as: UTF8.self).utf8), "input \(input)")
        }
    }

    @Test("ESC before a non-ASCII character drops only the ESC, never half a character")
    func escapeBeforeNonASCII() {
        #expect(normalized(Array("a\u{1B}éb\u{1B}日".utf8)) == "aéb日")
    }

    @Test("Hostile bytes normalise in linear time: random bytes and ESC runs (a hang guard, not a speed test)")
    func linearOnHostileBytes() {
        // Before the fix each fault re-decoded the rest of the buffer: 2 MB of random bytes took 34 s in release.
        var generator = SystemRandomNumberGenerator()
        var random = [UInt8](repeating: 0, count: 2 << 20)
        for i in random.indices { random[i] = UInt8.random(in: 0...255, using: &generator) }
        var escapes = Array(String(repeating: "\u{1B}é", count: 1_000_000).utf8)
        escapes.append(contentsOf: [0xFF, 0x1B, 0xC3])
        let started = Date()
        let report = TextNormalizer.normalize(&random)
        _ = TextNormalizer.normalize(&escapes)
        #expect(Date().timeIntervalSince(started) < 30)
        #expect(report.invalidUTF8)
        #expect(String(validating: random, as: UTF8.self) != nil)
        #expect(!random.contains { ($0 < 0x20 && $0 != 0x0A && $0 != 0x09) || $0 == 0x7F })
        #expect(escapes.count == 2 * 1_000_000 + 6)  // é kept; 0xFF and the cut-off 0xC3 each one U+FFFD
    }
}
