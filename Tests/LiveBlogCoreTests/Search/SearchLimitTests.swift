import Foundation
import LiveBlogCore
import Testing

/// Repeated terms and `--limit`: the cost follows the query's meaning and what is printed.
@Suite("Search with repeated terms and a limit")
struct SearchLimitTests {
    static let source: ParsedSource = {
        var text = "Limits fixture\n"
        for k in 0..<3000 {
            text += "\n\(k % 24):\(k % 6)0\nPost \(k) about peace\nA peace plan and a peace deal, peace \(k).\n"
        }
        return LiveBlogParser().parseSource(bytes: Array(text.utf8))
    }()

    @Test("Identical clauses collapse into one, however often they are typed")
    func dedupe() {
        #expect(SearchQuery(String(repeating: "a ", count: 100)).clauses.count == 1)
        #expect(SearchQuery("peace -war peace -war \"a b\" \"a b\"").clauses.count == 3)
        #expect(SearchQuery("peace -peace").clauses.count == 2)
    }

    @Test("A repeated term finds what the single term finds (a hang guard: 100 copies took 33 s and 4.4 GB)")
    func repeatedTerm() {
        let started = Date()
        let once = Self.source.search(SearchQuery("peace"))
        let many = Self.source.search(SearchQuery(String(repeating: "peace ", count: 300)))
        #expect(once == many)
        #expect(Date().timeIntervalSince(started) < 60)
    }

    @Test("A limit keeps the total, shows the first hits in either order with their matches")
    func limit() {
        let query = SearchQuery("peace")
        for order in SearchOrder.allCases {
            let all = Self.source.search(query, order: order)
            let limited = Self.source.search(query, order: order, limit: 7)
            #expect(limited.total == all.count)
            #expect(limited.hits == Array(all.prefix(7)))
            #expect(Self.source.search(query, order: order, limit: 0).hits.isEmpty)
        }
    }
}
