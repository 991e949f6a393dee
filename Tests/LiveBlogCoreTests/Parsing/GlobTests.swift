import Foundation
import Testing

@testable import LiveBlogCore

@Suite("Glob rules")
struct GlobTests {
    /// A backtracking reference, exponential but exact on short inputs, to check the automaton against.
    static func reference(_ pattern: [UInt8], _ line: [UInt8], anchoredEnd: Bool) -> Bool {
        func lower(_ b: UInt8) -> UInt8 { Glob.lower(b) }
        func go(_ p: Int, _ i: Int) -> Bool {
            if p == pattern.count { return anchoredEnd ? i == line.count : true }
            switch pattern[p] {
            case UInt8(ascii: "*"): return (i...line.count).contains { go(p + 1, $0) }
            case UInt8(ascii: "#"):
                var j = i
                while j < line.count && line[j] >= 0x30 && line[j] <= 0x39 {
                    j += 1
                    if go(p + 1, j) { return true }
                }
                return false
            default: return i < line.count && lower(line[i]) == lower(pattern[p]) && go(p + 1, i + 1)
            }
        }
        return go(0, 0)
    }

    func matches(_ pattern: String, _ line: String, anchoredEnd: Bool = true) -> Bool {
        var copy = line
        return copy.withUTF8 { Glob(pattern: pattern, wildcards: true, anchoredEnd: anchoredEnd).matches($0) }
    }

    @Test("`*` is any run, `#` one or more digits, case ignored, anchored or as a prefix")
    func basics() {
        #expect(matches("By *#*# 20##", "by A 12 3 2024"))
        #expect(!matches("By *#*# 20##", "By A 12 3 2024x"))
        #expect(matches("Updated #:## *", "Updated 9:05 BST"))
        #expect(!matches("Updated #:## *", "Updated :05 BST"))
        #expect(matches("Sign up*", "SIGN UP now, it's free"))
        #expect(matches("a*b", "a*b and more", anchoredEnd: false))
        #expect(!matches("a#b", "ab"))
        #expect(matches("**x**", "x"))
    }

    @Test("The automaton agrees with a backtracking reference on random patterns and lines")
    func agreesWithReference() {
        var generator = SystemRandomNumberGenerator()
        let patternBytes = Array("ab1*#".utf8)
        let lineBytes = Array("aAb12".utf8)
        for _ in 0..<5000 {
            let pattern = (0..<Int.random(in: 1...7, using: &generator)).map { _ in
                patternBytes.randomElement(using: &generator)!
            }
            let line = (0..<Int.random(in: 0...9, using: &generator)).map { _ in
                lineBytes.randomElement(using: &generator)!
            }
            for anchored in [true, false] {
                let glob = Glob(
                    pattern: String(decoding: pattern, as: UTF8.self), wildcards: true, anchoredEnd: anchored)
                let got = line.withUnsafeBufferPointer { glob.matches($0) }
                #expect(
                    got == GlobTests.reference(pattern, line, anchoredEnd: anchored),
                    "\(String(decoding: pattern, as: UTF8.self)) on \(String(decoding: line, as: UTF8.self))")
            }
        }
    }

    @Test("Patterns longer than one machine word match the same way")
    func longPatterns() {
        let pattern = String(repeating: "a*", count: 50) + "#"
        let line = String(repeating: "ab", count: 60) + "7"
        #expect(matches(pattern, line))
        #expect(!matches(pattern, line + "x"))
        #expect(matches(String(repeating: "x", count: 70) + "*", String(repeating: "x", count: 70) + "yz"))
    }

    /// The time limit is a hang guard, not a measurement: these took 32 s and 108 s when matching backtracked.
    @Test("Matching is linear whatever the pattern", .timeLimit(.minutes(1)))
    func hostilePatterns() throws {
        #expect(!matches("*a*a*a*a*a*a*a*a*a*a*c*b", String(repeating: "a", count: 40) + "c"))
        #expect(!matches("*a*a*a*a*a*a*a*a*a*a*c*b", String(repeating: "a", count: 100_000)))
        var rules = BoilerplateRules.bundled
        try rules.add(parsing: "pattern: By *#*# 20##", origin: "test")
        let line = "By A" + String(repeating: "1", count: 5000)
        #expect(rules.match(.pattern, line) == nil)
        let blog = String(repeating: line + "\n", count: 50)
        _ = LiveBlogParser(rules: rules).parse(blog)
    }
}
