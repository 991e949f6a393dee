import Testing

@testable import liveblog

/// The code points `get_wch` returns, as the tmux runs observed them, and the keys they become.
@Suite struct KeyDecodingTests {
    @Test("Enter arrives as 10, or 13 after nonl")
    func enter() {
        #expect(Terminal.decodeCharacter(10) == .enter)
        #expect(Terminal.decodeCharacter(13) == .enter)
    }

    @Test("Backspace arrives as 127 or 8 (Ctrl-H); Tab as 9; Escape as 27")
    func editingKeys() {
        #expect(Terminal.decodeCharacter(127) == .backspace)
        #expect(Terminal.decodeCharacter(8) == .backspace)
        #expect(Terminal.decodeCharacter(9) == .tab)
        #expect(Terminal.decodeCharacter(27) == .escape)
    }

    @Test("Ctrl plus a letter becomes .control with the lower-case letter")
    func controlLetters() {
        #expect(Terminal.decodeCharacter(1) == .control("a"))
        #expect(Terminal.decodeCharacter(3) == .control("c"))
        #expect(Terminal.decodeCharacter(6) == .control("f"))
        #expect(Terminal.decodeCharacter(26) == .control("z"))
        #expect(Terminal.decodeCharacter(28) == .control("\\"))  // Ctrl-\, a key in raw mode
    }

    @Test("Other control codes (C0 and C1) are dropped, never passed on as text")
    func otherControls() {
        for code: UInt32 in [0, 29, 30, 31, 0x80, 0x9B, 0x9F] {
            #expect(Terminal.decodeCharacter(code) == nil, "code \(code)")
        }
    }

    @Test("Printable code points, ASCII or not, are characters")
    func printable() {
        #expect(Terminal.decodeCharacter(UInt32(UInt8(ascii: "j"))) == .character("j"))
        #expect(Terminal.decodeCharacter(UInt32(UInt8(ascii: " "))) == .character(" "))
        #expect(Terminal.decodeCharacter(0xE9) == .character("é"))
        #expect(Terminal.decodeCharacter(0x65E5) == .character("日"))
        #expect(Terminal.decodeCharacter(0x1F30B) == .character("🌋"))
    }

    @Test("A code that is no Unicode scalar (a lone surrogate) is dropped")
    func invalidScalar() {
        #expect(Terminal.decodeCharacter(0xD800) == nil)
    }
}
