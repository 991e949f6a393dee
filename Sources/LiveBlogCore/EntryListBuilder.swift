import Foundation

/// Collects the pieces the assembler finds (times, flags, headlines, paragraphs, links) into entries.
struct EntryListBuilder {
    struct Draft {
        var time: PostTime?
        var headline: String?
        var paragraphs: [String] = []
        var related: [RelatedLink] = []
        var flags: EntryFlags = []
        var line: Int

        var hasContent: Bool { headline != nil || !paragraphs.isEmpty || !related.isEmpty }
    }

    private var drafts: [Draft] = []
    private var current: Draft?

    /// True when nothing but a time or flags has been seen for the entry being built.
    var isAtEntryStart: Bool { current.map { !$0.hasContent } ?? true }

    mutating func close() {
        if let draft = current, draft.hasContent { drafts.append(draft) }
        current = nil
    }

    mutating func addTime(_ time: PostTime, line: Int) {
        if var draft = current, draft.headline == nil, draft.paragraphs.isEmpty, draft.related.isEmpty {
            draft.time = EntryListBuilder.combine(draft.time, time)
            current = draft
        } else {
            close()
            current = Draft(time: time, line: line)
        }
    }

    /// Two time lines in a row describe one post: keep the clock time as written, and take any date or epoch too.
    static func combine(_ old: PostTime?, _ new: PostTime) -> PostTime {
        guard var old else { return new }
        if new.epoch != nil && old.epoch == nil {
            old.epoch = new.epoch
            return old
        }
        if old.epoch != nil && new.hour != nil {
            var result = new
            result.epoch = old.epoch
            return result
        }
        if old.hour == nil && new.hour != nil { return new }
        if old.hasDate == false && new.hasDate { return new }
        return old
    }

    mutating func addFlags(_ flags: EntryFlags, line: Int) {
        if var draft = current, draft.paragraphs.isEmpty, draft.related.isEmpty {
            draft.flags.formUnion(flags)
            current = draft
        } else {
            close()
            current = Draft(flags: flags, line: line)
        }
    }

    mutating func addHeadline(_ headline: String, line: Int) {
        if var draft = current, draft.headline == nil, draft.paragraphs.isEmpty, draft.related.isEmpty {
            draft.headline = headline
            current = draft
        } else {
            close()
            current = Draft(headline: headline, line: line)
        }
    }

    mutating func addParagraph(_ paragraph: String, line: Int) {
        if current == nil { current = Draft(line: line) }
        current!.paragraphs.append(paragraph)
    }

    mutating func addRelated(_ link: RelatedLink, line: Int) {
        if current == nil { current = Draft(line: line) }
        // A card's title echoed by the page a second time is one link, not two.
        if current!.related.last == link { return }
        current!.related.append(link)
    }

    /// The finished entries, with timestamps and stable ids.
    mutating func finish(diagnostics: inout [Diagnostic]) -> [Entry] {
        close()
        var pageDate: (year: Int, month: Int, day: Int)?
        if let first = drafts.lazy.compactMap({ $0.time }).first(where: { $0.hasDate }) {
            pageDate = (first.year!, first.month!, first.day!)
        }
        var entries: [Entry] = []
        entries.reserveCapacity(drafts.count)
        for draft in drafts {
            if let time = draft.time, time.hasDate { pageDate = (time.year!, time.month!, time.day!) }
            entries.append(Entry(
                time: draft.time.map { $0.text.isEmpty ? nil : $0.text } ?? nil,
                timestamp: draft.time?.timestamp(pageDate: pageDate),
                headline: draft.headline,
                paragraphs: draft.paragraphs,
                related: draft.related,
                flags: draft.flags,
                line: draft.line))
        }
        EntryIdentity.assignIDs(to: &entries)
        return entries
    }
}
