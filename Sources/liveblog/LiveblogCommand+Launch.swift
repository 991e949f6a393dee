import ArgumentParser
import Foundation

/// The program's entry point: the backtracer is turned off and query arguments are prepared before parsing;
/// a usage error is one line and a pointer to the command's help, not the whole usage text.
extension LiveblogCommand {
    static func main() {
        BacktraceGuard.reexecIfNeeded()
        let arguments = QueryArguments.rewrite(Array(CommandLine.arguments.dropFirst()))
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                // --help, --version, help CMD: the full text on standard output.
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            if error is ExitCode { Foundation.exit(code.rawValue) }  // already reported in one line
            let message = self.message(for: error).split(separator: "\n").first.map(String.init) ?? "invalid usage"
            let stripped = message.hasPrefix("Error: ") ? String(message.dropFirst(7)) : message
            Diagnostics.error(stripped.prefix(1).lowercased() + stripped.dropFirst() + helpPointer(arguments))
            Foundation.exit(code.rawValue)
        }
    }

    /// "; see 'liveblog help CMD'" for the subcommand the arguments name, or the root help.
    static func helpPointer(_ arguments: [String]) -> String {
        let names = configuration.subcommands.compactMap { $0.configuration.commandName }
        if let name = arguments.first(where: { names.contains($0) }) { return "; see 'liveblog help \(name)'" }
        return "; see 'liveblog --help'"
    }
}
