import Foundation
import LiveBlogCore

/// Finds, reads and writes the blog list, `$XDG_CONFIG_HOME/liveblog/blogs` (`~/.config/liveblog/blogs`); the
/// grammar is `BlogList`'s.
enum BlogListFile {
    /// Where the file is looked for, or nil when neither `XDG_CONFIG_HOME` nor `HOME` is set.
    static func path(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        ConfigFile.directory(environment: environment).map { $0 + "/blogs" }
    }

    /// A blog list is written by hand (or by `liveblog add`): over 1 MB it is a mistake.
    static let maxSize = 1 << 20

    /// The list; a missing file is an empty list. A file that cannot be read, or is not UTF-8, is an error; its
    /// bad lines are the list's `problems` (see `reportProblems`).
    static func load() throws -> BlogList { BlogList(parsing: try text()) }

    /// The file's text, "" when there is no file (or nowhere to look for one).
    static func text() throws -> String {
        guard let path = path(), FileManager.default.fileExists(atPath: path) else { return "" }
        return try text(path: path)
    }

    /// The text of the list at `path`, read with the same size cap and checks as the configuration.
    static func text(path: String) throws -> String {
        let bytes = try BlogSource(path: path).readBytes(maxSize: maxSize, role: .blogList)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw CLIError("\(EchoedText.sanitized(path, limit: 4096)): not UTF-8 text")
        }
        return text
    }

    /// Prints each bad line of the list as `liveblog: warning: PATH:LINE: MESSAGE`.
    static func reportProblems(_ list: BlogList) {
        let shown = path().map { EchoedText.sanitized($0, limit: 4096) } ?? "blogs"
        for problem in list.problems { Diagnostics.warning("\(shown):\(problem.line): \(problem.message)") }
    }

    /// Replaces the file's text at once: a temporary file beside it, flushed, then renamed over it, so that a
    /// crash or a full disk leaves the old list whole. Creates the directory; a symbolic link (a list kept with
    /// other dotfiles) is written through, not replaced.
    static func save(_ text: String) throws {
        guard let path = path() else {
            throw CLIError("nowhere to keep the blog list: set HOME or XDG_CONFIG_HOME")
        }
        let shown = EchoedText.sanitized(path, limit: 4096)
        let target =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: path)).map { link in
                link.hasPrefix("/") ? link : (path as NSString).deletingLastPathComponent + "/" + link
            } ?? path
        let directory = (target as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw CLIError("cannot create \(EchoedText.sanitized(directory, limit: 4096)) for \(shown)")
        }
        var mode: mode_t = 0o644
        var info = stat()
        if stat(target, &info) == 0 { mode = info.st_mode & 0o7777 }
        let temporary = directory + "/.blogs.\(getpid()).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard fd >= 0 else { throw CLIError("cannot write \(shown): \(String(cString: strerror(errno)))") }
        var failure: Int32 = 0
        Array(text.utf8).withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n > 0 {
                    offset += n
                } else if errno != EINTR {
                    failure = errno
                    return
                }
            }
        }
        if failure == 0 && fsync(fd) != 0 { failure = errno }
        if close(fd) != 0 && failure == 0 { failure = errno }
        if failure == 0 && rename(temporary, target) != 0 { failure = errno }
        if failure != 0 {
            unlink(temporary)
            throw CLIError("cannot write \(shown): \(String(cString: strerror(failure)))")
        }
    }

    /// The source to read for `item`: an address as written, `~/` against HOME, and a relative path against the
    /// list's directory (so the list means the same from any working directory).
    static func resolvedSource(_ item: BlogList.Item) -> String {
        resolvedSource(item.source, environment: ProcessInfo.processInfo.environment)
    }

    /// `resolvedSource` for a source as written, in `environment`.
    static func resolvedSource(_ source: String, environment: [String: String]) -> String {
        let lower = source.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("file://") {
            return source
        }
        if source == "~" || source.hasPrefix("~/") {
            guard let home = environment["HOME"], !home.isEmpty else { return source }
            return home + source.dropFirst()
        }
        if source.hasPrefix("/") { return source }
        guard let path = path(environment: environment) else { return source }
        let directory = (path as NSString).deletingLastPathComponent
        return URL(fileURLWithPath: directory + "/" + source).standardizedFileURL.path
    }
}
