import Foundation
import LiveBlogCore
// Shared helpers (withTemporaryDirectory…) for every file of this target.
@_exported import LiveBlogTestSupport
import Testing

@testable import LiveBlogStore

/// The two store implementations, so one behaviour test can run against both.
enum StoreKind: String, CaseIterable, CustomTestStringConvertible {
    case sqlite
    case inMemory

    var testDescription: String { rawValue }

    /// Runs `body` with a fresh, empty store of this kind.
    func withStore(_ body: (any ReadMarkStore) throws -> Void) throws {
        switch self {
        case .sqlite:
            try withTemporaryDirectory { directory in
                try body(SQLiteReadMarkStore(path: directory + "/state.sqlite"))
            }
        case .inMemory:
            try body(InMemoryReadMarkStore())
        }
    }
}

/// `count` entry ids `prefix0`, `prefix1`, ….
func entryIDs(_ prefix: String, _ count: Int) -> [EntryID] {
    (0..<count).map { EntryID("\(prefix)\($0)") }
}

/// Fixed instants so that stored times can be compared exactly.
let monday = Date(timeIntervalSince1970: 1_700_000_000.123)
let tuesday = monday.addingTimeInterval(86_400)

/// Collects values from concurrent threads.
final class ConcurrentBox<Value>: @unchecked Sendable {
    // @unchecked: `values` is only touched under `lock`.
    private let lock = NSLock()
    private var values: [Value] = []

    func append(_ value: Value) { lock.withLock { values.append(value) } }
    var all: [Value] { lock.withLock { values } }
}
