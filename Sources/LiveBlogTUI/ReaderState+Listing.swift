import Foundation
import LiveBlogCore

extension ReaderState {
    var listHeight: Int { max(1, layout.list.height) }
    var detailHeight: Int { max(1, layout.detailText.height) }

    /// Position in `blog.entries` of the selected entry.
    var selectedEntry: Int? { listing.isEmpty ? nil : listing[min(list.cursor, listing.count - 1)] }

    /// The entry the detail pane is showing, if the pane is on screen.
    var shownEntry: Int? {
        guard mode != .help, !layout.isTooSmall else { return nil }
        return selectedEntry
    }

    static func timeWidth(of blog: LiveBlog, timeZone: TimeZone) -> Int {
        var width = 0
        // Pages repeat their time words ("10:45", "Just now"): each distinct one is shortened once.
        var seen = Set<String>()
        for entry in blog.entries {
            if entry.timestamp != nil {
                width = max(width, 5)
            } else if let time = entry.time, seen.insert(time).inserted {
                width = max(width, DisplayWidth.of(EntryTime.shorten(time)))
            }
            if width >= EntryTime.columnLimit { return EntryTime.columnLimit }
        }
        return width
    }

    /// The widest list row's cells (capped at 120), so that the default width cuts as few headlines as it can.
    /// The first 2,000 entries stand for the rest: the first frame must not wait on measuring 100,000 rows.
    static func contentWidth(of blog: LiveBlog, timeColumn: Int, repeated: Set<String> = []) -> Int {
        let fixed = 2 + (timeColumn > 0 ? timeColumn + 1 : 0) + 1
        var widest = 0
        for entry in blog.entries.prefix(2_000) {
            // UTF-8 length bounds the cells from above; measure only rows that could be the widest.
            let title = entry.headline.flatMap { repeated.contains($0) ? nil : $0 } ?? entry.paragraphs.first ?? ""
            if title.utf8.count <= widest { continue }
            widest = max(widest, min(120, DisplayWidth.of(Renderer.rowTitle(entry, repeated: repeated).0)))
            if widest >= 120 { break }
        }
        return fixed + widest
    }

    /// Cells the label column takes with its gap (the river's blog names); 0 without labels.
    var labelColumns: Int { labelWidth > 0 ? labelWidth + 1 : 0 }

    /// The list's wanted width again, after the blog, its times or its labels changed.
    mutating func updateContentWidth() {
        contentWidth =
            Self.contentWidth(of: blog, timeColumn: timeColumnWidth, repeated: repeatedHeadlines) + labelColumns
    }

    /// Sets the label shown before each entry's headline (by entry id) and widens the list for it.
    mutating func setRowLabels(_ labels: [EntryID: String], width: Int) {
        rowLabels = labels
        labelWidth = labels.isEmpty ? 0 : width
        updateContentWidth()
    }

    /// Shows times in another zone (`:set time-zone`): the time column, day rows and widths follow it.
    mutating func setTimeZone(_ zone: TimeZone) {
        options.timeZone = zone
        timeColumnWidth = Self.timeWidth(of: blog, timeZone: zone)
        spansDays = Self.spansDays(blog, timeZone: zone)
        updateContentWidth()
    }

    /// Headlines carried by at least three entries with text of their own: a repeated kicker, not a title.
    static func repeatedHeadlines(of blog: LiveBlog) -> Set<String> {
        var counts: [String: Int] = [:]
        var repeated: Set<String> = []
        for entry in blog.entries where !entry.paragraphs.isEmpty {
            guard let headline = entry.headline else { continue }
            counts[headline, default: 0] += 1
            if counts[headline] == 3 { repeated.insert(headline) }
        }
        return repeated
    }

    static func spansDays(_ blog: LiveBlog, timeZone: TimeZone) -> Bool {
        var first: Int?
        for entry in blog.entries {
            guard let timestamp = entry.timestamp else { continue }
            let day = EntryTime.dayNumber(timestamp, timeZone: timeZone)
            if let first, first != day { return true }
            first = day
        }
        return false
    }

    /// The moment that starts a new day at list position `p`: its entry's timestamp when it is the first
    /// listed or its day differs from the entry above it; nil otherwise (and for untimed entries).
    func dayStarting(at p: Int) -> Date? {
        guard spansDays, let timestamp = blog.entries[listing[p]].timestamp else { return nil }
        guard p > 0, let previous = blog.entries[listing[p - 1]].timestamp else { return timestamp }
        let zone = options.timeZone
        return EntryTime.dayNumber(timestamp, timeZone: zone) != EntryTime.dayNumber(previous, timeZone: zone)
            ? timestamp : nil
    }

    /// The time the list shows for entry `i` (see `EntryTime.short`).
    func listTime(_ i: Int) -> String? { EntryTime.short(blog.entries[i], timeZone: options.timeZone) }

    // MARK: Order and listing

    mutating func rebuildOrder() {
        let n = blog.entries.count
        switch order {
        case .published:
            displayOrder = Array(0..<n)
        case .oldestFirst:
            let entries = blog.entries
            if n > 0, entries.allSatisfy({ $0.timestamp != nil }) {
                displayOrder = (0..<n).sorted { a, b in
                    let ta = entries[a].timestamp!
                    let tb = entries[b].timestamp!
                    return ta != tb ? ta < tb : a > b
                }
            } else {
                displayOrder = Array((0..<n).reversed())
            }
        }
        rank = Array(repeating: 0, count: n)
        for (r, entry) in displayOrder.enumerated() { rank[entry] = r }
    }

    /// Lists the entries that pass the filter and the unread-only view, keeping `entry` selected if it is listed
    /// (in the unread-only view it stays listed even when read), otherwise the next one in list order.
    mutating func rebuildListing(keeping entry: Int?) {
        let before = selectedEntry
        listing.removeAll(keepingCapacity: true)
        let unreadOnly = isUnreadOnly
        if isKeyEventsOnly {
            // Key events only: a view of its own, so the selection does not keep a post that is not one.
            for i in displayOrder where blog.entries[i].flags.contains(.keyEvent) && (filter?.contains(i) ?? true) {
                if !unreadOnly || !isRead[i] || i == entry { listing.append(i) }
            }
        } else {
            isRead.withUnsafeBufferPointer { read in
                if let filter {
                    for i in displayOrder where filter.contains(i) && (!unreadOnly || !read[i] || i == entry) {
                        listing.append(i)
                    }
                } else if unreadOnly {
                    for i in displayOrder where !read[i] || i == entry { listing.append(i) }
                } else {
                    listing.append(contentsOf: displayOrder)
                }
            }
        }
        if let entry {
            list.cursor = min(listPosition(of: entry), max(0, listing.count - 1))
        } else {
            list.cursor = 0
        }
        list.clamp(count: listing.count, height: listHeight)
        if selectedEntry != before { selectionDidChange() }
    }

    /// Where `entry` is or would be in the listing (binary search by list order).
    func listPosition(of entry: Int) -> Int {
        let target = rank[entry]
        var lo = 0
        var hi = listing.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if rank[listing[mid]] < target { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    mutating func selectionDidChange() {
        detailScroll = 0
        currentMatch = nil
    }

    /// Moves the selection with `body`; leaving an entry that was read drops it from the unread-only view.
    mutating func moveSelection(_ body: (inout ListMovement, _ count: Int, _ height: Int) -> Void) {
        let before = selectedEntry
        body(&list, listing.count, listHeight)
        let after = selectedEntry
        guard before != after else { return }
        selectionDidChange()
        if isUnreadOnly, let before, isRead[before] {
            let p = listPosition(of: before)
            if p < listing.count, listing[p] == before {
                listing.remove(at: p)
                if p < list.cursor { list.cursor -= 1 }
                list.clamp(count: listing.count, height: listHeight)
            }
        }
    }

    // MARK: Read marks

    /// Marks entry `i` read or unread; answers whether anything changed.
    @discardableResult
    mutating func setRead(_ i: Int, _ read: Bool) -> Bool {
        guard isRead[i] != read else { return false }
        isRead[i] = read
        let id = blog.entries[i].id
        if read {
            readMarks.insert(id)
            unreadCount -= 1
        } else {
            readMarks.remove(id)
            unreadCount += 1
        }
        return true
    }

    // MARK: Search

    /// Makes `query` the active search (nil or empty: none), filtering the list and keeping `entry` selected
    /// where it matches.
    ///
    /// Without an index, a blog with more text than `scanLimitBytes` is not scanned on every key (that takes
    /// seconds at 100,000 entries): the search waits for the index (`isSearchPending`, "searching…"), and
    /// `.indexReady` applies it.
    mutating func applyQuery(_ newQuery: SearchQuery?, keeping entry: Int?) {
        currentMatch = nil
        isSearchPending = false
        if let newQuery, !newQuery.isEmpty {
            query = newQuery
            if let index {
                filter = index.entrySet(newQuery)
            } else if textBytes <= Self.scanLimitBytes {
                filter = scan(newQuery)
            } else {
                filter = nil
                isSearchPending = true
            }
            filterCount = filter?.count ?? blog.entries.count
        } else {
            query = nil
            filter = nil
            filterCount = blog.entries.count
        }
        rebuildListing(keeping: entry)
    }

    /// Text a scan without the index reads in a few milliseconds.
    static let scanLimitBytes = 256 * 1024

    /// Bytes of searchable text in `blog` (headlines, paragraphs, links), counted once per blog.
    static func searchableBytes(of blog: LiveBlog) -> Int {
        var total = 0
        for entry in blog.entries {
            total += entry.headline?.utf8.count ?? 0
            for p in entry.paragraphs { total += p.utf8.count }
            for link in entry.related { total += link.title.utf8.count + (link.summary?.utf8.count ?? 0) }
        }
        return total
    }

    /// The entries matching `query`, found by running the matcher over the blog: the way to search until the
    /// index arrives. Typing on at the end of the last search only narrows it, so only its matches are scanned
    /// again (not with `-`, where a longer word can exclude less).
    mutating func scan(_ query: SearchQuery) -> EntrySet {
        let matcher = EntryMatcher(query)
        var result = EntrySet(capacity: blog.entries.count)
        if let last = lastScan, !last.text.isEmpty, query.text.hasPrefix(last.text),
            !query.text.contains("-"), last.set.capacity == blog.entries.count
        {
            for i in last.set.members where matcher.matches(in: blog.entries[i]) != nil { result.insert(i) }
        } else {
            for (i, e) in blog.entries.enumerated() where matcher.matches(in: e) != nil { result.insert(i) }
        }
        lastScan = (query.text, result)
        return result
    }

    /// Search matches in entry `i` for the active search (empty when none).
    func matches(in i: Int) -> [SearchMatch] {
        guard let query, !query.isEmpty else { return [] }
        return EntryMatcher(query).matches(in: blog.entries[i]) ?? []
    }

    func detailLayout(for i: Int) -> DetailLayout {
        // Callers want its line count and match lines, never its glyphs: keep none.
        DetailLayout(
            entry: blog.entries[i], width: layout.detailText.width, matches: matches(in: i), isNew: isNew[i],
            isEdited: editedEntryIDs.contains(blog.entries[i].id),
            window: 0..<0, time: .some(EntryTime.full(blog.entries[i], timeZone: options.timeZone)))
    }

    // MARK: Reload

    /// Takes a re-read blog: keeps marks, the selected entry (by id), its screen row and scroll; flags entries
    /// that were not there before as new.
    mutating func replaceBlog(_ newBlog: LiveBlog) -> Int {
        let oldSelected = selectedEntry.map { blog.entries[$0].id }
        let oldRow = list.cursor - list.top
        let oldCursor = list.cursor
        let oldScroll = detailScroll
        let oldEntryIDs = blog.entries.map(\.id)
        let oldIDs = Set(oldEntryIDs)
        blog = newBlog
        index = nil
        lastScan = nil
        textBytes = Self.searchableBytes(of: newBlog)
        isRead = newBlog.entries.map { readMarks.contains($0.id) }
        unreadCount = isRead.reduce(0) { $0 + ($1 ? 0 : 1) }
        var added = 0
        isNew = newBlog.entries.map { entry in
            if oldIDs.contains(entry.id) { return newEntryIDs.contains(entry.id) }
            added += 1
            newEntryIDs.insert(entry.id)
            return true
        }
        timeColumnWidth = Self.timeWidth(of: newBlog, timeZone: options.timeZone)
        repeatedHeadlines = Self.repeatedHeadlines(of: newBlog)
        spansDays = Self.spansDays(newBlog, timeZone: options.timeZone)
        updateContentWidth()
        rebuildOrder()
        let keep = oldSelected.flatMap { id in newBlog.entries.firstIndex { $0.id == id } }
        if let saved = prompt?.savedEntry {
            let id = oldEntryIDs[saved]
            prompt?.savedEntry = newBlog.entries.firstIndex { $0.id == id }
        }
        // Apply the search again on the new text (by scanning until a new index arrives).
        let q = query
        query = nil
        filter = nil
        if let keep {
            applyQuery(q, keeping: keep)
            list.top = list.cursor - oldRow
            list.holdsRow = list.top > 0
            list.clamp(count: listing.count, height: listHeight)
            detailScroll = oldScroll
            if let shown = selectedEntry {
                detailScroll = min(oldScroll, detailLayout(for: shown).maxScroll(height: detailHeight))
            }
        } else {
            applyQuery(q, keeping: nil)
            list.cursor = oldCursor
            list.top = oldCursor - oldRow
            list.clamp(count: listing.count, height: listHeight)
            selectionDidChange()
        }
        return added
    }
}
