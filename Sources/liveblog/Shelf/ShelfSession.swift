import Foundation
import LiveBlogCore
import LiveBlogStore
import LiveBlogTUI

#if canImport(Glibc)
import Glibc
#endif

/// The run loop of the reader over several blogs: the blog list, a blog, the river. It owns the terminal, feeds
/// keys and the poller's reports to the pure `ShelfReducer`, carries out its effects and paints what
/// `ShelfRenderer` draws.
///
/// The first frame is the list as the blog list file names it (every blog "loading…"); blogs fill in as the
/// poller reads them. The loop waits on the terminal and the poller's wake pipe together, so a changed blog is
/// drawn as soon as it is parsed, and an idle loop sleeps.
final class ShelfSession {
    private let blogs: [ShelfBlog]
    private let sources: [BlogSource]
    private let poller: ShelfPoller
    private let wake: WakePipe
    private let store: any ReadMarkStore
    private let options: ReaderOptions
    private let config: ReaderConfig
    private let signal: ArrivalSignal
    private let warning: String?

    init(
        blogs: [ShelfBlog], sources: [BlogSource], poller: ShelfPoller, wake: WakePipe, store: any ReadMarkStore,
        options: ReaderOptions, config: ReaderConfig, signal: ArrivalSignal, warning: String?
    ) {
        self.blogs = blogs
        self.sources = sources
        self.poller = poller
        self.wake = wake
        self.store = store
        self.options = options
        self.config = config
        self.signal = signal
        self.warning = warning
    }

    /// Where the blog list's rows are kept between runs (the store's reader state of no one blog).
    static let rowsName = "blog-list-rows"

    func run() throws {
        let terminal = try Terminal(noColor: options.noColor, colors: config.colors, mouse: config.mouse)
        var loop = ShelfLoop(
            terminal: terminal, state: ShelfState(blogs: blogs, options: options, message: warning),
            sources: sources, poller: poller, wake: wake, store: store, signal: signal)
        loop.run()
        poller.stop()
        terminal.stop()
        // The rows as they are now, for the next start's first frame; only a cache, so a failure is no news.
        try? store.setReaderState(
            ShelfBlog.Remembered.encode(loop.state.rowsToRemember), ShelfSession.rowsName, for: nil)
        let caught = TerminalSignals.pendingQuit
        if caught == SIGTERM || caught == SIGHUP || caught == SIGQUIT {
            Glibc.signal(caught, SIG_DFL)
            raise(caught)
        }
    }
}

/// The mutable half of a shelf session.
private struct ShelfLoop {
    let terminal: Terminal
    var state: ShelfState
    let sources: [BlogSource]
    let poller: ShelfPoller
    let wake: WakePipe
    let store: any ReadMarkStore
    let signal: ArrivalSignal
    /// Each blog's key in the store, from its first read on.
    var keys: [Int: BlogKey] = [:]
    var markTimer: (id: EntryID, deadline: ContinuousClock.Instant)?
    let indexBuilder = IndexBuilder()
    var quitRequested = false
    /// Entries to record as seen once the frame is painted (a transaction per blog the screen need not wait for).
    var pendingSeen: [(Int, [EntryID])] = []

    init(
        terminal: Terminal, state: ShelfState, sources: [BlogSource], poller: ShelfPoller, wake: WakePipe,
        store: any ReadMarkStore, signal: ArrivalSignal
    ) {
        self.terminal = terminal
        self.state = state
        self.sources = sources
        self.poller = poller
        self.wake = wake
        self.store = store
        self.signal = signal
    }

    mutating func run() {
        dispatch(.resized(currentSize()))
        paint()
        // Only after the first frame: the list shows at once, the blogs fill in.
        poller.start()
        var emptyWakeUps = 0
        while !quitRequested && !state.shouldQuit && TerminalSignals.pendingQuit == 0 {
            let wait = waitMilliseconds()
            let started = ContinuousClock.now
            let key = terminal.read(timeoutMs: wait, wake: wake.readEnd)
            if TerminalSignals.pendingQuit != 0 { break }
            wake.drain()
            let reports = poller.take()
            if key == nil && reports.isEmpty && started.duration(to: .now) < .milliseconds(wait / 2) {
                // A terminal that has gone away makes every wait end at once; do not spin.
                emptyWakeUps += 1
                if emptyWakeUps >= LoopWait.maximumEmptyWakeUps { break }
            } else {
                emptyWakeUps = 0
            }
            var changed = !reports.isEmpty
            for report in reports { take(report) }
            if let key {
                dispatch(key == .resize ? .resized(currentSize()) : .key(key))
                changed = true
            }
            if let timer = markTimer, ContinuousClock.now >= timer.deadline {
                markTimer = nil
                dispatch(.reader(.markTimerFired(timer.id)))
                changed = true
            }
            if let index = indexBuilder.take() {
                dispatch(.reader(.indexReady(index)))
                changed = true
            }
            if changed && !quitRequested && !state.shouldQuit { paint() }
            flushSeen()
        }
    }

    /// A poller report as a shelf event; a blog's first version is registered in the store for its marks.
    mutating func take(_ report: ShelfReport) {
        switch report {
        case .blog(let b, let blog):
            guard state.blogs[b].reader == nil else {
                dispatch(.updated(b, blog))
                return
            }
            let identity = sources[b].identity(for: blog)
            var marks = Set<EntryID>()
            var newSince = Set<EntryID>()
            if let key = try? identity.register(in: store, title: blog.title) {
                keys[b] = key
                marks = Set(((try? store.readMarks(for: key)) ?? [:]).keys)
                newSince = ReadMarks.newSinceLastLook(
                    blog.entries.map(\.id), seen: (try? store.seenEntries(for: key)) ?? [])
            }
            dispatch(.loaded(b, blog, readMarks: marks, newSinceLastLook: newSince))
        case .failed(let b, let text, let date):
            dispatch(.failed(b, text, at: date))
        case .checked(let b, let status):
            dispatch(.checked(b, status))
        }
    }

    mutating func dispatch(_ event: ShelfEvent) {
        var queue = [event]
        while !queue.isEmpty {
            let next = queue.removeFirst()
            for effect in ShelfReducer.reduce(&state, next) {
                queue.append(contentsOf: perform(effect))
            }
        }
    }

    mutating func perform(_ effect: ShelfEffect) -> [ShelfEvent] {
        switch effect {
        case .persist(let b, let ids, let read):
            guard let key = keys[b] else { return [] }
            do {
                try store.setRead(ids, read: read, for: key)
                return []
            } catch {
                return [.persistFailed(b, ids, read: read, reason: ReaderSession.shortReason(error))]
            }
        case .recordSeen(let b, let ids):
            pendingSeen.append((b, ids))
            return []
        case .announce(let b, let ids):
            // Seen only when the user is looking at the blog (or the river); elsewhere they stay new for next time.
            if state.view == .blog(b) || state.view == .river, let key = keys[b] {
                try? store.recordSeen(ids, at: Date(), for: key)
            }
            guard let blog = state.blogs[b].reader?.blog else { return [] }
            let wanted = Set(ids)
            signal.announce(
                blog.entries.filter { wanted.contains($0.id) }.reversed(), blogTitle: state.blogs[b].name,
                bellDescriptor: STDOUT_FILENO)
            return []
        case .pollAll:
            poller.pollNow()
            return []
        case .buildIndex:
            if let reader = state.currentReader { indexBuilder.start(for: reader.blog) }
            return []
        case .quit:
            quitRequested = true
            return []
        case .reader(let effect):
            return perform(reader: effect)
        }
    }

    mutating func perform(reader effect: Effect) -> [ShelfEvent] {
        switch effect {
        case .startMarkTimer(let id):
            guard let seconds = state.currentReader?.markAfter else { return [] }
            markTimer = (id, ContinuousClock.now + .milliseconds(Int((seconds * 1000).rounded())))
        case .cancelMarkTimer:
            markTimer = nil
        case .quit:
            quitRequested = true
        case .persistReadMarks, .reloadSource, .announce, .setFollowing:
            // The shelf reducer turns these into its own effects.
            break
        case .suspend, .redraw, .openURL, .copy, .setMouse, .setColors, .saveEntry:
            switch ScreenEffect.carryOut(effect, on: terminal) {
            case .message(let text): return [.reader(.message(text))]
            case .resumed: return [.resized(currentSize())]
            case .done, nil: break
            }
        }
        return []
    }

    mutating func flushSeen() {
        guard !pendingSeen.isEmpty else { return }
        let now = Date()
        for (b, ids) in pendingSeen {
            if let key = keys[b] { try? store.recordSeen(ids, at: now, for: key) }
        }
        pendingSeen.removeAll()
    }

    func paint() {
        terminal.paint(ShelfRenderer.render(state, size: currentSize()))
    }

    func currentSize() -> TerminalSize {
        let size = terminal.size
        return TerminalSize(rows: size.rows, columns: size.columns)
    }

    func waitMilliseconds() -> Int {
        LoopWait.milliseconds(timer: markTimer?.deadline, indexing: indexBuilder.isBuilding)
    }
}
