import LiveBlogCore
import Testing

/// Read marks hang on entry ids, so ids must survive the ways a live blog changes.
@Suite("Stable entry ids")
struct EntryIdentityTests {
    let original = """
        Rail live
        Day two of the strike
        Signals fail at the junction
        Trains were held outside the station.
        Union meets ministers
        Talks began at noon.
        """

    @Test("Ids survive entries added above and below and a later paragraph edited")
    func stableIDs() {
        let before = LiveBlogParser().parse(original)
        let grown = """
            Rail live
            Day two of the strike
            Services resume in the evening
            The first train left at six.
            Signals fail at the junction
            Trains were held outside the station.
            An engineer said the fault was fixed by ten.
            Union meets ministers
            Talks began at noon.
            Buses replace trains on the coast line
            Replacement buses run every twenty minutes.
            """
        let after = LiveBlogParser().parse(grown)
        let idsBefore = Dictionary(uniqueKeysWithValues: before.entries.map { ($0.headline!, $0.id) })
        for entry in after.entries {
            if let old = idsBefore[entry.headline!] { #expect(entry.id == old, "\(entry.headline!)") }
        }
        #expect(Set(after.entries.map(\.id)).count == after.entries.count)
    }

    @Test("Repeated headlines get distinct ids that do not shift when a post is added on top")
    func duplicates() {
        let text = "Blog\nStand\nUpdate\nFirst text.\nUpdate\nSecond text.\n"
        let before = LiveBlogParser().parse(text)
        #expect(Set(before.entries.map(\.id)).count == 2)
        let after = LiveBlogParser().parse(
            "Blog\nStand\nUpdate\nNewest text.\nUpdate\nFirst text.\nUpdate\nSecond text.\n")
        #expect(after.entries[1].id == before.entries[0].id)
        #expect(after.entries[2].id == before.entries[1].id)
    }

    @Test("Ids look like 12 hex digits")
    func format() {
        let blog = LiveBlogParser().parse(original)
        for entry in blog.entries {
            #expect(entry.id.rawValue.count == 12)
            #expect(entry.id.rawValue.allSatisfy { $0.isHexDigit })
        }
    }
}
