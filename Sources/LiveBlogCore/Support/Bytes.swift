/// Named tests on single bytes of UTF-8 text, so that the heuristics read as what they check rather than as
/// hex literals. ASCII tests only: a byte of 0x80 or more is never a digit, a letter or a space.
extension UInt8 {
    /// The space character; tabs are normalised to it before parsing.
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let newline = UInt8(ascii: "\n")

    /// `0`–`9`.
    @inline(__always) var isDigit: Bool { self &- UInt8(ascii: "0") < 10 }
    /// `A`–`Z`.
    @inline(__always) var isUpper: Bool { self &- UInt8(ascii: "A") < 26 }
    /// `a`–`z`.
    @inline(__always) var isLower: Bool { self &- UInt8(ascii: "a") < 26 }
    /// `A`–`Z` or `a`–`z`.
    @inline(__always) var isLetter: Bool { (self | 0x20) &- UInt8(ascii: "a") < 26 }
    /// Any byte of a multi-byte UTF-8 sequence: lead or continuation.
    @inline(__always) var isNonASCII: Bool { self >= 0x80 }
    /// The lead byte of a scalar from U+00C0 (`À`) on: where accented Latin letters and every other script
    /// start, so a word that opens with it reads as a word, not as punctuation.
    @inline(__always) var startsNonASCIILetter: Bool { self >= 0xC3 }
    /// A continuation byte of a multi-byte UTF-8 sequence (10xxxxxx).
    @inline(__always) var isContinuation: Bool { self & 0xC0 == 0x80 }
    /// The lead byte of a Latin letter with an accent, U+00C0–U+017F (`À`…`ſ`: `Środa`, `Ütő`).
    @inline(__always) var startsAccentedLatin: Bool { self &- 0xC3 < 3 }
    /// The value of an ASCII digit.
    @inline(__always) var digitValue: Int { Int(self &- UInt8(ascii: "0")) }
    /// A letter's place in the alphabet, 1–26, in either case (five bits: twelve letters pack into a `UInt64`).
    @inline(__always) var alphabetIndex: UInt8 { (self | 0x20) &- (UInt8(ascii: "a") - 1) }
    /// The ASCII letter in lower case; other bytes as they are.
    @inline(__always) var lowercased: UInt8 { isUpper ? self | 0x20 : self }
}

/// A three-byte UTF-8 punctuation mark that the heuristics look for (quotes, dashes, the ellipsis, bullets).
struct Mark: Equatable {
    let lead: UInt8, second: UInt8, third: UInt8

    init(_ lead: UInt8, _ second: UInt8, _ third: UInt8) {
        self.lead = lead
        self.second = second
        self.third = third
    }

    /// `…`
    static let ellipsis = Mark(0xE2, 0x80, 0xA6)
    /// `‘`
    static let leftSingleQuote = Mark(0xE2, 0x80, 0x98)
    /// `’`, also the apostrophe of typeset text.
    static let rightSingleQuote = Mark(0xE2, 0x80, 0x99)
    /// `“`
    static let leftDoubleQuote = Mark(0xE2, 0x80, 0x9C)
    /// `”`
    static let rightDoubleQuote = Mark(0xE2, 0x80, 0x9D)
    /// `–`
    static let enDash = Mark(0xE2, 0x80, 0x93)
    /// `—`
    static let emDash = Mark(0xE2, 0x80, 0x94)
    /// `•`
    static let bullet = Mark(0xE2, 0x80, 0xA2)
    /// `▪`
    static let smallSquare = Mark(0xE2, 0x96, 0xAA)
    /// `′`, a prime (minutes).
    static let prime = Mark(0xE2, 0x80, 0xB2)
    /// `─`, a box-drawing line.
    static let boxLine = Mark(0xE2, 0x94, 0x80)
    /// `。`, the ideographic full stop.
    static let ideographicStop = Mark(0xE3, 0x80, 0x82)

    /// The lead and second byte shared by the General Punctuation block (U+2000–U+203F: quotes, dashes, `…`).
    static let generalPunctuation = (lead: UInt8(0xE2), second: UInt8(0x80))
    /// `·` (U+00B7), a two-byte scalar: its lead and trail byte.
    static let middleDot = (lead: UInt8(0xC2), trail: UInt8(0xB7))
}

extension UnsafeBufferPointer<UInt8> {
    /// Whether `mark` stands at byte `k` (false when it would run past the end).
    @inline(__always)
    func has(_ mark: Mark, at k: Int) -> Bool {
        k >= 0 && k + 2 < count && self[k] == mark.lead && self[k + 1] == mark.second && self[k + 2] == mark.third
    }

    /// Whether the first `end` bytes end with `mark`.
    @inline(__always)
    func has(_ mark: Mark, endingAt end: Int) -> Bool { end >= 3 && has(mark, at: end - 3) }

    /// Whether the bytes end with `mark`.
    @inline(__always)
    func ends(with mark: Mark) -> Bool { has(mark, endingAt: count) }

    /// Whether the bytes end with a scalar of the General Punctuation block (a closing quote, a dash, `…`).
    @inline(__always)
    func endsWithGeneralPunctuation() -> Bool {
        count >= 3 && self[count - 3] == Mark.generalPunctuation.lead
            && self[count - 2] == Mark.generalPunctuation.second
    }

    /// How many words the bytes hold, counted as spaces plus one.
    func wordCount() -> Int {
        var words = 1
        for b in self where b == .space { words += 1 }
        return words
    }
}
