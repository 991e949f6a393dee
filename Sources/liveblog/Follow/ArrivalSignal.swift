import Foundation
import LiveBlogCore

#if canImport(Glibc)
import Glibc
#endif

/// What is done when new entries arrive: the terminal bell, and a command run once per entry with the
/// entry in its environment (as newsboat's notify-program), never waited for and never on the screen.
struct ArrivalSignal: Sendable {
    var bell: Bool
    var notifyCommand: String?

    var isEmpty: Bool { !bell && notifyCommand == nil }

    /// Rings and notifies for `entries` (in the order they should be announced). `bellDescriptor` is where
    /// the bell goes: the terminal.
    func announce(_ entries: [Entry], blogTitle: String, bellDescriptor: Int32) {
        guard !entries.isEmpty else { return }
        if bell {
            var byte: UInt8 = 7
            _ = write(bellDescriptor, &byte, 1)
        }
        guard let notifyCommand else { return }
        for entry in entries {
            var environment = ProcessInfo.processInfo.environment
            // Every value through the one output filter: a command that echoes or pastes them gets no controls.
            environment["LIVEBLOG_HEADLINE"] = EchoedText.sanitized(OutputSanitizer.text(entry.title()), limit: 1000)
            environment["LIVEBLOG_TIME"] = OutputSanitizer.text(entry.time ?? "")
            environment["LIVEBLOG_ID"] = OutputSanitizer.text(entry.id.rawValue)
            environment["LIVEBLOG_URL"] = entry.url.map(OutputSanitizer.url) ?? ""
            environment["LIVEBLOG_BLOG"] = EchoedText.sanitized(OutputSanitizer.text(blogTitle), limit: 1000)
            environment["LIVEBLOG_TEXT"] = EchoedText.sanitized(
                OutputSanitizer.text(entry.paragraphs.first ?? ""), limit: 4000)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", notifyCommand]
            process.environment = environment
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            guard (try? process.run()) != nil else { continue }
            // Reaped off the caller's thread, so that a slow command never holds up the reader.
            Thread.detachNewThread { process.waitUntilExit() }
        }
    }
}
