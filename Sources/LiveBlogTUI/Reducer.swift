import LiveBlogCore

/// Applies events to the reader state and says what the run loop must do. Never touches a terminal, a file
/// or a clock: timers and writes come back as `Effect`s.
public enum Reducer {
    public static func reduce(_ state: inout ReaderState, _ event: ReaderEvent) -> [Effect] {
        var effects: [Effect]
        switch event {
        case .key(let key):
            state.message = nil
            effects = handle(key, &state)
        case .resized(let size):
            state.size = size
            keepInRange(&state)
            effects = []
        case .markTimerFired(let id):
            effects = []
            if let shown = state.shownEntry, state.blog.entries[shown].id == id, state.setRead(shown, true) {
                effects.append(.persistReadMarks([id], read: true))
            }
        case .reloaded(let blog):
            let added = state.replaceBlog(blog)
            state.message = .init(
                added == 0 ? "Reloaded, no new entries" : "Reloaded, \(added) new \(added == 1 ? "entry" : "entries")")
            effects = []
        case .reloadFailed(let text):
            state.message = .init("Reload failed: " + text, isError: true)
            effects = []
        case .persistFailed(let ids, let read, let reason):
            // The screen must never show as saved what is not: the entries go back to how the store has them.
            let failed = Set(ids)
            for (i, entry) in state.blog.entries.enumerated() where failed.contains(entry.id) {
                _ = state.setRead(i, !read)
            }
            state.saveError = reason
            state.message = .init("Could not save read marks: " + reason, isError: true)
            effects = []
        case .persisted:
            state.saveError = nil
            effects = []
        case .indexReady(let index):
            effects = []
            if index.blog.entries.count == state.blog.entries.count,
                index.blog.entries.elementsEqual(state.blog.entries, by: { $0.id == $1.id })
            {
                state.index = index
                if let query = state.query {
                    // Filter again with the index: a waiting search gets its matches now. The same entry
                    // keeps the match `n` (or Enter) went to.
                    let before = state.selectedEntry
                    let match = state.currentMatch
                    state.applyQuery(query, keeping: state.prompt?.savedEntry ?? state.selectedEntry)
                    if state.selectedEntry == before { state.currentMatch = match }
                }
            }
        case .message(let text):
            state.message = .init(text)
            effects = []
        case .updated(let blog):
            effects = state.mergeUpdate(blog)
        case .followChecked(let status):
            state.followStatus = status
            effects = []
        case .followNote(let note):
            state.followNote = note
            // The note is the newest news: an older message must not hide it.
            if note != nil { state.message = nil }
            effects = []
        }
        state.acknowledgeShownEntry()
        // The mark timer follows the entry on show: restarted when it changes, cancelled when none is shown.
        let shown = state.shownEntryID
        if shown != state.timedEntry {
            state.timedEntry = shown
            if let i = state.shownEntry, let id = shown, state.markAfter != nil, !state.isRead[i] {
                effects.append(.startMarkTimer(id))
            } else {
                effects.append(.cancelMarkTimer)
            }
        }
        return effects
    }

    /// The scope keys are resolved in.
    static func scope(_ state: ReaderState) -> Action.Scope {
        switch state.mode {
        case .searching: .prompt
        case .help: .help
        case .browsing: state.focus == .list ? .list : .detail
        }
    }

    private static func handle(_ key: Key, _ state: inout ReaderState) -> [Effect] {
        if case .paste(let text) = key {
            // A paste is text: in the prompt it is typed in (one line, no controls); anywhere else it is ignored,
            // so that pasted letters can never mark, reload or quit.
            if state.mode == .searching { insert(pastedText(text), &state) }
            return []
        }
        let count = state.pendingCount
        state.pendingCount = nil
        if let action = state.options.keymap.action(for: key, in: scope(state)) {
            if action == .count, case .character(let c) = key, let digit = c.wholeNumberValue {
                // A leading 0 is no count; a count stops growing at a million (past any list).
                if count != nil || digit != 0 { state.pendingCount = min(1_000_000, (count ?? 0) * 10 + digit) }
                return []
            }
            return perform(action, key: key, count: count, &state)
        }
        if state.mode == .searching, case .character(let c) = key {
            insert(String(c), &state)
        } else if state.mode == .browsing, Self.isTyped(key) {
            // A key that does nothing says so, rather than leaving the user to wonder whether it was read.
            state.message = .init("\(key.displayName) is not bound here (? lists the keys)")
        }
        return []
    }

    /// Keys a person presses on purpose (not mouse, resize or paste events).
    static func isTyped(_ key: Key) -> Bool {
        switch key {
        case .click, .wheel, .resize, .paste: false
        default: true
        }
    }

    // MARK: Actions

    static func perform(_ action: Action, key: Key, count: Int? = nil, _ state: inout ReaderState) -> [Effect] {
        if state.mode == .help { return performInHelp(action, key: key, &state) }
        let layout = state.layout
        let listPage = state.listHeight
        let detailPage = max(1, state.detailHeight - 1)
        let times = count ?? 1
        switch action {
        case .moveDown: state.moveSelection { $0.move(by: times, count: $1, height: $2) }
        case .moveUp: state.moveSelection { $0.move(by: -times, count: $1, height: $2) }
        case .scrollDown: scrollDetail(&state, by: times)
        case .scrollUp: scrollDetail(&state, by: -times)
        case .nextEntry: state.moveSelection { $0.move(by: times, count: $1, height: $2) }
        case .previousEntry: state.moveSelection { $0.move(by: -times, count: $1, height: $2) }
        case .first:
            if let count {
                state.moveSelection { $0.select(count - 1, count: $1, height: $2) }
            } else if state.focus == .detail {
                state.detailScroll = 0
            } else {
                state.moveSelection { $0.select(0, count: $1, height: $2) }
            }
        case .last:
            if let count {
                state.moveSelection { $0.select(count - 1, count: $1, height: $2) }
            } else if state.focus == .detail {
                scrollDetail(&state, by: .max / 2)
            } else {
                state.moveSelection { $0.select($1 - 1, count: $1, height: $2) }
            }
        case .pageDown: page(&state, listBy: listPage * times, detailBy: detailPage * times)
        case .pageUp: page(&state, listBy: -listPage * times, detailBy: -detailPage * times)
        case .halfPageDown:
            page(&state, listBy: max(1, listPage / 2) * times, detailBy: max(1, state.detailHeight / 2) * times)
        case .halfPageUp:
            page(&state, listBy: -max(1, listPage / 2) * times, detailBy: -max(1, state.detailHeight / 2) * times)
        case .spacePage:
            if let shown = state.selectedEntry,
                state.detailScroll < state.detailLayout(for: shown).maxScroll(height: state.detailHeight)
            {
                scrollDetail(&state, by: detailPage)
            } else if state.list.cursor + 1 < state.listing.count {
                state.moveSelection { $0.move(by: 1, count: $1, height: $2) }
            } else {
                state.message = .init("End of the list")
            }
        case .nextUnread: nextUnread(&state)
        case .count: break  // handled with the key, which carries the digit
        case .toggleFocus:
            state.focus = state.focus == .list ? .detail : .list
            if state.zoom != .none { state.zoom = state.focus == .list ? .list : .detail }
        case .open:
            guard let selected = state.selectedEntry else { return [] }
            state.focus = .detail
            if state.zoom == .list { state.zoom = .detail }
            if state.setRead(selected, true) {
                return [.cancelMarkTimer, .persistReadMarks([state.blog.entries[selected].id], read: true)]
            }
        case .backToList:
            state.focus = .list
            if state.zoom == .detail { state.zoom = .list }
        case .widenList, .narrowList:
            let step = (action == .widenList ? 4 : -4) * times
            state.zoom = .none
            let current = state.layout.list.width
            state.listWidth = min(
                max(ScreenLayout.minimumPaneColumns, current + step),
                max(ScreenLayout.minimumPaneColumns, state.size.columns - 1 - ScreenLayout.minimumPaneColumns))
            keepInRange(&state)
            state.message = .init("List width \(state.layout.list.width)")
            return []
        case .maximize:
            state.zoom = state.zoom != .none ? .none : state.focus == .list ? .list : .detail
            keepInRange(&state)
            return []
        case .toggleUnreadOnly:
            state.isUnreadOnly.toggle()
            state.rebuildListing(keeping: state.selectedEntry)
            state.message = .init(state.isUnreadOnly ? "Showing unread entries only" : "Showing all entries")
        case .toggleKeyEvents:
            guard state.isKeyEventsOnly || state.blog.entries.contains(where: { $0.flags.contains(.keyEvent) }) else {
                state.message = .init("This blog flags no key events")
                return []
            }
            state.isKeyEventsOnly.toggle()
            state.rebuildListing(keeping: state.selectedEntry)
            state.message = .init(state.isKeyEventsOnly ? "Showing key events only" : "Showing all entries")
        case .toggleOrder:
            state.order = state.order == .published ? .oldestFirst : .published
            let selected = state.selectedEntry
            state.rebuildOrder()
            state.rebuildListing(keeping: selected)
            state.message = .init(state.order == .published ? "Order: as published" : "Order: oldest first")
        case .redraw: return [.redraw]
        case .help:
            state.mode = .help
            state.helpScroll = 0
        case .closeHelp: state.mode = .browsing
        case .openLink, .openNumberedLink:
            var number = count
            if action == .openNumberedLink, case .character(let c) = key { number = c.wholeNumberValue }
            return openLink(number: number, &state)
        case .save:
            // The command line, ready for the path: `:save PATH` is the command.
            var prompt = SearchPrompt(savedQuery: state.query, savedEntry: state.selectedEntry, savedFocus: state.focus)
            prompt.kind = .command
            prompt.text = "save "
            prompt.cursor = prompt.text.count
            state.prompt = prompt
            state.mode = .searching
        case .copyLink:
            guard let selected = state.selectedEntry else { return [] }
            let entry = state.blog.entries[selected]
            if let url = entry.url ?? DetailLayout.links(of: entry).first?.url {
                state.message = .init("Copied the link")
                // Only URL characters reach the clipboard: an `id` or `href` cannot smuggle ESC or a newline
                // into a shell the link is pasted into.
                return [.copy(OutputSanitizer.url(url))]
            }
            state.message = .init("Copied the entry's text")
            let text = ([entry.headline].compactMap { $0 } + entry.paragraphs).joined(separator: "\n\n")
            return [.copy(OutputSanitizer.text(text, keepingLines: true))]
        case .search:
            state.prompt = SearchPrompt(
                savedQuery: state.query, savedEntry: state.selectedEntry, savedFocus: state.focus)
            state.mode = .searching
            state.applyQuery(nil, keeping: state.selectedEntry)
        case .commandLine:
            var prompt = SearchPrompt(savedQuery: state.query, savedEntry: state.selectedEntry, savedFocus: state.focus)
            prompt.kind = .command
            state.prompt = prompt
            state.mode = .searching
        case .nextMatch: return jumpToMatch(&state, forward: true)
        case .previousMatch: return jumpToMatch(&state, forward: false)
        case .clearSearch:
            if state.query != nil {
                state.applyQuery(nil, keeping: state.selectedEntry)
                state.message = .init("Search cleared")
            }
        case .acceptPrompt:
            guard let prompt = state.prompt else { return [] }
            state.mode = .browsing
            state.prompt = nil
            if prompt.kind == .command {
                state.focus = prompt.savedFocus
                return runCommand(prompt.text, &state)
            }
            state.focus = .list
            if SearchQuery(prompt.text).isEmpty {
                state.applyQuery(nil, keeping: state.selectedEntry)
            } else {
                state.searchHistory.removeAll { $0 == prompt.text }
                state.searchHistory.append(prompt.text)
                if state.filterCount == 0 {
                    state.message = .init("No matches for “\(prompt.text)”")
                } else if let shown = state.selectedEntry {
                    // The first match in view, as less puts it on screen.
                    let lines = state.detailLayout(for: shown).matchLines
                    if !lines.isEmpty {
                        state.currentMatch = 0
                        reveal(&state, line: lines[0], entry: shown)
                    }
                }
            }
        case .cancelPrompt: cancelPrompt(&state)
        case .historyOlder, .historyNewer: recallHistory(&state, older: action == .historyOlder)
        case .deleteBackward:
            if state.prompt?.text.isEmpty ?? true {
                cancelPrompt(&state)
            } else {
                editPrompt(&state) { text, cursor in
                    guard cursor > 0 else { return }
                    text.remove(at: cursor - 1)
                    cursor -= 1
                }
            }
        case .deleteWord:
            editPrompt(&state) { text, cursor in
                var start = cursor
                while start > 0 && text[start - 1] == " " { start -= 1 }
                while start > 0 && text[start - 1] != " " { start -= 1 }
                text.removeSubrange(start..<cursor)
                cursor = start
            }
        case .deleteToStart:
            editPrompt(&state) { text, cursor in
                text.removeSubrange(0..<cursor)
                cursor = 0
            }
        case .cursorLeft: moveCursor(&state) { c, _ in c - 1 }
        case .cursorRight: moveCursor(&state) { c, _ in c + 1 }
        case .cursorStart: moveCursor(&state) { _, _ in 0 }
        case .cursorEnd: moveCursor(&state) { _, n in n }
        case .complete: complete(&state)
        case .toggleRead:
            guard let selected = state.selectedEntry else { return [] }
            let read = !state.isRead[selected]
            state.setRead(selected, read)
            state.message = .init(read ? "Marked read" : "Marked unread")
            return [.cancelMarkTimer, .persistReadMarks([state.blog.entries[selected].id], read: read)]
        case .markAllRead:
            var ids: [EntryID] = []
            for i in state.listing where state.setRead(i, true) { ids.append(state.blog.entries[i].id) }
            if !ids.isEmpty { state.lastMarkAll = ids }
            state.message = .init(ids.isEmpty ? "Nothing to mark" : "Marked \(ids.count) read (X undoes)")
            if state.isUnreadOnly { state.rebuildListing(keeping: state.selectedEntry) }
            return ids.isEmpty ? [] : [.cancelMarkTimer, .persistReadMarks(ids, read: true)]
        case .undoMarkAll:
            let ids = state.lastMarkAll
            state.lastMarkAll = []
            guard !ids.isEmpty else {
                state.message = .init("Nothing to undo")
                return []
            }
            let wanted = Set(ids)
            for (i, entry) in state.blog.entries.enumerated() where wanted.contains(entry.id) {
                state.setRead(i, false)
            }
            if state.isUnreadOnly { state.rebuildListing(keeping: state.selectedEntry) }
            state.message = .init("\(ids.count) unread again")
            return [.cancelMarkTimer, .persistReadMarks(ids, read: false)]
        case .reload:
            state.message = .init("Reloading…")
            return [.reloadSource]
        case .quit:
            state.shouldQuit = true
            return [.quit]
        case .suspend: return [.suspend]
        case .blogList, .nextBlog, .previousBlog, .river:
            // The blog list handles these before the reader sees a key; a single blog has no list to go to.
            state.message = .init("Reading one blog: `liveblog add SOURCE` makes a blog list")
        case .jumpToNewest: state.jumpToNewest()
        case .toggleFollow:
            state.isFollowing.toggle()
            state.message = .init(state.isFollowing ? "Following the source for updates" : "Not following the source")
            return [.setFollowing(state.isFollowing)]
        case .mouseSelect:
            guard case .click(let row, let column) = key else { return [] }
            if layout.list.contains(row: row, column: column) {
                state.focus = .list
                let rows = Renderer.listRows(state, state.list, height: layout.list.height)
                let r = row - layout.list.row
                if r >= 0, r < rows.count, case .entry(let position) = rows[r] {
                    state.moveSelection { $0.select(position, count: $1, height: $2) }
                }
            } else if layout.detail.contains(row: row, column: column), state.selectedEntry != nil {
                state.focus = .detail
            }
        case .mouseWheel:
            guard case .wheel(let row, let column, let down) = key else { return [] }
            let step = down ? 3 : -3
            if layout.list.contains(row: row, column: column) {
                state.moveSelection { $0.scrollView(by: step, count: $1, height: $2) }
            } else if layout.detail.contains(row: row, column: column) {
                scrollDetail(&state, by: step)
            }
        }
        return []
    }

    /// `o` (the entry's own link, or link N with a count) and `1`–`9` in the detail pane.
    private static func openLink(number: Int?, _ state: inout ReaderState) -> [Effect] {
        guard let selected = state.selectedEntry else { return [] }
        let entry = state.blog.entries[selected]
        let links = DetailLayout.links(of: entry)
        let url: String?
        if let number {
            guard number >= 1 && number <= links.count else {
                state.message = .init(
                    links.isEmpty
                        ? "This entry has no numbered links" : "No link \(number): the entry has \(links.count)")
                return []
            }
            url = links[number - 1].url
        } else {
            url = entry.url ?? links.first?.url
        }
        guard let url else {
            state.message = .init("This entry has no link")
            return []
        }
        guard URLOpening.isOpenable(url) else {
            state.message = .init("Not a web address; not opened", isError: true)
            return []
        }
        state.message = .init("Opening " + url)
        return [.openURL(url)]
    }

    /// Runs a `:` command: an action by its table name (a number after it is its count), or `set NAME VALUE`.
    static func runCommand(_ line: String, _ state: inout ReaderState) -> [Effect] {
        let words = line.split(separator: " ").map(String.init)
        guard let name = words.first else { return [] }
        if name == "set" { return set(Array(words.dropFirst()), &state) }
        if name == "save" { return save(to: words.dropFirst().joined(separator: " "), &state) }
        guard let action = commandAction(named: name) else {
            state.message = .init("Unknown command: " + name, isError: true)
            return []
        }
        let count = words.count > 1 ? Int(words[1]) : nil
        return perform(action, key: .character(":"), count: count.map { max(1, min($0, 1_000_000)) }, &state)
    }

    /// The action a `:` command names (by its table name or a short alias), when `:` may run it.
    static func commandAction(named name: String) -> Action? {
        let aliases = ["q": "quit", "help": "help", "mark-all-read": "mark-all"]
        guard let action = Action.named(aliases[name] ?? name), commandable(action) else { return nil }
        return action
    }

    /// `:save PATH`: the selected entry as text (time, headline, paragraphs, its links) to a new file.
    static func save(to path: String, _ state: inout ReaderState) -> [Effect] {
        guard !path.isEmpty else {
            state.message = .init("Usage: :save PATH", isError: true)
            return []
        }
        guard let selected = state.selectedEntry else {
            state.message = .init("No entry to save", isError: true)
            return []
        }
        let entry = state.blog.entries[selected]
        var parts = [
            [EntryTime.full(entry, timeZone: state.options.timeZone), entry.headline].compactMap { $0 }
                .joined(separator: "\n")
        ]
        parts += entry.paragraphs
        let links = DetailLayout.links(of: entry).enumerated().map { "[\($0.offset + 1)] \($0.element.url)" }
        if !links.isEmpty { parts.append(links.joined(separator: "\n")) }
        let text = parts.filter { !$0.isEmpty }.joined(separator: "\n\n") + "\n"
        return [.saveEntry(OutputSanitizer.text(text, keepingLines: true), path: path)]
    }

    /// `:set NAME VALUE…`: any setting of the configuration file, read by the same row of `Setting.table`, so
    /// that `:set` takes exactly what the file takes; it lasts for this session (the file keeps it for good).
    static func set(_ words: [String], _ state: inout ReaderState) -> [Effect] {
        guard let name = words.first else {
            state.message = .init(
                "Usage: :set NAME VALUE; settings: " + Setting.table.map(\.name).joined(separator: ", "), isError: true)
            return []
        }
        guard let setting = Setting.named(name) else {
            state.message = .init("Unknown setting: \(name)", isError: true)
            return []
        }
        var scratch = ReaderConfig()
        scratch.keymap = state.options.keymap
        do throws(Setting.Refusal) {
            try setting.apply(Array(words.dropFirst()), to: &scratch)
        } catch {
            state.message = .init(error.message, isError: true)
            return []
        }
        state.message = .init(words.joined(separator: " "))
        switch setting.name {
        case "bind":
            state.options.keymap = scratch.keymap
        case "mark-after":
            state.markAfter = scratch.markAfter ?? nil
            state.timedEntry = nil  // restart the timer with the new delay
        case "list-width":
            state.listWidth = scratch.listWidth
            state.zoom = .none
            keepInRange(&state)
        case "time-zone":
            state.setTimeZone(scratch.timeZone ?? .current)
            keepInRange(&state)
        case "mouse":
            return [.setMouse(scratch.mouse)]
        case "color":
            guard let role = CellStyle.Role.named(words[1]), let colors = scratch.colors[role] else { return [] }
            return [.setColors(role, colors)]
        default:
            break
        }
        return []
    }

    /// Actions that `:` can run: not the prompt's own editing, the mouse, or a bare count.
    static func commandable(_ action: Action) -> Bool {
        let row = action.row
        return row.scope != .prompt && row.group != .mouse && action != .count && action != .openNumberedLink
            && action != .closeHelp && action != .commandLine
    }

    /// On the help screen, movement keys scroll the help; everything else but quitting closes it or is ignored.
    private static func performInHelp(_ action: Action, key: Key, _ state: inout ReaderState) -> [Effect] {
        let height = max(1, state.layout.body.height)
        let maxScroll = max(
            0, HelpScreen.lines(width: state.layout.body.width - 1, keymap: state.options.keymap).count - height)
        var scroll = state.helpScroll
        switch action {
        case .moveDown, .scrollDown: scroll += 1
        case .moveUp, .scrollUp: scroll -= 1
        case .pageDown, .spacePage: scroll += max(1, height - 1)
        case .pageUp: scroll -= max(1, height - 1)
        case .halfPageDown: scroll += max(1, height / 2)
        case .halfPageUp: scroll -= max(1, height / 2)
        case .first: scroll = 0
        case .last: scroll = maxScroll
        case .mouseWheel:
            if case .wheel(_, _, let down) = key { scroll += down ? 3 : -3 }
        case .closeHelp, .help, .backToList, .clearSearch: state.mode = .browsing
        case .redraw: return [.redraw]
        case .quit:
            state.shouldQuit = true
            return [.quit]
        case .suspend: return [.suspend]
        default: break
        }
        state.helpScroll = min(max(0, scroll), maxScroll)
        return []
    }

    // MARK: Helpers

    private static func scrollDetail(_ state: inout ReaderState, by delta: Int) {
        guard let shown = state.selectedEntry else {
            state.detailScroll = 0
            return
        }
        let maxScroll = state.detailLayout(for: shown).maxScroll(height: state.detailHeight)
        state.detailScroll = min(max(0, state.detailScroll + delta), maxScroll)
    }

    private static func page(_ state: inout ReaderState, listBy listDelta: Int, detailBy detailDelta: Int) {
        if state.focus == .detail {
            scrollDetail(&state, by: detailDelta)
        } else {
            state.moveSelection { $0.page(by: listDelta, count: $1, height: $2) }
        }
    }

    private static func nextUnread(_ state: inout ReaderState) {
        let n = state.listing.count
        guard n > 0 else {
            state.message = .init("No unread entries")
            return
        }
        for step in 1...n {
            let p = (state.list.cursor + step) % n
            if !state.isRead[state.listing[p]] && p != state.list.cursor {
                // Leaving a read entry may drop it from the unread-only view; moveSelection keeps the target.
                state.moveSelection { $0.select(p, count: $1, height: $2) }
                return
            }
        }
        state.message = .init(
            state.isRead[state.listing[state.list.cursor]] ? "No unread entries" : "No other unread entries")
    }

    /// Pasted text as one prompt line: line breaks and tabs become spaces, other controls go, and it is cut at
    /// 1,000 characters (a query longer than that is a paste gone wrong).
    static func pastedText(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var count = 0
        for scalar in text.unicodeScalars where count < 1000 {
            let v = scalar.value
            if v == 0x0A || v == 0x0D || v == 0x09 {
                if out.last != " " {
                    out.append(" ")
                    count += 1
                }
            } else if v >= 0x20 && !(0x7F..<0xA0).contains(v) && !(0x2028...0x202E).contains(v)
                && !(0x2066...0x2069).contains(v)
            {
                out.append(scalar)
                count += 1
            }
        }
        return String(out)
    }

    /// Types `text` at the prompt's cursor.
    private static func insert(_ text: String, _ state: inout ReaderState) {
        editPrompt(&state) { chars, cursor in
            chars.insert(contentsOf: text, at: cursor)
            cursor += text.count
        }
    }

    /// Changes the prompt's text (as characters) and cursor; a search is filtered again as it changes.
    /// Tab on the command line: the word before the cursor completed as far as the names that fit agree (an
    /// action's name, `set`, or after `set` a setting's), a space after a whole name; when it goes no further,
    /// the names that fit are listed on the status line, as a shell does.
    static func complete(_ state: inout ReaderState) {
        guard let prompt = state.prompt, prompt.kind == .command else { return }
        let chars = Array(prompt.text)
        let cursor = min(max(0, prompt.cursor), chars.count)
        let before = String(chars[..<cursor])
        let words = before.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        let names: [String]
        switch words.count {
        case 1: names = (Action.table.filter { commandable($0.action) }.map(\.name) + ["set"]).sorted()
        case 2 where words[0] == "set": names = Setting.table.map(\.name).sorted()
        default: return
        }
        let typed = words[words.count - 1]
        let fitting = names.filter { $0.hasPrefix(typed) }
        guard let first = fitting.first else {
            state.message = .init("Nothing to complete for “\(typed)”")
            return
        }
        var common = first
        for name in fitting.dropFirst() {
            while !name.hasPrefix(common) { common.removeLast() }
        }
        let addition = String(common.dropFirst(typed.count)) + (fitting.count == 1 ? " " : "")
        guard !addition.isEmpty else {
            state.message = .init(fitting.joined(separator: " "))
            return
        }
        editPrompt(&state) { text, cursor in
            text.insert(contentsOf: addition, at: cursor)
            cursor += addition.count
        }
    }

    private static func editPrompt(_ state: inout ReaderState, _ edit: (inout [Character], inout Int) -> Void) {
        guard var prompt = state.prompt else { return }
        var chars = Array(prompt.text)
        var cursor = min(max(0, prompt.cursor), chars.count)
        edit(&chars, &cursor)
        prompt.text = String(chars)
        prompt.cursor = min(max(0, cursor), chars.count)
        prompt.historyIndex = nil
        prompt.draft = prompt.text
        state.prompt = prompt
        if prompt.kind == .search { state.applyQuery(SearchQuery(prompt.text), keeping: prompt.savedEntry) }
    }

    private static func moveCursor(_ state: inout ReaderState, _ move: (Int, Int) -> Int) {
        guard var prompt = state.prompt else { return }
        let length = prompt.text.count
        prompt.cursor = min(max(0, move(prompt.cursor, length)), length)
        state.prompt = prompt
    }

    private static func cancelPrompt(_ state: inout ReaderState) {
        guard let prompt = state.prompt else { return }
        state.mode = .browsing
        state.prompt = nil
        if prompt.kind == .search { state.applyQuery(prompt.savedQuery, keeping: prompt.savedEntry) }
        state.focus = prompt.savedFocus
    }

    private static func recallHistory(_ state: inout ReaderState, older: Bool) {
        guard var prompt = state.prompt, prompt.kind == .search, !state.searchHistory.isEmpty else { return }
        let last = state.searchHistory.count - 1
        switch (prompt.historyIndex, older) {
        case (nil, true): prompt.historyIndex = last
        case (nil, false): return
        case (let i?, true): prompt.historyIndex = max(0, i - 1)
        case (let i?, false): prompt.historyIndex = i + 1 > last ? nil : i + 1
        }
        prompt.text = prompt.historyIndex.map { state.searchHistory[$0] } ?? prompt.draft
        prompt.cursor = prompt.text.count
        state.prompt = prompt
        state.applyQuery(SearchQuery(prompt.text), keeping: prompt.savedEntry)
    }

    /// `n`/`N`: the next or previous match below or above the current one, scrolled into view; past the last
    /// match of an entry, on to the next (previous) listed entry, which matches too since the list is filtered.
    private static func jumpToMatch(_ state: inout ReaderState, forward: Bool) -> [Effect] {
        guard state.query != nil else {
            state.message = .init("No search: press / to search")
            return []
        }
        guard let shown = state.selectedEntry else {
            state.message = .init("No matches")
            return []
        }
        let lines = state.detailLayout(for: shown).matchLines
        var target: Int?
        if let current = state.currentMatch {
            let next = current + (forward ? 1 : -1)
            if next >= 0 && next < lines.count { target = next }
        } else if forward {
            target = lines.firstIndex { $0 >= state.detailScroll }
        } else {
            target = lines.lastIndex { $0 < state.detailScroll }
        }
        if target == nil {
            let position = state.list.cursor + (forward ? 1 : -1)
            guard position >= 0 && position < state.listing.count else {
                state.message = .init(forward ? "No more matches below" : "No more matches above")
                return []
            }
            state.moveSelection { $0.select(position, count: $1, height: $2) }
            guard let entry = state.selectedEntry else { return [] }
            let newLines = state.detailLayout(for: entry).matchLines
            guard !newLines.isEmpty else { return [] }
            state.currentMatch = forward ? 0 : newLines.count - 1
            reveal(&state, line: newLines[state.currentMatch!], entry: entry)
            return []
        }
        state.currentMatch = target
        reveal(&state, line: lines[target!], entry: shown)
        return []
    }

    /// Scrolls the detail pane so that `line` shows, with two lines of context above it when it was off screen.
    private static func reveal(_ state: inout ReaderState, line: Int, entry: Int) {
        let height = state.detailHeight
        if line < state.detailScroll || line >= state.detailScroll + height {
            let maxScroll = state.detailLayout(for: entry).maxScroll(height: height)
            state.detailScroll = min(max(0, line - 2), maxScroll)
        }
    }

    static func keepInRange(_ state: inout ReaderState) {
        state.list.clamp(count: state.listing.count, height: state.listHeight)
        if let shown = state.selectedEntry {
            state.detailScroll = min(
                state.detailScroll, state.detailLayout(for: shown).maxScroll(height: state.detailHeight))
        }
        if state.mode == .help {
            let height = max(1, state.layout.body.height)
            state.helpScroll = min(
                state.helpScroll,
                max(
                    0, HelpScreen.lines(width: state.layout.body.width - 1, keymap: state.options.keymap).count - height
                ))
        }
    }
}
