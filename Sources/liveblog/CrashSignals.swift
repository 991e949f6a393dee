import Foundation

/// Keeps the Swift runtime's crash reporter off the user's screen: the program's own crash handlers, installed
/// once `main` runs.
///
/// The runtime's backtracer (docs/Backtracing.rst in the Swift repository) paints "Program crashed" and a
/// backtrace over whatever is on the terminal, the reader included, and may wait for a key. It is configured
/// only by `SWIFT_BACKTRACE`, read before `main`; there is no link-time setting on Linux. What the document
/// does promise is that a program that replaces the handlers for the crash signals gets no backtraces from
/// them, so this replaces them: one line, `liveblog: error: internal error (signal N)`, then the signal again
/// with its default action (exit status 128+N, a core dump where the system keeps them). The reader's own
/// handler (`TerminalSignals`) runs first and restores the terminal, then hands the signal on to this one.
///
/// This used to re-execute the program with `SWIFT_BACKTRACE=enable=no`; that doubled the start-up and made
/// `ps` show the process as `exe`.
enum CrashSignals {
    static let crashSignals: [Int32] = [SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE, SIGSEGV]

    /// The message for each signal, made before any crash: a signal handler may not allocate.
    nonisolated(unsafe) private static let messages: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let table = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: 65)
        table.initialize(repeating: nil, count: 65)
        for signal in crashSignals {
            table[Int(signal)] = strdup("liveblog: error: internal error (signal \(signal))\n")
        }
        return table
    }()

    /// Installs the handlers, unless the user set `SWIFT_BACKTRACE` (asking for the runtime's report, to
    /// debug a crash). SIGQUIT (Ctrl-\) gets its default action back: a quit, not a crash report.
    static func install() {
        guard getenv("SWIFT_BACKTRACE") == nil else { return }
        _ = messages
        provideAlternateStack()
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { signal in
            if signal >= 0, signal < 65, let message = CrashSignals.messages[Int(signal)] {
                _ = write(STDERR_FILENO, message, strlen(message))
            }
            Foundation.signal(signal, SIG_DFL)
            // Still blocked while this handler runs: delivered with the default action once it returns.
            raise(signal)
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = Int32(SA_ONSTACK)
        for signal in crashSignals { sigaction(signal, &action, nil) }
        signal(SIGQUIT, SIG_DFL)
    }

    /// A stack for the handler when the crash is a stack overflow; the runtime sets one up only while its
    /// backtracer is enabled, and one already there is kept.
    private static func provideAlternateStack() {
        var current = stack_t()
        guard sigaltstack(nil, &current) == 0, current.ss_flags & Int32(SS_DISABLE) != 0 else { return }
        let size = 64 << 10
        guard let memory = malloc(size) else { return }
        var stack = stack_t(ss_sp: memory, ss_flags: 0, ss_size: size)
        sigaltstack(&stack, nil)
    }
}
