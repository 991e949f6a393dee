/// The user's list of live blogs: one source a line, an optional quoted name, then tags; `#` starts a comment.
///
/// The grammar, line by line (as newsboat's `urls` file, with the name quoted):
///
///     # my blogs                                    a comment line; blank lines are ignored too
///     https://news.example/live/storm "Storm" uk    a source, a quoted name, tags
///     ~/saved/vote.html "Election \"night\"" vote   `\"` and `\\` inside the name
///     notes/strike.txt  strike   # why it is here   a trailing comment after whitespace
///
/// - The first word is the source: an `http://` or `https://` address, a `file://` address, or a path (`~/` and a
///   relative path are resolved by the executable when it loads the list, not here). A first word that starts
///   like another scheme (`ftp:`, `mailto:`) is a problem; write `./a:b` for a file whose name has a colon.
/// - Then, optionally, a name in double quotes; `\"` is a quote and `\\` a backslash inside it.
/// - Then tags, words separated by spaces or tabs.
/// - `#` starts a comment at the start of a line or after whitespace; inside a word (`…/live#latest`) it is text.
///
/// Lines may end with CR LF. A line that cannot be read is a ``Problem`` and is skipped, and the rest load:
/// an unterminated quote, an unknown scheme, a source already listed (the first line wins), a line over
/// ``maximumLineBytes`` bytes, or a control character. Parsing never fails.
public struct BlogList: Sendable, Equatable {
    /// One blog of the list.
    public struct Item: Sendable, Hashable {
        /// An http(s) URL or a file path, as written.
        public var source: String
        /// The quoted name, if given.
        public var name: String?
        public var tags: [String]
        /// 1-based line in the file (0 for an item not from a file).
        public var line: Int

        public init(source: String, name: String? = nil, tags: [String] = [], line: Int = 0) {
            self.source = source
            self.name = name
            self.tags = tags
            self.line = line
        }

        /// The name to show: `name`, else a short one made from the source (a URL's host without `www.` plus its
        /// last path word; a file's name without extension).
        public var displayName: String {
            if let name, !name.isEmpty { return name }
            return BlogList.shortName(for: source)
        }
    }

    /// A line that could not be read, and why (one line, naming what was wrong).
    public struct Problem: Sendable, Hashable {
        public var line: Int
        public var message: String

        public init(line: Int, message: String) {
            self.line = line
            self.message = message
        }
    }

    public var items: [Item]
    public var problems: [Problem]

    /// A list is written by hand: a longer line is a mistake (or not a list at all).
    public static let maximumLineBytes = 4096

    public init(items: [Item] = [], problems: [Problem] = []) {
        self.items = items
        self.problems = problems
    }

    /// Reads the list; bad lines become ``problems`` and the others load.
    public init(parsing text: String) {
        var items: [Item] = []
        var problems: [Problem] = []
        var firstLine: [String: Int] = [:]
        for (index, line) in Self.lines(of: text).enumerated() {
            let number = index + 1
            switch Self.parse(line: line.content) {
            case .blank:
                continue
            case .problem(let message):
                problems.append(Problem(line: number, message: message))
            case .item(let source, let name, let tags):
                if let first = firstLine[source] {
                    problems.append(
                        Problem(line: number, message: "\(Self.quoted(source)) is already listed on line \(first)"))
                    continue
                }
                firstLine[source] = number
                items.append(Item(source: source, name: name, tags: tags, line: number))
            }
        }
        self.init(items: items, problems: problems)
    }

    /// The file's text with `item` appended as one line (quoting the name; tags after), other lines kept byte for
    /// byte. The line ends as the file's lines do (CR LF when the file uses it).
    public static func adding(_ item: Item, to text: String) -> String {
        let newline = text.contains("\r\n") ? "\r\n" : "\n"
        var out = text
        if !out.isEmpty && !out.hasSuffix("\n") { out += newline }
        return out + line(for: item) + newline
    }

    /// The file's text without the line(s) whose source is `source`; comments and other lines kept byte for byte.
    public static func removing(source: String, from text: String) -> (text: String, removed: Bool) {
        var out = ""
        var removed = false
        for line in lines(of: text) {
            if firstWord(of: line.content) == source {
                removed = true
            } else {
                out += line.content + line.ending
            }
        }
        return (removed ? out : text, removed)
    }

    /// The line `adding` writes for `item`: its source, its name in quotes, its tags.
    public static func line(for item: Item) -> String {
        var words = [item.source]
        if let name = item.name, !name.isEmpty {
            var quoted = "\""
            for c in name.unicodeScalars {
                if c == "\"" || c == "\\" { quoted += "\\" }
                quoted.unicodeScalars.append(c)
            }
            words.append(quoted + "\"")
        }
        return (words + item.tags).joined(separator: " ")
    }

    /// Why `item` cannot be written as a line that reads back as itself (a space in the source, a tag that starts
    /// a comment, a control character, an unknown scheme…), or nil when it can.
    public static func problem(with item: Item) -> String? {
        let written = line(for: item)
        switch parse(line: Substring(written)) {
        case .blank:
            return "the source is empty"
        case .problem(let message):
            return message
        case .item(let source, let name, let tags):
            if source != item.source { return "the source \(quoted(item.source)) is not one word" }
            if name != item.name.flatMap({ $0.isEmpty ? nil : $0 }) { return "the name cannot be written on one line" }
            if tags != item.tags {
                return "a tag must be one word, not starting with # or \" (\(tags.map(quoted).joined(separator: " ")))"
            }
            return nil
        }
    }

    // MARK: - Lines

    /// Each line without its ending, and the ending (`\n`, `\r\n`, or "" for a last line without one).
    static func lines(of text: String) -> [(content: Substring, ending: String)] {
        var result: [(Substring, String)] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            // By scalars: "\r\n" is one Character, so a Character search would miss the "\n" inside it.
            let scalars = rest.unicodeScalars
            guard let newline = scalars.firstIndex(of: "\n") else {
                // A last line without its LF may still carry the CR of a CR LF file.
                if scalars.last == "\r" {
                    result.append((Substring(scalars.dropLast()), "\r"))
                } else {
                    result.append((rest, ""))
                }
                break
            }
            var content = Substring(scalars[scalars.startIndex..<newline])
            var ending = "\n"
            if content.unicodeScalars.last == "\r" {
                content = Substring(content.unicodeScalars.dropLast())
                ending = "\r\n"
            }
            result.append((content, ending))
            rest = Substring(scalars[scalars.index(after: newline)...])
        }
        return result
    }

    /// What one line holds.
    enum Line: Equatable {
        case blank
        case item(source: String, name: String?, tags: [String])
        case problem(String)
    }

    /// Space and tab; and a byte-order mark, which an editor may put before the first line.
    static func isBlank(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" || scalar == "\u{FEFF}" }

    /// C0 controls but tab, DEL, and C1 controls: nothing in a hand-written list, and unsafe to echo.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (v < 0x20 && v != 0x09) || (0x7F...0x9F).contains(v)
    }

    /// The first word of a line that is not blank or a comment, as `removing` matches it.
    static func firstWord(of line: Substring) -> String? {
        let scalars = line.unicodeScalars
        guard let start = scalars.firstIndex(where: { !isBlank($0) }), scalars[start] != "#" else { return nil }
        let end = scalars[start...].firstIndex(where: isBlank) ?? scalars.endIndex
        return String(scalars[start..<end])
    }

    /// Reads one line (without its ending).
    static func parse(line: Substring) -> Line {
        guard let start = line.unicodeScalars.first(where: { !isBlank($0) }), start != "#" else { return .blank }
        if line.utf8.count > maximumLineBytes {
            return .problem("the line is longer than \(maximumLineBytes) bytes")
        }
        let scalars = Array(line.unicodeScalars)
        guard let first = scalars.firstIndex(where: { !isBlank($0) }) else { return .blank }
        if let control = scalars.first(where: isControl) {
            return .problem("a control character (U+\(hex(control.value))) in the line")
        }
        var i = first
        func word() -> String {
            var out = String.UnicodeScalarView()
            while i < scalars.count, !isBlank(scalars[i]) {
                out.append(scalars[i])
                i += 1
            }
            return String(out)
        }
        func skipBlanks() { while i < scalars.count, isBlank(scalars[i]) { i += 1 } }
        /// At the start of a word: the rest of the line is a comment.
        func atComment() -> Bool { i < scalars.count && scalars[i] == "#" }

        if scalars[i] == "\"" { return .problem("the line starts with a quote: the source comes first, then the name") }
        let source = word()
        if let message = sourceProblem(source) { return .problem(message) }
        skipBlanks()
        var name: String?
        if i < scalars.count, scalars[i] == "\"" {
            i += 1
            var text = String.UnicodeScalarView()
            var closed = false
            while i < scalars.count {
                let c = scalars[i]
                i += 1
                if c == "\"" {
                    closed = true
                    break
                }
                if c == "\\", i < scalars.count, scalars[i] == "\"" || scalars[i] == "\\" {
                    text.append(scalars[i])
                    i += 1
                } else {
                    text.append(c)
                }
            }
            guard closed else { return .problem("the name's quote is not closed") }
            if i < scalars.count, !isBlank(scalars[i]) {
                return .problem("text right after the name's closing quote (a space must follow it)")
            }
            name = text.isEmpty ? nil : String(text)
            skipBlanks()
        }
        var tags: [String] = []
        while i < scalars.count, !atComment() {
            if scalars[i] == "\"" {
                return .problem("a second quoted name (\(quoted(word()))): a blog has one name, then tags")
            }
            tags.append(word())
            skipBlanks()
        }
        return .item(source: source, name: name, tags: tags)
    }

    /// Why a first word cannot be a source: standard input, or a scheme other than http, https and file.
    static func sourceProblem(_ source: String) -> String? {
        if source == "-" { return "standard input (-) cannot be listed; save the blog to a file" }
        guard let scheme = scheme(of: source) else { return nil }
        if ["http", "https", "file"].contains(scheme.lowercased()) {
            let rest = source.unicodeScalars.dropFirst(scheme.unicodeScalars.count + 1)
            if rest.starts(with: "//".unicodeScalars) { return nil }
            return "\(quoted(source)) is not an address (\(scheme.lowercased()):// is missing its //)"
        }
        return "unknown scheme \(quoted(scheme + ":")) in \(quoted(source)) (only http://, https:// and file paths)"
    }

    /// The scheme a word starts with (`ftp` in `ftp://…`), by RFC 3986's shape; nil for a plain path.
    static func scheme(of word: String) -> String? {
        let scalars = Array(word.unicodeScalars)
        guard let colon = scalars.firstIndex(of: ":"), colon > 0, isLetter(scalars[0]) else { return nil }
        let name = scalars[0..<colon]
        guard name.allSatisfy({ isLetter($0) || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0) })
        else { return nil }
        return String(String.UnicodeScalarView(name))
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    // MARK: - Names

    /// A short name for a source: a URL's host (without `www.`) and last path word, or a file's name without its
    /// extension.
    static func shortName(for source: String) -> String {
        let lower = source.lowercased()
        for prefix in ["http://", "https://"] where lower.hasPrefix(prefix) {
            let rest = source.dropFirst(prefix.count)
            let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
            var host = Substring(authority.split(separator: "@", omittingEmptySubsequences: false).last ?? "")
            if host.hasPrefix("["), let close = host.firstIndex(of: "]") {
                host = host[...close]
            } else if let colon = host.lastIndex(of: ":") {
                host = host[..<colon]
            }
            if host.lowercased().hasPrefix("www.") { host = host.dropFirst(4) }
            let path = rest.dropFirst(authority.count).prefix { $0 != "?" && $0 != "#" }
            let word = lastWord(of: path)
            return word.isEmpty ? String(host) : "\(host) \(word)"
        }
        var path = Substring(source)
        if lower.hasPrefix("file://") { path = path.dropFirst(7) }
        let word = lastWord(of: path)
        return word.isEmpty ? source : word
    }

    /// The last non-empty segment of a path, percent escapes decoded where they are valid UTF-8, without its
    /// extension (`storm.html` → `storm`; a leading dot is kept: `.blog` stays).
    private static func lastWord(of path: Substring) -> String {
        guard let segment = path.split(separator: "/").last else { return "" }
        var word = decodingPercents(segment)
        if let dot = word.lastIndex(of: "."), dot != word.startIndex { word = String(word[..<dot]) }
        return word
    }

    private static func decodingPercents(_ text: Substring) -> String {
        guard text.contains("%") else { return String(text) }
        var bytes: [UInt8] = []
        let utf8 = Array(text.utf8)
        var i = 0
        while i < utf8.count {
            if utf8[i] == UInt8(ascii: "%"), i + 2 < utf8.count,
                let value = UInt8(String(decoding: utf8[(i + 1)...(i + 2)], as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                i += 3
            } else {
                bytes.append(utf8[i])
                i += 1
            }
        }
        // An escaped control (`%1B`) is not decoded: a name must be safe to show.
        guard let decoded = String(validating: bytes, as: UTF8.self), !decoded.unicodeScalars.contains(where: isControl)
        else { return String(text) }
        return decoded
    }

    // MARK: - Messages

    /// A word as quoted in a problem: in single quotes, cut at 80 characters.
    static func quoted(_ text: String) -> String {
        text.count > 80 ? "'\(text.prefix(80))…'" : "'\(text)'"
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
