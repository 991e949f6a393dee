import Dispatch
import Foundation
import LiveBlogCore
import LiveBlogTUI

#if canImport(Glibc)
import Glibc
#endif

/// The full-screen reader's run loop: it owns the terminal, feeds events to the pure `Reducer`, carries out
/// the `Effect`s it returns, and paints what `Renderer` draws.
///
/// The loop sleeps in the terminal's key wait, for no longer than the next timer needs; with no timer pending
/// it wakes only for a key, a signal, or once a second, so an idle reader uses no measurable CPU. Read marks go through `persist`
/// before the frame that shows them is painted, so whatever the screen shows as read is already saved.
/// SIGINT, SIGTERM, SIGHUP and SIGQUIT end the loop with the terminal restored; all but SIGINT then end the
/// process with that signal, as a shell expects.
///
/// The session knows nothing of the store: the caller loads the marks and says how to save them.
final class ReaderSession {
    private let blog: LiveBlog
    private let sourceName: String
    private let reload: () throws -> LiveBlog
    private let initialMarks: Set<EntryID>
    private let persist: ([EntryID], Bool) throws -> Void
    private let storeWarning: String?
    private let options: ReaderOptions
    private let memory: ReaderMemory
    private let config: ReaderConfig
    /// Following the source for updates; nil for a reader that only shows a snapshot.
    var follow: ReaderFollow?
    /// Work that must not delay the first frame (recording the entries shown as seen); run once it is painted.
    var afterFirstFrame: (() -> Void)?

    /// - Parameters:
    ///   - blog: the parsed blog to show.
    ///   - sourceName: the source as the user named it (a path, a URL, `-`), for the status line.
    ///   - reload: reads and parses the source again, for `R`; runs on the loop's thread.
    ///   - initialMarks: the entries already read, from the store.
    ///   - persist: saves entries as read (`true`) or unread (`false`), committed before it returns;
    ///     an error it throws is shown in the status line and the reader goes on.
    ///   - storeWarning: a one-line warning from opening the store (marks not saved, file moved aside),
    ///     shown in the status line at start.
    ///   - options: the reader's command-line options.
    ///   - memory: what is restored at start and saved at the end (session, search history, list width).
    ///   - config: the configuration file's colours, mouse setting and keys.
    init(
        blog: LiveBlog, sourceName: String, reload: @escaping () throws -> LiveBlog,
        initialMarks: Set<EntryID>, persist: @escaping ([EntryID], Bool) throws -> Void,
        storeWarning: String?, options: ReaderOptions, memory: ReaderMemory = ReaderMemory(),
        config: ReaderConfig = ReaderConfig()
    ) {
        self.memory = memory
        self.config = config
        self.blog = blog
        self.sourceName = sourceName
        self.reload = reload
        self.initialMarks = initialMarks
        self.persist = persist
        self.storeWarning = storeWarning
        self.options = options
    }

    /// Runs the reader until the user quits or a quit signal arrives; the terminal is restored either way.
    ///
    /// Throws `TerminalError` (before touching the screen) when there is no usable terminal.
    func run() throws {
        let terminal = try Terminal(noColor: options.noColor, colors: config.colors, mouse: config.mouse)
        var state = ReaderState(blog: blog, readMarks: initialMarks, options: options, sourceName: sourceName)
        // Sized first, so that the session is restored into the real layout; the effects (the mark timer for the
        // entry on show) are kept for the loop to run, not dropped.
        let size = TerminalSize(rows: terminal.size.rows, columns: terminal.size.columns)
        var startEffects = Reducer.reduce(&state, .resized(size))
        state.restoreSearchHistory(memory.searchHistory)
        state.restoreListWidth(memory.listWidth)
        if let session = memory.session {
            state.restore(session)
            // The restored entry is the one on show now: give the loop the timer for it.
            startEffects += Reducer.reduce(&state, .resized(size))
        }
        if let follow {
            state.startFollowing(follow.startsOn && follow.inbox != nil, newSinceLastTime: follow.newSinceLastTime)
            if follow.startsOn { follow.inbox?.start() }
        }
        var loop = Loop(
            terminal: terminal, state: state, reload: reload, persist: persist, markAfter: options.markAfter
        )
        loop.follow = follow
        loop.afterFirstFrame = afterFirstFrame
        loop.run(warning: storeWarning, startEffects: startEffects)
        follow?.inbox?.stop()
        terminal.stop()
        // After the terminal is back: a failure to save is a warning on a normal screen, never lost marks.
        memory.save(loop.state)

        let caught = TerminalSignals.pendingQuit
        if caught == SIGTERM || caught == SIGHUP || caught == SIGQUIT {
            // The marks are committed and the terminal is back: now die of the signal, as the parent expects.
            signal(caught, SIG_DFL)
            raise(caught)
        }
    }
}

/// The reader's state kept between runs, and how to save it; empty and saving nothing by default.
struct ReaderMemory {
    var session: SavedSession?
    var searchHistory: [String] = []
    var listWidth: Int?
    var save: (ReaderState) -> Void = { _ in }
}

extension ReaderSession {
    /// A store error for the status line: "disk full" when that is what it is, else its one-line description.
    static func shortReason(_ error: any Error) -> String {
        let text = String(describing: error)
        if text.contains("database or disk is full") || text.contains("No space left") || text.contains("(disk full)") {
            return "disk full"
        }
        return text
    }
}

/// The mutable half of a session: state, timers and the index builder.
private struct Loop {
    let terminal: Terminal
    var state: ReaderState
    let reload: () throws -> LiveBlog
    let persist: ([EntryID], Bool) throws -> Void
    let markAfter: Double?

    /// The pending mark timer: which entry, and when it fires.
    var markTimer: (id: EntryID, deadline: ContinuousClock.Instant)?
    let indexBuilder = IndexBuilder()
    var quitRequested = false
    var follow: ReaderFollow?
    var afterFirstFrame: (() -> Void)?

    init(
        terminal: Terminal, state: ReaderState, reload: @escaping () throws -> LiveBlog,
        persist: @escaping ([EntryID], Bool) throws -> Void, markAfter: Double?
    ) {
        self.terminal = terminal
        self.state = state
        self.reload = reload
        self.persist = persist
        self.markAfter = markAfter
    }

    mutating func run(warning: String?, startEffects: [Effect] = []) {
        for effect in startEffects {
            for event in perform(effect) { dispatch(event) }
        }
        dispatch(.resized(currentSize()))
        if let warning { dispatch(.message(warning)) }
        paint()
        // Only after the first frame: the index is not needed to show the blog.
        indexBuilder.start(for: state.blog)
        afterFirstFrame?()

        var emptyWakeUps = 0
        while !quitRequested && !state.shouldQuit && TerminalSignals.pendingQuit == 0 {
            let wait = waitMilliseconds()
            let started = ContinuousClock.now
            let key = terminal.read(timeoutMs: wait)
            if TerminalSignals.pendingQuit != 0 { break }
            // A terminal that has gone away (hung up with SIGHUP ignored) makes every read fail at once; do not spin.
            if key == nil && started.duration(to: .now) < .milliseconds(wait / 2) {
                emptyWakeUps += 1
                if emptyWakeUps >= LoopWait.maximumEmptyWakeUps { break }
            } else {
                emptyWakeUps = 0
            }
            var changed = false
            if let key {
                dispatch(key == .resize ? .resized(currentSize()) : .key(key))
                changed = true
            }
            if let timer = markTimer, ContinuousClock.now >= timer.deadline {
                markTimer = nil
                dispatch(.markTimerFired(timer.id))
                changed = true
            }
            if let index = indexBuilder.take() {
                dispatch(.indexReady(index))
                changed = true
            }
            for event in follow?.inbox?.take() ?? [] {
                switch ReaderFollow.readerEvent(event) {
                case .updated(let blog):
                    dispatch(.updated(blog))
                    // A changed blog dropped its index; an unchanged one keeps it.
                    if !state.hasSearchIndex { indexBuilder.start(for: state.blog) }
                case .note(let text, let isError):
                    dispatch(.followNote(text.map { ReaderState.StatusMessage($0, isError: isError) }))
                case .checked(let status):
                    dispatch(.followChecked(status))
                }
                changed = true
            }
            if changed && !quitRequested && !state.shouldQuit { paint() }
        }
    }

    /// Feeds one event to the reducer and carries out the effects, including those of the events they cause.
    mutating func dispatch(_ event: ReaderEvent) {
        var queue = [event]
        while !queue.isEmpty {
            let next = queue.removeFirst()
            for effect in Reducer.reduce(&state, next) {
                queue.append(contentsOf: perform(effect))
            }
        }
    }

    /// Does one effect; returns the events it produced.
    mutating func perform(_ effect: Effect) -> [ReaderEvent] {
        switch effect {
        case .persistReadMarks(let ids, let read):
            do {
                try persist(ids, read)
                return state.saveError == nil ? [] : [.persisted]
            } catch {
                return [.persistFailed(ids, read: read, reason: ReaderSession.shortReason(error))]
            }
        case .startMarkTimer(let id):
            guard let seconds = state.markAfter else { return [] }
            markTimer = (id, ContinuousClock.now + .milliseconds(Int((seconds * 1000).rounded())))
            return []
        case .cancelMarkTimer:
            markTimer = nil
            return []
        case .reloadSource:
            do {
                let blog = try reload()
                indexBuilder.start(for: blog)
                return [.reloaded(blog)]
            } catch {
                return [.reloadFailed(String(describing: error))]
            }
        case .quit:
            quitRequested = true
            return []
        case .announce(let ids):
            guard let follow else { return [] }
            follow.recordSeen(ids)
            let wanted = Set(ids)
            let entries = state.blog.entries.filter { wanted.contains($0.id) }
            follow.signal.announce(entries.reversed(), blogTitle: state.blog.title, bellDescriptor: STDOUT_FILENO)
            return []
        case .setFollowing(let on):
            guard let inbox = follow?.inbox else {
                return [.followNote(.init("This source cannot be followed", isError: true))]
            }
            if on { inbox.start() } else { inbox.stop() }
            return [.followNote(nil)]
        case .suspend, .redraw, .openURL, .copy, .setMouse, .setColors, .saveEntry:
            switch ScreenEffect.carryOut(effect, on: terminal) {
            case .message(let text): return [.message(text)]
            case .resumed: return [.resized(currentSize())]
            case .done, nil: return []
            }
        }
    }

    func paint() {
        terminal.paint(Renderer.render(state, size: currentSize()))
    }

    func currentSize() -> TerminalSize {
        let size = terminal.size
        return TerminalSize(rows: size.rows, columns: size.columns)
    }

    /// How long the key wait may last: until the mark timer is due, briefly while an index is on its way,
    /// otherwise a second.
    func waitMilliseconds() -> Int {
        LoopWait.milliseconds(timer: markTimer?.deadline, indexing: indexBuilder.isBuilding)
    }
}
