import ArgumentParser
import Foundation
import LiveBlogCore

/// A failure the user caused or can fix, printed as one line `liveblog: error: …` with a non-zero exit.
struct CLIError: Error, CustomStringConvertible {
    var message: String
    var exitCode: Int32 = 2

    init(_ message: String, exitCode: Int32 = 2) {
        self.message = message
        self.exitCode = exitCode
    }

    var description: String { message }

    /// Runs a command body, turning every error into one line on stderr and an exit status.
    static func reporting(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as ExitCode {
            throw error
        } catch let error as CLIError {
            Diagnostics.error(error.message)
            throw ExitCode(error.exitCode)
        } catch {
            Diagnostics.error(String(describing: error).replacingOccurrences(of: "\n", with: " "))
            throw ExitCode(2)
        }
    }
}

/// One-line messages on standard error.
enum Diagnostics {
    /// Messages echo paths and file contents: whatever a caller forgot, nothing reaches the terminal raw and
    /// no message grows past a few lines' worth.
    static func error(_ message: String) { write("liveblog: error: \(EchoedText.sanitized(message, limit: 2000))\n") }
    static func warning(_ message: String) {
        write("liveblog: warning: \(EchoedText.sanitized(message, limit: 2000))\n")
    }

    static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

/// Standard output, written in large blocks.
enum Output {
    /// Writes `bytes` with what `OutputSanitizer` strips taken out: whatever an exporter forgot, no control
    /// from a blog reaches the terminal or the next program in a pipe.
    static func write(_ bytes: [UInt8]) {
        OutputSanitizer.utf8(bytes).withUnsafeBufferPointer { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Foundation.write(1, buffer.baseAddress! + offset, buffer.count - offset)
                if n <= 0 { return }  // a closed pipe (`| head`): stop quietly, as other tools do
                offset += n
            }
        }
    }

    static func write(_ text: String) { write(Array(text.utf8)) }
}
