import Foundation
import LiveBlogCore
import LiveBlogTUI

/// Reader timings: the first frame for a 10,000-entry blog, and a keystroke (moving, typing one more search
/// character) redrawn at 100,000 entries. Only the pure reader is timed here; the tmux figure runs the real binary.
struct TUIBenchmark {
    let size = TerminalSize(rows: 40, columns: 120)

    func run() {
        firstFrame(entries: 10_000)
        keystrokes(entries: 100_000)
        firstFrameInTmux(entries: 10_000)
    }

    /// A synthetic blog of `entries` entries in the temporary directory, written once.
    static func syntheticFile(entries: Int) -> String {
        let path = NSTemporaryDirectory() + "liveblog-bench-\(entries).txt"
        if !FileManager.default.fileExists(atPath: path) {
            BenchmarkCommand.write(atPath: path, contents: Data(SyntheticBlog(entries: entries).text().utf8))
        }
        return path
    }

    /// Runs `liveblog-bench memory` on the blog in a child process and passes its line through.
    static func readerMemoryInChild(entries: Int, path: String?) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        process.arguments = ["memory", "--file", path ?? syntheticFile(entries: entries)]
        do { try process.run() } catch {
            print("reader memory: cannot run \(CommandLine.arguments[0])")
            return
        }
        process.waitUntilExit()
    }

    func firstFrame(entries: Int) {
        let path = NSTemporaryDirectory() + "liveblog-bench-\(entries).txt"
        if !FileManager.default.fileExists(atPath: path) {
            BenchmarkCommand.write(atPath: path, contents: Data(SyntheticBlog(entries: entries).text().utf8))
        }
        var times: [Double] = []
        for _ in 0..<5 {
            times.append(
                Measure.seconds {
                    let bytes = Array(FileManager.default.contents(atPath: path)!)
                    let blog = LiveBlogParser().parse(bytes: bytes)
                    var state = ReaderState(blog: blog, readMarks: [], options: ReaderOptions(), sourceName: path)
                    _ = Reducer.reduce(&state, .resized(size))
                    _ = Renderer.render(state, size: size)
                })
        }
        times.sort()
        print(
            "== tui: first frame, \(entries) entries (read + parse + state + render 120×40): median \(Measure.ms(times[2])), min \(Measure.ms(times[0]))"
        )
        // The reader's own share: state (time column, list width, day rows) and the first render, parse excluded.
        let blog = LiveBlogParser().parse(bytes: Array(FileManager.default.contents(atPath: path)!))
        var own: [Double] = []
        for _ in 0..<5 {
            own.append(
                Measure.seconds {
                    var state = ReaderState(blog: blog, readMarks: [], options: ReaderOptions(), sourceName: path)
                    _ = Reducer.reduce(&state, .resized(size))
                    _ = Renderer.render(state, size: size)
                })
        }
        own.sort()
        print(
            "first frame, \(entries) entries, state + render only: median \(Measure.ms(own[2])), min \(Measure.ms(own[0]))"
        )
    }

    func keystrokes(entries: Int) {
        let blog = LiveBlogParser().parse(SyntheticBlog(entries: entries).text())
        var state = ReaderState(blog: blog, readMarks: [], options: ReaderOptions(markAfter: nil), sourceName: "bench")
        _ = Reducer.reduce(&state, .resized(size))
        _ = Reducer.reduce(&state, .indexReady(SearchIndex(blog: blog)))
        var moves: [Double] = []
        for k in 0..<400 {
            let key: Key = k % 50 < 40 ? .character("j") : .character("k")
            moves.append(
                Measure.seconds {
                    _ = Reducer.reduce(&state, .key(key))
                    _ = Renderer.render(state, size: size)
                })
        }
        var typing: [Double] = []
        for query in ["talks", "ministe", "kar", "\"the isl"] {
            _ = Reducer.reduce(&state, .key(.character("/")))
            for character in query {
                typing.append(
                    Measure.seconds {
                        _ = Reducer.reduce(&state, .key(.character(character)))
                        _ = Renderer.render(state, size: size)
                    })
            }
            _ = Reducer.reduce(&state, .key(.escape))
            _ = Reducer.reduce(&state, .key(.escape))
        }
        // The reflex keys of issue 12: counts, next entry from the detail pane, jumps, width and zoom, `:`.
        var reflexes: [Double] = []
        let sequence: [Key] = [
            .character("5"), .character("j"), .character("3"), .character("G"), .enter, .character("J"),
            .character("K"), .character("b"), .character(" "), .character("q"), .character(">"),
            .character("<"), .character("z"), .character("z"), .character("G"), .character("g"),
            .character("2"), .character("0"), .character("j"),
        ]
        for round in 0..<20 {
            for key in sequence {
                reflexes.append(
                    Measure.seconds {
                        _ = Reducer.reduce(&state, .key(key))
                        _ = Renderer.render(state, size: size)
                    })
            }
            if round == 0 { _ = Reducer.reduce(&state, .key(.character("u"))) }
        }
        moves.sort()
        typing.sort()
        reflexes.sort()
        print(
            "keystroke at \(entries) entries, reflex keys (counts, J/K, G/g, b, >/<, z): p50 \(Measure.ms(Measure.percentile(reflexes, 0.5))), p99 \(Measure.ms(Measure.percentile(reflexes, 0.99))), max \(Measure.ms(reflexes.last ?? 0))"
        )
        print(
            "keystroke at \(entries) entries, moving (j/k): p50 \(Measure.ms(Measure.percentile(moves, 0.5))), p99 \(Measure.ms(Measure.percentile(moves, 0.99)))"
        )
        print(
            "keystroke at \(entries) entries, typing a search: p50 \(Measure.ms(Measure.percentile(typing, 0.5))), p99 \(Measure.ms(Measure.percentile(typing, 0.99))), max \(Measure.ms(typing.last ?? 0))"
        )
    }

    /// Starts the real binary in tmux and polls the pane until the title line is drawn.
    func firstFrameInTmux(entries: Int) {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") else {
            print("tmux not installed: first frame in a real terminal not measured")
            return
        }
        let path = NSTemporaryDirectory() + "liveblog-bench-\(entries).txt"
        let liveblog = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("liveblog").path
        let state = NSTemporaryDirectory() + "liveblog-bench-state-\(getpid()).sqlite"
        func measure(_ command: [String]) -> [Double] {
            var times: [Double] = []
            for run in 0..<5 {
                let socket = "lbbench-\(getpid())-\(run)"
                let start = DispatchTime.now().uptimeNanoseconds
                shell(
                    ["tmux", "-L", socket, "new-session", "-d", "-x", "120", "-y", "40", "-e", "LANG=C.UTF-8"] + command
                )
                var seen = false
                for _ in 0..<2000 {
                    let screen = shell(["tmux", "-L", socket, "capture-pane", "-p"])
                    if screen.contains("Synthetic crisis latest") && screen.contains("unread") {
                        seen = true
                        break
                    }
                }
                let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                shell(["tmux", "-L", socket, "kill-server"])
                try? FileManager.default.removeItem(atPath: "/tmp/tmux-\(getuid())/\(socket)")
                if seen { times.append(elapsed) }
            }
            return times.sorted()
        }
        let times = measure([liveblog, path, "--state", state])
        // The same start-up and polling with a program that prints the awaited text at once: tmux's own share.
        let baseline = measure(["/bin/sh", "-c", "echo 'Synthetic crisis latest unread'; sleep 5"])
        try? FileManager.default.removeItem(atPath: state)
        if times.isEmpty || baseline.isEmpty {
            print("first frame in tmux: not seen")
            return
        }
        let median = times[times.count / 2]
        let base = baseline[baseline.count / 2]
        print(
            "first frame in tmux: median \(Measure.ms(median)) from tmux start to the screen, of which tmux and polling take \(Measure.ms(base)) (a shell echo); liveblog's own share ≈ \(Measure.ms(median - base))"
        )
    }

    @discardableResult
    func shell(_ argv: [String]) -> String {
        let process = Process()
        // The first tmux call forks the server, which would inherit (and hold open) the descriptors Process uses to
        // notice the child's exit; close everything above stderr before exec.
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments =
            [
                "-c", #"for f in /proc/$$/fd/*; do n=${f##*/}; [ "$n" -gt 2 ] && eval "exec $n>&-"; done; exec "$@""#,
                "sh",
            ] + argv
        let pipe = Pipe()
        process.standardOutput = argv.contains("new-session") ? FileHandle.nullDevice : pipe
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return "" }
        let data = argv.contains("new-session") ? Data() : pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
