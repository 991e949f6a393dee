import LiveBlogCore
import Testing

/// Search semantics as a table: each query and the entries (by headline) it must find.
@Suite("Search semantics")
struct SearchTests {
    static let blog: LiveBlog = {
        var blog = LiveBlog(title: "Search fixture")
        func entry(_ headline: String?, _ paragraphs: [String], related: [RelatedLink] = []) -> Entry {
            Entry(headline: headline, paragraphs: paragraphs, related: related)
        }
        blog.entries = [
            entry("Kremlin rejects talks", ["Russia’s foreign ministry said the offer was “not serious”."]),
            entry("Zelenský visits the front", ["The president met soldiers near Kreminna on Monday."]),
            entry("Peace talks in Geneva", ["Delegates said peace talks could resume next week."]),
            entry("Ceasefire holds", ["Both sides said the ceasefire held overnight; talks of peace continued."]),
            entry(nil, ["A CAFÉ in the old town reopened, its owner Zoë said.", "She called it a small peace."]),
            entry("東京 statement", ["官房長官は「状況を注視している」と述べた。", "Officials in 東京 were cautious 👍."]),
            entry(
                "War-time budget approved", ["The war-time budget passed by 12 votes."],
                related: [RelatedLink(kind: .story, title: "How the budget vote went", summary: "A guide to the tally")]
            ),
            entry("Straße closed", ["The STRASSE near the station is closed."]),
            entry("O’Brien speaks", ["Mr O'Brien said the fans’ coach left at 9pm — late."]),
        ]
        return blog
    }()

    static let table: [(query: String, expected: [Int])] = [
        ("kre", [1, 2]),  // prefix of Kremlin and Kreminna
        ("KREMLIN", [1]),  // case folded
        ("zelensky", [2]),  // diacritics folded
        ("zelenský", [2]),
        ("russia's", [1]),  // straight apostrophe finds the curly one
        ("russia’s", [1]),
        ("russia", [1]),  // a prefix of "russia’s"
        ("peace talks", [3, 4]),  // all terms, anywhere
        ("\"peace talks\"", [3]),  // consecutive words only
        ("“peace talks”", [3]),  // typographic quotes delimit phrases too
        ("talks -peace", [1]),  // exclusion
        ("talks -\"peace talks\"", [1, 4]),  // excluded phrase
        ("cafe zoe", [5]),  // untitled entry, folded
        ("東京", [6]),  // CJK
        ("注視", [6]),  // a CJK run inside a longer one
        ("war-time", [7]),  // hyphenated word as a phrase
        ("tally", [7]),  // related-link summary
        ("strasse", [8]),  // full case folding of ß
        ("\"peace tal", [3]),  // unbalanced quote runs to the end
        ("-", [1, 2, 3, 4, 5, 6, 7, 8, 9]),  // only an operator: everything
        ("", [1, 2, 3, 4, 5, 6, 7, 8, 9]),
        ("brien", []),  // an apostrophe inside a word is no word start
        ("o'brien", [9]),
        ("o’bri", [9]),
        ("fans", [9]),  // a closing quote ends the word
        ("9pm", [9]),
        ("late", [9]),
        ("nothingmatches", []),
    ]

    @Test("Each query finds exactly the expected entries, with and without the index", arguments: table)
    func query(_ row: (query: String, expected: [Int])) {
        let query = SearchQuery(row.query)
        let scanned = SearchIndex.scan(Self.blog, for: query).map { $0.entryIndex + 1 }
        #expect(scanned == row.expected, "scan: \(row.query)")
        let index = SearchIndex(blog: Self.blog)
        #expect(index.matchingEntries(query).map { $0 + 1 } == row.expected, "index: \(row.query)")
        #expect(index.search(query).map { $0.entryIndex + 1 } == row.expected, "index search: \(row.query)")
    }

    @Test("Matches carry field, paragraph and scalar offsets of the matched words")
    func matchRanges() {
        let hits = SearchIndex.scan(Self.blog, for: SearchQuery("kremlin"))
        #expect(hits.count == 1)
        #expect(hits[0].matches == [SearchMatch(field: .headline, paragraph: nil, start: 0, length: 7)])
        let phrase = SearchIndex.scan(Self.blog, for: SearchQuery("\"peace talks\""))
        #expect(phrase[0].matches.contains(SearchMatch(field: .headline, paragraph: nil, start: 0, length: 11)))
        #expect(phrase[0].matches.contains(SearchMatch(field: .paragraph, paragraph: 0, start: 15, length: 11)))
        // Offsets count Unicode scalars, so text after a curly quote and a CJK run is placed right.
        let cjk = SearchIndex.scan(Self.blog, for: SearchQuery("cautious"))
        #expect(cjk[0].matches == [SearchMatch(field: .paragraph, paragraph: 1, start: 21, length: 8)])
    }

    @Test("Byte matching and word scanning agree on ranges, with apostrophes and punctuation")
    func fastPathRanges() {
        let hits = SearchIndex.scan(Self.blog, for: SearchQuery("o'brien fans late"))
        #expect(hits.map(\.entryIndex) == [8])
        #expect(
            hits[0].matches == [
                SearchMatch(field: .headline, paragraph: nil, start: 0, length: 7),
                SearchMatch(field: .paragraph, paragraph: 0, start: 3, length: 7),
                SearchMatch(field: .paragraph, paragraph: 0, start: 20, length: 4),
                SearchMatch(field: .paragraph, paragraph: 0, start: 46, length: 4),
            ])
    }

    @Test("Relevance puts headline matches first")
    func relevance() {
        let blog = Self.blog
        let byBlog = SearchIndex.scan(blog, for: SearchQuery("peace"), order: .blog).map(\.entryIndex)
        let byRelevance = SearchIndex.scan(blog, for: SearchQuery("peace"), order: .relevance).map(\.entryIndex)
        #expect(byBlog == [2, 3, 4])
        #expect(byRelevance.first == 2)
        #expect(Set(byRelevance) == Set(byBlog))
    }

    @Test("Query parsing: phrases, exclusions, lone operators")
    func parsing() {
        let q = SearchQuery("  kre -\"peace talks\" \"unbalanced")
        #expect(q.clauses.map(\.words) == [["kre"], ["peace", "talks"], ["unbalanced"]])
        #expect(q.clauses.map(\.isExcluded) == [false, true, false])
        #expect(q.clauses.map(\.isPhrase) == [false, true, false])
        #expect(SearchQuery("- \" \"\" -").isEmpty)
    }

    @Test("The index agrees with scanning on the bundled sample for many queries")
    func indexAgreesWithScan() {
        let blog = LiveBlogParser().parse(BundledResources.sampleBlogText)
        let index = SearchIndex(blog: blog)
        let words = blog.entries.flatMap { $0.paragraphs }.joined(separator: " ")
            .split(separator: " ").map(String.init).filter { $0.count > 3 }
        var queries = ["a", "is", "the", "ash", "\"the island\"", "ash -cloud", "-the", "mount corr", "léa", "lea"]
        for k in stride(from: 0, to: words.count, by: max(1, words.count / 60)) {
            queries.append(String(words[k].prefix(3)))
            if k + 1 < words.count { queries.append("\"\(words[k]) \(words[k + 1])\"") }
        }
        for text in queries {
            let query = SearchQuery(text)
            #expect(index.matchingEntries(query) == SearchIndex.scan(blog, for: query).map(\.entryIndex), "\(text)")
        }
    }
}
