import LiveBlogTUI

/// libFuzzer entry point for the configuration parser: any bytes parse or fail with an error, never a crash or
/// a hang; a configuration that parses dumps to text that parses again to the same dump. Line ends are
/// treated as `ConfigFile` treats them (CR LF read as LF); the error's echo is made printable by the CLI.
///
/// Built only with `LIVEBLOG_FUZZ=1` (see `Tests/Fuzz/run.sh`): libFuzzer supplies `main`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let raw = Array(UnsafeBufferPointer(start: data, count: size))
    let bytes = raw.indices.compactMap { i in
        raw[i] == 0x0D && (i + 1 == raw.count || raw[i + 1] == 0x0A) ? nil : raw[i]
    }
    guard let text = String(validating: bytes, as: UTF8.self) else { return 0 }
    guard let config = try? ReaderConfig(parsing: text) else { return 0 }
    let dump = config.dump()
    guard let again = try? ReaderConfig(parsing: dump), again.dump() == dump else {
        fatalError("a parsed configuration's dump does not parse to itself:\n\(dump)")
    }
    return 0
}
