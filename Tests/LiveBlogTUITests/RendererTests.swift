import LiveBlogCore
import Testing

@testable import LiveBlogTUI

/// Frames rendered to text and compared with the screen as it should look; styles checked cell by cell.
struct RendererTests {
    // MARK: Layout at several sizes

    @Test("At 120×40 the list sits left of the detail pane, headlines cut with an ellipsis")
    func wideLayout() {
        let state = makeState(size: .wide)
        #expect(
            screen(state) == """
                Mount Corrigan eruption latest — More than 12,000 people have left the island since the volcano woke
                • 16:48 ★ Ash begins to fall on Castlemere as cloud … │ Ash begins to fall on Castlemere as cloud reaches the mainland
                • 16:21 Observatory: ‘no sign yet’ that eruption is … │ 16:48 · key event
                • 15:57 Second ash column seen from the north coast   │
                •       Japanese volcanologists offer to help         │ The first traces of ash have begun to settle on cars and
                • 15:30 Airports across the Skerran Isles to stay cl… │ pavements in Castlemere, about 80km east of Tarrow.
                •       Mount Corrigan on Tarrow Island has been eru… │
                                                                      │ “It smells faintly of struck matches,” said Marguerite Fenn.
                                                                      │
                                                                      │ → story: Why the ash cloud moved east — Winds explained
                                                                      │
                                                                      │
                                                                      │
                                                                      │
                                                                      │
                                                                      │
                                                                      │
                                                                      │
                                                                      │
                                                                      │
                                                                      │
                                                                      │
                                                                      │
                                                                      │
                                                                      │
                                                                      │
                                                                      │
                                                                      │
                                                                      │
                                                                      │
                                                                      │
                                                                      │
                                                                      │
                                                                      │
                                                                      │
                                                                      │
                                                                      │
                                                                      │
                                                                      │
                1/6  6 unread                                                                                                     ? help
                """)
    }

    @Test("At 80×24 the list goes above the detail; Japanese text wraps by display width")
    func standardLayout() {
        var state = makeState(size: .standard)
        send(&state, .down, .down, .down)
        #expect(
            screen(state) == """
                Mount Corrigan eruption latest — More than 12,000 people have left the island s…
                • 16:48 ★ Ash begins to fall on Castlemere as cloud reaches the mainland
                • 16:21 Observatory: ‘no sign yet’ that eruption is slowing
                • 15:57 Second ash column seen from the north coast
                •       Japanese volcanologists offer to help
                • 15:30 Airports across the Skerran Isles to stay closed until Friday
                •       Mount Corrigan on Tarrow Island has been erupting for almost 24 hours,…


                ────────────────────────────────────────────────────────────────────────────────
                 Japanese volcanologists offer to help

                 Dr Haruka Senoo wrote: 「山はまだ落ち着いていません。」 The mountain has not
                 settled yet.









                4/6  6 unread                                                             ? help
                """)
    }

    @Test("At 40×10 everything still fits, cut and wrapped to the narrow panes")
    func narrowLayout() {
        let state = makeState(size: TerminalSize(rows: 10, columns: 40))
        #expect(
            screen(state) == """
                Mount Corrigan eruption latest
                • 16:48 ★ Ash begins to fall on Castle…
                • 16:21 Observatory: ‘no sign yet’ tha…
                ────────────────────────────────────────
                 Ash begins to fall on Castlemere as
                 cloud reaches the mainland
                 16:48 · key event

                 The first traces of ash have begun to
                1/6  6 unread  line 1/13 38% ▼    ? help
                """)
    }

    @Test("Below 30×8 a short note replaces the reader, and the reader comes back when the window grows")
    func tooSmall() {
        var state = makeState(size: TerminalSize(rows: 8, columns: 29))
        #expect(
            screen(state) == """
                Terminal too small
                need 30×8






                """)
        #expect(state.shownEntryID == nil)
        _ = Reducer.reduce(&state, .resized(TerminalSize(rows: 8, columns: 30)))
        #expect(
            screen(state) == """
                Mount Corrigan eruption latest
                • 16:48 ★ Ash begins to fall…
                • 16:21 Observatory: ‘no sig…
                ──────────────────────────────
                 Ash begins to fall on
                 Castlemere as cloud reaches
                 the mainland
                1/6  6 unread  line 1/17 17% ▼
                """)
    }

    @Test("Tiny and empty terminals render without crashing")
    func tinySizes() {
        let state = makeState()
        #expect(screen(state, TerminalSize(rows: 1, columns: 1)) == "…")
        #expect(screen(state, TerminalSize(rows: 2, columns: 12)) == "Terminal to…\nneed 30×8")
        let empty = Renderer.render(state, size: TerminalSize(rows: 0, columns: 0))
        #expect(empty.width == 0 && empty.height == 0 && empty.text == "")
        let negative = Renderer.render(state, size: TerminalSize(rows: -1, columns: 5))
        #expect(negative.height == 0)
        #expect(screen(state, TerminalSize(rows: 1, columns: 0)) == "")
    }

    @Test("Every size from 0×0 to 130×45 renders a frame of that size with no control characters and whole wide glyphs")
    func everySize() {
        var blog = Fixture.small
        blog.entries[2].paragraphs.append("Tabs\tand\u{1B}[2J escapes\u{9B} and 👨\u{200D}👩\u{200D}👧 and ☀\u{FE0F}")
        for mode in 0..<3 {
            var state = makeState(blog)
            switch mode {
            case 1: type(&state, "/ash")
            case 2: send(&state, .character("?"))
            default: send(&state, .down, .down, .tab)
            }
            for rows in stride(from: 0, through: 45, by: 1) {
                for columns in Array(0...40) + Array(stride(from: 41, through: 130, by: rows < 12 ? 3 : 11)) {
                    let frame = Renderer.render(state, size: TerminalSize(rows: rows, columns: columns))
                    #expect(frame.width == max(0, columns) && frame.height == max(0, rows))
                    for row in 0..<frame.height {
                        for column in 0..<frame.width {
                            let cell = frame[row, column]
                            for scalar in cell.text.unicodeScalars {
                                let v = scalar.value
                                #expect(
                                    !(v < 0x20 || (v >= 0x7F && v < 0xA0) || v == 0x200D || v == 0xFE0F),
                                    "\(rows)x\(columns)")
                            }
                            if cell.text.unicodeScalars.first.map({ DisplayWidth.of($0) }) == 2 {
                                #expect(column + 1 < frame.width && frame[row, column + 1].isContinuation)
                            }
                            if cell.isContinuation { #expect(column > 0 && !frame[row, column - 1].isContinuation) }
                        }
                    }
                    if let cursor = frame.cursor { #expect(cursor.row < frame.height && cursor.column < frame.width) }
                }
            }
        }
    }

    // MARK: Rows, wide characters, cutting

    @Test("A wide headline is cut by display width, leaving a blank rather than half a character")
    func wideHeadlineCut() {
        var blog = Fixture.small
        blog.entries[1].headline = "東京で記者会見、火山灰の影響について説明する予定"
        let even = makeState(blog, size: TerminalSize(rows: 12, columns: 50))
        #expect(Renderer.render(even, size: even.size).line(2) == "• 16:21 東京で記者会見、火山灰の影響について説明…")
        let odd = makeState(blog, size: TerminalSize(rows: 12, columns: 51))
        let frame = Renderer.render(odd, size: odd.size)
        #expect(frame.line(2) == "• 16:21 東京で記者会見、火山灰の影響について説明…")
        // 8 cells of prefix + 40 of text + the ellipsis: the cell a half character would have taken stays blank.
        #expect(frame[2, 48].text == "…")
        #expect(frame[2, 49].text == " " && frame[2, 50].text == " ")
    }

    @Test("Entries without a headline show the intro's first twelve words")
    func untitledRow() {
        let state = makeState(size: TerminalSize(rows: 24, columns: 89))
        #expect(
            Renderer.render(state, size: state.size).line(6)
                == "•       Mount Corrigan on Tarrow Island has been erupting for almost 24 hours,…")
        #expect(
            Fixture.small.entries[5].title().hasPrefix(
                "Mount Corrigan on Tarrow Island has been erupting for almost 24 hours,"))
    }

    @Test("Read entries lose the unread marker; entries new since a reload show '+'")
    func markers() {
        var state = makeState(marks: [EntryID("e1")], size: .standard)
        var blog = Fixture.small
        blog.entries.insert(Entry(id: EntryID("fresh"), time: "17:02", headline: "Fresh entry"), at: 0)
        _ = Reducer.reduce(&state, .reloaded(blog))
        // The arrival went in above the selected row, which stays put; the wheel scrolls it into view.
        send(&state, .wheel(row: 2, column: 2, down: false))
        let frame = Renderer.render(state, size: state.size)
        #expect(frame.line(1) == "+ 17:02 Fresh entry")
        #expect(frame.line(2) == "• 16:48 ★ Ash begins to fall on Castlemere as cloud reaches the mainland")
        #expect(frame.line(3) == "  16:21 Observatory: ‘no sign yet’ that eruption is slowing")
        #expect(frame[1, 0].style.role == .unreadMarker)
    }

    @Test("A list scrolled by a page shows the rows below, the selection kept in view")
    func pagedList() {
        var state = makeState(Fixture.numbered(30), size: TerminalSize(rows: 12, columns: 100))
        send(&state, .pageDown)
        #expect(
            screen(state) == """
                Numbered
                • Entry 10                         │ Entry 12
                • Entry 11                         │
                • Entry 12                         │ Paragraph 0 of entry 12.
                • Entry 13                         │
                • Entry 14                         │
                • Entry 15                         │
                • Entry 16                         │
                • Entry 17                         │
                • Entry 18                         │
                • Entry 19                         │
                13/30  30 unread                                                                              ? help
                """)
    }

    // MARK: Styles

    @Test("The selected row is reversed across the list pane while the list has focus")
    func selectedRowReverse() {
        var state = makeState(size: .wide)
        send(&state, .down)
        let frame = Renderer.render(state, size: state.size)
        #expect(frame.columns(row: 2, where: \.reverse) == Array(0..<54))
        #expect(frame.columns(row: 1, where: \.reverse).isEmpty)
        #expect(frame.columns(row: 3, where: \.reverse).isEmpty)
        #expect(frame[2, 54].text == "│" && !frame[2, 54].style.reverse)
    }

    @Test("With the detail pane focused the selected row is underlined instead of reversed")
    func selectedRowUnfocused() {
        var state = makeState(size: .wide)
        send(&state, .tab)
        let frame = Renderer.render(state, size: state.size)
        #expect(frame.columns(row: 1, where: \.reverse).isEmpty)
        #expect(frame.columns(row: 1, where: { $0.underline && $0.bold }) == Array(0..<54))
    }

    @Test("The headline is bold in the detail pane; title, time and links have their roles")
    func detailStyles() {
        let frame = Renderer.render(makeState(size: .wide), size: .wide)
        #expect(
            frame.styledText(row: 1, where: { $0.bold && $0.role == .headline })
                == "Ash begins to fall on Castlemere as cloud reaches the mainland")
        #expect(frame.styledText(row: 2, columns: 55..<120, where: { $0.role == .time }) == "16:48")
        #expect(frame.styledText(row: 2, columns: 0..<54, where: { $0.role == .time }) == "16:21")
        #expect(frame.styledText(row: 0, where: { $0.role == .title && $0.bold }) == "Mount Corrigan eruption latest")
        #expect(frame.styledText(row: 9, where: { $0.role == .related && $0.bold }) == "Why the ash cloud moved east")
        #expect(frame.styledText(row: 9, where: { $0.role == .related && !$0.bold }) == "→ story: | — Winds explained")
    }

    @Test("Search matches are highlighted in the list rows and in the detail pane")
    func matchHighlights() {
        var state = makeState(size: .wide)
        type(&state, "/ash")
        let frame = Renderer.render(state, size: state.size)
        let list = 0..<54
        let detail = 55..<120
        // List: "Ash" in the first headline (selected, so reversed too), "ash" in the second.
        #expect(frame.styledText(row: 1, columns: list, where: { $0.role == .match }) == "Ash")
        #expect(frame.columns(row: 1, where: { $0.role == .match && $0.reverse && $0.underline }) == [10, 11, 12])
        #expect(frame.styledText(row: 2, columns: list, where: { $0.role == .match }) == "ash")
        // The intro matches on "ash" in words that its row does not show: nothing to paint there.
        #expect(frame.line(3).hasPrefix("•       Mount Corrigan"))
        #expect(frame.styledText(row: 3, columns: list, where: { $0.role == .match }) == "")
        // Detail: headline, paragraph, related title; nothing else.
        #expect(frame.styledText(row: 1, columns: detail, where: { $0.role == .match && $0.reverse }) == "Ash")
        #expect(frame.styledText(row: 2, columns: detail, where: { $0.role == .match }) == "")
        #expect(frame.styledText(row: 4, columns: detail, where: { $0.role == .match }) == "ash")
        #expect(frame.styledText(row: 9, columns: detail, where: { $0.role == .match }) == "ash")
    }

    @Test("A phrase match is highlighted including the space between its words")
    func phraseHighlight() {
        var state = makeState(size: .wide)
        type(&state, "/\"struck matches\"")
        let frame = Renderer.render(state, size: state.size)
        #expect(frame.text.contains("“It smells faintly of struck matches,” said Marguerite Fenn."))
        let row = (0..<frame.height).first { frame.line($0).contains("struck matches") }!
        #expect(frame.styledText(row: row, where: { $0.role == .match }) == "struck matches")
    }

    @Test("The match n went to is drawn bold and underlined, the others plain reverse")
    func currentMatchStyle() {
        var state = makeState(size: .wide)
        type(&state, "/ash")
        send(&state, .enter, .character("n"))
        let frame = Renderer.render(state, size: state.size)
        #expect(frame.styledText(row: 4, where: { $0.role == .match && $0.bold && $0.underline }) == "ash")
        #expect(
            frame.styledText(row: 1, where: { $0.role == .match && $0.reverse && !$0.underline && $0.bold == false })
                .isEmpty == false)
    }

    // MARK: Status line and prompt

    @Test("While typing a search, the prompt is on the status line with the cursor after the text and the live count")
    func prompt() {
        var state = makeState(size: .standard)
        type(&state, "/ash")
        let frame = Renderer.render(state, size: state.size)
        #expect(
            screen(state) == """
                Mount Corrigan eruption latest — More than 12,000 people have left the island s…
                • 16:48 ★ Ash begins to fall on Castlemere as cloud reaches the mainland
                • 15:57 Second ash column seen from the north coast
                •       Mount Corrigan on Tarrow Island has been erupting for almost 24 hours,…





                ────────────────────────────────────────────────────────────────────────────────
                 Ash begins to fall on Castlemere as cloud reaches the mainland
                 16:48 · key event

                 The first traces of ash have begun to settle on cars and pavements in
                 Castlemere, about 80km east of Tarrow.

                 “It smells faintly of struck matches,” said Marguerite Fenn.

                 → story: Why the ash cloud moved east — Winds explained




                /ash                                                              3 of 6 entries
                """)
        #expect(frame.cursor?.row == 23 && frame.cursor?.column == 4)
    }

    @Test("A long search shows its end in the prompt, and the cursor stays on screen")
    func longPrompt() {
        var state = makeState(size: TerminalSize(rows: 8, columns: 30))
        type(&state, "/" + String(repeating: "volcano ", count: 6) + "end")
        let frame = Renderer.render(state, size: state.size)
        #expect(frame.line(7).hasPrefix("/…"))
        #expect(frame.line(7).contains("end"))
        #expect(frame.cursor!.column < 30)
    }

    @Test("The status line shows position, unread count, the active search, the view and a message")
    func statusLine() {
        var state = makeState(size: .standard)
        type(&state, "/ash")
        send(&state, .enter, .character("u"))
        #expect(
            screen(state) == """
                Mount Corrigan eruption latest — More than 12,000 people have left the island s…
                • 16:48 ★ Ash begins to fall on Castlemere as cloud reaches the mainland
                • 15:57 Second ash column seen from the north coast
                •       Mount Corrigan on Tarrow Island has been erupting for almost 24 hours,…





                ────────────────────────────────────────────────────────────────────────────────
                 Ash begins to fall on Castlemere as cloud reaches the mainland
                 16:48 · key event

                 The first traces of ash have begun to settle on cars and pavements in
                 Castlemere, about 80km east of Tarrow.

                 “It smells faintly of struck matches,” said Marguerite Fenn.

                 → story: Why the ash cloud moved east — Winds explained




                1/3  6 unread  /ash  entry 1 of 3 · match 1 of 3  unread only  Showing unread e…
                """)
    }

    @Test("Errors in the status line use the error role; a failed save stays shown until a save succeeds")
    func errorMessage() {
        var state = makeState(size: .standard)
        _ = Reducer.reduce(&state, .persistFailed([], read: true, reason: "disk full"))
        var frame = Renderer.render(state, size: state.size)
        #expect(
            frame.line(23) == "1/6  6 unread  Could not save read marks: disk full" + String(repeating: " ", count: 23)
                + "? help")
        #expect(frame.styledText(row: 23, where: { $0.role == .error }) == "Could not save read marks: disk full")
        send(&state, .down)
        frame = Renderer.render(state, size: state.size)
        #expect(
            frame.line(23) == "2/6  6 unread  Read marks not saved: disk full" + String(repeating: " ", count: 28)
                + "? help")
        _ = Reducer.reduce(&state, .persisted)
        send(&state, .down)
        frame = Renderer.render(state, size: state.size)
        #expect(frame.line(23) == "3/6  6 unread                                                             ? help")
    }

    @Test("An empty list says why it is empty")
    func emptyNotes() {
        var state = makeState(LiveBlog(title: "Nothing yet"), size: .standard)
        #expect(Renderer.render(state, size: state.size).line(1) == "  No entries")
        state = makeState(size: .standard)
        type(&state, "/zzz")
        #expect(Renderer.render(state, size: state.size).line(1) == "  No matches")
        state = makeState(
            marks: Set(Fixture.small.entries.map(\.id)), options: ReaderOptions(unreadOnly: true), size: .standard)
        #expect(Renderer.render(state, size: state.size).line(1) == "  No unread entries")
        #expect(Renderer.render(state, size: state.size).line(23).hasPrefix("0/0  0 unread"))
    }

    // MARK: Help

    @Test("The help screen is generated from the action table")
    func helpScreen() {
        var state = makeState(size: TerminalSize(rows: 30, columns: 100))
        send(&state, .character("?"))
        #expect(
            screen(state) == """
                Mount Corrigan eruption latest — More than 12,000 people have left the island since the volcano woke
                 Moving
                   j ↓              Next entry in the list
                   k ↑              Previous entry in the list
                   j ↓              Scroll the detail pane down a line (when it has focus)
                   k ↑              Scroll the detail pane up a line (when it has focus)
                   J                Next entry, staying in the detail pane
                   K                Previous entry, staying in the detail pane
                   g Home           First entry (3g: the third); top of the entry in the detail pane
                   G End            Last entry (3G: the third); end of the entry in the detail pane
                   PgDn Ctrl-F      Page down in the focused pane
                   PgUp Ctrl-B b    Page up in the focused pane
                   Ctrl-D           Half a page down in the focused pane
                   Ctrl-U           Half a page up in the focused pane
                   Space            Page down the detail pane; at its end go on to the next entry
                   U                Jump to the next unread entry (wrapping to the top)
                   .                Jump to the newest entry; what arrived is no longer new
                   0–9              A count for the next movement key in the list (5j, 3G)

                 Panes and views
                   Tab Shift-Tab    Move focus between the list and the detail pane
                   Enter l →        Open the entry in the detail pane, focus it and mark it read
                   q h ← Esc        Back to the list from the detail pane
                   >                Widen the list (the width is remembered)
                   <                Narrow the list (the width is remembered)
                   z                Maximise the focused pane, or show both again
                   u                Show unread entries only, or all entries again
                   E                Show key events only (the posts the page flags ★), or all entries again
                   s                Sort: as published / oldest first
                Help  ↑/↓ PgUp/PgDn scroll  q, ? or Esc close
                """)
    }

    @Test("Scrolling the help shows every action's help line")
    func helpComplete() {
        var state = makeState(size: TerminalSize(rows: 30, columns: 100))
        send(&state, .character("?"))
        var seen = ""
        for _ in 0..<20 {
            seen += screen(state) + "\n"
            send(&state, .pageDown)
        }
        for row in Action.table {
            #expect(seen.contains(row.help), "\(row.action)")
            #expect(seen.contains(row.keyNames.joined(separator: " ")), "\(row.action)")
        }
    }

    // MARK: Detail pane

    @Test("Only the visible part of a long entry is drawn, from the scroll position")
    func detailScrolled() {
        let blog = LiveBlog(title: "Long", entries: [Fixture.longEntry(id: "l", lines: 40)])
        var state = makeState(blog, size: TerminalSize(rows: 12, columns: 100))
        send(&state, .tab, .pageDown)
        let frame = Renderer.render(state, size: state.size)
        // 10 rows; a page is 9 lines. Layout: headline, blank, "Line 0", blank, "Line 1", … so line 9 is a blank.
        #expect(frame.line(1).hasSuffix("│"))
        #expect(frame.line(2).hasSuffix("│ Line 4"))
        #expect(frame.line(3).hasSuffix("│"))
        #expect(frame.line(4).hasSuffix("│ Line 5"))
        #expect(!frame.text.contains("Line 3"))
    }

    @Test("Related links show their kind, title and summary; long ones wrap under a hanging indent")
    func relatedLinks() {
        var blog = Fixture.small
        blog.entries[0].related.append(
            RelatedLink(
                kind: .video, title: "Drone footage of the lava reaching the sea at Salt Bay", summary: "Two minutes"))
        let state = makeState(blog, size: TerminalSize(rows: 30, columns: 60))
        let text = screen(state)
        #expect(text.contains(" → story: Why the ash cloud moved east — Winds explained"))
        #expect(text.contains(" ▶ video: Drone footage of the lava reaching the sea at\n   Salt Bay — Two minutes"))
        let gallery = makeState(size: .wide)
        var s = gallery
        send(&s, .down, .down)
        #expect(screen(s).contains("│ ▣ gallery: In pictures: the eruption"))
    }
}

/// A headline that many posts share (a kicker) tells nothing apart in the list.
struct RepeatedHeadlineTests {
    @Test("Posts sharing one headline are listed by their first words; the detail pane keeps the headline")
    func repeatedHeadlineGivesWayInTheList() {
        var entries = (1...4).map { n in
            Entry(
                id: EntryID("k\(n)"), time: "10:0\(n)", headline: "Harbour news",
                paragraphs: ["Ferry number \(n) left the quay on time.", "More later."])
        }
        entries.append(
            Entry(id: EntryID("own"), time: "09:00", headline: "Storm warning lifted", paragraphs: ["Calm."]))
        let state = makeState(LiveBlog(title: "Harbour", entries: entries), size: TerminalSize(rows: 20, columns: 100))
        let text = screen(state)
        for n in 1...4 { #expect(text.contains("Ferry number \(n) left")) }
        #expect(text.contains("Storm warning lifted"), "a headline of its own stays")
        let listed = text.split(separator: "\n").filter { $0.contains("│") && $0.contains("Harbour news") }
        // Only the detail pane (right of the divider) shows the kicker, for the selected post.
        #expect(listed.count == 1)
        #expect(listed.allSatisfy { $0.split(separator: "│").first?.contains("Harbour news") == false })
    }
}

/// Where am I: the detail pane's place in a long entry, and which pane has the focus.
struct DetailPositionTests {
    private func status(_ state: ReaderState) -> String { String(screen(state).split(separator: "\n").last ?? "") }

    @Test("A long entry's place shows in the status line as less does: first line, share read, more below")
    func positionInALongEntry() {
        var state = makeState(
            LiveBlog(title: "t", entries: [Fixture.longEntry(id: "a", lines: 60)]),
            size: TerminalSize(rows: 24, columns: 120))
        #expect(status(state).contains("line 1/"))
        #expect(status(state).contains("% ▼"))
        send(&state, .character("l"), .character("G"))
        #expect(status(state).contains("(end)"))
        #expect(Renderer.position(top: 0, height: 10, lineCount: 40) == "line 1/40 25% ▼")
        #expect(Renderer.position(top: 30, height: 10, lineCount: 40) == "line 31/40 (end)")
        #expect(Renderer.position(top: 0, height: 10, lineCount: 10) == nil, "an entry that fits says nothing")
    }

    @Test("Stacked at 80×24, the divider names the focused pane")
    func focusShowsWhenStacked() {
        var state = makeState(size: TerminalSize(rows: 24, columns: 80))
        #expect(!screen(state).contains("▼ detail"), "the list's reversed row shows its focus")
        send(&state, .character("l"))
        #expect(state.focus == .detail)
        #expect(screen(state).contains("▼ detail"))
    }
}

extension RendererTests {
    @Test("The list shows the page's flags before a headline: ★ a key event, ⚑ a pinned post")
    func flagBadges() {
        let blog = LiveBlog(
            title: "Flags",
            entries: [
                Entry(id: EntryID("a"), time: "10:05", headline: "Pinned summary", paragraphs: ["x"], flags: [.pinned]),
                Entry(id: EntryID("b"), time: "10:00", headline: "Vote passes", paragraphs: ["y"], flags: [.keyEvent]),
                Entry(id: EntryID("c"), time: "09:55", headline: "Plain post", paragraphs: ["z"]),
            ])
        let text = Renderer.render(makeState(blog), size: .wide).text.split(separator: "\n")
        #expect(text.contains { $0.hasPrefix("• 10:05 ⚑ Pinned summary") })
        #expect(text.contains { $0.hasPrefix("• 10:00 ★ Vote passes") })
        #expect(text.contains { $0.hasPrefix("• 09:55 Plain post") })
    }
}

extension RendererTests {
    @Test("E lists the key events only, says so on the status line, and E again lists every entry")
    func keyEventsView() {
        var state = makeState()
        send(&state, .character("j"), .character("j"))
        send(&state, .character("E"))
        #expect(state.isKeyEventsOnly)
        #expect(state.listedEntryIDs == [EntryID("e0")])
        #expect(screen(state).split(separator: "\n").last?.contains("key events only") == true)
        send(&state, .character("E"))
        #expect(state.listedEntryIDs.count == Fixture.small.entries.count)
        var plain = makeState(Fixture.numbered(3))
        send(&plain, .character("E"))
        #expect(!plain.isKeyEventsOnly)
        #expect(plain.message?.text == "This blog flags no key events")
    }
}

extension RendererTests {
    @Test("Tab on the command line completes an action or setting name, and lists the names when it cannot choose")
    func commandCompletion() {
        var state = makeState()
        send(&state, .character(":"), .character("m"), .character("a"), .character("r"), .tab)
        #expect(state.promptText == "mark-all ")
        send(&state, .control("u"), .character("s"), .character("e"), .character("t"), .character(" "), .character("m"))
        send(&state, .tab)
        #expect(state.promptText == "set m")
        let line = screen(state).split(separator: "\n").last ?? ""
        #expect(line.contains("mark-after") && line.contains("mouse"))
        send(&state, .character("o"), .tab)
        #expect(state.promptText == "set mouse ")
        send(&state, .control("u"), .character("z"), .character("z"), .tab)
        #expect(state.promptText == "zz")
        #expect(screen(state).contains("Nothing to complete for “zz”"))
    }
}
