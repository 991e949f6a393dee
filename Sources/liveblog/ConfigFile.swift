import Foundation
import LiveBlogCore
import LiveBlogTUI

/// Finds and reads the configuration file, `$XDG_CONFIG_HOME/liveblog/config` (`~/.config/liveblog/config`).
enum ConfigFile {
    /// Where the file is looked for, or nil when neither `XDG_CONFIG_HOME` nor `HOME` is set.
    static func path(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        directory(environment: environment).map { $0 + "/config" }
    }

    /// liveblog's folder of files a person writes (the configuration, the blog list): `$XDG_CONFIG_HOME/liveblog`,
    /// else `~/.config/liveblog`; nil when neither is set.
    static func directory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return xdg + "/liveblog" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.config/liveblog" }
        return nil
    }

    /// A configuration is written by hand: over 1 MB it is a mistake.
    static let maxSize = 1 << 20

    /// The configuration in effect: the file's when there is one, else the defaults. A file that cannot be
    /// read or has a bad line is a one-line error naming the file and the line.
    static func load() throws -> ReaderConfig {
        guard let path = path(), FileManager.default.fileExists(atPath: path) else { return ReaderConfig() }
        return try load(path: path)
    }

    /// Reads the configuration at `path`.
    static func load(path: String) throws -> ReaderConfig {
        var bytes = try BlogSource(path: path).readBytes(maxSize: maxSize, role: .configuration)
        // A file saved on Windows ends its lines with CR LF; the CR is not part of any value.
        if bytes.contains(0x0D) {
            bytes = bytes.indices.compactMap { i in
                bytes[i] == 0x0D && (i + 1 == bytes.count || bytes[i + 1] == 0x0A) ? nil : bytes[i]
            }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw CLIError("\(EchoedText.sanitized(path, limit: 4096)): not UTF-8 text")
        }
        do {
            return try ReaderConfig(parsing: text)
        } catch {
            throw CLIError("\(EchoedText.sanitized(path, limit: 4096)): \(error.description)")
        }
    }
}
