import Foundation
import LiveBlogCore

/// Draws the reader state into a frame of styled cells. Pure: the same state and size give the same frame.
///
/// Only what is visible is laid out: the list rows on screen and the one entry in the detail pane.
public enum Renderer {
    static let statusStyle = CellStyle(role: .status)
    static let listMatchStyle = CellStyle(role: .match, bold: true, underline: true)

    public static func render(_ state: ReaderState, size: TerminalSize) -> Frame {
        var frame = Frame(width: size.columns, height: size.rows)
        guard frame.width > 0, frame.height > 0 else { return frame }
        let layout = state.layout(for: size)
        if layout.isTooSmall {
            drawTooSmall(&frame)
            return frame
        }
        drawTitle(state, &frame)
        var shown = DetailShown()
        if state.mode == .help {
            drawHelp(state, layout, &frame)
        } else {
            var list = state.list
            list.clamp(count: state.listing.count, height: max(1, layout.list.height))
            drawList(state, list, layout, &frame)
            drawDivider(layout, focus: state.focus, &frame)
            shown = drawDetail(state, list, layout, &frame)
        }
        drawStatus(state, layout, matches: shown.matches, detailPosition: shown.position, &frame)
        return frame
    }

    // MARK: Parts

    static func drawTooSmall(_ frame: inout Frame) {
        frame.draw(
            "Terminal too small", row: 0, column: 0, width: frame.width, style: CellStyle(role: .error, bold: true))
        let needed = "need \(ScreenLayout.minimumSize.columns)×\(ScreenLayout.minimumSize.rows)"
        frame.draw(needed, row: 1, column: 0, width: frame.width, style: CellStyle(role: .dim))
    }

    static func drawTitle(_ state: ReaderState, _ frame: inout Frame) {
        let width = drawNewBadge(count: state.mode == .help ? 0 : state.newCount, &frame)
        var glyphs = GlyphBuilder.glyphs(
            state.blog.title, style: CellStyle(role: .title, bold: true), singleLine: true, maxWidth: width + 1)
        if let standfirst = state.blog.standfirst, !standfirst.isEmpty, glyphs.cellWidth + 3 + 12 <= width {
            glyphs += GlyphBuilder.glyphs(" — ", style: CellStyle(role: .dim))
            glyphs += GlyphBuilder.glyphs(
                standfirst, style: CellStyle(role: .standfirst), singleLine: true, maxWidth: width + 1)
        }
        frame.draw(glyphs.cut(to: width), row: 0, column: 0, width: width)
    }

    /// The line between the panes; stacked, it says `▼ detail` while the detail pane has the focus: the list's
    /// reversed row is the only other sign of focus, and its change to an underline is easy to miss.
    static func drawDivider(_ layout: ScreenLayout, focus: ReaderState.Focus = .list, _ frame: inout Frame) {
        let style = CellStyle(role: .divider)
        let d = layout.divider
        guard d.width > 0 else { return }
        switch layout.split {
        case .sideBySide:
            for r in 0..<d.height { frame.fill(row: d.row + r, column: d.column, count: 1, style: style, text: "│") }
        case .stacked:
            frame.fill(row: d.row, column: d.column, count: d.width, style: style, text: "─")
            let label = " ▼ detail "
            if focus == .detail, d.width >= label.count + 4 {
                frame.draw(
                    label, row: d.row, column: d.column + 2, width: label.count,
                    style: CellStyle(role: .divider, bold: true))
            }
        case .tooSmall:
            break
        }
    }

    // MARK: List

    static func drawList(_ state: ReaderState, _ list: ListMovement, _ layout: ScreenLayout, _ frame: inout Frame) {
        let rect = layout.list
        guard rect.width > 2 else { return }
        if state.listing.isEmpty {
            let note =
                state.blog.entries.isEmpty
                ? "No entries"
                : state.query != nil
                    ? "No matches"
                    : state.isKeyEventsOnly
                        ? "No key events" : state.isUnreadOnly ? "No unread entries" : "Nothing listed"
            frame.draw(
                note, row: rect.row, column: rect.column + 2, width: rect.width - 2, style: CellStyle(role: .dim))
            return
        }
        let matcher = state.query.flatMap { $0.isEmpty ? nil : EntryMatcher($0) }
        for (r, row) in listRows(state, list, height: rect.height).enumerated() {
            let y = rect.row + r
            guard case .entry(let position) = row else {
                if case .day(let date) = row {
                    let text = "── " + EntryTime.dayLine(date, timeZone: state.options.timeZone) + " ──"
                    frame.draw(
                        text, row: y, column: rect.column + 2, width: max(0, rect.width - 3),
                        style: CellStyle(role: .dim))
                }
                continue
            }
            let i = state.listing[position]
            let glyphs = listRow(state, entry: i, width: rect.width, matcher: matcher)
            frame.draw(glyphs, row: y, column: rect.column, width: rect.width)
            if position == list.cursor {
                let focused = state.focus == .list
                frame.restyle(row: y, column: rect.column, count: rect.width) { style in
                    if focused {
                        style.reverse = true
                    } else {
                        style.bold = true
                        style.underline = true
                    }
                }
            }
        }
    }

    /// A row of the list pane: an entry (by list position) or the name of the day the entries below fall on.
    enum ListRow: Equatable {
        case entry(Int)
        case day(Date)
    }

    /// The rows the list pane shows, from `list.top`; when day rows push the cursor off the bottom, the rows
    /// start further down so that it stays in view. The mouse reads the same rows.
    static func listRows(_ state: ReaderState, _ list: ListMovement, height: Int) -> [ListRow] {
        let count = state.listing.count
        guard height > 0, count > 0 else { return [] }
        guard state.spansDays else { return (list.top..<min(count, list.top + height)).map { .entry($0) } }
        var start = list.top
        while true {
            var rows: [ListRow] = []
            var p = start
            while rows.count < height && p < count {
                if let day = state.dayStarting(at: p) {
                    rows.append(.day(day))
                    if rows.count == height { break }
                }
                rows.append(.entry(p))
                p += 1
            }
            if start >= list.cursor || rows.contains(.entry(list.cursor)) { return rows }
            start += 1
        }
    }

    /// One list row: unread marker, time, and the headline (or the intro's first words) cut to fit.
    static func listRow(_ state: ReaderState, entry i: Int, width: Int, matcher: EntryMatcher?) -> [Glyph] {
        let entry = state.blog.entries[i]
        let markerStyle = CellStyle(role: .unreadMarker, bold: true)
        let marker = state.isRead[i] ? " " : state.isNew[i] ? "+" : "•"
        var glyphs = [Glyph.plain(marker, style: markerStyle), Glyph.plain(" ")]
        if state.timeColumnWidth > 0 {
            glyphs += padded(state.listTime(i) ?? "", state.timeColumnWidth, style: CellStyle(role: .time))
            glyphs.append(Glyph.plain(" "))
        }
        if state.labelWidth > 0 {
            glyphs += padded(state.rowLabels[entry.id] ?? "", state.labelWidth, style: CellStyle(role: .dim))
            glyphs.append(Glyph.plain(" "))
        }
        let (text, field) = rowTitle(entry, repeated: state.repeatedHeadlines)
        // Flags the page gives a post show in the list too, where a reader picks what to open.
        if entry.flags.contains(.pinned) { glyphs += [Glyph.plain(pinnedBadge, style: markerStyle), Glyph.plain(" ")] }
        if entry.flags.contains(.keyEvent) {
            glyphs += [Glyph.plain(keyEventBadge, style: markerStyle), Glyph.plain(" ")]
        }
        if !state.editedEntryIDs.isEmpty, state.editedEntryIDs.contains(entry.id) {
            glyphs += [Glyph.plain(editedBadge, style: markerStyle), Glyph.plain(" ")]
        }
        // One blank column is kept before the divider.
        let room = width - glyphs.cellWidth - 1
        guard room > 0 else { return glyphs }
        var highlights: [Highlight] = []
        if let matcher, let matches = matcher.matches(in: entry) {
            for (n, m) in matches.enumerated() where m.field == field && (field == .headline || m.paragraph == 0) {
                highlights.append(Highlight(range: m.start..<(m.start + m.length), number: n))
            }
            highlights.sort { $0.range.lowerBound < $1.range.lowerBound }
        }
        let style = field == .headline ? CellStyle(role: .headline) : CellStyle(role: .normal)
        let title = GlyphBuilder.glyphs(
            text, style: style, highlights: highlights, matchStyle: listMatchStyle, singleLine: true, maxWidth: room + 1
        )
        return glyphs + title.cut(to: room, ellipsisStyle: style)
    }

    /// The row title and the field its scalar offsets refer to: the headline, or the first paragraph's first
    /// twelve words (as `Entry.title()`, but cut from the paragraph itself so that match offsets stay valid).
    /// A headline in `repeated` (shared by many entries) gives way to the first words, which tell entries apart.
    static func rowTitle(_ entry: Entry, repeated: Set<String> = [], maxWords: Int = 12) -> (String, SearchField) {
        if let headline = entry.headline, entry.paragraphs.isEmpty || !repeated.contains(headline) {
            return (headline, .headline)
        }
        guard let first = entry.paragraphs.first else { return (entry.title(), .headline) }
        var words = 0
        var inWord = false
        var end = first.unicodeScalars.endIndex
        var lastWordEnd = first.unicodeScalars.startIndex
        var index = first.unicodeScalars.startIndex
        while index < first.unicodeScalars.endIndex {
            let isSpace = first.unicodeScalars[index] == " "
            if !isSpace && !inWord {
                words += 1
                if words > maxWords {
                    end = index
                    break
                }
            }
            inWord = !isSpace
            index = first.unicodeScalars.index(after: index)
            if inWord { lastWordEnd = index }
        }
        if end == first.unicodeScalars.endIndex { return (first, .paragraph) }
        return (String(first.unicodeScalars[..<lastWordEnd]) + "…", .paragraph)
    }

    // MARK: Detail

    /// What the detail pane showed that the status line reports.
    struct DetailShown {
        /// Search matches in the shown entry.
        var matches = 0
        /// Where the pane is in an entry longer than it (`line 3/40 42% ▼`), or nil when it all fits.
        var position: String?
    }

    /// Draws the selected entry; returns its match count and, for an entry longer than the pane, where the pane is.
    @discardableResult
    static func drawDetail(_ state: ReaderState, _ list: ListMovement, _ layout: ScreenLayout, _ frame: inout Frame)
        -> DetailShown
    {
        let rect = layout.detailText
        guard !state.listing.isEmpty, rect.width > 0 else { return DetailShown() }
        let i = state.listing[list.cursor]
        // Only the lines on screen are built; a scroll past the end (the pane grew) is pulled back and built again.
        let matches = state.matches(in: i)
        let time = EntryTime.full(state.blog.entries[i], timeZone: state.options.timeZone)
        func laidOut(from scroll: Int) -> DetailLayout {
            DetailLayout(
                entry: state.blog.entries[i], width: rect.width, matches: matches, isNew: state.isNew[i],
                isEdited: state.editedEntryIDs.contains(state.blog.entries[i].id),
                window: scroll..<(scroll + rect.height), time: .some(time))
        }
        var scroll = max(0, state.detailScroll)
        var detail = laidOut(from: scroll)
        if scroll > detail.maxScroll(height: rect.height) {
            scroll = detail.maxScroll(height: rect.height)
            detail = laidOut(from: scroll)
        }
        var current = -1
        if let k = state.currentMatch, k >= 0, k < detail.matchNumbers.count { current = detail.matchNumbers[k] }
        for r in 0..<rect.height {
            let line = scroll + r
            guard line < detail.lineCount else { break }
            var glyphs = detail.line(line)
            if current >= 0 {
                for g in glyphs.indices where glyphs[g].match == current {
                    glyphs[g].style = DetailLayout.currentMatchStyle
                }
            }
            frame.draw(glyphs, row: rect.row + r, column: rect.column, width: rect.width)
        }
        return DetailShown(
            matches: detail.matchLines.count,
            position: position(top: scroll, height: rect.height, lineCount: detail.lineCount))
    }

    /// `line 3/40 42% ▼` as `less` reports it: the first line shown, the lines in all, the share read to the
    /// bottom of the pane, and whether more follows; `(end)` at the end. Nil when the entry fits the pane.
    static func position(top: Int, height: Int, lineCount: Int) -> String? {
        guard height > 0, lineCount > height else { return nil }
        let bottom = min(lineCount, top + height)
        let head = "line \(top + 1)/\(lineCount)"
        return bottom >= lineCount ? head + " (end)" : head + " \(bottom * 100 / lineCount)% ▼"
    }

    // MARK: Help

    static func drawHelp(_ state: ReaderState, _ layout: ScreenLayout, _ frame: inout Frame) {
        let rect = layout.body
        let lines = HelpScreen.lines(width: rect.width - 1, keymap: state.options.keymap)
        let scroll = min(max(0, state.helpScroll), max(0, lines.count - rect.height))
        for r in 0..<rect.height {
            guard scroll + r < lines.count else { break }
            frame.draw(lines[scroll + r], row: rect.row + r, column: rect.column + 1, width: rect.width - 1)
        }
    }

    // MARK: Status

    /// The status line; `matches` is how many search matches the shown entry has, `position` where the detail
    /// pane is in a long entry (`detailPosition`).
    static func drawStatus(
        _ state: ReaderState, _ layout: ScreenLayout, matches: Int = 0, detailPosition: String? = nil,
        _ frame: inout Frame
    ) {
        let row = layout.statusRow
        let width = frame.width
        switch state.mode {
        case .searching:
            drawPrompt(state, row: row, &frame)
        case .help:
            frame.draw(
                "Help  ↑/↓ PgUp/PgDn scroll  q, ? or Esc close", row: row, column: 0, width: width, style: statusStyle)
        case .browsing:
            let total = state.blog.entries.count
            let position = state.listing.isEmpty ? 0 : min(state.list.cursor, state.listing.count - 1) + 1
            var parts = ["\(position)/\(state.listing.count)", "\(state.unreadCount) unread"]
            if state.newCount > 0 { parts.append("\(state.newCount) new") }
            if let query = state.query {
                if state.isSearchPending {
                    parts.append("/\(query.text)  searching…")
                } else {
                    // Entries and matches told apart, so that nobody reads an entry count as a match count.
                    var search = "/\(query.text)  entry \(position) of \(state.filterCount)"
                    if matches > 0 {
                        search +=
                            state.currentMatch.map { " · match \($0 + 1) of \(matches)" }
                            ?? " · \(matches) \(matches == 1 ? "match" : "matches")"
                    }
                    parts.append(search)
                }
            }
            if let detailPosition { parts.append(detailPosition) }
            if let count = state.pendingCount { parts.append("\(count)…") }
            if state.isFollowing { parts.append(state.followStatus.text(timeZone: state.options.timeZone)) }
            if state.isUnreadOnly { parts.append("unread only") }
            if state.isKeyEventsOnly { parts.append("key events only") }
            if state.order == .oldestFirst { parts.append("oldest first") }
            var glyphs = GlyphBuilder.glyphs(parts.joined(separator: "  "), style: statusStyle, singleLine: true)
            if let message = state.message ?? state.saveError.map({
                ReaderState.StatusMessage("Read marks not saved: " + $0, isError: true)
            })
                ?? state.followNote
            {
                let style = message.isError ? CellStyle(role: .error, bold: true) : statusStyle
                glyphs += GlyphBuilder.glyphs("  ", style: statusStyle)
                glyphs += GlyphBuilder.glyphs(message.text, style: style, singleLine: true, maxWidth: width + 1)
            }
            drawStatusLine(glyphs, row: row, &frame)
        }
    }

    /// The prompt: `/` (or `:`) and the text, the cursor where typing goes, the live count on the right.
    static func drawPrompt(_ state: ReaderState, row: Int, _ frame: inout Frame) {
        let width = frame.width
        let prompt = state.prompt
        let text = prompt?.text ?? ""
        let isCommand = prompt?.kind == .command
        var count = ""
        if !isCommand, let query = state.query, !query.isEmpty {
            count = state.isSearchPending ? "indexing…" : "\(state.filterCount) of \(state.blog.entries.count) entries"
        } else if isCommand, let message = state.message {
            // What Tab found (the names that fit), beside the line being typed, in at most half the line.
            count =
                message.text.count > width / 2 ? String(message.text.prefix(max(0, width / 2 - 1))) + "…" : message.text
        }
        let room = max(1, width - 1 - (count.isEmpty ? 0 : count.count + 2) - 1)
        let chars = Array(text)
        let cursor = min(max(0, prompt?.cursor ?? chars.count), chars.count)
        var before = GlyphBuilder.glyphs(String(chars[..<cursor]), style: statusStyle, singleLine: true)
        var after = GlyphBuilder.glyphs(String(chars[cursor...]), style: statusStyle, singleLine: true)
        if before.cellWidth > room - 1 {
            // Keep the cursor in view: drop the start of a long line, where no typing happens.
            while !before.isEmpty && before.cellWidth > max(0, room - 2) { before.removeFirst() }
            before.insert(Glyph.plain(Glyph.ellipsis, style: statusStyle), at: 0)
        }
        after = after.cut(to: max(0, room - before.cellWidth))
        frame.draw(
            [Glyph.plain(isCommand ? ":" : "/", style: statusStyle)] + before + after, row: row, column: 0, width: width
        )
        let cursorColumn = min(width - 1, 1 + before.cellWidth)
        let end = 1 + before.cellWidth + after.cellWidth
        if !count.isEmpty, end + 2 + count.count <= width {
            frame.draw(count, row: row, column: width - count.count, width: count.count, style: statusStyle)
        }
        frame.cursor = (row, cursorColumn)
    }
}
