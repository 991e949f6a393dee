import Testing

@testable import LiveBlogCore

/// The named byte tests the heuristics read through, checked against what Swift's own character tests say.
@Suite("Byte tests")
struct BytesTests {
    /// Every byte value: the ASCII classes agree with `Character`'s, and no byte of 0x80 or more is in any of them.
    @Test("ASCII classes agree with Character's for all 256 bytes")
    func asciiClasses() {
        for value in 0...255 {
            let b = UInt8(value)
            let c = Character(Unicode.Scalar(b))
            let ascii = value < 0x80
            #expect(b.isDigit == (ascii && c.isNumber), "digit \(value)")
            #expect(b.isUpper == (ascii && c.isUppercase && c.isLetter), "upper \(value)")
            #expect(b.isLower == (ascii && c.isLowercase && c.isLetter), "lower \(value)")
            #expect(b.isLetter == (ascii && c.isLetter), "letter \(value)")
            #expect(b.isNonASCII == !ascii, "non-ASCII \(value)")
            #expect(b.lowercased == (ascii && c.isUppercase && c.isLetter ? b + 32 : b), "lower-cased \(value)")
            if b.isDigit { #expect(b.digitValue == Int(String(c))) }
            if b.isLetter { #expect(Int(b.alphabetIndex) == Int(Character(c.lowercased()).asciiValue! - 96)) }
        }
    }

    /// A lead byte says where a scalar starts: accented Latin (À–ſ) and anything from À on.
    @Test("Lead bytes: accented Latin letters, and letters from À on")
    func leadBytes() {
        for (text, latin, letter) in [
            ("À", true, true), ("ſ", true, true), ("Ś", true, true), ("ƀ", false, true),
            ("王", false, true), ("·", false, false), ("é", true, true),
        ] {
            let lead = Array(text.utf8)[0]
            #expect(lead.startsAccentedLatin == latin, "\(text)")
            #expect(lead.startsNonASCIILetter == letter, "\(text)")
            #expect(Array(text.utf8).dropFirst().allSatisfy { $0.isContinuation }, "\(text)")
            #expect(!lead.isContinuation)
        }
    }

    /// Each mark is the UTF-8 of the character its name says, and is found where it stands, never past the end.
    @Test("Marks are the characters they name, found at their place")
    func marks() {
        let named: [(Mark, Character)] = [
            (.ellipsis, "…"), (.leftSingleQuote, "‘"), (.rightSingleQuote, "’"), (.leftDoubleQuote, "“"),
            (.rightDoubleQuote, "”"), (.enDash, "–"), (.emDash, "—"), (.bullet, "•"), (.smallSquare, "▪"),
            (.prime, "′"), (.boxLine, "─"), (.ideographicStop, "。"),
        ]
        for (mark, character) in named {
            #expect([mark.lead, mark.second, mark.third] == Array(String(character).utf8), "\(character)")
            let line = Array("ab\(character)c".utf8)
            line.withUnsafeBufferPointer { buffer in
                #expect(buffer.has(mark, at: 2))
                #expect(!buffer.has(mark, at: 1))
                #expect(buffer.has(mark, endingAt: 5))
                #expect(!buffer.ends(with: mark))
                #expect(!buffer.has(mark, at: 4), "runs past the end")
            }
        }
        let middleDot = Array("·".utf8)
        #expect(middleDot == [Mark.middleDot.lead, Mark.middleDot.trail])
        Array("He said “yes”".utf8).withUnsafeBufferPointer { #expect($0.endsWithGeneralPunctuation()) }
        Array("He said yes".utf8).withUnsafeBufferPointer { #expect(!$0.endsWithGeneralPunctuation()) }
        Array("three word line".utf8).withUnsafeBufferPointer { #expect($0.wordCount() == 3) }
    }
}

/// The package's one parallel loop: pieces cover the work exactly once, in order, whatever the piece count.
@Suite("Parallel map")
struct ParallelTests {
    @Test("Pieces cover 0..<size once, in order", arguments: [0, 1, 7, 1000, 100_003])
    func pieces(size: Int) {
        for count in 1...9 {
            let ranges = Parallel.ranges(of: size, pieces: count)
            #expect(ranges.count == count)
            #expect(ranges.flatMap { Array($0) } == Array(0..<size))
        }
        let sums = Parallel.map(size, minimum: 10) { range in range.reduce(0, +) }
        #expect(sums.reduce(0, +) == (0..<size).reduce(0, +))
    }

    @Test("Each piece writes its own part of a shared buffer")
    func sharedBuffer() {
        var out = [Int](repeating: -1, count: 50_000)
        out.withUnsafeMutableBufferPointer { buffer in
            let shared = SendableBuffer(buffer)
            _ = Parallel.map(shared.count, minimum: 1) { range in for i in range { shared[i] = i * 2 } }
        }
        #expect(out == (0..<50_000).map { $0 * 2 })
    }

    @Test("Below the minimum the work is one piece")
    func smallWorkIsOnePiece() {
        #expect(Parallel.pieceCount(for: 99, minimum: 100) == 1)
        #expect(Parallel.map(99, minimum: 100) { $0 } == [0..<99])
    }
}
