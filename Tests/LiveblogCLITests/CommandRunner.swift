import Foundation
// Shared helpers (TemporaryDirectory, BuiltProduct…) for every file of this target.
@_exported import LiveBlogTestSupport

/// Runs the built `liveblog` binary with arguments and optional standard input, and collects what it printed.
struct CommandRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var stdoutData: Data
    }

    static let binary: URL = BuiltProduct.liveblog

    /// A private state file so that tests never read or write the user's marks.
    let statePath: String
    let temporary: TemporaryDirectory
    var directory: URL { temporary.url }

    init() throws {
        temporary = try TemporaryDirectory(prefix: "liveblog-cli")
        statePath = temporary.file("state.sqlite")
    }

    func cleanUp() { temporary.remove() }

    /// Writes a file into the test's directory and returns its path.
    func write(_ name: String, _ contents: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try contents.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func write(_ name: String, bytes: [UInt8]) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    /// Runs the binary; `currentDirectory` is its working directory (default: the test process's).
    func run(
        _ arguments: [String], input: Data? = nil, environment: [String: String] = [:], currentDirectory: URL? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = CommandRunner.binary
        process.arguments = arguments
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        var env = ProcessInfo.processInfo.environment
        env["LIVEBLOG_STATE"] = statePath
        env["XDG_CONFIG_HOME"] = directory.appendingPathComponent("config").path
        for (k, v) in environment { env[k] = v }
        process.environment = env
        // Standard error goes to a file, so that only one pipe has to be drained while the child runs.
        let errURL = directory.appendingPathComponent("stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let errHandle = try FileHandle(forWritingTo: errURL)
        defer {
            try? errHandle.close()
            try? FileManager.default.removeItem(at: errURL)
        }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = errHandle
        if let input {
            let inPipe = Pipe()
            process.standardInput = inPipe
            try process.run()
            inPipe.fileHandleForWriting.write(input)
            try inPipe.fileHandleForWriting.close()
        } else {
            process.standardInput = FileHandle.nullDevice
            try process.run()
        }
        // Read the pipe to its end before waiting, so a large output never blocks the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let errData = (try? Data(contentsOf: errURL)) ?? Data()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self), stdoutData: outData)
    }
}
