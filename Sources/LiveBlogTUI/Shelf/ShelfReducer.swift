import Foundation
import LiveBlogCore

/// Applies events to the blog list and says what the run loop must do. In a blog or the river, keys go to
/// today's `Reducer` on that view's reader, except the few that belong to the list (`]`, `[`, `q`, `h`, `←`,
/// `v`, `:tag`); the reader's effects come back in the list's terms (a mark made in the river is saved for the
/// blog it belongs to).
public enum ShelfReducer {
    public static func reduce(_ state: inout ShelfState, _ event: ShelfEvent) -> [ShelfEffect] {
        switch event {
        case .key(let key):
            state.message = nil
            switch state.view {
            case .blogs: return listKey(key, &state)
            case .blog, .river: return readerKey(key, &state)
            }
        case .resized(let size):
            state.size = size
            state.host.size = size
            state.list.clamp(count: state.shownBlogs.count, height: state.listHeight)
            guard state.view != .blogs else { return [] }
            return forward(.resized(size), &state)
        case .loaded(let b, let blog, let marks, let newSince):
            var reader = ReaderState(
                blog: blog, readMarks: marks, options: state.options, sourceName: state.blogs[b].source)
            reader.startFollowing(true, newSinceLastTime: newSince)
            reader.size = state.size
            state.blogs[b].reader = reader
            state.blogs[b].failure = nil
            if state.view == .river { state.rebuildRiver() }
            return []
        case .updated(let b, let blog):
            guard state.blogs[b].reader != nil else { return [] }
            state.blogs[b].failure = nil
            var effects: [ShelfEffect]
            if state.view == .blog(b) {
                effects = forward(.updated(blog), &state) + [.buildIndex]
            } else {
                let readerEffects = state.blogs[b].reader!.mergeUpdate(blog)
                effects = translate(readerEffects, from: .blog(b), &state)
            }
            // The river is rebuilt when it is on show; opening it rebuilds it anyway.
            if state.view == .river {
                state.rebuildRiver()
                effects.append(.buildIndex)
            }
            return effects
        case .failed(let b, let text, let date):
            let since = state.blogs[b].failure?.since ?? date
            state.blogs[b].failure = .init(text: text, since: since)
            state.blogs[b].reader?.followNote = .init(
                "\(text) since \(EntryTime.clock(since, timeZone: state.options.timeZone))", isError: true)
            return []
        case .checked(let b, let status):
            state.blogs[b].reader?.followStatus = status
            if !status.isOffline {
                state.blogs[b].failure = nil
                state.blogs[b].reader?.followNote = nil
            }
            return []
        case .reader(let event):
            return forward(event, &state)
        case .persistFailed(let b, let ids, let read, let reason):
            _ = state.setRead(blog: b, ids, !read)
            let text = "Could not save read marks: " + reason
            switch state.view {
            case .blogs: state.message = .init(text, isError: true)
            case .blog, .river: state.withCurrentReader { $0.saveError = reason }
            }
            return []
        }
    }

    // MARK: The blog list

    private static func listKey(_ key: Key, _ state: inout ShelfState) -> [ShelfEffect] {
        if state.host.mode != .browsing { return hostKey(key, &state) }
        guard let action = state.options.keymap.action(for: key, in: .list) else {
            if Reducer.isTyped(key) { state.message = .init("\(key.displayName) is not bound here (? lists the keys)") }
            return []
        }
        return listAction(action, key: key, &state)
    }

    private static func listAction(_ action: Action, key: Key, _ state: inout ShelfState) -> [ShelfEffect] {
        let count = state.shownBlogs.count
        let height = state.listHeight
        switch action {
        case .moveDown, .nextEntry: state.list.move(by: 1, count: count, height: height)
        case .moveUp, .previousEntry: state.list.move(by: -1, count: count, height: height)
        case .first: state.list.select(0, count: count, height: height)
        case .last: state.list.select(count - 1, count: count, height: height)
        case .pageDown, .spacePage: state.list.page(by: max(1, height - 1), count: count, height: height)
        case .pageUp: state.list.page(by: -max(1, height - 1), count: count, height: height)
        case .halfPageDown: state.list.page(by: max(1, height / 2), count: count, height: height)
        case .halfPageUp: state.list.page(by: -max(1, height / 2), count: count, height: height)
        case .open, .toggleFocus:
            guard let b = state.selectedBlog else { return [] }
            return open(.blog(b), &state)
        case .nextBlog: return jump(forward: true, &state)
        case .previousBlog: return jump(forward: false, &state)
        case .nextUnread:
            let shown = state.shownBlogs
            guard !shown.isEmpty else { return [] }
            let start = min(state.list.cursor, shown.count - 1)
            for step in 1...shown.count where state.blogs[shown[(start + step) % shown.count]].unreadCount > 0 {
                state.list.select((start + step) % shown.count, count: count, height: height)
                return []
            }
            state.message = .init("No blog has unread entries")
        case .river: return open(.river, &state)
        case .search:
            // Search is over every blog: it happens in the river.
            return open(.river, &state) + readerKey(key, &state)
        case .markAllRead:
            guard let b = state.selectedBlog, let reader = state.blogs[b].reader else { return [] }
            let ids = reader.blog.entries.map(\.id).filter { !reader.readMarks.contains($0) }
            guard !ids.isEmpty else {
                state.message = .init("Every entry of \(state.blogs[b].name) is read")
                return []
            }
            let changed = state.setRead(blog: b, ids, true)
            state.lastMarkAll = (b, changed)
            state.message = .init("Marked \(changed.count) entries of \(state.blogs[b].name) read (X undoes)")
            return [.persist(b, changed, read: true)]
        case .undoMarkAll:
            guard let last = state.lastMarkAll else {
                state.message = .init("Nothing to undo")
                return []
            }
            state.lastMarkAll = nil
            let changed = state.setRead(blog: last.blog, last.ids, false)
            state.message = .init("\(changed.count) unread again")
            return [.persist(last.blog, changed, read: false)]
        case .reload:
            state.message = .init("Checking every blog now…")
            return [.pollAll]
        case .help, .commandLine:
            return hostKey(key, &state)
        case .quit:
            state.shouldQuit = true
            return [.quit]
        case .suspend: return [.reader(.suspend)]
        case .redraw: return [.reader(.redraw)]
        case .mouseSelect:
            guard case .click(let row, _) = key else { return [] }
            let position = state.list.top + row - 1
            guard row >= 1, row <= height, position < count else { return [] }
            if position == state.list.cursor, let b = state.selectedBlog { return open(.blog(b), &state) }
            state.list.select(position, count: count, height: height)
        case .mouseWheel:
            guard case .wheel(_, _, let down) = key else { return [] }
            state.list.scrollView(by: down ? 3 : -3, count: count, height: height)
        default:
            state.message = .init("Open a blog (Enter) or the river (v) for that")
        }
        return []
    }

    /// Keys while the list's help screen or `:` prompt is up: the host reader handles them; a command is run
    /// here when it is one of the list's.
    private static func hostKey(_ key: Key, _ state: inout ShelfState) -> [ShelfEffect] {
        if let command = acceptedCommand(key, state.host, onList: true) {
            close(prompt: &state.host)
            return runCommand(command, &state)
        }
        let effects = Reducer.reduce(&state.host, .key(key))
        if effects.contains(.quit) {
            state.shouldQuit = true
            return [.quit]
        }
        return effects.compactMap { effect in
            switch effect {
            case .suspend, .redraw, .setMouse, .setColors: .reader(effect)
            default: nil
            }
        }
    }

    // MARK: A blog or the river

    private static func readerKey(_ key: Key, _ state: inout ShelfState) -> [ShelfEffect] {
        guard let reader = state.currentReader else { return [] }
        if let command = acceptedCommand(key, reader) {
            state.withCurrentReader { close(prompt: &$0) }
            return runCommand(command, &state)
        }
        if reader.mode == .browsing, let action = reader.options.keymap.action(for: key, in: Reducer.scope(reader)) {
            switch action {
            case .nextBlog: return jump(forward: true, &state)
            case .previousBlog: return jump(forward: false, &state)
            case .blogList: return backToList(&state)
            case .quit where key == .character("q"): return backToList(&state)
            case .river: return state.view == .river ? [] : open(.river, &state)
            default: break
            }
        }
        return forward(.key(key), &state)
    }

    /// Sends an event to the reader on show and brings back its effects in the list's terms.
    private static func forward(_ event: ReaderEvent, _ state: inout ShelfState) -> [ShelfEffect] {
        let view = state.view
        guard view != .blogs else {
            _ = Reducer.reduce(&state.host, event)
            return []
        }
        let effects = state.withCurrentReader { Reducer.reduce(&$0, event) }
        return translate(effects, from: view, &state)
    }

    /// A reader's effects in the list's terms: marks saved for the blog they belong to, a reload checks every
    /// blog, following is always on.
    private static func translate(_ effects: [Effect], from view: ShelfState.View, _ state: inout ShelfState)
        -> [ShelfEffect]
    {
        var result: [ShelfEffect] = []
        for effect in effects {
            switch effect {
            case .persistReadMarks(let ids, let read):
                switch view {
                case .blog(let b):
                    state.syncRiverMarks(blog: b, ids)
                    result.append(.persist(b, ids, read: read))
                case .river:
                    var byBlog: [Int: [EntryID]] = [:]
                    for id in ids {
                        if let origin = state.river?.origin[id] { byBlog[origin.blog, default: []].append(origin.id) }
                    }
                    for (b, own) in byBlog.sorted(by: { $0.key < $1.key }) {
                        let changed = state.setRead(blog: b, own, read)
                        if !changed.isEmpty { result.append(.persist(b, changed, read: read)) }
                    }
                case .blogs: break
                }
            case .announce(let ids):
                if case .blog(let b) = view { result.append(.announce(b, ids)) }
            case .reloadSource:
                state.withCurrentReader { $0.message = .init("Checking every blog now…") }
                result.append(.pollAll)
            case .setFollowing:
                state.withCurrentReader {
                    $0.isFollowing = true
                    $0.message = .init("Every blog of the list is followed while the reader is open")
                }
            case .quit:
                state.shouldQuit = true
                result.append(.quit)
            default:
                result.append(.reader(effect))
            }
        }
        return result
    }

    // MARK: Moving between views

    /// Opens a blog or the river: what was on show is no longer new, the new view is sized and indexed, and
    /// its entries count as seen from now on.
    static func open(_ view: ShelfState.View, _ state: inout ShelfState) -> [ShelfEffect] {
        if case .blog(let b) = view, state.blogs[b].reader == nil {
            let blog = state.blogs[b]
            state.message =
                blog.failure.map { .init("\(blog.name): \($0.text)", isError: true) }
                ?? .init("\(blog.name) is still loading")
            return []
        }
        var effects = leave(&state)
        state.view = view
        switch view {
        case .blogs:
            state.list.clamp(count: state.shownBlogs.count, height: state.listHeight)
            return effects
        case .blog(let b):
            if let position = state.shownBlogs.firstIndex(of: b) {
                state.list.select(position, count: state.shownBlogs.count, height: state.listHeight)
            }
            if let ids = state.blogs[b].reader?.blog.entries.map(\.id) { effects.append(.recordSeen(b, ids)) }
            // A blog opens at its top, where what arrived while it was closed is.
            state.blogs[b].reader?.list = ListMovement()
            state.blogs[b].reader?.selectionDidChange()
        case .river:
            state.rebuildRiver()
            for b in state.shownBlogs {
                if let ids = state.blogs[b].reader?.blog.entries.map(\.id) { effects.append(.recordSeen(b, ids)) }
            }
        }
        return effects + forward(.resized(state.size), &state) + [.buildIndex]
    }

    /// Leaves the blog or the river on show: what arrived there has been looked at, and its timer stops.
    private static func leave(_ state: inout ShelfState) -> [ShelfEffect] {
        switch state.view {
        case .blogs:
            return []
        case .blog(let b):
            state.blogs[b].reader?.forgetNew()
            // Its timer stops here; coming back to the same entry must start it again.
            state.blogs[b].reader?.timedEntry = nil
        case .river:
            for b in state.shownBlogs { state.blogs[b].reader?.forgetNew() }
            state.riverReader?.forgetNew()
            state.riverReader?.timedEntry = nil
        }
        return [.reader(.cancelMarkTimer)]
    }

    private static func backToList(_ state: inout ShelfState) -> [ShelfEffect] { open(.blogs, &state) }

    /// `]` and `[`: the next (previous) blog in the list with unread entries, after the one on show or selected.
    private static func jump(forward: Bool, _ state: inout ShelfState) -> [ShelfEffect] {
        let shown = state.shownBlogs
        guard !shown.isEmpty else { return [] }
        let current: Int
        switch state.view {
        case .blog(let b): current = shown.firstIndex(of: b) ?? 0
        case .blogs, .river: current = min(state.list.cursor, shown.count - 1)
        }
        for step in 1...shown.count {
            let position = ((current + (forward ? step : -step)) % shown.count + shown.count) % shown.count
            let b = shown[position]
            guard state.blogs[b].unreadCount > 0, state.view != .blog(b) else { continue }
            var effects = open(.blog(b), &state)
            // Straight to its first unread entry, as `U` would from the top.
            if let reader = state.blogs[b].reader, let id = reader.selectedEntryID, reader.isRead(id) {
                effects += forwardAction(.nextUnread, &state)
            }
            return effects
        }
        report("No other blog has unread entries", isError: false, &state)
        return []
    }

    private static func forwardAction(_ action: Action, _ state: inout ShelfState) -> [ShelfEffect] {
        let view = state.view
        let effects = state.withCurrentReader { Reducer.perform(action, key: .character(":"), &$0) }
        return translate(effects, from: view, &state)
    }

    // MARK: Commands

    /// The command line being accepted with this key, when it is one of the list's (`:tag`, `:river`, …).
    private static func acceptedCommand(_ key: Key, _ reader: ReaderState, onList: Bool = false) -> String? {
        guard reader.mode == .searching, let prompt = reader.prompt, prompt.kind == .command,
            reader.options.keymap.action(for: key, in: .prompt) == .acceptPrompt
        else { return nil }
        let name = prompt.text.split(separator: " ").first.map(String.init) ?? ""
        if name == "tag" { return prompt.text }
        if let action = Action.named(name), action.row.group == .blogs { return prompt.text }
        // On the list itself every command is the list's: there is no blog to run it on.
        return onList ? prompt.text : nil
    }

    private static func close(prompt reader: inout ReaderState) {
        reader.mode = .browsing
        if let prompt = reader.prompt { reader.focus = prompt.savedFocus }
        reader.prompt = nil
    }

    private static func runCommand(_ line: String, _ state: inout ShelfState) -> [ShelfEffect] {
        let words = line.split(separator: " ").map(String.init)
        guard let name = words.first else { return [] }
        if name == "tag" {
            setTag(words.count > 1 ? words[1] : nil, &state)
            return state.view == .river ? [.buildIndex] : []
        }
        guard let action = Reducer.commandAction(named: name) else {
            report("Unknown command: " + name, isError: true, &state)
            return []
        }
        switch state.view {
        case .blogs: return listAction(action, key: .character(":"), &state)
        case .blog, .river:
            switch action {
            case .nextBlog: return jump(forward: true, &state)
            case .previousBlog: return jump(forward: false, &state)
            case .blogList: return backToList(&state)
            case .river: return state.view == .river ? [] : open(.river, &state)
            default: return forwardAction(action, &state)
            }
        }
    }

    /// `:tag NAME` shows only the blogs tagged NAME (in the list and the river); `:tag` alone shows them all.
    private static func setTag(_ tag: String?, _ state: inout ShelfState) {
        if let tag, !state.blogs.contains(where: { $0.tags.contains(tag) }) {
            let known = Set(state.blogs.flatMap(\.tags)).sorted()
            report(
                "No blog is tagged \(tag)" + (known.isEmpty ? "" : "; tags: " + known.joined(separator: ", ")),
                isError: true, &state)
            return
        }
        let selected = state.selectedBlog
        state.tagFilter = tag
        let shown = state.shownBlogs
        state.list.select(
            selected.flatMap { shown.firstIndex(of: $0) } ?? 0, count: shown.count, height: state.listHeight)
        if state.view == .river {
            state.rebuildRiver()
            let size = state.size
            _ = state.withCurrentReader { Reducer.reduce(&$0, .resized(size)) }
        }
        report(tag.map { "Showing blogs tagged \($0)" } ?? "Showing every blog", isError: false, &state)
    }

    private static func report(_ text: String, isError: Bool, _ state: inout ShelfState) {
        let message = ReaderState.StatusMessage(text, isError: isError)
        if state.view == .blogs {
            state.message = message
        } else {
            state.withCurrentReader { $0.message = message }
        }
    }
}
