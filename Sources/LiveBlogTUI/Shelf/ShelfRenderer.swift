import Foundation
import LiveBlogCore

/// Draws the blog list, or the blog or river on show through today's `Renderer`. Pure, like `Renderer`.
public enum ShelfRenderer {
    public static func render(_ state: ShelfState, size: TerminalSize) -> Frame {
        switch state.view {
        case .blog, .river:
            if let reader = state.currentReader { return Renderer.render(reader, size: size) }
        case .blogs:
            if state.host.mode == .help { return Renderer.render(state.host, size: size) }
        }
        var frame = Frame(width: size.columns, height: size.rows)
        guard frame.width > 0, frame.height > 0 else { return frame }
        if size.rows < ScreenLayout.minimumSize.rows || size.columns < ScreenLayout.minimumSize.columns {
            Renderer.drawTooSmall(&frame)
            return frame
        }
        drawTitle(state, &frame)
        drawRows(state, &frame)
        drawStatus(state, &frame)
        return frame
    }

    static func drawTitle(_ state: ShelfState, _ frame: inout Frame) {
        let shown = state.shownBlogs
        let unread = shown.reduce(0) { $0 + state.blogs[$1].unreadCount }
        let new = shown.reduce(0) { $0 + state.blogs[$1].newCount }
        var title = "Blogs — \(shown.count) \(shown.count == 1 ? "blog" : "blogs"), \(unread) unread"
        if let tag = state.tagFilter { title += " · tagged \(tag)" }
        let width = Renderer.drawNewBadge(count: new, &frame)
        frame.draw(title, row: 0, column: 0, width: width, style: CellStyle(role: .title, bold: true))
    }

    static func drawRows(_ state: ShelfState, _ frame: inout Frame) {
        let shown = state.shownBlogs
        let height = state.listHeight
        guard !shown.isEmpty else {
            let note = state.tagFilter.map { "No blog is tagged \($0)" } ?? "No blogs"
            frame.draw(note, row: 1, column: 2, width: max(0, frame.width - 2), style: CellStyle(role: .dim))
            return
        }
        var list = state.list
        list.clamp(count: shown.count, height: height)
        let nameWidth = min(
            max(12, frame.width / 3), shown.map { DisplayWidth.of(state.blogs[$0].name) }.max() ?? 12)
        for r in 0..<height {
            let position = list.top + r
            guard position < shown.count else { break }
            let glyphs = row(state.blogs[shown[position]], nameWidth: nameWidth, timeZone: state.options.timeZone)
            frame.draw(glyphs.cut(to: frame.width), row: 1 + r, column: 0, width: frame.width)
            if position == list.cursor {
                frame.restyle(row: 1 + r, column: 0, count: frame.width) { $0.reverse = true }
            }
        }
    }

    /// One blog's row: marker, name, unread, `▲ N new`, the newest entry's time, and what is wrong or its tags.
    static func row(_ blog: ShelfBlog, nameWidth: Int, timeZone: TimeZone) -> [Glyph] {
        let markerStyle = CellStyle(role: .unreadMarker, bold: true)
        let marker = blog.newCount > 0 ? "+" : blog.unreadCount > 0 ? "•" : " "
        var glyphs = [Glyph.plain(marker, style: markerStyle), Glyph.plain(" ")]
        glyphs += Renderer.padded(blog.name, nameWidth, style: CellStyle(role: .headline, bold: blog.unreadCount > 0))
        glyphs.append(Glyph.plain(" "))
        // The counts as read now, else as the last session left them (dimmed: they may be out of date).
        let dim = CellStyle(role: .dim)
        let counts =
            blog.reader.map {
                (
                    unread: blog.unreadCount, new: blog.newCount, newest: newestTime($0.blog, timeZone: timeZone),
                    dimmed: false
                )
            }
            ?? blog.remembered.map { (unread: $0.unread, new: $0.new, newest: $0.newest, dimmed: true) }
        if let counts {
            let unread = "\(counts.unread) unread"
            glyphs += Renderer.padded(
                String(repeating: " ", count: max(0, 11 - unread.count)) + unread, 12,
                style: counts.dimmed ? dim : .plain)
            glyphs += Renderer.padded(
                counts.new > 0 ? "▲ \(counts.new) new" : "", 11, style: counts.dimmed ? dim : markerStyle)
            glyphs += Renderer.padded(counts.newest ?? "", 7, style: counts.dimmed ? dim : CellStyle(role: .time))
            if counts.dimmed && blog.failure == nil { glyphs += Renderer.padded("checking…", 10, style: dim) }
        } else if blog.failure == nil {
            glyphs += Renderer.padded("loading…", 30, style: dim)
        }
        // A blog never read has no counts: what is wrong follows its name, where a narrow screen still shows it.
        if let failure = blog.failure {
            glyphs += GlyphBuilder.glyphs(
                "\(failure.text) since \(EntryTime.clock(failure.since, timeZone: timeZone))",
                style: CellStyle(role: .error, bold: true), singleLine: true)
        } else if !blog.tags.isEmpty {
            glyphs += GlyphBuilder.glyphs(
                blog.tags.joined(separator: " "), style: CellStyle(role: .dim), singleLine: true)
        }
        return glyphs
    }

    /// The time of the blog's newest entry: the latest timestamp, else the first entry's own words.
    static func newestTime(_ blog: LiveBlog, timeZone: TimeZone) -> String? {
        if let newest = blog.entries.compactMap(\.timestamp).max() {
            return EntryTime.clock(newest, timeZone: timeZone)
        }
        return blog.entries.lazy.compactMap { EntryTime.short($0, timeZone: timeZone) }.first
    }

    static func drawStatus(_ state: ShelfState, _ frame: inout Frame) {
        let row = frame.height - 1
        let statusStyle = Renderer.statusStyle
        if state.host.mode == .searching {
            Renderer.drawPrompt(state.host, row: row, &frame)
            return
        }
        let shown = state.shownBlogs
        let position = shown.isEmpty ? 0 : min(state.list.cursor, shown.count - 1) + 1
        var parts = ["\(position)/\(shown.count)"]
        let failing = shown.filter { state.blogs[$0].failure != nil }.count
        if failing > 0 { parts.append("\(failing) failing") }
        parts.append("Enter open  v river  ] next unread  R check now")
        var glyphs = GlyphBuilder.glyphs(parts.joined(separator: "  "), style: statusStyle, singleLine: true)
        if let message = state.message {
            glyphs = GlyphBuilder.glyphs(parts[0] + "  ", style: statusStyle, singleLine: true)
            let style = message.isError ? CellStyle(role: .error, bold: true) : statusStyle
            glyphs += GlyphBuilder.glyphs(message.text, style: style, singleLine: true, maxWidth: frame.width + 1)
        }
        frame.fill(row: row, column: 0, count: frame.width, style: statusStyle)
        Renderer.drawStatusLine(glyphs, row: row, &frame)
    }
}
