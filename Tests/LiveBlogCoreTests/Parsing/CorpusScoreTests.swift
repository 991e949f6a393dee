import Foundation
import Testing

@testable import LiveBlogCore

/// The expected structure of one corpus blog, as `Fixtures/corpus/NN-*.expected.json` writes it
/// (see `Fixtures/corpus/README.md`).
struct CorpusExpectation: Decodable {
    struct Entry: Decodable {
        var headline: String?
        /// The start of the first paragraph.
        var first: String
        var paragraphs: Int
        var time: String?
        var flags: [String]
        var related: Int
    }

    var title: String
    var standfirst: String?
    var entries: [Entry]
    var boilerplate: [String]
}

/// One corpus blog: its text and what a reader should get from it.
struct CorpusFixture: CustomStringConvertible, Sendable {
    var name: String
    var text: String
    var expectedJSON: Data

    var description: String { name }

    var expected: CorpusExpectation {
        get throws { try JSONDecoder().decode(CorpusExpectation.self, from: expectedJSON) }
    }

    static let directory = Fixtures.directory
        .appendingPathComponent("corpus")

    /// The first fixture number of the second family: blogs 18 and on imitate the real pages' patterns and were
    /// written by someone other than the parser's author, after its page-level passes, and scored before any change
    /// for them. They are held to the thresholds as a family, not line by line.
    static let firstImitation = 18

    /// Whether this blog belongs to the second family (see `firstImitation`).
    var isImitation: Bool { (Int(name.prefix(2)) ?? 0) >= Self.firstImitation }

    /// The blogs written with the rules, each expected exactly.
    static func tuned() throws -> [CorpusFixture] { try all().filter { !$0.isImitation } }

    /// The blogs that imitate real pages' patterns, scored as a family.
    static func imitations() throws -> [CorpusFixture] { try all().filter(\.isImitation) }

    /// Every `NN-*.txt` with its `.expected.json`, in name order.
    static func all() throws -> [CorpusFixture] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".expected.json") }
            .sorted()
        return try names.map { file in
            let name = String(file.dropLast(".expected.json".count))
            return CorpusFixture(
                name: name,
                text: try String(contentsOf: directory.appendingPathComponent(name + ".txt"), encoding: .utf8),
                expectedJSON: try Data(contentsOf: directory.appendingPathComponent(file)))
        }
    }
}

/// The corpus score of the first round of parser work: entry precision and recall, exact paragraph counts, times attached,
/// boilerplate leaked; flags, related links, titles and standfirsts are counted too and printed.
struct CorpusScore {
    var found = 0, extra = 0, missed = 0
    var paragraphsRight = 0, expectedEntries = 0
    var timesRight = 0, expectedTimes = 0
    var flagsRight = 0, relatedRight = 0
    var leaked = 0, boilerplate = 0
    var titlesRight = 0, standfirstsRight = 0, blogs = 0
    var problems: [String] = []

    var precision: Double { Double(found) / Double(max(1, found + extra)) }
    var recall: Double { Double(found) / Double(max(1, found + missed)) }
    var paragraphs: Double { Double(paragraphsRight) / Double(max(1, expectedEntries)) }
    var times: Double { Double(timesRight) / Double(max(1, expectedTimes)) }
    var leakRate: Double { Double(leaked) / Double(max(1, boilerplate)) }

    /// An entry is right when its headline matches, or for an untitled one the start of its first paragraph.
    static func sameEntry(_ entry: LiveBlogCore.Entry, _ expected: CorpusExpectation.Entry) -> Bool {
        if let headline = expected.headline { return entry.headline == headline }
        return entry.headline == nil && (entry.paragraphs.first?.hasPrefix(expected.first) ?? false)
    }

    /// A boilerplate string leaks when it is a whole headline or paragraph, or (longer than 12 characters)
    /// part of one; case-sensitive, so that `Live` does not match "live coverage".
    static func leaks(_ furniture: String, into texts: [String]) -> Bool {
        texts.contains { $0 == furniture || (furniture.count > 12 && $0.contains(furniture)) }
    }

    mutating func add(_ name: String, blog: LiveBlog, expected: CorpusExpectation) {
        blogs += 1
        if blog.title == expected.title { titlesRight += 1 } else { problems.append("\(name): title “\(blog.title)”") }
        if blog.standfirst == expected.standfirst {
            standfirstsRight += 1
        } else {
            problems.append("\(name): standfirst “\(blog.standfirst ?? "-")”")
        }
        // Match expected entries to parsed ones, one to one, in page order.
        var used = Set<Int>()
        for e in expected.entries {
            expectedEntries += 1
            if e.time != nil { expectedTimes += 1 }
            guard
                let k = blog.entries.indices.first(where: { !used.contains($0) && Self.sameEntry(blog.entries[$0], e) })
            else {
                missed += 1
                problems.append("\(name): missing “\(e.headline ?? e.first)”")
                continue
            }
            used.insert(k)
            found += 1
            let entry = blog.entries[k]
            if entry.paragraphs.count == e.paragraphs {
                paragraphsRight += 1
            } else {
                problems.append(
                    "\(name): “\(e.headline ?? e.first)” has \(entry.paragraphs.count) paragraphs, not \(e.paragraphs)")
            }
            if let time = e.time {
                if entry.time == time {
                    timesRight += 1
                } else {
                    problems.append("\(name): “\(e.headline ?? e.first)” time \(entry.time ?? "none"), not \(time)")
                }
            }
            if Set(entry.flags.names) == Set(e.flags) {
                flagsRight += 1
            } else {
                problems.append("\(name): “\(e.headline ?? e.first)” flags \(entry.flags.names), not \(e.flags)")
            }
            if entry.related.count == e.related {
                relatedRight += 1
            } else {
                problems.append(
                    "\(name): “\(e.headline ?? e.first)” has \(entry.related.count) related links, not \(e.related)")
            }
        }
        for k in blog.entries.indices where !used.contains(k) {
            extra += 1
            problems.append("\(name): extra entry “\(blog.entries[k].title())”")
        }
        let texts =
            blog.entries.flatMap { [$0.headline].compactMap { $0 } + $0.paragraphs }
            + [blog.standfirst].compactMap { $0 }
        for furniture in expected.boilerplate {
            boilerplate += 1
            if Self.leaks(furniture, into: texts) {
                leaked += 1
                problems.append("\(name): boilerplate leaked “\(furniture)”")
            }
        }
    }

    var report: String {
        func f(_ x: Double) -> String { String(format: "%.3f", x) }
        return """
            corpus score over \(blogs) blogs, \(expectedEntries) entries:
              entry precision \(f(precision)) (\(found) right, \(extra) extra)
              entry recall    \(f(recall)) (\(missed) missed)
              paragraph counts \(f(paragraphs)) (\(paragraphsRight) of \(expectedEntries))
              times attached   \(f(times)) (\(timesRight) of \(expectedTimes))
              boilerplate leaked \(f(leakRate)) (\(leaked) of \(boilerplate))
              flags \(flagsRight) of \(found), related links \(relatedRight) of \(found), titles \(titlesRight) of \(blogs), standfirsts \(standfirstsRight) of \(blogs)
            """
    }
}

@Suite("Corpus score")
struct CorpusScoreTests {
    // The parser scored over the whole corpus, printed, and held to the first round's thresholds (entry F1, paragraphs, times).
    @Test("The parser meets the corpus thresholds")
    func corpusScore() throws {
        let fixtures = try CorpusFixture.tuned()
        #expect(fixtures.count >= 12)
        try Self.expectScore(of: fixtures, precision: 0.95, recall: 0.95, paragraphs: 0.90, times: 0.95, leakRate: 0.02)
    }

    /// Scores `fixtures` as one family, prints the report and its problems, and holds it to the given floors.
    static func expectScore(
        of fixtures: [CorpusFixture], precision: Double, recall: Double, paragraphs: Double,
        times: Double, leakRate: Double
    ) throws {
        var score = CorpusScore()
        for fixture in fixtures {
            score.add(fixture.name, blog: LiveBlogParser().parse(fixture.text), expected: try fixture.expected)
        }
        print(score.report)
        for problem in score.problems { print("  · \(problem)") }
        #expect(score.precision >= precision, "entry precision \(score.precision)")
        #expect(score.recall >= recall, "entry recall \(score.recall)")
        #expect(score.paragraphs >= paragraphs, "paragraph counts \(score.paragraphs)")
        #expect(score.times >= times, "times \(score.times)")
        #expect(score.leakRate <= leakRate, "boilerplate leaked \(score.leakRate)")
    }

    // The second family (blogs that imitate real pages, written apart from the rules), held to floors that only
    // move up: the figures measured when they were last raised, less a small margin.
    @Test("The parser meets the floors on the blogs that imitate real pages")
    func imitationScore() throws {
        let fixtures = try CorpusFixture.imitations()
        #expect(fixtures.count >= 8)
        try Self.expectScore(
            of: fixtures, precision: ImitationFloor.precision, recall: ImitationFloor.recall,
            paragraphs: ImitationFloor.paragraphs, times: ImitationFloor.times,
            leakRate: ImitationFloor.leakRate)
    }

    /// The floors of the imitation family (raise them as the parser improves; never lower them).
    enum ImitationFloor {
        static let precision = 0.89
        static let recall = 0.95
        static let paragraphs = 0.84
        static let times = 0.96
        static let leakRate = 0.10
    }

    // Each corpus blog parses on its own to what its expected file says (a failure names the blog).
    @Test("Each corpus blog", arguments: try CorpusFixture.tuned())
    func eachBlog(_ fixture: CorpusFixture) throws {
        var score = CorpusScore()
        score.add(fixture.name, blog: LiveBlogParser().parse(fixture.text), expected: try fixture.expected)
        #expect(score.problems.isEmpty, "\(score.problems.joined(separator: "\n"))")
    }

    // `liveblog check` can explain every furniture line: each line the corpus calls boilerplate has a `.dropped`
    // diagnostic naming its rule (file and line) or its heuristic, unless the parser used it as a time, a flag,
    // a rule line or a related link.
    @Test("Diagnostics explain every dropped line", arguments: try CorpusFixture.tuned())
    func diagnosticsExplainDrops(_ fixture: CorpusFixture) throws {
        let blog = LiveBlogParser().parse(fixture.text)
        let expected = try fixture.expected
        let rules = BoilerplateRules.bundled
        var explained: [Int: [Diagnostic]] = [:]
        for d in blog.diagnostics { explained[d.line, default: []].append(d) }
        let lines = fixture.text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.replacingOccurrences(of: "\u{00A0}", with: " ").trimmingCharacters(in: .whitespaces) }
        let furniture = Set(expected.boilerplate)
        for (k, line) in lines.enumerated() where furniture.contains(line) {
            let number = k + 1
            var bytes = line
            let structural = bytes.withUTF8 { b in
                TimeLineRecognizer.recognize(bytes: b) != nil || LineShape.isSeparator(b)
                    || rules.match(.keyEvent, b) != nil || rules.match(.pinned, b) != nil
            }
            if structural { continue }
            let notes = (number - 2...number).flatMap { explained[$0] ?? [] }
            let dropped = (explained[number] ?? []).filter { $0.kind == .dropped }
            let related = notes.contains { $0.kind == .related }
            #expect(!dropped.isEmpty || related, "line \(number) “\(line)” is furniture but no diagnostic explains it")
        }
        for d in blog.diagnostics where d.kind == .dropped {
            let named =
                d.message.range(of: #"boilerplate-rules\.txt:\d+"#, options: .regularExpression) != nil
                || d.message.contains("heuristic")
            #expect(named, "line \(d.line): the message names no rule: \(d.message)")
        }
    }
}
