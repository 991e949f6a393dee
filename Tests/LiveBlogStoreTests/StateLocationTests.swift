import Testing

@testable import LiveBlogStore

@Suite("Where the state file lives")
struct StateLocationTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let explicit: String?
        let environment: [String: String]
        let expected: String
        let testDescription: String
    }

    static let cases: [Case] = [
        Case(
            explicit: "/tmp/s.sqlite", environment: ["LIVEBLOG_STATE": "/env.sqlite", "HOME": "/home/u"],
            expected: "/tmp/s.sqlite", testDescription: "--state wins over everything"),
        Case(
            explicit: "rel/s.sqlite", environment: [:],
            expected: "rel/s.sqlite", testDescription: "--state may be relative"),
        Case(
            explicit: nil, environment: ["LIVEBLOG_STATE": "/env.sqlite", "XDG_STATE_HOME": "/xdg", "HOME": "/home/u"],
            expected: "/env.sqlite", testDescription: "LIVEBLOG_STATE wins over XDG"),
        Case(
            explicit: nil, environment: ["LIVEBLOG_STATE": "", "HOME": "/home/u"],
            expected: "/home/u/.local/state/liveblog/state.sqlite",
            testDescription: "empty LIVEBLOG_STATE counts as unset"),
        Case(
            explicit: nil, environment: ["XDG_STATE_HOME": "/xdg/", "HOME": "/home/u"],
            expected: "/xdg/liveblog/state.sqlite", testDescription: "XDG_STATE_HOME, trailing slash dropped"),
        Case(
            explicit: nil, environment: ["XDG_STATE_HOME": "relative/dir", "HOME": "/home/u"],
            expected: "/home/u/.local/state/liveblog/state.sqlite",
            testDescription: "relative XDG_STATE_HOME is ignored"),
        Case(
            explicit: nil, environment: ["XDG_STATE_HOME": "", "HOME": "/home/u/"],
            expected: "/home/u/.local/state/liveblog/state.sqlite",
            testDescription: "empty XDG_STATE_HOME falls back to HOME"),
        Case(
            explicit: nil, environment: ["HOME": "/"],
            expected: "/.local/state/liveblog/state.sqlite", testDescription: "HOME of / gives no double slash"),
    ]

    @Test("Resolves the state path", arguments: cases)
    func resolves(_ example: Case) throws {
        #expect(
            try StateLocation.resolve(explicitPath: example.explicit, environment: example.environment)
                == example.expected)
    }

    @Test("Without HOME and without overrides there is no location")
    func noHome() {
        let error = #expect(throws: StoreError.self) {
            try StateLocation.resolve(explicitPath: nil, environment: ["XDG_STATE_HOME": "relative"])
        }
        #expect(error?.kind == .noLocation)
        #expect(error?.description == "cannot choose a state file: HOME is not set; use --state PATH or LIVEBLOG_STATE")
    }

    @Test("An empty --state is an error, not the current directory")
    func emptyExplicitPath() {
        let error = #expect(throws: StoreError.self) {
            try StateLocation.resolve(explicitPath: "", environment: ["HOME": "/home/u"])
        }
        #expect(error?.kind == .noLocation)
    }
}
