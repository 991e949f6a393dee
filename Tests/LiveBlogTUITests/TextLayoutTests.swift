import LiveBlogCore
import Testing

@testable import LiveBlogTUI

/// Glyphs, cutting with "…" and word wrapping, measured per scalar as ncurses measures.
struct TextLayoutTests {
    private func glyphs(_ text: String, singleLine: Bool = false) -> [Glyph] {
        GlyphBuilder.glyphs(text, style: .plain, singleLine: singleLine)
    }

    private func text(_ glyphs: [Glyph]) -> String { glyphs.map(\.text).joined() }

    private func wrapped(_ s: String, _ width: Int, indent: Int = 0) -> [String] {
        TextWrap.wrap(glyphs(s), width: width, indent: indent).map { text($0) }
    }

    // Cutting

    @Test("A text that fits is left whole")
    func fitsWhole() {
        #expect(text(glyphs("Ash cloud").cut(to: 9)) == "Ash cloud")
    }

    @Test("A text too wide is cut with an ellipsis in the last cell")
    func cutWithEllipsis() {
        let cut = glyphs("Ash cloud reaches").cut(to: 8)
        #expect(text(cut) == "Ash clo…")
        #expect(cut.cellWidth == 8)
    }

    @Test("Cutting to one cell leaves only the ellipsis, to zero leaves nothing")
    func cutTiny() {
        #expect(text(glyphs("Eruption").cut(to: 1)) == "…")
        #expect(glyphs("Eruption").cut(to: 0).isEmpty)
    }

    @Test("A wide character that would straddle the edge is dropped, never overflowing")
    func cutWide() {
        let all = glyphs("日本語テキスト")
        #expect(all.cellWidth == 14)
        #expect(text(all.cut(to: 7)) == "日本語…")
        let six = all.cut(to: 6)
        #expect(text(six) == "日本…")
        #expect(six.cellWidth == 5)
    }

    // Sanitising

    @Test("CJK and emoji take two cells; curly quotes one")
    func widths() {
        #expect(glyphs("日").map(\.width) == [2])
        #expect(glyphs("👍").map(\.width) == [2])
        #expect(glyphs("’“”—").map(\.width) == [1, 1, 1, 1])
    }

    @Test("VS16 and ZWJ are stripped, so widths match what tmux draws")
    func strippedJoiners() {
        let sun = glyphs("☀\u{FE0F}")
        #expect(sun.map(\.text) == ["☀"])
        #expect(sun.cellWidth == 1)
        let family = glyphs("👨\u{200D}👩\u{200D}👧")
        #expect(family.count == 3)
        #expect(family.cellWidth == 6)
        #expect(!family.contains { $0.text.unicodeScalars.contains { $0.value == 0x200D } })
    }

    @Test("Control characters become '?' so no escape sequence reaches the terminal")
    func controlsReplaced() {
        #expect(text(glyphs("a\u{1B}[31mb")) == "a?[31mb")
        #expect(text(glyphs("x\u{9B}2Jy\u{7F}z\u{07}")) == "x?2Jy?z?")
        #expect(text(glyphs("tab\there", singleLine: true)) == "tab here")
        #expect(text(glyphs("two\nlines", singleLine: true)) == "two lines")
    }

    @Test("Bidi overrides and other invisible format characters are dropped")
    func formatCharactersDropped() {
        #expect(text(glyphs("ab\u{202E}cd\u{2066}e\u{200B}f")) == "abcdef")
    }

    @Test("A combining mark rides on the character before it")
    func combiningMark() {
        let g = glyphs("Le\u{0301}a")
        #expect(g.count == 3)
        #expect(g[1].text == "e\u{0301}")
        #expect(g.cellWidth == 3)
    }

    @Test("Scalars inside a highlight take the match style and number")
    func highlightStyles() {
        let g = GlyphBuilder.glyphs(
            "the ash falls", style: .plain, highlights: [Highlight(range: 4..<7, number: 5)],
            matchStyle: CellStyle(role: .match))
        #expect(g.filter { $0.style.role == .match }.map(\.text).joined() == "ash")
        #expect(g.filter { $0.match == 5 }.count == 3)
    }

    // Wrapping

    @Test("Words wrap greedily and the blanks at a break are dropped")
    func wrapWords() {
        #expect(wrapped("the ash cloud reached the mainland", 12) == ["the ash", "cloud", "reached the", "mainland"])
    }

    @Test("A word longer than the line is broken across lines")
    func wrapLongWord() {
        #expect(
            wrapped("see https://example.org/a/very/long/path ok", 10) == [
                "see https:", "//example.", "org/a/very", "/long/path", "ok",
            ])
    }

    @Test("Tabs expand to the next tab stop of eight")
    func wrapTabs() {
        #expect(wrapped("a\tb\tc", 40) == ["a       b       c"])
        #expect(wrapped("abcdefghij\tk", 40) == ["abcdefghij      k"])
    }

    @Test("Line breaks in the text are kept")
    func wrapNewlines() {
        #expect(wrapped("one\ntwo three", 20) == ["one", "two three"])
    }

    @Test("A hanging indent starts continuation lines")
    func wrapIndent() {
        #expect(
            wrapped("→ story: the ash cloud moves east", 14, indent: 2) == [
                "→ story: the", "  ash cloud", "  moves east",
            ])
    }

    @Test("Wide characters wrap at the cell before the edge")
    func wrapWide() {
        let lines = wrapped("日本語のテキスト", 5)
        #expect(lines == ["日本", "語の", "テキ", "スト"])
    }

    @Test("A wide character can never show in one cell and is skipped rather than looping")
    func wrapWideInOneCell() {
        #expect(wrapped("a日b", 1) == ["a", "b"])
    }

    @Test("Empty text is one empty line; zero width is no lines")
    func wrapEmpty() {
        #expect(wrapped("", 10) == [""])
        #expect(wrapped("text", 0).isEmpty)
    }

    @Test("Every wrapped line fits its width and keeps the words in order, for many generated texts")
    func wrapProperty() {
        var random = SeededRandom(seed: 42)
        func next(_ n: Int) -> Int { random.below(n) }
        let pieces = ["ash", " ", "  ", "日本", "👍", "e\u{301}", "\t", "volcanologists", "—", "“x”", "a"]
        for _ in 0..<400 {
            let text = (0..<next(30)).map { _ in pieces[next(pieces.count)] }.joined()
            let width = 2 + next(30)
            let lines = TextWrap.wrap(glyphs(text), width: width, indent: next(4))
            for line in lines { #expect(line.cellWidth <= width, "\(text) at \(width)") }
            let before = glyphs(text).filter { $0.kind == .word }.map(\.text)
            let after = lines.flatMap { $0 }.filter { $0.kind == .word }.map(\.text)
            #expect(after == before, "\(text) at \(width)")
        }
    }
}
