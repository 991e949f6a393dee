import LiveBlogCore
import Testing

/// Merging two versions of a blog by entry id: what arrived, changed and went.
struct BlogMergeTests {
    static func entry(_ id: String, _ headline: String, _ text: String = "Text.", time: String? = nil) -> Entry {
        Entry(id: EntryID(id), time: time, headline: headline, paragraphs: [text])
    }

    static let old = LiveBlog(
        title: "Harbour storm",
        entries: [
            entry("c", "Ferries stop", time: "10:10"), entry("b", "Wind rises", time: "10:05"),
            entry("a", "Warning issued", time: "10:00"),
        ])

    @Test("New entries at the top are added, in page order; the others are untouched")
    func added() {
        var new = Self.old
        new.entries.insert(contentsOf: [Self.entry("e", "Harbour closed"), Self.entry("d", "Boats return")], at: 0)
        let merge = BlogMerge(from: Self.old, to: new)
        #expect(merge == BlogMerge(added: [EntryID("e"), EntryID("d")]))
        #expect(merge.summary == "2 new")
    }

    @Test("A changed paragraph is an edit; a changed time text alone is not")
    func edited() {
        var new = Self.old
        new.entries[1].paragraphs = ["Text, now with gusts of 90 km/h."]
        new.entries[2].time = "5h ago"
        #expect(BlogMerge(from: Self.old, to: new) == BlogMerge(edited: [EntryID("b")]))
    }

    @Test("An entry missing from the new version is removed")
    func removed() {
        var new = Self.old
        new.entries.remove(at: 1)
        let merge = BlogMerge(from: Self.old, to: new)
        #expect(merge == BlogMerge(removed: [EntryID("b")]))
        #expect(merge.summary == "1 removed")
        #expect(BlogMerge(from: Self.old, to: Self.old).isEmpty)
    }

    @Test("An empty version, or one sharing no entry with the last, is refused; a growing one is taken")
    func rejection() {
        #expect(BlogMerge.rejection(of: LiveBlog(title: "Harbour storm"), replacing: Self.old) != nil)
        let broken = LiveBlog(title: "Error", entries: [Self.entry("x", "Service unavailable")])
        #expect(BlogMerge.rejection(of: broken, replacing: Self.old) != nil)
        var grown = Self.old
        grown.entries.insert(Self.entry("d", "Boats return"), at: 0)
        #expect(BlogMerge.rejection(of: grown, replacing: Self.old) == nil)
        // A first version of one entry may be replaced by anything.
        #expect(
            BlogMerge.rejection(of: broken, replacing: LiveBlog(title: "t", entries: [Self.entry("a", "A")])) == nil)
    }
}

/// A post known by its headline whose headline was edited.
struct BlogMergeRetitleTests {
    static let body = "The weather office has lifted its warning for the northern coast this afternoon."

    @Test("A removed and an added entry with the same long first paragraph are one retitled entry")
    func retitled() {
        let old = LiveBlog(
            title: "t",
            entries: [
                Entry(id: EntryID("a"), headline: "Warning lifted", paragraphs: [Self.body]),
                Entry(id: EntryID("b"), headline: "Wind rises", paragraphs: ["Short."]),
            ])
        var new = old
        new.entries[0] = Entry(id: EntryID("a2"), headline: "Warning lifted for the coast", paragraphs: [Self.body])
        new.entries[1] = Entry(id: EntryID("b2"), headline: "Wind rises fast", paragraphs: ["Short."])
        let merge = BlogMerge(from: old, to: new)
        #expect(merge.retitled.map(\.old) == [EntryID("a")] && merge.retitled.map(\.new) == [EntryID("a2")])
        #expect(merge.edited == [EntryID("a2")])
        // A short paragraph is not telling enough: a new entry and a removed one.
        #expect(merge.added == [EntryID("b2")])
        #expect(merge.removed == [EntryID("b")])
    }
}
