import Foundation
import LiveBlogCore

/// Reader timings: first frame for 10,000 entries and one keystroke at 100,000 (filled in with the reader).
struct TUIBenchmark {
    func run() {
        print("== tui: (pending)")
    }
}
