import Testing
@testable import LiveBlogStore

@Suite("Benchmark helper")
struct ReadMarkStoreBenchmarkTests {
    @Test("Percentiles use the nearest rank")
    func percentiles() {
        let latencies = (1...200).map { Duration.milliseconds($0) }.shuffled()
        let summary = ReadMarkStoreBenchmark.summarize(latencies, elapsed: .seconds(4))
        #expect(summary.marks == 200)
        #expect(summary.p50 == .milliseconds(100))
        #expect(summary.p99 == .milliseconds(198))
        #expect(summary.max == .milliseconds(200))
        #expect(summary.marksPerSecond == 50)
    }

    @Test("Measures single marks against a store (counts only, no timing claims)")
    func singleMarksRun() throws {
        let summary = try ReadMarkStoreBenchmark.singleMarks(in: InMemoryReadMarkStore(), count: 20)
        #expect(summary.marks == 20)
        #expect(summary.p50 <= summary.p99 && summary.p99 <= summary.max)
    }
}
