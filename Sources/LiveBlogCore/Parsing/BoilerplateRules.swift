import Foundation

/// The rules that tell page furniture from posts, read from the commented data file in `Resources/`
/// and from the user's own rule files. See that file for the syntax.
public struct BoilerplateRules: Sendable {
    /// What a rule does with the lines it matches.
    public enum Kind: String, Sendable, CaseIterable {
        case line, prefix, pattern, block, glued, footer, card, gallery, video
        case keyEvent = "key-event"
        case pinned
        /// A heading ("Key events", "Jump to") over a list of links that repeat later headlines.
        case navigation
        /// A word that starts an author line ("By", "From"), followed by names.
        case byline
        /// A word that starts the page's dateline ("First published", "Updated"), followed by a date.
        case dateline
        /// A photo credit marker ("Photograph:", "Image:", "(Image:"), alone or at the end of its caption.
        case credit
        /// A promo heading ("Get in touch") dropped together with the one-line pitch under it.
        case promo
        /// A word that marks a donation or subscription appeal ("donation", "support").
        case appeal
        /// A line of a video player ("Play video", "Video duration 02:14"); a `video` line next to one is the
        /// player's title and is dropped with it.
        case player

        /// Position in `allCases`, for table lookups.
        var ordinal: Int {
            switch self {
            case .line: 0
            case .prefix: 1
            case .pattern: 2
            case .block: 3
            case .glued: 4
            case .footer: 5
            case .card: 6
            case .gallery: 7
            case .video: 8
            case .keyEvent: 9
            case .pinned: 10
            case .navigation: 11
            case .byline: 12
            case .dateline: 13
            case .credit: 14
            case .promo: 15
            case .appeal: 16
            case .player: 17
            }
        }
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
    private var firstByteIndex: [[[Int]]] = Array(
        repeating: Array(repeating: [], count: 256), count: Kind.allCases.count)
    private var wildcardStart: [[Int]] = Array(repeating: [], count: Kind.allCases.count)
    /// The same lists flattened for the per-line lookup, which must not copy arrays: the candidates for kind `k`
    /// and first byte `b` are `candidates[slots[k * 257 + b] ..< slots[k * 257 + b + 1]]`; slot 256 of each kind
    /// holds the rules that start with a wildcard.
    private var slots: [Int32] = Array(repeating: 0, count: Kind.allCases.count * 257 + 1)
    private var candidates: [Int32] = []
    private var globs: [Glob] = []
    /// `globs[r]`'s cheapest tests, as plain values: most candidate rules fail them, so the per-line loops seldom
    /// call a glob at all (each call retains and releases it).
    private var keys: [GlobKey] = []
    /// For each lower-cased first byte, the kinds (bit `ordinal`) that have a candidate rule, wildcard rules included.
    private var kindsByFirstByte: [UInt32] = Array(repeating: 0, count: 256)
    /// For each lower-cased byte, the kinds with a rule whose text starts with it: what `lastOccurrence` looks for
    /// at each position of a line.
    private var kindsStartingWith: [UInt32] = Array(repeating: 0, count: 256)

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
            let place = "\(EchoedText.sanitized(origin)):\(number + 1)"
            guard let colon = line.firstIndex(of: ":") else {
                throw SyntaxError(
                    origin: place, message: "expected `kind: text`, found \(EchoedText.quoted(line, limit: 80))")
            }
            let kindName = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            guard let kind = Kind(rawValue: kindName) else {
                let known = Kind.allCases.map(\.rawValue).joined(separator: ", ")
                throw SyntaxError(
                    origin: place,
                    message: "unknown rule kind \(EchoedText.quoted(kindName, limit: 40)) (known: \(known))")
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
            case .pattern, .player: glob = Glob(pattern: body, wildcards: true, anchoredEnd: true)
            case .line, .card, .keyEvent, .pinned, .navigation, .promo:
                glob = Glob(pattern: body, wildcards: false, anchoredEnd: true)
            case .footer: glob = Glob(pattern: body, wildcards: true, anchoredEnd: true)
            case .prefix, .block, .glued, .gallery, .video, .byline, .dateline, .credit, .appeal:
                glob = Glob(pattern: body, wildcards: false, anchoredEnd: false)
            }
            let index = rules.count
            rules.append(
                Rule(
                    kind: kind, text: body, end: end, origin: place, glob: glob,
                    endBytes: Array((end ?? "").utf8)))
            byKind[kind, default: []].append(index)
            if let first = glob.firstLiteralByte {
                firstByteIndex[kind.ordinal][Int(first)].append(index)
            } else {
                wildcardStart[kind.ordinal].append(index)
            }
        }
        flattenIndex()
    }

    private mutating func flattenIndex() {
        candidates.removeAll(keepingCapacity: true)
        for kind in Kind.allCases {
            for b in 0..<257 {
                slots[kind.ordinal * 257 + b] = Int32(candidates.count)
                let list = b < 256 ? firstByteIndex[kind.ordinal][b] : wildcardStart[kind.ordinal]
                candidates.append(contentsOf: list.map { Int32($0) })
            }
        }
        slots[Kind.allCases.count * 257] = Int32(candidates.count)
        globs = rules.map(\.glob)
        keys = globs.map(GlobKey.init)
        for b in 0..<256 {
            var mask: UInt32 = 0
            for kind in Kind.allCases
            where !firstByteIndex[kind.ordinal][b].isEmpty || !wildcardStart[kind.ordinal].isEmpty {
                mask |= 1 << UInt32(kind.ordinal)
            }
            kindsByFirstByte[b] = mask
        }
        kindsStartingWith = Array(repeating: 0, count: 256)
        for rule in rules where !rule.glob.literal.isEmpty {
            kindsStartingWith[Int(rule.glob.literal[0])] |= 1 << UInt32(rule.kind.ordinal)
        }
    }

    /// The index in `rules` of the first rule of `kind` that matches `line`.
    @inline(__always)
    func matchIndex(_ kind: Kind, _ line: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !line.isEmpty else { return nil }
        let byte = Int(Glob.lower(line[0]))
        guard kindsByFirstByte[byte] & (1 << UInt32(kind.ordinal)) != 0 else { return nil }
        let base = kind.ordinal &* 257
        let first = base &+ byte
        var k = Int(slots[first])
        var end = Int(slots[first &+ 1])
        while k < end {
            let r = Int(candidates[k])
            if keys[r].admits(line) && globs[r].matches(line) { return r }
            k += 1
        }
        k = Int(slots[base &+ 256])
        end = Int(slots[base &+ 257])
        while k < end {
            let r = Int(candidates[k])
            if keys[r].admits(line) && globs[r].matches(line) { return r }
            k += 1
        }
        return nil
    }

    /// The first rule of `kind` that matches `line` (trimmed UTF-8), if any.
    public func match(_ kind: Kind, _ line: UnsafeBufferPointer<UInt8>) -> Rule? {
        matchIndex(kind, line).map { rules[$0] }
    }

    /// Whether any rule of `kind` matches `line`, without copying the rule.
    @inline(__always)
    func matches(_ kind: Kind, _ line: UnsafeBufferPointer<UInt8>) -> Bool {
        matchIndex(kind, line) != nil
    }

    /// Convenience for tests and small inputs.
    public func match(_ kind: Kind, _ line: String) -> Rule? {
        var copy = line
        return copy.withUTF8 { match(kind, $0) }
    }

    /// Whether any rule of `kind` exists.
    public func has(_ kind: Kind) -> Bool { byKind[kind] != nil }

    /// The rule of `kind` whose text occurs in `line` (ASCII case ignored) and where it starts, searching only
    /// the last `window` bytes; the occurrence that starts last wins. Used for markers that end a line,
    /// such as a photo credit after its caption.
    func lastOccurrence(_ kind: Kind, in line: UnsafeBufferPointer<UInt8>, window: Int) -> (rule: Rule, offset: Int)? {
        guard let candidates = byKind[kind] else { return nil }
        let from = max(0, line.count - window)
        let bit = UInt32(1) << UInt32(kind.ordinal)
        // From the end backwards: at the first position where some rule's text starts, the first such rule wins.
        var k = line.count - 1
        while k >= from {
            let b = Glob.lower(line[k])
            if kindsStartingWith[Int(b)] & bit != 0 {
                for i in candidates {
                    let needle = rules[i].glob.literal
                    guard needle.first == b, needle.count <= line.count - k else { continue }
                    var j = 1
                    while j < needle.count && Glob.lower(line[k + j]) == needle[j] { j += 1 }
                    if j == needle.count { return (rules[i], k) }
                }
            }
            k -= 1
        }
        return nil
    }

    /// The first rule of `kind` whose text occurs anywhere in `line` (ASCII case ignored).
    func occurrence(_ kind: Kind, in line: UnsafeBufferPointer<UInt8>) -> Rule? {
        lastOccurrence(kind, in: line, window: line.count)?.rule
    }

    /// The length in bytes of a `glued` sentence (or a block's END) that starts `line`, if one does.
    func gluedSentenceLength(_ line: UnsafeBufferPointer<UInt8>, endOf block: Rule? = nil) -> Int? {
        if let block {
            return Glob.hasPrefix(line, block.endBytes) ? block.endBytes.count : nil
        }
        return matchIndex(.glued, line).map { globs[$0].literal.count }
    }
}

/// A small glob over bytes: `*` any run, `#` one or more ASCII digits, ASCII case ignored.
///
/// Matching simulates the pattern's automaton with one bit per position (shift-and), so it costs one step per
/// byte of the line whatever the pattern: a backtracking matcher is exponential on `*a*a*a…` or `*#*#`.
///
/// A class, so that the rule tables hand it to the per-line loops by reference: as a struct of eight arrays it
/// was copied (eight retains and releases) at every call once runtime exclusivity checks were on.
final class Glob: Sendable {
    private typealias Piece = GlobAutomaton.Piece
    private let pieces: [Piece]
    /// The pattern's bytes, lower-cased (used as is by prefix and exact rules).
    let literal: [UInt8]
    let anchoredEnd: Bool
    let hasWildcards: Bool
    /// Literal bytes every match must start and (for anchored patterns) end with, checked before the automaton.
    fileprivate let requiredPrefix: [UInt8]
    fileprivate let requiredSuffix: [UInt8]
    /// The longest literal run inside the pattern: a line without it cannot match (`*Get in touch at *@*`), and a
    /// search for it is far cheaper than running the automaton over every line.
    private let requiredInner: [UInt8]
    fileprivate let requiredRare: UInt8?
    fileprivate let minimumLength: Int
    /// The automaton: state `j` (bit `j`) means the first `j` pieces have matched; `words` 64-bit words per set.
    private let automaton: GlobAutomaton?

    init(pattern: String, wildcards: Bool, anchoredEnd: Bool) {
        let literal = pattern.utf8.map(Glob.lower)
        self.literal = literal
        self.anchoredEnd = anchoredEnd
        var pieces: [Piece] = []
        for b in literal {
            if wildcards && b == UInt8(ascii: "*") {
                // `**` means `*`; collapsing them keeps the automaton's empty moves to one step.
                if pieces.last != .anyRun { pieces.append(.anyRun) }
            } else if wildcards && b == UInt8(ascii: "#") {
                pieces.append(.digits)
            } else {
                pieces.append(.literal(b))
            }
        }
        self.pieces = pieces
        let hasWildcards = wildcards && pieces.contains { if case .literal = $0 { return false } else { return true } }
        self.hasWildcards = hasWildcards
        func literalRun<C: Collection>(_ run: C) -> [UInt8] where C.Element == Piece {
            var bytes: [UInt8] = []
            for piece in run { if case .literal(let b) = piece { bytes.append(b) } else { break } }
            return bytes
        }
        let requiredPrefix = literalRun(pieces)
        let requiredSuffix = anchoredEnd ? Array(literalRun(pieces.reversed()).reversed()) : []
        self.requiredPrefix = requiredPrefix
        self.requiredSuffix = requiredSuffix
        minimumLength = pieces.reduce(0) { if case .anyRun = $1 { return $0 } else { return $0 + 1 } }
        var longest: [UInt8] = []
        var run: [UInt8] = []
        for piece in pieces + [.anyRun] {
            if case .literal(let b) = piece {
                run.append(b)
                continue
            }
            if run.count > longest.count { longest = run }
            run.removeAll()
        }
        requiredInner = longest.count >= 3 && longest != requiredPrefix && longest != requiredSuffix ? longest : []
        // A byte the pattern needs that prose seldom has (`@`, `©`'s lead byte): one memchr rejects most lines.
        var rare: UInt8?
        for piece in pieces {
            if case .literal(let b) = piece, !b.isLower, b != .space, b != UInt8(ascii: "."),
                b != UInt8(ascii: ","), b != UInt8(ascii: "'")
            {
                rare = b
                break
            }
        }
        requiredRare = requiredPrefix.isEmpty ? rare : nil
        automaton = hasWildcards ? GlobAutomaton(pieces: pieces) : nil
    }

    var firstLiteralByte: UInt8? {
        if case .literal(let b)? = pieces.first { return b }
        return nil
    }

    @inline(__always)
    static func lower(_ b: UInt8) -> UInt8 { b.isUpper ? b + 32 : b }

    static func hasPrefix(_ line: UnsafeBufferPointer<UInt8>, _ prefix: [UInt8]) -> Bool {
        guard line.count >= prefix.count else { return false }
        for k in 0..<prefix.count where lower(line[k]) != lower(prefix[k]) { return false }
        return true
    }

    func matches(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let automaton else {
            if anchoredEnd && line.count != literal.count { return false }
            return Glob.hasPrefix(line, literal)
        }
        guard line.count >= minimumLength, Glob.hasPrefix(line, requiredPrefix) else { return false }
        if !requiredSuffix.isEmpty {
            let offset = line.count - requiredSuffix.count
            for k in 0..<requiredSuffix.count where Glob.lower(line[offset + k]) != requiredSuffix[k] { return false }
        }
        if let rare = requiredRare, let base = line.baseAddress, memchr(base, Int32(rare), line.count) == nil {
            return false
        }
        if !requiredInner.isEmpty && !Glob.contains(line, requiredInner) { return false }
        return automaton.matches(line, anchoredEnd: anchoredEnd)
    }

    /// Whether `line` holds `needle` (lower-cased), ASCII case ignored: `memchr` finds each candidate start.
    static func contains(_ line: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        guard let base = line.baseAddress, line.count >= needle.count, let first = needle.first else { return false }
        let upper = first.isLower ? first - 32 : first
        let last = line.count - needle.count
        var from = 0
        while from <= last {
            // The next candidate start: the nearer of the lower- and upper-case first byte.
            var next = Int.max
            if let p = memchr(base + from, Int32(first), last - from + 1) {
                next = base.distance(to: p.assumingMemoryBound(to: UInt8.self))
            }
            if upper != first, let p = memchr(base + from, Int32(upper), min(next, last + 1) - from) {
                next = base.distance(to: p.assumingMemoryBound(to: UInt8.self))
            }
            guard next <= last else { return false }
            var k = 1
            while k < needle.count && lower(line[next + k]) == needle[k] { k += 1 }
            if k == needle.count { return true }
            from = next + 1
        }
        return false
    }
}

/// The tests of a glob that need no call into it: its length, up to eight bytes of the start and of the end it
/// requires (ASCII case ignored), and a rare byte it needs. Each is one a match must pass anyway (see
/// `Glob.matches`), so checking them first never changes an answer.
private struct GlobKey {
    var minimumLength: Int
    var prefix: UInt64, prefixCount: Int
    var suffix: UInt64, suffixCount: Int
    var rare: Int32

    init(_ glob: Glob) {
        minimumLength = glob.minimumLength
        prefixCount = min(8, glob.requiredPrefix.count)
        prefix = GlobKey.pack(glob.requiredPrefix[..<prefixCount])
        suffixCount = min(8, glob.requiredSuffix.count)
        suffix = GlobKey.pack(glob.requiredSuffix[(glob.requiredSuffix.count - suffixCount)...])
        rare = glob.requiredRare.map(Int32.init) ?? -1
    }

    /// Lower-cased bytes packed into a number, one byte a place.
    private static func pack<C: Collection<UInt8>>(_ bytes: C) -> UInt64 {
        var value: UInt64 = 0
        for (k, b) in bytes.enumerated() { value |= UInt64(Glob.lower(b)) << UInt64(8 * k) }
        return value
    }

    @inline(__always)
    private static func pack(_ line: UnsafeBufferPointer<UInt8>, from start: Int, count: Int) -> UInt64 {
        var value: UInt64 = 0
        for k in 0..<count { value |= UInt64(Glob.lower(line[start + k])) << UInt64(8 * k) }
        return value
    }

    /// False when the glob cannot match `line`; true when it may.
    @inline(__always)
    func admits(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard line.count >= minimumLength else { return false }
        if prefixCount > 0 && GlobKey.pack(line, from: 0, count: prefixCount) != prefix { return false }
        if suffixCount > 0 && GlobKey.pack(line, from: line.count - suffixCount, count: suffixCount) != suffix {
            return false
        }
        if rare >= 0, let base = line.baseAddress, memchr(base, rare, line.count) == nil { return false }
        return true
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
