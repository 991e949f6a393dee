import Testing
import LiveBlogCore

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
        let input = "x\u{1B}[1;31my\u{1B}]0;title\u{07}z\u{1B}]8;;http://e\u{1B}\\w\u{0}\u{7F}\u{85}\u{9B}v\tq\n\u{202E}r\u{1B}c"
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
}
