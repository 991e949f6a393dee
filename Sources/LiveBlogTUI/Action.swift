/// Every user intent of the reader, with its default keys, its title and its help line.
///
/// This is the one request table (as in tig): the keymap binds keys from it and the `?` help screen is rendered
/// from it, so help can never drift from behaviour.
public enum Action: CaseIterable, Hashable, Sendable {
    // Moving
    case moveDown, moveUp, scrollDown, scrollUp
    case first, last, pageDown, pageUp, halfPageDown, halfPageUp
    case spacePage, nextUnread, jumpToNewest
    // Panes and views
    case toggleFocus, open, backToList, toggleUnreadOnly, toggleOrder, help, closeHelp
    // Search
    case search, nextMatch, previousMatch, clearSearch
    case acceptSearch, cancelSearch, historyOlder, historyNewer, deleteBackward
    // Read marks
    case toggleRead, markAllRead
    // Program
    case reload, toggleFollow, quit, suspend
    // Mouse
    case mouseSelect, mouseWheel

    /// The groups of the help screen, in the order shown.
    public enum Group: String, CaseIterable, Sendable {
        case moving = "Moving"
        case panes = "Panes and views"
        case search = "Search"
        case searchPrompt = "In the search prompt"
        case marks = "Read marks"
        case program = "Program"
        case mouse = "Mouse"
        case help = "On this help screen"
    }

    /// Where a binding applies: the focused pane's keymap is tried first, then the global one.
    public enum Scope: Sendable, Hashable {
        case global, list, detail, prompt, help
    }

    /// The default keys, first one shown first in help.
    public var keys: [Key] {
        switch self {
        case .moveDown, .scrollDown: [.character("j"), .down]
        case .moveUp, .scrollUp: [.character("k"), .up]
        case .first: [.character("g"), .home]
        case .last: [.character("G"), .end]
        case .pageDown: [.pageDown, .control("f")]
        case .pageUp: [.pageUp, .control("b")]
        case .halfPageDown: [.control("d")]
        case .halfPageUp: [.control("u")]
        case .spacePage: [.character(" ")]
        case .nextUnread: [.character("U")]
        case .jumpToNewest: [.character(".")]
        case .toggleFollow: [.character("F")]
        case .toggleFocus: [.tab, .backTab]
        case .open: [.enter]
        case .backToList: [.escape]
        case .toggleUnreadOnly: [.character("u")]
        case .toggleOrder: [.character("o")]
        case .help: [.character("?")]
        case .closeHelp: [.character("?"), .character("q"), .escape]
        case .search: [.character("/")]
        case .nextMatch: [.character("n")]
        case .previousMatch: [.character("N")]
        case .clearSearch: [.escape]
        case .acceptSearch: [.enter]
        case .cancelSearch: [.escape]
        case .historyOlder: [.up]
        case .historyNewer: [.down]
        case .deleteBackward: [.backspace]
        case .toggleRead: [.character("m")]
        case .markAllRead: [.character("A")]
        case .reload: [.character("R")]
        case .quit: [.character("q"), .control("c")]
        case .suspend: [.control("z")]
        case .mouseSelect: [.click(row: 0, column: 0)]
        case .mouseWheel: [.wheel(row: 0, column: 0, down: true)]
        }
    }

    /// The keys as the help screen and the README show them ("j", "↓", "Ctrl-F").
    public var keyNames: [String] { keys.map(\.displayName) }

    /// A short name for the action.
    public var title: String {
        switch self {
        case .moveDown: "next entry"
        case .moveUp: "previous entry"
        case .scrollDown: "scroll down"
        case .scrollUp: "scroll up"
        case .first: "first"
        case .last: "last"
        case .pageDown: "page down"
        case .pageUp: "page up"
        case .halfPageDown: "half page down"
        case .halfPageUp: "half page up"
        case .spacePage: "read on"
        case .nextUnread: "next unread"
        case .jumpToNewest: "newest"
        case .toggleFollow: "follow"
        case .toggleFocus: "switch pane"
        case .open: "open"
        case .backToList: "back to list"
        case .toggleUnreadOnly: "unread only"
        case .toggleOrder: "order"
        case .help: "help"
        case .closeHelp: "close help"
        case .search: "search"
        case .nextMatch: "next match"
        case .previousMatch: "previous match"
        case .clearSearch: "clear search"
        case .acceptSearch: "keep filter"
        case .cancelSearch: "cancel search"
        case .historyOlder: "older search"
        case .historyNewer: "newer search"
        case .deleteBackward: "delete"
        case .toggleRead: "toggle read"
        case .markAllRead: "mark all read"
        case .reload: "reload"
        case .quit: "quit"
        case .suspend: "suspend"
        case .mouseSelect: "select"
        case .mouseWheel: "scroll"
        }
    }

    /// One line for the help screen.
    public var helpText: String {
        switch self {
        case .moveDown: "Next entry in the list"
        case .moveUp: "Previous entry in the list"
        case .scrollDown: "Scroll the detail pane down a line (when it has focus)"
        case .scrollUp: "Scroll the detail pane up a line (when it has focus)"
        case .first: "First entry; top of the entry when the detail pane has focus"
        case .last: "Last entry; end of the entry when the detail pane has focus"
        case .pageDown: "Page down in the focused pane"
        case .pageUp: "Page up in the focused pane"
        case .halfPageDown: "Half a page down in the focused pane"
        case .halfPageUp: "Half a page up in the focused pane"
        case .spacePage: "Page down the detail pane; at its end go on to the next entry"
        case .nextUnread: "Jump to the next unread entry (wrapping to the top)"
        case .jumpToNewest: "Jump to the newest entry; what arrived is no longer new"
        case .toggleFollow: "Follow the source for updates, or stop (a file is watched, an address polled)"
        case .toggleFocus: "Move focus between the list and the detail pane"
        case .open: "Open the entry in the detail pane, focus it and mark it read"
        case .backToList: "Back to the list (in the detail pane)"
        case .toggleUnreadOnly: "Show unread entries only, or all entries again"
        case .toggleOrder: "Toggle the order: as published / oldest first"
        case .help: "Show this help"
        case .closeHelp: "Close the help"
        case .search: "Search: the list is filtered as you type"
        case .nextMatch: "Next match, going on to the next matching entry"
        case .previousMatch: "Previous match, going back to the previous matching entry"
        case .clearSearch: "Clear the search filter, keeping the selected entry (in the list)"
        case .acceptSearch: "Keep the filter and browse the matches"
        case .cancelSearch: "Cancel the search"
        case .historyOlder: "Older search from the history"
        case .historyNewer: "Newer search from the history"
        case .deleteBackward: "Delete the last character"
        case .toggleRead: "Mark the entry read or unread"
        case .markAllRead: "Mark every listed entry read"
        case .reload: "Read the source again, keeping selection, scroll and marks"
        case .quit: "Quit"
        case .suspend: "Suspend to the shell"
        case .mouseSelect: "Select the row clicked, or focus the pane"
        case .mouseWheel: "Scroll the pane under the pointer"
        }
    }

    /// The help screen group the action is listed under.
    public var group: Group {
        switch self {
        case .moveDown, .moveUp, .scrollDown, .scrollUp, .first, .last, .pageDown, .pageUp, .halfPageDown,
            .halfPageUp, .spacePage, .nextUnread, .jumpToNewest:
            .moving
        case .toggleFocus, .open, .backToList, .toggleUnreadOnly, .toggleOrder, .help: .panes
        case .search, .nextMatch, .previousMatch, .clearSearch: .search
        case .acceptSearch, .cancelSearch, .historyOlder, .historyNewer, .deleteBackward: .searchPrompt
        case .toggleRead, .markAllRead: .marks
        case .reload, .toggleFollow, .quit, .suspend: .program
        case .mouseSelect, .mouseWheel: .mouse
        case .closeHelp: .help
        }
    }

    /// The keymap the action's keys belong to.
    public var scope: Scope {
        switch self {
        case .moveDown, .moveUp, .clearSearch: .list
        case .scrollDown, .scrollUp, .backToList: .detail
        case .acceptSearch, .cancelSearch, .historyOlder, .historyNewer, .deleteBackward: .prompt
        case .closeHelp: .help
        default: .global
        }
    }
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
        case .backspace: "Backspace"
        case .delete: "Delete"
        case .click: "click"
        case .wheel: "wheel"
        case .resize: "resize"
        case .paste: "paste"
        }
    }
}
