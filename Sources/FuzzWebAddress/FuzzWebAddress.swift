import Foundation
import LiveBlogCore

/// libFuzzer entry point for web addresses: `WebAddress` (linked in from LiveBlogHTTP's own file, so that the
/// fuzz build needs no HTTP stack) and `OutputSanitizer.url`. The first line is an address, the second a
/// redirect's Location. Whatever is accepted has a port from 1 to 65535, a host and only URL characters, and
/// Foundation takes it; a refusal is one line.
///
/// Built only with `LIVEBLOG_FUZZ=1` (see `Tests/Fuzz/run.sh`): libFuzzer supplies `main`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWebAddress(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let lines = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
    // What is copied or handed to a notify command: URL characters only, nothing the output filter strips.
    let safe = OutputSanitizer.url(lines[0])
    if !safe.unicodeScalars.allSatisfy({
        $0.value > 0x20 && $0.value < 0x7F && !"\"<>\\^`{|} ".unicodeScalars.contains($0)
    }) {
        fatalError("OutputSanitizer.url left \(safe.debugDescription)")
    }
    do {
        let address = try WebAddress(lines[0])
        check(address)
        if lines.count > 1 {
            do {
                check(try address.resolving(lines[1]))
            } catch {
                if error.kind != .redirects { fatalError("a bad redirect reported as \(error.kind)") }
            }
        }
    } catch {
        if error.description.unicodeScalars.contains(where: { $0.value < 0x20 }) {
            fatalError("a two-line error: \(error.description)")
        }
    }
    return 0
}

/// What every accepted address must hold.
private func check(_ address: WebAddress) {
    if let port = address.port, !(1...65535).contains(port) { fatalError("port \(port) accepted") }
    if address.host.isEmpty { fatalError("no host in \(address.text)") }
    if address.text.utf8.count > WebAddress.maximumLength { fatalError("over-long address accepted") }
    if !address.text.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) {
        fatalError("a control or non-ASCII character accepted: \(address.text.debugDescription)")
    }
    if URL(string: address.text) == nil { fatalError("Foundation refuses \(address.text)") }
}
