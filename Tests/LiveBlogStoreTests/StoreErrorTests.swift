import Foundation
import Testing

@testable import LiveBlogStore

@Suite("Store error messages")
struct StoreErrorTests {
    @Test("Messages are one line, whatever the underlying text")
    func oneLine() {
        let error = StoreError(.failed, path: "/s.sqlite", "near \"x\":\n  syntax error\n")
        #expect(error.description == "state file /s.sqlite: near \"x\": syntax error")
        #expect(error.localizedDescription == error.description)
    }

    @Test("Errors without a file name the store instead")
    func withoutPath() {
        #expect(StoreError(.unknownBlog, path: nil, "7").description == "read-mark store has no blog with key 7")
    }
}
