import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Opens web addresses in the user's browser: `$BROWSER` (a command and its arguments, split on spaces, with
/// `%s` standing for the address, or the address added last), else `xdg-open`.
///
/// The address goes to the browser as one argument of `posix_spawnp`, never through a shell, so nothing in a
/// page can run a command; the browser's own output goes to /dev/null so it cannot scribble on the screen,
/// and the reader never waits for it (a thread reaps it).
enum BrowserLauncher {
    /// The argument vector that opens `url`, from `$BROWSER` (`environment`) or `xdg-open`.
    static func arguments(for url: String, environment: [String: String]) -> [String] {
        // $BROWSER may list several commands separated by ':' (the old convention); the first is used.
        let browser = environment["BROWSER"].flatMap { $0.split(separator: ":").first.map(String.init) } ?? ""
        var words = browser.split(separator: " ").map(String.init)
        if words.isEmpty { words = ["xdg-open"] }
        if words.contains(where: { $0.contains("%s") }) {
            return words.map { $0.replacingOccurrences(of: "%s", with: url) }
        }
        return words + [url]
    }

    /// Starts the browser on `url`; returns why it could not, or nil.
    static func open(_ url: String) -> String? {
        let argv = arguments(for: url, environment: ProcessInfo.processInfo.environment)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Its own process group: Ctrl-C in the reader must not reach the browser.
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        posix_spawnattr_setpgroup(&attributes, 0)
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)

        var cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for p in cArgs { free(p) } }
        var pid: pid_t = 0
        let status = posix_spawnp(&pid, argv[0], &actions, &attributes, &cArgs, environ)
        guard status == 0 else {
            return "cannot start \(argv[0]): \(String(cString: strerror(status)))"
        }
        let child = pid
        Thread.detachNewThread {
            var code: Int32 = 0
            while waitpid(child, &code, 0) == -1 && errno == EINTR {}
        }
        return nil
    }
}
