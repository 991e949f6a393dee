import Foundation
// Shared helpers (TemporaryDirectory, BuiltProduct…) for every file of this target.
@_exported import LiveBlogTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Runs the real `liveblog` binary inside a private, detached tmux server and reads its screen.
///
/// Each session has its own `-L` socket, so tests can run in parallel and never meet a user's tmux. The
/// program runs under a bash wrapper that prints `__EXIT_<status>_TTY_OK__` (or `TTY_CHANGED` when the
/// terminal modes did not come back) once it ends, then keeps the pane alive so the screen can be read.
/// Always end with `shutdown()` (in a `defer`): it kills the server and removes the socket file.
final class TmuxSession {
    /// The marker the wrapper prints after the program ends with a restored terminal.
    static func exitMarker(_ status: Int32) -> String { "__EXIT_\(status)_TTY_OK__" }

    let socket: String
    private var isShutDown = false

    /// Starts `liveblog arguments…` in a `width`×`height` pane with `LANG=C.UTF-8` and the given variables
    /// (`TERM` among them, which the wrapper sets, since tmux overrides it).
    ///
    /// `stdinFile`, when set, is fed to the program's standard input (for a blog read from `-`): redirected
    /// (`<file`), or through a pipe (`cat file |`) with `pipeStdin`.
    ///
    /// With `jobControl`, the wrapper runs the program as a job (`set -m`), so Ctrl-Z really stops it: the wrapper
    /// then prints `__STOPPED__` and waits for a line (send "Enter") before it brings the program back with `fg`.
    init(
        _ arguments: [String], width: Int = 120, height: Int = 40, environment: [String: String] = [:],
        stdinFile: String? = nil, pipeStdin: Bool = false, jobControl: Bool = false
    ) throws {
        socket = "lbe2e-\(getpid())-\(UUID().uuidString.prefix(8))"
        var env = ["LANG": "C.UTF-8"]
        env.merge(environment) { _, new in new }
        // tmux sets the pane's TERM itself, after `-e`; the wrapper applies a TERM the test asks for.
        if let term = env.removeValue(forKey: "TERM") { env["LB_TERM"] = term }
        if jobControl { env["LB_JOBS"] = "1" }
        let wrapper = """
            if [ -n "$LB_TERM" ]; then export TERM="$LB_TERM"; fi; if [ -n "$LB_JOBS" ]; then set -m; fi; \
            s=$(stty -g); if [ -n "$LB_PIPE" ]; then cat "$LB_STDIN" | "$@"; elif [ -n "$LB_STDIN" ]; then "$@" <"$LB_STDIN"; \
            else "$@"; fi; rc=$?; \
            while [ -n "$LB_JOBS" ] && [ $rc = 148 ]; do printf '\\n__STOPPED__\\n'; read -r _; fg >/dev/null; rc=$?; done; \
            [ "$s" = "$(stty -g)" ] && t=TTY_OK || t=TTY_CHANGED; \
            printf '\\n__EXIT_%s_%s__\\n' $rc $t; exec sleep 600
            """
        if let stdinFile { env["LB_STDIN"] = stdinFile }
        if pipeStdin { env["LB_PIPE"] = "1" }
        var args = ["new-session", "-d", "-s", "t", "-x", String(width), "-y", String(height)]
        for (name, value) in env.sorted(by: { $0.key < $1.key }) { args += ["-e", "\(name)=\(value)"] }
        args += ["bash", "-c", wrapper, "_", TmuxSession.binary.path] + arguments
        try startServer(args)
    }

    deinit { shutdown() }

    /// Where `swift test` put the `liveblog` binary: beside the test runner. `LIVEBLOG_E2E_BINARY` overrides it.
    static let binary: URL = BuiltProduct.liveblog

    // MARK: - Driving

    /// Sends tmux key names: "j", "Enter", "Escape", "C-c", "PageDown", "BSpace"…
    func send(_ keys: String...) throws {
        try tmux(["send-keys", "-t", "t"] + keys)
    }

    /// Sends raw bytes to the program as if the terminal had produced them (mouse reports, odd sequences).
    func sendBytes(_ bytes: [UInt8]) throws {
        try tmux(["send-keys", "-t", "t", "-H"] + bytes.map { String(format: "%02x", $0) })
    }

    /// Pastes `text` as a terminal does: wrapped in bracketed-paste markers when the program asked for them.
    func paste(_ text: String) throws {
        try tmux(["set-buffer", "-b", "e2e", "--", text])
        try tmux(["paste-buffer", "-p", "-r", "-b", "e2e", "-t", "t"])
    }

    /// Types text literally (UTF-8 included).
    func type(_ literal: String) throws {
        try tmux(["send-keys", "-t", "t", "-l", literal])
    }

    /// The pane as text; with `escapes`, including the SGR sequences tmux keeps for each cell.
    func screen(escapes: Bool = false) throws -> String {
        try tmux(["capture-pane", "-p", "-t", "t"] + (escapes ? ["-e"] : []))
    }

    /// Expands a tmux format for the pane, such as `#{alternate_on}` or `#{pane_title}`.
    func format(_ format: String) throws -> String {
        try tmux(["display-message", "-p", "-t", "t", format]).trimmingCharacters(in: .newlines)
    }

    /// Lets the program set tmux's paste buffer with OSC 52 (`set-clipboard on`), and reads that buffer.
    func allowClipboard() throws { try tmux(["set-option", "-s", "set-clipboard", "on"]) }
    func pasteBuffer() throws -> String { (try? tmux(["show-buffer"])) ?? "" }

    /// Resizes the window (the pane follows); the program gets SIGWINCH.
    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", "t", "-x", String(width), "-y", String(height)])
    }

    /// The process id of the program (the wrapper's child), for signals and measurements.
    func programPID() throws -> pid_t {
        let shell = try format("#{pane_pid}")
        let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
        guard let pid = children.split(separator: " ").first.flatMap({ pid_t($0) }) else {
            throw TmuxError("no program running under pane process \(shell)")
        }
        return pid
    }

    /// Polls the screen every 20 ms until `text` appears; returns that screen, or fails the test and throws.
    @discardableResult
    func waitFor(
        _ text: String, escapes: Bool = false, timeout: Duration = .seconds(10),
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> String {
        try await waitUntil("\"\(text)\" on screen", escapes: escapes, timeout: timeout, sourceLocation: sourceLocation)
        {
            $0.contains(text)
        }
    }

    /// Polls the screen every 20 ms until `condition` holds; returns that screen, or fails the test and throws.
    @discardableResult
    func waitUntil(
        _ what: String, escapes: Bool = false, timeout: Duration = .seconds(10),
        sourceLocation: SourceLocation = #_sourceLocation, _ condition: (String) throws -> Bool
    ) async throws -> String {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var last = ""
        while true {
            last = try screen(escapes: escapes)
            if try condition(last) { return last }
            if clock.now >= deadline { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        Issue.record("timed out waiting for \(what); screen was:\n\(last)", sourceLocation: sourceLocation)
        throw TmuxError("timed out waiting for \(what)")
    }

    /// Kills the server and removes its socket file. Safe to call more than once.
    func shutdown() {
        guard !isShutDown else { return }
        isShutDown = true
        _ = try? tmux(["kill-server"])
        unlink("/tmp/tmux-\(getuid())/\(socket)")
    }

    // MARK: - Running tmux

    /// The environment tmux (and so the program) starts with: only PATH and HOME of the test runner's.
    ///
    /// `swift test` sets `NO_COLOR=1`, and a user's `TMUX`, `TMUX_TMPDIR`, `XDG_*` or `LIVEBLOG_STATE` must not
    /// leak into the program either; what a test needs it passes with `environment:`.
    static let serverEnvironment: [String: String] = {
        let inherited = ProcessInfo.processInfo.environment
        var environment = ["PATH": inherited["PATH"] ?? "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8"]
        if let home = inherited["HOME"] { environment["HOME"] = home }
        return environment
    }()

    /// Starts the server. The daemon it forks must not inherit any of the test runner's descriptors (Foundation's
    /// `Process` waits for EOF on one of them, so a leaked one hangs the test), so bash closes every fd above 2
    /// before exec'ing tmux; and the signal mask is emptied for the spawn, because test threads may block
    /// SIGWINCH, SIGINT, SIGTERM and SIGHUP, which the program and the server would then inherit.
    private func startServer(_ args: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments =
            [
                "-c", #"for f in /proc/$$/fd/*; do n=${f##*/}; [ "$n" -gt 2 ] && eval "exec $n>&-"; done; exec "$@""#,
                "sh", "tmux", "-L", socket,
            ] + args
        process.environment = TmuxSession.serverEnvironment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        var empty = sigset_t()
        var old = sigset_t()
        sigemptyset(&empty)
        pthread_sigmask(SIG_SETMASK, &empty, &old)
        defer { pthread_sigmask(SIG_SETMASK, &old, nil) }
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TmuxError("tmux new-session failed with status \(process.terminationStatus)")
        }
    }

    /// The pane terminal's modes as `stty -a` prints them, split into words (`-isig`, `icanon`…).
    func terminalModes() throws -> [String] {
        let tty = try format("#{pane_tty}")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["stty", "-a", "-F", tty]
        let pipe = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(whereSeparator: { " \n;".contains($0) }).map(String.init)
    }

    @discardableResult
    private func tmux(_ args: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["tmux", "-L", socket] + args
        process.environment = TmuxSession.serverEnvironment
        let pipe = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TmuxError("tmux \(args.first ?? "") failed with status \(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}

struct TmuxError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Whether tmux is installed; E2E tests are skipped without it.
let tmuxAvailable: Bool = {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["tmux", "-V"]
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    do {
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus == 0
    } catch {
        return false
    }
}()
