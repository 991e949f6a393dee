import LiveBlogCore

/// The whole state of the reader: what is listed, selected, scrolled, searched and read. Pure data, no curses.
///
/// Change it only through `Reducer.reduce`; draw it with `Renderer.render`.
public struct ReaderState: Sendable {
    /// The pane that receives movement keys.
    public enum Focus: Hashable, Sendable { case list, detail }
    /// What the keyboard is doing: browsing, typing a search, or reading the help screen.
    public enum Mode: Hashable, Sendable { case browsing, searching, help }
    /// The order of the list.
    public enum Order: Hashable, Sendable {
        /// As the page publishes it (usually newest first).
        case published
        /// Oldest first: by timestamp when every entry has one, otherwise the published order reversed.
        case oldestFirst
    }
    /// A short note for the status line; errors are drawn in the error role.
    public struct StatusMessage: Hashable, Sendable {
        public var text: String
        public var isError: Bool
        public init(_ text: String, isError: Bool = false) {
            self.text = text
            self.isError = isError
        }
    }

    public internal(set) var blog: LiveBlog
    /// The command line's and the configuration's choices; `:set` changes the keys and the time zone.
    public internal(set) var options: ReaderOptions
    /// The source as the user named it (a path, or "sample"); shown on the help screen.
    public let sourceName: String
    /// Every entry known read, including ids of entries not in this blog (kept as the store gave them).
    public internal(set) var readMarks: Set<EntryID>
    /// Set once the user asked to quit; the loop stops after running the `.quit` effect.
    public internal(set) var shouldQuit: Bool = false
    /// The terminal size last reported with `.resized`; 80×24 until then.
    public internal(set) var size = TerminalSize(rows: 24, columns: 80)
    public internal(set) var focus: Focus = .list
    public internal(set) var mode: Mode = .browsing
    public internal(set) var order: Order = .published
    public internal(set) var isUnreadOnly: Bool
    /// Only the posts the page flags as key events are listed (`E`).
    public internal(set) var isKeyEventsOnly = false
    /// Entries of the blog not read, kept up to date as marks change (never recounted per key).
    public internal(set) var unreadCount: Int
    public internal(set) var message: StatusMessage?
    /// Why the last save of read marks failed, until one succeeds; shown in the status line whenever no other
    /// message is, so that unsaved marks are never mistaken for saved ones.
    public internal(set) var saveError: String?
    /// Searches entered with Enter, oldest first, without repeats.
    public internal(set) var searchHistory: [String] = []
    /// Entries that arrived since the user last looked (on an update, or since the last session) and have not
    /// been shown yet: the "new" state, before unread.
    public internal(set) var newEntryIDs: Set<EntryID> = []
    /// Entries whose text changed on an update during this session (the "edited" badge); marks are kept.
    public internal(set) var editedEntryIDs: Set<EntryID> = []
    /// Whether the source is followed (polled or watched) for updates; `F` switches it.
    public internal(set) var isFollowing = false
    /// When following last checked the source and checks next; shown in the status line while following.
    public internal(set) var followStatus = FollowStatus()
    /// A standing note from following the source ("offline, retrying in 2 min"), shown when no other message is.
    public internal(set) var followNote: StatusMessage?
    /// Seconds an entry must be shown to count as read (`:set mark-after`); nil never marks by itself.
    public internal(set) var markAfter: Double?
    /// A count typed before a movement key (`5j`), or nil.
    public internal(set) var pendingCount: Int?
    /// The list's width side by side as set with `<` and `>`, or nil to follow the content.
    public internal(set) var listWidth: Int?
    /// The pane maximised with `z`, if any.
    public internal(set) var zoom: ScreenLayout.Zoom = .none
    /// The entries the last mark-all marked read, for its undo.
    var lastMarkAll: [EntryID] = []
    /// Whether the entries' timestamps fall on more than one day (in the reader's zone): the list then has a
    /// row naming each day.
    var spansDays = false
    /// Cells the widest list row wants (marker, time, headline), capped: the default list width follows it.
    var contentWidth = 0

    // Per entry position in `blog.entries`.
    var isRead: [Bool]
    var isNew: [Bool]
    /// Entry positions in list order, and each entry's place in that order.
    var displayOrder: [Int] = []
    var rank: [Int] = []
    /// The entries listed now (filter and unread-only applied), in list order.
    var listing: [Int] = []
    var list = ListMovement()
    var detailScroll = 0
    var helpScroll = 0
    /// The search whose filter and highlights are active (live while typing); nil when none.
    var query: SearchQuery?
    /// Entries matching `query` (by position), or nil when no search is active.
    var filter: EntrySet?
    var filterCount = 0
    var prompt: SearchPrompt?
    /// Index into the shown entry's match lines of the match `n`/`N` went to last.
    var currentMatch: Int?
    var index: SearchIndex?
    /// Searchable text in the blog, to decide whether a search may scan without the index.
    var textBytes = 0
    /// A search is active but waits for the index to filter the list.
    public internal(set) var isSearchPending = false
    /// The last search scanned without an index, to narrow the next one.
    var lastScan: (text: String, set: EntrySet)?
    /// The entry the mark timer was last started (or cancelled) for.
    var timedEntry: EntryID?
    /// Cells of the time column of the list; 0 when no entry has a time.
    var timeColumnWidth = 0
    /// Headlines that several entries share (a kicker such as the section's name on every post): the list shows
    /// those entries by their first words instead, which is what tells them apart; the detail pane keeps them.
    var repeatedHeadlines: Set<String> = []
    /// A short label before each entry's headline in the list (the river puts each blog's short name there);
    /// empty for a single blog.
    var rowLabels: [EntryID: String] = [:]
    /// Cells of the label column; 0 when there are no labels.
    var labelWidth = 0

    public init(blog: LiveBlog, readMarks: Set<EntryID>, options: ReaderOptions, sourceName: String) {
        self.blog = blog
        self.readMarks = readMarks
        self.options = options
        self.sourceName = sourceName
        self.isUnreadOnly = options.unreadOnly
        self.markAfter = options.markAfter
        isRead = blog.entries.map { readMarks.contains($0.id) }
        isNew = Array(repeating: false, count: blog.entries.count)
        unreadCount = isRead.reduce(0) { $0 + ($1 ? 0 : 1) }
        filterCount = blog.entries.count
        timeColumnWidth = Self.timeWidth(of: blog, timeZone: options.timeZone)
        repeatedHeadlines = Self.repeatedHeadlines(of: blog)
        spansDays = Self.spansDays(blog, timeZone: options.timeZone)
        contentWidth = Self.contentWidth(of: blog, timeColumn: timeColumnWidth, repeated: repeatedHeadlines)
        textBytes = Self.searchableBytes(of: blog)
        rebuildOrder()
        rebuildListing(keeping: nil)
    }

    // MARK: Read-only views for the terminal layer and tests

    /// The entry under the list cursor.
    public var selectedEntryID: EntryID? { selectedEntry.map { blog.entries[$0].id } }

    /// The entry the detail pane shows right now: none while the help screen or the too-small note is up.
    public var shownEntryID: EntryID? { shownEntry.map { blog.entries[$0].id } }

    /// How many entries are listed (after the search filter and the unread-only view).
    public var listedCount: Int { listing.count }

    /// The 0-based position of the selection in the list.
    public var selectedPosition: Int { list.cursor }

    /// The listed entries' ids in list order (O(n): for tests and tools, not for every frame).
    public var listedEntryIDs: [EntryID] { listing.map { blog.entries[$0].id } }

    /// The active search as typed, or nil.
    public var searchText: String? { query?.text }

    /// The text in the search prompt while it is open.
    public var promptText: String? { prompt?.text }

    /// How many entries match the active search (all entries when there is none).
    public var matchCount: Int { filterCount }

    /// The first line of the detail pane that is shown.
    public var detailScrollLine: Int { detailScroll }

    /// The first list position shown.
    public var listScrollTop: Int { list.top }

    /// Whether a search index has been delivered for the current blog.
    public var hasSearchIndex: Bool { index != nil }

    public var layout: ScreenLayout { layout(for: size) }

    /// Where the panes go on a screen of `size`, with the list width and zoom the user chose.
    public func layout(for size: TerminalSize) -> ScreenLayout {
        let width = listWidth ?? ScreenLayout.defaultListWidth(columns: size.columns, contentColumns: contentWidth)
        return ScreenLayout(size: size, listWidth: width, zoom: zoom)
    }

    public func isRead(_ id: EntryID) -> Bool { readMarks.contains(id) }
}

/// The search prompt while it is open.
struct SearchPrompt: Sendable {
    var text = ""
    /// What Enter does with the text.
    enum Kind: Sendable { case search, command }
    var kind: Kind = .search
    /// Where typing goes, in characters from the start.
    var cursor = 0
    /// Position in the history being shown with ↑/↓, or nil for the text being typed.
    var historyIndex: Int?
    /// What was typed before ↑ went into the history.
    var draft = ""
    /// The search, selection and focus to return to on Esc.
    var savedQuery: SearchQuery?
    var savedEntry: Int?
    var savedFocus: ReaderState.Focus
}
