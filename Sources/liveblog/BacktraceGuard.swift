import Foundation

/// Keeps the Swift runtime's crash reporter off the user's screen.
///
/// The backtracer catches SIGQUIT and crash signals and paints "Program crashed" and a backtrace over whatever
/// is on the terminal, the reader included, and may wait for a key. It reads `SWIFT_BACKTRACE` only when the
/// process starts, so the program starts itself again, once, with `SWIFT_BACKTRACE=enable=no` when the variable
/// is unset. A user who sets the variable (to debug a crash) gets what they asked for.
enum BacktraceGuard {
    static let variable = "SWIFT_BACKTRACE"

    /// Re-executes the program with the backtracer turned off, unless that is already decided; returns only when
    /// no re-exec happened (the variable was set, or exec failed, which leaves the program running as it was).
    static func reexecIfNeeded() {
        #if os(Linux)
        guard getenv(variable) == nil else { return }
        guard setenv(variable, "enable=no", 1) == 0 else { return }
        // /proc/self/exe is this very binary, even when started through a relative path or a symlink.
        let arguments = CommandLine.unsafeArgv
        execv("/proc/self/exe", arguments)
        // Only reached when exec failed: carry on with the backtracer as it is.
        #endif
    }
}
