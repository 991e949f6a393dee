import LiveBlogTUI

/// The effects every run loop carries out the same way, on the screen, the browser or the clipboard.
enum ScreenEffect {
    /// What came of one.
    enum Outcome {
        /// Done, nothing to report.
        case done
        /// Done; this goes in the status line (a browser that would not start).
        case message(String)
        /// The program was suspended and is back: the screen may have another size.
        case resumed
    }

    /// Carries out `effect` when it is one of these; nil when it is not (the caller's own).
    static func carryOut(_ effect: Effect, on terminal: Terminal) -> Outcome? {
        switch effect {
        case .suspend:
            terminal.suspend()
            return .resumed
        case .redraw:
            terminal.invalidate()
        case .openURL(let url):
            guard URLOpening.isOpenable(url) else { return .done }
            if let problem = BrowserLauncher.open(url) { return .message(problem) }
        case .copy(let text):
            terminal.copyToClipboard(text)
        case .setMouse(let on):
            terminal.setMouse(on)
        case .setColors(let role, let colors):
            terminal.setColors(role, colors)
        case .persistReadMarks, .startMarkTimer, .cancelMarkTimer, .reloadSource, .quit, .announce, .setFollowing:
            return nil
        }
        return .done
    }
}
