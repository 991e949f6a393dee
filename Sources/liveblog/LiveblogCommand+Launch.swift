/// The program's entry point: the backtracer is turned off and query arguments are prepared before parsing.
extension LiveblogCommand {
    static func main() {
        BacktraceGuard.reexecIfNeeded()
        main(QueryArguments.rewrite(Array(CommandLine.arguments.dropFirst())))
    }
}
