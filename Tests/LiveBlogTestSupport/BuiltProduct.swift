import Foundation

/// Where `swift build` put an executable of this package: beside the test runner, in the same build folder.
public enum BuiltProduct {
    /// The executable `name` (`liveblog`, `liveblog-bench`); `LIVEBLOG_E2E_BINARY` overrides the path of
    /// `liveblog`, to test an installed or release binary.
    public static func url(_ name: String) -> URL {
        if name == "liveblog", let path = ProcessInfo.processInfo.environment["LIVEBLOG_E2E_BINARY"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent(name)
    }

    /// The `liveblog` binary the end-to-end and command-line tests run.
    public static var liveblog: URL { url("liveblog") }
}
