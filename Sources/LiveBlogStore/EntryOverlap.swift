/// When two sets of entry ids are the same blog: the rule every store applies to `blog(sharingEntries:)`.
enum EntryOverlap {
    /// At least half of the entries given, or half of those the store knows, are shared: a blog that grew since
    /// (many new entries) or a copy cut short (few) still counts; two blogs sharing a stray entry do not.
    static func isSameBlog(shared: Int, given: Int, known: Int) -> Bool {
        guard shared > 0 else { return false }
        return 2 * shared >= min(given, max(known, 1)) && (shared >= 2 || min(given, known) <= 2)
    }
}
