/// Lets a search query start with `-` on the command line, as the README's syntax shows.
///
/// `liveblog search FILE -peace` or `'-"peace talks"'` would be read by the argument parser as an unknown option
/// (and `--` would swallow the options after it). Before parsing, every argument of `search` that starts with
/// a single `-` and is neither one of its options nor an option's value is moved, with the other positional
/// arguments, behind a `--` at the end, keeping their order. Arguments starting `--` stay options.
enum QueryArguments {
    /// `search`'s options that take a value; their next argument is a value even when it starts with `-`.
    static let valueOptions: Set<String> = ["--sort", "--limit", "--rules", "--state", "--max-size"]
    /// `search`'s flags.
    static let flags: Set<String> = ["--json", "-h", "--help", "--version"]

    /// The arguments (without the program name) with a leading-dash query made positional.
    static func rewrite(_ arguments: [String]) -> [String] {
        guard arguments.first == "search", !arguments.contains("--") else { return arguments }
        var kept = ["search"]
        var positional: [String] = []
        var moved = false
        var k = 1
        while k < arguments.count {
            let argument = arguments[k]
            if valueOptions.contains(argument) {
                kept.append(argument)
                if k + 1 < arguments.count { kept.append(arguments[k + 1]) }
                k += 2
                continue
            }
            if flags.contains(argument) || argument.hasPrefix("--") {
                // Long options, known (`--limit=3`) or not: an unknown one must still be reported as such.
                kept.append(argument)
            } else if argument.hasPrefix("-") && argument != "-" {
                positional.append(argument)
                moved = true
            } else {
                positional.append(argument)
            }
            k += 1
        }
        return moved ? kept + ["--"] + positional : arguments
    }
}
