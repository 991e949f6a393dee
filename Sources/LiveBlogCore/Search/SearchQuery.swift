/// A parsed search: terms that must match the start of a word, quoted phrases, and exclusions.
///
/// `kre zelensk -"peace talks"` finds entries with a word starting "kre" and one starting "zelensk" that do not
/// contain the phrase "peace talks". Syntax errors do not exist: an unbalanced quote runs to the end, lone operators are ignored.
public struct SearchQuery: Hashable, Sendable {
    /// One clause of a query.
    public struct Clause: Hashable, Sendable {
        /// Folded words; a single word for a plain term, several for a phrase.
        public var words: [String]
        /// Whether the words must stand consecutively (a quoted phrase, or a CJK run).
        public var isPhrase: Bool
        /// Whether entries containing the clause are excluded.
        public var isExcluded: Bool
    }

    /// The text as typed.
    public let text: String
    public let clauses: [Clause]

    /// Parses `text`; never fails.
    public init(_ text: String) {
        self.text = text
        // A repeated clause adds nothing to the meaning but would be matched, kept and sorted once per copy:
        // `a a a …` must cost what `a` costs.
        var seen = Set<Clause>()
        self.clauses = SearchQuery.parseClauses(text).filter { seen.insert($0).inserted }
    }

    /// True when the query has nothing to match or exclude: every entry matches.
    public var isEmpty: Bool { clauses.isEmpty }

    /// Clauses an entry must contain.
    public var required: [Clause] { clauses.filter { !$0.isExcluded } }

    /// Clauses an entry must not contain.
    public var excluded: [Clause] { clauses.filter { $0.isExcluded } }

    private static func parseClauses(_ text: String) -> [Clause] {
        var clauses: [Clause] = []
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if c.properties.isWhitespace {
                i += 1
                continue
            }
            var excluded = false
            if c == "-" {
                excluded = true
                i += 1
                if i >= scalars.count { break }
            }
            if i < scalars.count, SearchFolding.isQuote(scalars[i]) {
                // A phrase: up to the closing double quote, or the end of the query.
                i += 1
                var body = String.UnicodeScalarView()
                while i < scalars.count, !SearchFolding.isQuote(scalars[i]) {
                    body.append(scalars[i])
                    i += 1
                }
                i += 1
                let words = SearchFolding.words(in: String(body))
                if !words.isEmpty {
                    clauses.append(Clause(words: words, isPhrase: words.count > 1, isExcluded: excluded))
                }
                continue
            }
            var body = String.UnicodeScalarView()
            while i < scalars.count, !scalars[i].properties.isWhitespace {
                body.append(scalars[i])
                i += 1
            }
            let words = SearchFolding.words(in: String(body))
            guard !words.isEmpty else { continue }
            if words.count == 1 {
                clauses.append(Clause(words: words, isPhrase: false, isExcluded: excluded))
            } else {
                // "war-time" or a CJK run: its pieces must stand together, as they do in the text.
                clauses.append(Clause(words: words, isPhrase: true, isExcluded: excluded))
            }
        }
        return clauses
    }
}
