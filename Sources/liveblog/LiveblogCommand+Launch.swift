import ArgumentParser

/// The program's entry point: crash handlers are installed and query arguments are prepared before parsing.
extension LiveblogCommand {
    static func main() {
        CrashSignals.install()
        let arguments = QueryArguments.rewrite(Array(CommandLine.arguments.dropFirst()))
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch let error as ExitCode {
            exit(withError: error)
        } catch {
            // Help, --version and completion scripts are clean exits: argument-parser prints them.
            if exitCode(for: error) == .success { exit(withError: error) }
            reportUsageError(error, arguments: arguments)
        }
    }

    /// A malformed command line: one line on standard error, naming the help to read, and exit status 64.
    static func reportUsageError(_ error: any Error, arguments: [String]) -> Never {
        let names = configuration.subcommands.compactMap { $0.configuration.commandName }
        let command = arguments.first.flatMap { names.contains($0) ? $0 : nil }
        let first = message(for: error).split(separator: "\n").first.map(String.init) ?? "invalid command line"
        let lower = first.prefix(1).lowercased() + first.dropFirst()
        Diagnostics.error("\(lower) (see 'liveblog help\(command.map { " " + $0 } ?? "")')")
        exit(withError: ExitCode(64))
    }
}
