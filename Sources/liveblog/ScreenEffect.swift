import Foundation
import LiveBlogCore
import LiveBlogTUI

#if canImport(Glibc)
import Glibc
#endif

/// The effects every run loop carries out the same way, on the screen, the browser, the clipboard or a saved file.
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
        case .saveEntry(let text, let path):
            return .message(save(text, to: path))
        case .persistReadMarks, .startMarkTimer, .cancelMarkTimer, .reloadSource, .quit, .announce, .setFollowing:
            return nil
        }
        return .done
    }

    /// Writes `text` to a new file at `path` (`~/` expanded); never over an existing file. Answers what happened,
    /// for the status line.
    static func save(_ text: String, to path: String) -> String {
        var target = path
        if target.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty {
            target = home + target.dropFirst()
        }
        let shown = EchoedText.sanitized(path, limit: 200)
        let fd = open(target, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            let reason = errno == EEXIST ? "it exists and is not overwritten" : String(cString: strerror(errno))
            return "Not saved: \(shown): \(reason)"
        }
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n > 0 {
                written += n
            } else if errno != EINTR {
                let reason = String(cString: strerror(errno))
                close(fd)
                return "Not saved: \(shown): \(reason)"
            }
        }
        guard close(fd) == 0 else { return "Not saved: \(shown): \(String(cString: strerror(errno)))" }
        return "Saved the entry to \(shown)"
    }
}
