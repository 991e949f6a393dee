import LiveBlogCore
import Testing

@testable import LiveBlogTUI

/// `y` puts only safe text on the clipboard (issue 19, row 5): an `id` or `href` cannot smuggle ESC, a
/// bracketed-paste end or a newline into the shell the link is pasted into.
struct ReducerCopyTests {
    static let hostile = LiveBlog(
        title: "Hostile",
        entries: [
            Entry(
                id: EntryID("a"), headline: "Evil link", paragraphs: ["Text."],
                url: "https://e.example/live#p4\u{1B}[201~\ntouch /tmp/x\n"),
            Entry(
                id: EntryID("b"), headline: "Evil\u{202E} text",
                paragraphs: ["One\u{1B}]52;c;aGk=\u{07}", "Two\u{9B}31m"]),
        ])

    @Test("A hostile link is copied as URL characters only")
    func link() {
        var state = makeState(Self.hostile)
        #expect(send(&state, .character("y")) == [.copy("https://e.example/live#p4[201~touch%20/tmp/x")])
    }

    @Test("A hostile text is copied without its controls, its paragraphs still apart")
    func text() {
        var state = makeState(Self.hostile)
        send(&state, .character("j"))
        #expect(send(&state, .character("y")) == [.copy("Evil text\n\nOne]52;c;aGk=\n\nTwo31m")])
    }
}
