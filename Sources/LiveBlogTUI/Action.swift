/// Every user intent of the reader.
///
/// Each action has exactly one row in ``Action/table`` (as in tig's request table): its group, scope, keys,
/// name and help line, in the order the `?` screen and the README list them. The keymap binds keys from that
/// table, the help screen and the README's key table are generated from it, and `:` runs actions by its names,
/// so help can never drift from behaviour.
public enum Action: CaseIterable, Hashable, Sendable {
    case moveDown, moveUp, scrollDown, scrollUp, nextEntry, previousEntry
    case first, last, pageDown, pageUp, halfPageDown, halfPageUp
    case spacePage, nextUnread, jumpToNewest, count
    case toggleFocus, open, backToList, widenList, narrowList, maximize, toggleUnreadOnly, toggleKeyEvents, toggleOrder
    case redraw, help
    case openLink, openNumberedLink, copyLink, save
    case search, nextMatch, previousMatch, clearSearch
    case acceptPrompt, cancelPrompt, historyOlder, historyNewer, deleteBackward, deleteWord, deleteToStart
    case cursorLeft, cursorRight, cursorStart, cursorEnd, complete
    case toggleRead, markAllRead, undoMarkAll
    case blogList, nextBlog, previousBlog, river
    case reload, toggleFollow, commandLine, quit, suspend
    case mouseSelect, mouseWheel
    case closeHelp

    /// The groups of the help screen, in the order shown.
    public enum Group: String, CaseIterable, Sendable {
        case moving = "Moving"
        case panes = "Panes and views"
        case links = "Links"
        case search = "Search"
        case prompt = "In the search and command prompts"
        case marks = "Read marks"
        case blogs = "Several blogs"
        case program = "Program"
        case mouse = "Mouse"
        case help = "On this help screen"
    }

    /// Where the keyboard is, and so which keymap a binding belongs to: the focused scope's keymap is tried
    /// first, then the global one.
    public enum Scope: String, Sendable, Hashable, CaseIterable {
        case global, list, detail, prompt, help
    }

    /// One row of the request table.
    public struct Row: Sendable {
        public let action: Action
        public let group: Group
        public let scope: Scope
        /// The default keys, the first shown first in help.
        public let keys: [Key]
        /// The name `:` and the configuration file use ("mark-all").
        public let name: String
        /// One line for the help screen and the README.
        public let help: String

        /// The same row with other keys (as a configuration binds them).
        public func with(keys: [Key]) -> Row {
            Row(action: action, group: group, scope: scope, keys: keys, name: name, help: help)
        }

        /// The keys as help writes them; a run of digit keys is written as one range ("1–9").
        public var keyNames: [String] {
            var names: [String] = []
            var digits: [Character] = []
            func flush() {
                if digits.count > 2 {
                    names.append("\(digits.first!)–\(digits.last!)")
                } else {
                    names += digits.map { String($0) }
                }
                digits = []
            }
            for key in keys {
                if case .character(let c) = key, c.isASCII, c.isNumber {
                    digits.append(c)
                    continue
                }
                flush()
                names.append(key.displayName)
            }
            flush()
            return names
        }
    }

    /// The request table, in display order.
    public static let table: [Row] = {
        func row(_ action: Action, _ group: Group, _ scope: Scope, _ keys: [Key], _ name: String, _ help: String) -> Row
        {
            Row(action: action, group: group, scope: scope, keys: keys, name: name, help: help)
        }
        let digits = (0...9).map { Key.character(Character(String($0))) }
        return [
            row(.moveDown, .moving, .list, [.character("j"), .down], "move-down", "Next entry in the list"),
            row(.moveUp, .moving, .list, [.character("k"), .up], "move-up", "Previous entry in the list"),
            row(
                .scrollDown, .moving, .detail, [.character("j"), .down], "scroll-down",
                "Scroll the detail pane down a line (when it has focus)"),
            row(
                .scrollUp, .moving, .detail, [.character("k"), .up], "scroll-up",
                "Scroll the detail pane up a line (when it has focus)"),
            row(
                .nextEntry, .moving, .global, [.character("J")], "next-entry", "Next entry, staying in the detail pane"),
            row(
                .previousEntry, .moving, .global, [.character("K")], "previous-entry",
                "Previous entry, staying in the detail pane"),
            row(
                .first, .moving, .global, [.character("g"), .home], "first",
                "First entry (3g: the third); top of the entry in the detail pane"),
            row(
                .last, .moving, .global, [.character("G"), .end], "last",
                "Last entry (3G: the third); end of the entry in the detail pane"),
            row(.pageDown, .moving, .global, [.pageDown, .control("f")], "page-down", "Page down in the focused pane"),
            row(
                .pageUp, .moving, .global, [.pageUp, .control("b"), .character("b")], "page-up",
                "Page up in the focused pane"),
            row(
                .halfPageDown, .moving, .global, [.control("d")], "half-page-down",
                "Half a page down in the focused pane"),
            row(.halfPageUp, .moving, .global, [.control("u")], "half-page-up", "Half a page up in the focused pane"),
            row(
                .spacePage, .moving, .global, [.character(" ")], "read-on",
                "Page down the detail pane; at its end go on to the next entry"),
            row(
                .nextUnread, .moving, .global, [.character("U")], "next-unread",
                "Jump to the next unread entry (wrapping to the top)"),
            row(
                .jumpToNewest, .moving, .global, [.character(".")], "newest",
                "Jump to the newest entry; what arrived is no longer new"),
            row(.count, .moving, .list, digits, "count", "A count for the next movement key in the list (5j, 3G)"),
            row(
                .toggleFocus, .panes, .global, [.tab, .backTab], "switch-pane",
                "Move focus between the list and the detail pane"),
            row(
                .open, .panes, .list, [.enter, .character("l"), .right], "open",
                "Open the entry in the detail pane, focus it and mark it read"),
            row(
                .backToList, .panes, .detail, [.character("q"), .character("h"), .left, .escape], "back",
                "Back to the list from the detail pane"),
            row(
                .widenList, .panes, .global, [.character(">")], "widen-list", "Widen the list (the width is remembered)"
            ),
            row(
                .narrowList, .panes, .global, [.character("<")], "narrow-list",
                "Narrow the list (the width is remembered)"),
            row(
                .maximize, .panes, .global, [.character("z")], "maximize",
                "Maximise the focused pane, or show both again"),
            row(
                .toggleUnreadOnly, .panes, .global, [.character("u")], "unread-only",
                "Show unread entries only, or all entries again"),
            row(
                .toggleKeyEvents, .panes, .global, [.character("E")], "key-events",
                "Show key events only (the posts the page flags ★), or all entries again"),
            row(.toggleOrder, .panes, .global, [.character("s")], "sort", "Sort: as published / oldest first"),
            row(.redraw, .panes, .global, [.control("l")], "redraw", "Redraw the screen"),
            row(.help, .panes, .global, [.character("?")], "help", "Show this help"),
            row(
                .openLink, .links, .global, [.character("o")], "open-link",
                "Open the entry's link in the browser ($BROWSER, else xdg-open)"),
            row(
                .openNumberedLink, .links, .detail, Array(digits.dropFirst()), "open-link-number",
                "Open the entry's link of that number (numbered in the detail pane)"),
            row(
                .copyLink, .links, .global, [.character("y")], "copy",
                "Copy the entry's link, or its text when it has none (OSC 52)"),
            row(
                .save, .links, .global, [.character("S")], "save",
                "Save the entry's text to a new file (:save PATH)"),
            row(.search, .search, .global, [.character("/")], "search", "Search: the list is filtered as you type"),
            row(
                .nextMatch, .search, .global, [.character("n")], "next-match",
                "Next match, going on to the next matching entry"),
            row(
                .previousMatch, .search, .global, [.character("N")], "previous-match",
                "Previous match, going back to the previous matching entry"),
            row(
                .clearSearch, .search, .list, [.escape], "clear-search",
                "Clear the search filter, keeping the selected entry (in the list)"),
            row(
                .acceptPrompt, .prompt, .prompt, [.enter], "accept",
                "Search: keep the filter and show the first match; command: run it"),
            row(
                .cancelPrompt, .prompt, .prompt, [.escape, .control("g")], "cancel",
                "Close the prompt, leaving things as they were"),
            row(
                .historyOlder, .prompt, .prompt, [.up], "history-older",
                "Older search from the history (kept between runs)"),
            row(.historyNewer, .prompt, .prompt, [.down], "history-newer", "Newer search from the history"),
            row(.cursorLeft, .prompt, .prompt, [.left, .control("b")], "cursor-left", "Cursor left a character"),
            row(.cursorRight, .prompt, .prompt, [.right, .control("f")], "cursor-right", "Cursor right a character"),
            row(.cursorStart, .prompt, .prompt, [.control("a"), .home], "cursor-start", "Cursor to the start"),
            row(.cursorEnd, .prompt, .prompt, [.control("e"), .end], "cursor-end", "Cursor to the end"),
            row(
                .complete, .prompt, .prompt, [.tab], "complete",
                "Command line: complete an action or setting name, or list those that fit"),
            row(.deleteBackward, .prompt, .prompt, [.backspace], "delete", "Delete the character before the cursor"),
            row(.deleteWord, .prompt, .prompt, [.control("w")], "delete-word", "Delete the word before the cursor"),
            row(
                .deleteToStart, .prompt, .prompt, [.control("u")], "delete-to-start",
                "Delete everything before the cursor"),
            row(.toggleRead, .marks, .global, [.character("m")], "toggle-read", "Mark the entry read or unread"),
            row(
                .markAllRead, .marks, .global, [.character("A")], "mark-all",
                "Mark every listed entry read (in the blog list: the whole blog)"),
            row(
                .undoMarkAll, .marks, .global, [.character("X")], "undo-mark-all",
                "Undo the last mark-all: those entries are unread again"),
            row(
                .blogList, .blogs, .list, [.character("h"), .left], "blogs",
                "Back to the blog list from a blog or the river (q too)"),
            row(
                .nextBlog, .blogs, .global, [.character("]")], "next-blog",
                "Open the next blog with unread entries, without going back to the list"),
            row(
                .previousBlog, .blogs, .global, [.character("[")], "previous-blog",
                "Open the previous blog with unread entries"),
            row(
                .river, .blogs, .global, [.character("v")], "river",
                "The river: every blog's entries, newest first (:tag NAME filters by tag)"),
            row(
                .reload, .program, .global, [.character("R"), .character("r"), .function(5)], "reload",
                "Read the source again, keeping place and marks (with several blogs: check all)"),
            row(
                .toggleFollow, .program, .global, [.character("F")], "follow",
                "Follow the source for updates, or stop (a file is watched, an address polled)"),
            row(
                .commandLine, .program, .global, [.character(":")], "command",
                "Command line: an action by name (:mark-all), or :set mark-after 5"),
            row(
                .quit, .program, .global, [.character("q"), .control("c"), .control("\\")], "quit",
                "Quit (from the list)"),
            row(.suspend, .program, .global, [.control("z")], "suspend", "Suspend to the shell"),
            row(
                .mouseSelect, .mouse, .global, [.click(row: 0, column: 0)], "select",
                "Select the row clicked, or focus the pane"),
            row(
                .mouseWheel, .mouse, .global, [.wheel(row: 0, column: 0, down: true)], "scroll",
                "Scroll the pane under the pointer"),
            row(.closeHelp, .help, .help, [.character("?"), .character("q"), .escape], "close-help", "Close the help"),
        ]
    }()

    /// Each action's position in ``table``.
    private static let rowIndex: [Action: Int] = Dictionary(
        uniqueKeysWithValues: table.enumerated().map { ($1.action, $0) })

    /// The action's row in the request table.
    public var row: Row { Action.table[Action.rowIndex[self]!] }

    /// The action named `name` in the table (as `:` and the configuration file write it), or nil.
    public static func named(_ name: String) -> Action? { table.first { $0.name == name }?.action }
}

extension Key {
    /// How the key is written in help and documentation.
    public var displayName: String {
        switch self {
        case .character(" "): "Space"
        case .character(let c): String(c)
        case .control(let c): "Ctrl-" + String(c).uppercased()
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .function(let n): "F\(n)"
        case .backspace: "Backspace"
        case .delete: "Delete"
        case .click: "click"
        case .wheel: "wheel"
        case .resize: "resize"
        case .paste: "paste"
        }
    }
}
