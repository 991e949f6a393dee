/// A pinned post shown above the feed and again at its place in it: one entry, flagged pinned, where the feed
/// puts it.
///
/// The copy above the feed is an entry flagged pinned (from a "Pinned" label) or an entry standing before the
/// first timed post, whose headline and paragraphs repeat a later entry exactly. The copy is removed and its
/// flags (and time, where the later one has none) go to the later entry.
enum PinnedCopies {
    /// At most this many candidate copies are looked for, so that a page of repeated posts stays linear.
    static let maximumCandidates = 8

    static func merge(
        _ drafts: inout [EntryListBuilder.Draft], text: UnsafeBufferPointer<UInt8>,
        diagnostics: inout [Diagnostic]
    ) {
        guard drafts.count >= 2 else { return }
        let firstTimed = drafts.firstIndex { $0.time != nil }
        var candidates: [Int] = []
        for k in drafts.indices where candidates.count < maximumCandidates {
            if drafts[k].flags.contains(.pinned) || (firstTimed != nil && k < firstTimed!) { candidates.append(k) }
        }
        var removed: Set<Int> = []
        for p in candidates {
            let copy = drafts[p]
            guard copy.headline != nil || !copy.paragraphs.isEmpty else { continue }
            guard let q = drafts.indices.dropFirst(p + 1).first(where: { sameContent(drafts[$0], copy, text) }) else {
                continue
            }
            drafts[q].flags.formUnion(copy.flags)
            drafts[q].flags.insert(.pinned)
            if drafts[q].time == nil { drafts[q].time = copy.time }
            removed.insert(p)
            diagnostics.append(
                Diagnostic(
                    line: copy.line, kind: .dropped,
                    message:
                        "pinned copy of the post at line \(drafts[q].line) (\(Heuristic.pinnedCopy)): “\(copy.headline?.string(in: text) ?? String(copy.paragraphs[0].string(in: text).prefix(59)))”"
                ))
        }
        if !removed.isEmpty {
            drafts = drafts.indices.filter { !removed.contains($0) }.map { drafts[$0] }
        }
    }

    /// Byte-for-byte equal headline and paragraphs (a copy is the same bytes; no Unicode equivalence needed).
    private static func sameContent(
        _ a: EntryListBuilder.Draft, _ b: EntryListBuilder.Draft,
        _ text: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        guard a.paragraphs.count == b.paragraphs.count, sameBytes(a.headline, b.headline, text) else { return false }
        for k in a.paragraphs.indices where !TextSpan.sameText(a.paragraphs[k], b.paragraphs[k], in: text) {
            return false
        }
        return true
    }

    private static func sameBytes(_ a: TextSpan?, _ b: TextSpan?, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        return TextSpan.sameText(a, b, in: text)
    }
}
