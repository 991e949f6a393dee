import Foundation

/// Collects the pieces the assembler finds (times, flags, headlines, paragraphs, links) into entries.
struct EntryListBuilder {
    struct Draft {
        var time: PostTime?
        var headline: TextSpan?
        var paragraphs: [TextSpan] = []
        var related: [RelatedSpan] = []
        var flags: EntryFlags = []
        var line: Int
        /// Whether the time was printed after the body (a second trailing time line joins it).
        var timeTrails = false
        /// Whether a picture's caption or credit (dropped as furniture) stood in the post's block.
        var hasPicture = false

        var hasContent: Bool { headline != nil || !paragraphs.isEmpty || !related.isEmpty }
        /// A timed post whose only content was a picture (image-only-post heuristic).
        var isPictureOnly: Bool { hasPicture && time?.hour != nil && !hasContent }
    }

    /// The normalised source text the spans point into.
    let text: UnsafeBufferPointer<UInt8>
    private var drafts: [Draft] = []
    private var current: Draft?

    init(text: UnsafeBufferPointer<UInt8>) {
        self.text = text
    }

    /// True when nothing but a time or flags has been seen for the entry being built.
    var isAtEntryStart: Bool { current.map { !$0.hasContent } ?? true }

    /// True right after a post's time or flags, before its headline or text.
    var isAtTimedEntryStart: Bool {
        guard let current, !current.hasContent else { return false }
        return current.time != nil || !current.flags.isEmpty
    }

    /// A time printed after the post's body: it is the open post's time. A machine time (an epoch) that opened the
    /// post is kept with it.
    mutating func addTrailingTime(_ time: PostTime, line: Int) {
        guard var draft = current else { return addTime(time, line: line) }
        var result = time
        if draft.timeTrails {
            // A second line of the same trailing time (`4m ago` over `14:05`).
            result = EntryListBuilder.combine(draft.time, time)
        } else if result.epoch == nil {
            result.epoch = draft.time?.epoch
        }
        draft.time = result
        draft.timeTrails = true
        current = draft
    }

    mutating func close() {
        if let draft = current, draft.hasContent || draft.isPictureOnly { drafts.append(draft) }
        current = nil
    }

    /// The image-only-post heuristic: a picture (its caption or credit, dropped as furniture) stands in the block
    /// of the entry being built. A timed block holding nothing else is kept as a post without text.
    mutating func notePicture() {
        guard var draft = current, draft.time != nil, !draft.hasContent, !draft.timeTrails else { return }
        draft.hasPicture = true
        current = draft
    }

    mutating func addTime(_ time: PostTime, line: Int) {
        if var draft = current, !draft.hasContent, !draft.hasPicture {
            draft.time = EntryListBuilder.combine(draft.time, time)
            current = draft
        } else {
            close()
            current = Draft(time: time, line: line)
        }
    }

    /// Two or more time lines in a row describe one post (`1h ago` over `11.52 BST`; a dateline over its epoch
    /// fallback; the page's dateline over the first post's clock). The clock time written last is the post's time;
    /// a date, an age or an epoch from the other lines is kept with it.
    static func combine(_ old: PostTime?, _ new: PostTime) -> PostTime {
        guard var old else { return new }
        if new.hour == nil && new.epoch != nil {
            // An epoch fallback after the time it stands for.
            if old.epoch == nil { old.epoch = new.epoch }
            return old
        }
        if new.hour != nil {
            var result = new
            if !result.hasDate && old.hasDate {
                result.year = old.year
                result.month = old.month
                result.day = old.day
            }
            if result.age == nil { result.age = old.age }
            if result.epoch == nil && old.hour == nil { result.epoch = old.epoch }
            return result
        }
        // The new line has no clock: an age or a date for the time already seen.
        if old.hour == nil && old.epoch == nil && new.age != nil && old.age == nil { return new }
        if new.hasDate && !old.hasDate {
            old.year = new.year
            old.month = new.month
            old.day = new.day
        }
        if old.age == nil { old.age = new.age }
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

    mutating func addHeadline(_ headline: TextSpan, line: Int) {
        if var draft = current, draft.headline == nil, draft.paragraphs.isEmpty, draft.related.isEmpty {
            draft.headline = headline
            current = draft
        } else {
            close()
            current = Draft(headline: headline, line: line)
        }
    }

    mutating func addParagraph(_ paragraph: TextSpan, line: Int) {
        if current == nil { current = Draft(line: line) }
        current!.paragraphs.append(paragraph)
    }

    mutating func addRelated(_ link: RelatedSpan, line: Int) {
        if current == nil { current = Draft(line: line) }
        // A card's title echoed by the page a second time is one link, not two.
        if let last = current!.related.last, last.kind == link.kind,
            TextSpan.sameText(last.title, link.title, in: text),
            last.summary == nil && link.summary == nil
                || (last.summary != nil && link.summary != nil
                    && TextSpan.sameText(last.summary!, link.summary!, in: text))
        {
            return
        }
        current!.related.append(link)
    }

    /// The finished entries, with timestamps and stable ids, their texts still spans of the source.
    /// `pageDate` is the date the page's own dateline gives.
    mutating func finish(pageDate: PageDate? = nil, diagnostics: inout [Diagnostic]) -> [EntrySpans] {
        close()
        PinnedCopies.merge(&drafts, text: text, diagnostics: &diagnostics)
        let dates = PageDate.dates(for: drafts.map(\.time), pageDate: pageDate)
        var entries: [EntrySpans] = []
        entries.reserveCapacity(drafts.count)
        for (k, draft) in drafts.enumerated() {
            entries.append(
                EntrySpans(
                    id: EntryID(""),
                    time: draft.time,
                    timestamp: draft.time?.timestamp(pageDate: dates[k], defaultZoneOffset: pageDate?.zoneOffset),
                    headline: draft.headline,
                    paragraphs: draft.paragraphs,
                    related: draft.related,
                    flags: draft.flags,
                    line: draft.line))
        }
        EntryIdentity.assignIDs(to: &entries, text: text)
        return entries
    }
}
