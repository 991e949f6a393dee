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
        let badge = new > 0 ? " ▲ \(new) new " : ""
        let badgeWidth = DisplayWidth.of(badge) + 8 <= frame.width ? DisplayWidth.of(badge) : 0
        let width = frame.width - badgeWidth
        frame.draw(title, row: 0, column: 0, width: width, style: CellStyle(role: .title, bold: true))
        if badgeWidth > 0 {
            frame.draw(
                badge, row: 0, column: width, width: badgeWidth,
                style: CellStyle(role: .unreadMarker, bold: true, reverse: true))
        }
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
        glyphs += padded(blog.name, nameWidth, style: CellStyle(role: .headline, bold: blog.unreadCount > 0))
        glyphs.append(Glyph.plain(" "))
        if let reader = blog.reader {
            let unread = "\(blog.unreadCount) unread"
            glyphs += padded(String(repeating: " ", count: max(0, 11 - unread.count)) + unread, 12, style: .plain)
            let new = blog.newCount > 0 ? "▲ \(blog.newCount) new" : ""
            glyphs += padded(new, 11, style: markerStyle)
            let newest = newestTime(reader.blog, timeZone: timeZone) ?? ""
            glyphs += padded(newest, 7, style: CellStyle(role: .time))
        } else if let remembered = blog.remembered {
            // Last session's row, dimmed: it may be out of date until the blog is read.
            let dim = CellStyle(role: .dim)
            let unread = "\(remembered.unread) unread"
            glyphs += padded(String(repeating: " ", count: max(0, 11 - unread.count)) + unread, 12, style: dim)
            glyphs += padded(remembered.new > 0 ? "▲ \(remembered.new) new" : "", 11, style: dim)
            glyphs += padded(remembered.newest ?? "", 7, style: dim)
            if blog.failure == nil { glyphs += padded("checking…", 10, style: dim) }
        } else if blog.failure == nil {
            glyphs += padded("loading…", 30, style: CellStyle(role: .dim))
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

    static func padded(_ text: String, _ width: Int, style: CellStyle) -> [Glyph] {
        var glyphs = GlyphBuilder.glyphs(text, style: style, singleLine: true, maxWidth: width + 1).cut(to: width)
        glyphs += Array(repeating: Glyph.plain(" "), count: max(0, width - glyphs.cellWidth))
        return glyphs
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
        let help = "? help"
        frame.fill(row: row, column: 0, count: frame.width, style: statusStyle)
        if glyphs.cellWidth + 2 + help.count <= frame.width {
            frame.draw(glyphs, row: row, column: 0, width: frame.width)
            frame.draw(help, row: row, column: frame.width - help.count, width: help.count, style: statusStyle)
        } else {
            frame.draw(glyphs.cut(to: frame.width), row: row, column: 0, width: frame.width)
        }
    }
}
