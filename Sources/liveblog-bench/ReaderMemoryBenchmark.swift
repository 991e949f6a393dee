import Foundation
import LiveBlogCore
import LiveBlogTUI

/// The reader's memory on a large blog: what it holds with the blog shown, the search index built and a search
/// typed, against the file's size. Run in a process of its own (`liveblog-bench memory`), so that the peak is the
/// reader's alone.
struct ReaderMemoryBenchmark {
    let path: String

    func run() {
        let size = TerminalSize(rows: 40, columns: 120)
        let fileSize = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        // swift-format-ignore: NeverUseImplicitlyUnwrappedOptionals
        var state: ReaderState!
        let load = Measure.seconds {
            let bytes = Array(FileManager.default.contents(atPath: path)!)
            let blog = LiveBlogParser().parse(bytes: bytes)
            state = ReaderState(blog: blog, readMarks: [], options: ReaderOptions(markAfter: nil), sourceName: path)
            _ = Reducer.reduce(&state, .resized(size))
            _ = Renderer.render(state, size: size)
        }
        let afterLoad = Self.residentMemory()
        // swift-format-ignore: NeverUseImplicitlyUnwrappedOptionals
        var index: SearchIndex!
        let build = Measure.seconds { index = SearchIndex(blog: state.blog) }
        _ = Reducer.reduce(&state, .indexReady(index))
        index = nil
        _ = Reducer.reduce(&state, .key(.character("/")))
        for character in "talks" {
            _ = Reducer.reduce(&state, .key(.character(character)))
            _ = Renderer.render(state, size: size)
        }
        let resident = Self.residentMemory()
        let peak = Measure.peakMemory()
        func ratio(_ bytes: Int) -> String {
            String(format: "%.2f× the file", Double(bytes) / Double(max(fileSize, 1)))
        }
        print(
            "reader memory, \(Measure.mb(fileSize)) file: after load \(Measure.mb(afterLoad)) (\(ratio(afterLoad))); "
                + "with the index and a search \(Measure.mb(resident)) (\(ratio(resident))); peak \(Measure.mb(peak)) (\(ratio(peak))); "
                + String(format: "load %.3f s, index build %.3f s", load, build))
        withExtendedLifetime(state) {}
    }

    /// Resident memory of this process now, in bytes (Linux `/proc/self/statm`; 0 elsewhere).
    static func residentMemory() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}
