import Foundation

/// The rules that tell page furniture from posts, read from the commented data file in `Resources/`
/// and from the user's own rule files. See that file for the syntax.
public struct BoilerplateRules: Sendable {
    /// What a rule does with the lines it matches.
    public enum Kind: String, Sendable, CaseIterable {
        case line, prefix, pattern, block, glued, footer, card, gallery, video
        case keyEvent = "key-event"
        case pinned
    }

    /// One rule as written, kept for diagnostics ("dropped by prefix: Sign up to").
    public struct Rule: Sendable, CustomStringConvertible {
        public var kind: Kind
        public var text: String
        public var end: String?
        /// Where the rule was written ("rules.txt:12").
        public var origin: String
        let glob: Glob
        let endBytes: [UInt8]

        public var description: String {
            end.map { "\(kind.rawValue): \(text) | \($0)" } ?? "\(kind.rawValue): \(text)"
        }
    }

    /// A rule file line that could not be read.
    public struct SyntaxError: Error, CustomStringConvertible, Sendable {
        public var origin: String
        public var message: String
        public var description: String { "\(origin): \(message)" }
    }

    public private(set) var rules: [Rule] = []
    private var byKind: [Kind: [Int]] = [:]
    /// Rules whose glob begins with a literal byte, by that (lower-cased) byte; the rest are tried on every line.
    private var firstByteIndex: [Kind: [UInt8: [Int]]] = [:]
    private var wildcardStart: [Kind: [Int]] = [:]

    /// No rules at all.
    public init() {}

    /// Rules parsed from a file's text; `origin` names the file in messages.
    public init(parsing text: String, origin: String) throws {
        try add(parsing: text, origin: origin)
    }

    /// The rules shipped in `Resources/boilerplate-rules.txt`.
    public static let bundled: BoilerplateRules = {
        // The bundled file is tested; a syntax error in it is a build defect, caught by the test suite.
        (try? BoilerplateRules(parsing: BundledResources.boilerplateRulesText, origin: "boilerplate-rules.txt"))
            ?? BoilerplateRules()
    }()

    /// Adds the rules written in `text`.
    public mutating func add(parsing text: String, origin: String) throws {
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let place = "\(origin):\(number + 1)"
            guard let colon = line.firstIndex(of: ":") else {
                throw SyntaxError(origin: place, message: "expected `kind: text`, found \"\(line)\"")
            }
            let kindName = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            guard let kind = Kind(rawValue: kindName) else {
                let known = Kind.allCases.map(\.rawValue).joined(separator: ", ")
                throw SyntaxError(origin: place, message: "unknown rule kind \"\(kindName)\" (known: \(known))")
            }
            var body = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            var end: String?
            if kind == .block {
                let parts = body.split(separator: "|", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                    throw SyntaxError(origin: place, message: "a block rule needs `START | END`")
                }
                body = parts[0]
                end = parts[1]
            }
            guard !body.isEmpty else { throw SyntaxError(origin: place, message: "rule text is empty") }
            let glob: Glob
            switch kind {
            case .pattern: glob = Glob(pattern: body, wildcards: true, anchoredEnd: true)
            case .line, .card, .keyEvent, .pinned: glob = Glob(pattern: body, wildcards: false, anchoredEnd: true)
            case .footer: glob = Glob(pattern: body, wildcards: true, anchoredEnd: false)
            case .prefix, .block, .glued, .gallery, .video: glob = Glob(pattern: body, wildcards: false, anchoredEnd: false)
            }
            let index = rules.count
            rules.append(Rule(kind: kind, text: body, end: end, origin: place, glob: glob,
                              endBytes: Array((end ?? "").utf8)))
            byKind[kind, default: []].append(index)
            if let first = glob.firstLiteralByte {
                firstByteIndex[kind, default: [:]][first, default: []].append(index)
            } else {
                wildcardStart[kind, default: []].append(index)
            }
        }
    }

    /// The first rule of `kind` that matches `line` (trimmed UTF-8), if any.
    public func match(_ kind: Kind, _ line: UnsafeBufferPointer<UInt8>) -> Rule? {
        guard !line.isEmpty else { return nil }
        if let candidates = firstByteIndex[kind]?[Glob.lower(line[0])] {
            for i in candidates where rules[i].glob.matches(line) { return rules[i] }
        }
        if let candidates = wildcardStart[kind] {
            for i in candidates where rules[i].glob.matches(line) { return rules[i] }
        }
        return nil
    }

    /// Convenience for tests and small inputs.
    public func match(_ kind: Kind, _ line: String) -> Rule? {
        var copy = line
        return copy.withUTF8 { match(kind, $0) }
    }

    /// Whether any rule of `kind` exists.
    public func has(_ kind: Kind) -> Bool { byKind[kind] != nil }

    /// The length in bytes of a `glued` sentence (or a block's END) that starts `line`, if one does.
    func gluedSentenceLength(_ line: UnsafeBufferPointer<UInt8>, endOf block: Rule? = nil) -> Int? {
        if let block {
            return Glob.hasPrefix(line, block.endBytes) ? block.endBytes.count : nil
        }
        for i in byKind[.glued] ?? [] where Glob.hasPrefix(line, rules[i].glob.literal) {
            return rules[i].glob.literal.count
        }
        return nil
    }
}

/// A small glob over bytes: `*` any run, `#` one or more ASCII digits, ASCII case ignored.
struct Glob: Sendable {
    private enum Piece: Sendable { case literal(UInt8), anyRun, digits }
    private let pieces: [Piece]
    /// The pattern's bytes, lower-cased (used as is by prefix and exact rules).
    let literal: [UInt8]
    let anchoredEnd: Bool
    let hasWildcards: Bool

    init(pattern: String, wildcards: Bool, anchoredEnd: Bool) {
        literal = pattern.utf8.map(Glob.lower)
        self.anchoredEnd = anchoredEnd
        var pieces: [Piece] = []
        for b in literal {
            if wildcards && b == UInt8(ascii: "*") { pieces.append(.anyRun) } else if wildcards && b == UInt8(ascii: "#") {
                pieces.append(.digits)
            } else { pieces.append(.literal(b)) }
        }
        self.pieces = pieces
        hasWildcards = wildcards && pieces.contains { if case .literal = $0 { return false } else { return true } }
    }

    var firstLiteralByte: UInt8? {
        if case .literal(let b)? = pieces.first { return b }
        return nil
    }

    @inline(__always)
    static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 32 : b }

    static func hasPrefix(_ line: UnsafeBufferPointer<UInt8>, _ prefix: [UInt8]) -> Bool {
        guard line.count >= prefix.count else { return false }
        for k in 0..<prefix.count where lower(line[k]) != lower(prefix[k]) { return false }
        return true
    }

    func matches(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        if !hasWildcards {
            if anchoredEnd && line.count != literal.count { return false }
            return Glob.hasPrefix(line, literal)
        }
        return match(0, line, 0)
    }

    private func match(_ p: Int, _ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        var p = p, i = i
        while p < pieces.count {
            switch pieces[p] {
            case .literal(let b):
                guard i < s.count, Glob.lower(s[i]) == b else { return false }
                p += 1; i += 1
            case .digits:
                guard i < s.count, s[i] >= 0x30 && s[i] <= 0x39 else { return false }
                var j = i + 1
                while j < s.count && s[j] >= 0x30 && s[j] <= 0x39 { j += 1 }
                // Greedy first, then give back digits for a following literal digit.
                var k = j
                while k > i {
                    if match(p + 1, s, k) { return true }
                    k -= 1
                }
                return false
            case .anyRun:
                if p == pieces.count - 1 { return true }
                var k = i
                while k <= s.count {
                    if match(p + 1, s, k) { return true }
                    k += 1
                }
                return false
            }
        }
        return anchoredEnd ? i == s.count : true
    }
}
