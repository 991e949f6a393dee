import Foundation
import LiveBlogCore
import Testing

@testable import LiveBlogTUI

/// The settings table: the configuration file and `:set` read every setting through the same row.
struct SettingTableTests {
    @Test(":set takes every setting the file takes, and refuses what the file refuses, with the same words")
    func setMatchesTheFile() throws {
        for row in Setting.table {
            #expect(Setting.named(row.name) != nil)
        }
        var state = makeState(Fixture.numbered(10), size: TerminalSize(rows: 30, columns: 120))
        // Under the minimum pane width: the file refuses it, so :set does too, in the same words.
        type(&state, ":set list-width 5")
        send(&state, .enter)
        let fileError = #expect(throws: ReaderConfig.ParseError.self) { try ReaderConfig(parsing: "list-width 5") }
        #expect(state.message == .init(fileError?.message ?? "", isError: true))
        #expect(state.listWidth == nil)
        type(&state, ":set list-width 40")
        send(&state, .enter)
        #expect(state.listWidth == 40)
        type(&state, ":set time-zone UTC")
        send(&state, .enter)
        #expect(state.options.timeZone.secondsFromGMT() == 0)
        type(&state, ":set bind x mark-all")
        send(&state, .enter)
        #expect(state.options.keymap.action(for: .character("x"), in: .list) == .markAllRead)
        type(&state, ":set mouse off")
        #expect(send(&state, .enter) == [.setMouse(false)])
        type(&state, ":set color time red")
        #expect(send(&state, .enter) == [.setColors(.time, ReaderConfig.Colors(1))])
        type(&state, ":set color nothing red")
        send(&state, .enter)
        #expect(state.message?.isError == true && state.message?.text.hasPrefix("unknown role 'nothing'") == true)
        type(&state, ":set frobnicate 3")
        send(&state, .enter)
        #expect(state.message == .init("Unknown setting: frobnicate", isError: true))
    }

    @Test("The README's settings table is the one generated from Setting.table")
    func readmeSettingsTable() throws {
        try expectReadmeSection(
            begin:
                "<!-- settings: generated from Setting.table; LIVEBLOG_RECORD_README=1 swift test --filter readmeSettingsTable -->\n",
            end: "<!-- end of settings -->", generated: Setting.markdownTable())
    }
}
