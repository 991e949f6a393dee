/// Passes that decide a line by what the whole page says about it: how often it recurs, and where it stands in
/// the header that every post repeats. All of them count with hash tables in one pass over the lines.
extension BlogAssembler {
    /// Lines longer than this are never counted as recurring furniture or authors.
    static let maximumRecurringBytes = 64
    /// How many times a short line must appear before the page's own repetition makes it furniture.
    static let furnitureRepeats = 3

    /// How often one line's text appears, how often right after a post time, and how often not followed by a
    /// paragraph (a headline repeated over every post always is).
    struct LineCount {
        var count: Int32 = 0
        var afterTime: Int32 = 0
        var notBeforeParagraph: Int32 = 0

        /// One more occurrence (one dictionary look-up for all three counts).
        mutating func add(afterTime: Int32, beforeParagraph: Bool) {
            count += 1
            self.afterTime += afterTime
            notBeforeParagraph += beforeParagraph ? 0 : 1
        }
    }

    /// A line's text as a 64-bit FNV-1a hash, for counting; short lines' hashes come from the parallel pre-pass.
    @inline(__always)
    func lineHash(_ i: Int) -> UInt64 {
        if i < shortLineHashes.count && lines[i].end - lines[i].start <= Self.maximumRecurringBytes {
            return shortLineHashes[i]
        }
        return Self.hash(bytes(i))
    }

    /// The 64-bit FNV-1a hash of some bytes.
    @inline(__always)
    static func hash(_ line: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in line { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }

    /// The line before `i` that is not dropped, skipping flag lines: what a post's header slot follows.
    func previousSkippingFlags(before i: Int) -> Int? {
        var k = previousSignificant(before: i)
        while let p = k, case .flag = classes[p] { k = previousSignificant(before: p) }
        return k
    }

    /// The line after `i` that is not dropped, skipping flag lines: what opens a post after its time.
    func nextSkippingFlags(after i: Int) -> Int? {
        var k = nextSignificant(after: i)
        while let n = k, case .flag = classes[n] { k = nextSignificant(after: n) }
        return k
    }

    /// For each post time (the last of a post's time lines, `4m ago` over `12.50 BST` counting once), the line
    /// that opens the post after it, flags skipped, or nil. What `isTimeLed` and `isHeadlessPage` both read.
    func postOpenings() -> [Int?] {
        var openings: [Int?] = []
        for i in lines.indices {
            guard case .time = classes[i], !isTime(nextSignificant(after: i)) else { continue }
            openings.append(nextSkippingFlags(after: i))
        }
        return openings
    }

    func isTime(_ i: Int?) -> Bool {
        guard let i else { return false }
        if case .time = classes[i] { return true }
        return false
    }

    /// The page-evidence passes, in order.
    mutating func readPageEvidence() {
        var counts: [UInt64: LineCount] = [:]
        counts.reserveCapacity(lines.count / 4)
        var candidates: [Int] = []
        var hashes: [UInt64] = []
        for i in lines.indices {
            guard case .text = classes[i], lines[i].end - lines[i].start <= Self.maximumRecurringBytes else { continue }
            let h = lineHash(i)
            let afterTime: Int32 = isTime(previousSkippingFlags(before: i)) ? 1 : 0
            let n = nextSignificant(after: i)
            let beforeParagraph = isText(n) && !headlineShaped(n!) && !sameText(i, n!)
            counts[h, default: LineCount()].add(afterTime: afterTime, beforeParagraph: beforeParagraph)
            candidates.append(i)
            hashes.append(h)
        }
        if !candidates.isEmpty {
            readPostTemplate(candidates, counts: counts)
            dropRepeatedLines(candidates, hashes: hashes, counts: counts)
        }
        dropTimedLinkLists()
        readTrailingTimes()
        readTrailingClocks()
        let openings = postOpenings()
        timeLed = isTimeLed(openings)
        // A blog that has just started (one or two posts) shows where its feed starts by every one of its times.
        // A time with nothing under it (a picture-only post, its caption dropped) says nothing either way.
        feedOpensWithTime =
            timeLed
            || (!timeTrails && openings.contains { isText($0) } && openings.allSatisfy { $0 == nil || isText($0) })
        headlessPage = timeLed && isHeadlessPage(openings)
    }

    /// Whether most timed posts on the page open with a paragraph rather than a headline-shaped line. On such a
    /// page a labelled question under a time (`Next question: …?`) is the post's first sentence, not its headline.
    func isHeadlessPage(_ openings: [Int?]) -> Bool {
        var posts = 0
        var headless = 0
        for case let first? in openings where isText(first) {
            posts += 1
            if !headlineShaped(first) && !LineShape.isQuestionHeadlineShaped(bytes(first)) { headless += 1 }
        }
        return posts >= 3 && headless * 10 >= posts * 6
    }

    /// Times a page prints, by what they hold: how the trailing-time heuristic tells two kinds of time line apart.
    func timeKind(_ t: PostTime) -> Int {
        if t.hour == nil && t.epoch != nil { return 0 }
        if t.hour == nil && t.age != nil { return 1 }
        return t.hasDate ? 2 : 3
    }

    /// The trailing-time heuristic: some pages print each post's time after its body, right before the next post's
    /// own (machine) time line. The page shows it by its boundaries and its end: every post boundary has a time of
    /// one kind directly before a time of another kind, and the feed closes with the first kind after a body, with
    /// no post after it. Those times then belong to the post above them.
    mutating func readTrailingTimes() {
        let timeLines = lines.indices.filter { isTime($0) }
        guard timeLines.count >= 4 else { return }
        var pairKinds: (Int, Int)?
        var pairs = 0
        for k in 0..<(timeLines.count - 1) {
            let a = timeLines[k]
            let b = timeLines[k + 1]
            guard nextSignificant(after: a) == b, isText(previousSignificant(before: a)),
                case .time(let ta) = classes[a], case .time(let tb) = classes[b]
            else { continue }
            let kinds = (timeKind(times[ta]), timeKind(times[tb]))
            guard kinds.0 != kinds.1 else { return }
            if let p = pairKinds, p != kinds { return }
            pairKinds = kinds
            pairs += 1
        }
        guard let (trailing, _) = pairKinds, pairs >= 2,
            case .time(let last) = classes[timeLines[timeLines.count - 1]], timeKind(times[last]) == trailing,
            isText(previousSignificant(before: timeLines[timeLines.count - 1]))
        else { return }
        for t in timeLines {
            guard case .time(let k) = classes[t], timeKind(times[k]) == trailing, isText(previousSignificant(before: t))
            else { continue }
            classes[t] = .trailingTime(k)
            diagnostics.append(
                Diagnostic(
                    line: lines[t].number, kind: .note,
                    message: "the time of the post above, printed after its body (\(Heuristic.trailingTime))"))
        }
    }

    /// The trailing-time heuristic, for a page that prints every post's time after its body and nothing else:
    /// the page shows it at its ends. Below the last time there is no post (fewer sentences than a post has, no
    /// headline over a paragraph, only the footer), and above the first one a post (a headline, then a body)
    /// ends. Each time (a run of time lines counting once) then closes the post above it.
    mutating func readTrailingClocks() {
        guard let kind = dominantTimeKind() else { return }
        var groups: [[Int]] = []
        for i in lines.indices where isTime(i) {
            if let last = groups.last?.last, nextSignificant(after: last) == i {
                groups[groups.count - 1].append(i)
            } else {
                groups.append([i])
            }
        }
        // Only the times of the posts' own kind: a dated header line above the feed is the page's.
        groups = groups.filter { group in
            guard case .time(let t) = classes[group[group.count - 1]] else { return false }
            return timeKind(times[t]) == kind
        }
        guard groups.count >= 2, let lastTime = groups.last?.last, let firstTime = groups.first?.first else { return }
        func sentences(_ range: Range<Int>) -> Int {
            range.reduce(0) { n, k in
                n + (isText(k) && bytes(k).count >= 40 && LineShape.endsLikeSentence(bytes(k)) ? 1 : 0)
            }
        }
        // Below the last time, less than a post: fewer sentences than the post above it has.
        let below = sentences((lastTime + 1)..<lines.count)
        let lastBody = sentences((groups[groups.count - 2].last! + 1)..<groups[groups.count - 1][0])
        guard below == 0 || below < lastBody else { return }
        // Below the last time, no headline over a paragraph (on a page whose times lead, the last post's).
        if let n = nextSignificant(after: lastTime), isText(n), headlineShaped(n),
            let p = nextSignificant(after: n), isText(p), !headlineShaped(p)
        {
            return
        }
        // A post's body (two text lines, the last a sentence) right above the first time, under a headline that
        // stands below the title and standfirst.
        guard let above = previousSignificant(before: firstTime), isText(above),
            LineShape.endsLikeSentence(bytes(above)), isText(previousSignificant(before: above)),
            let title = lines.indices.first(where: { isText($0) })
        else { return }
        var headed = false
        var k = title + 2
        while k < above && !headed {
            if isText(k), headlineShaped(k), let n = nextSignificant(after: k), isText(n), !headlineShaped(n) {
                headed = true
            }
            k += 1
        }
        guard headed else { return }
        let closing = groups.filter { group in isText(previousSignificant(before: group[0])) }
        guard closing.count * 10 >= groups.count * 8 else { return }
        timeTrails = true
        for group in groups where isText(previousSignificant(before: group[0])) {
            for t in group {
                guard case .time(let index) = classes[t] else { continue }
                classes[t] = .trailingTime(index)
                diagnostics.append(
                    Diagnostic(
                        line: lines[t].number, kind: .note,
                        message:
                            "the time of the post above; the page prints every time after its post's body (\(Heuristic.trailingTime))"
                    ))
            }
        }
    }

    /// Whether the page's posts open with a time: most time lines are followed by the post's text. On such a page
    /// a headline needs its place in the post's header (see `BlogAssembler.isHeadlineSlot`).
    func isTimeLed(_ openings: [Int?]) -> Bool {
        let followed = openings.filter { isText($0) }.count
        if timeTrails { return false }
        return openings.count >= 3 && followed * 10 >= openings.count * 7
    }

    /// The navigation-list heuristic, for lists without a heading: three or more times in a row, each followed by
    /// one title line and nothing else (a key-events box, "more on this story"), are links to posts, not posts.
    mutating func dropTimedLinkLists() {
        var run: [(time: Int, title: Int)] = []
        func flush(_ assembler: inout BlogAssembler) {
            if run.count >= 3 {
                for (t, title) in run {
                    assembler.overrulable.append((t, assembler.classes[t], Heuristic.navigationList))
                    assembler.overrulable.append((title, assembler.classes[title], Heuristic.navigationList))
                    assembler.drop(
                        t, because: "time of a linked title in a list of \(run.count) (\(Heuristic.navigationList))")
                    assembler.drop(
                        title,
                        because: "linked title without a post body, one of \(run.count) (\(Heuristic.navigationList))")
                }
                // The list's heading: a short label right above its first time (`Key events`, `Latest`), dropped
                // once the title-first reading below has looked at the line above the list.
                let heading = assembler.previousSignificant(before: run[0].time)
                // A list written title first (title, time; title, time): its last time ends the page or the
                // list (or its first title repeats a later headline), and its first title stands above the first
                // time.
                let before = assembler.previousSignificant(before: run[0].time)
                let titleFirst = before.map { assembler.isText($0) && assembler.laterCopy(of: $0) != nil } ?? false
                if let after = assembler.nextSignificant(after: run[run.count - 1].title), assembler.isTime(after),
                    titleFirst || !assembler.isText(assembler.nextSignificant(after: after))
                {
                    assembler.drop(
                        after, because: "time of the last linked title in the list (\(Heuristic.navigationList))")
                    if let before = assembler.previousSignificant(before: run[0].time), assembler.isText(before),
                        !assembler.isProse(before)
                    {
                        assembler.drop(before, because: "first linked title in the list (\(Heuristic.navigationList))")
                    }
                }
                if let heading, assembler.isListHeading(heading) {
                    assembler.drop(
                        heading,
                        because: "heading of a list of \(run.count) linked titles (\(Heuristic.navigationList))")
                }
            }
            run.removeAll()
        }
        var i = 0
        while i < lines.count {
            guard case .time = classes[i] else {
                i += 1
                continue
            }
            guard let n = nextSignificant(after: i), isText(n), lines[n].end - lines[n].start <= 200,
                isTime(nextSignificant(after: n)) || nextSignificant(after: n) == nil,
                !LineShape.endsLikeSentence(bytes(n)) || LineShape.endsWithEllipsis(bytes(n))
            else {
                flush(&self)
                i += 1
                continue
            }
            if let last = run.last, nextSignificant(after: last.title) != i { flush(&self) }
            run.append((i, n))
            i = n + 1
        }
        flush(&self)
    }

    /// A line that can head a list: a label of at most four words that is not a sentence and does not follow a
    /// time (a post's headline does).
    func isListHeading(_ i: Int) -> Bool {
        // A navigation heading the rules know (`Key events`) whose items repeat no later line is this list's.
        if case .navigation = classes[i] { return true }
        guard isText(i), headlineShaped(i), !LineShape.endsLikeSentence(bytes(i)),
            !isTime(previousSkippingFlags(before: i))
        else { return false }
        return bytes(i).wordCount() <= Self.maximumListHeadingWords
    }

    /// The most words a list's heading has.
    static let maximumListHeadingWords = 4

    /// The post-template heuristic: a name that recurs in the slot right after the post times (the same few
    /// reporters under every time) is the post's author, never its headline. A recurring line in that slot is a
    /// name when it is shaped like one and a headline-shaped line follows it (time, author, headline); a name the
    /// page's byline above the feed names is an author wherever it stands after a time. Once the page shows that template, a name-shaped line in the
    /// same slot that is followed by a headline is an author too, even if that reporter wrote only one post.
    mutating func readPostTemplate(_ candidates: [Int], counts: [UInt64: LineCount]) {
        guard let firstTime = lines.indices.first(where: { isTime($0) }) else { return }
        var authors: [Int] = []
        var recurring = 0
        var slotNames: [Int] = []
        for i in candidates {
            guard i > firstTime, isTime(previousSkippingFlags(before: i)), isPersonName(bytes(i)) else { continue }
            slotNames.append(i)
            if nextLineOpensWithName(i) {
                // `Ana Ruiz` over `Ana Ruiz reports from Lisbon`: the post's byline, however often she writes.
                authors.append(i)
                continue
            }
            if bylineAboveFeed(names: i, before: firstTime) {
                // A reporter the page's byline names, under a post's time.
                authors.append(i)
                recurring += 1
                continue
            }
            guard let c = counts[lineHash(i)], c.afterTime >= 2 else { continue }
            if nextTextIsHeadlineShaped(i) {
                authors.append(i)
                recurring += 1
            }
        }
        if recurring < 2 {
            for i in authors {
                drop(i, because: "author over a line that opens with the same name (\(Heuristic.postTemplate))")
            }
            return
        }
        let taken = Set(authors)
        for i in slotNames where !taken.contains(i) && nextTextIsHeadlineShaped(i) { authors.append(i) }
        for i in authors {
            drop(
                i,
                because: "author after the post time at line \(lines[previousSkippingFlags(before: i)!].number) "
                    + "(\(Heuristic.postTemplate): time, author, then the post)")
        }
    }

    /// Whether the next line starts with line `i`'s words and goes on (`Ana Ruiz` / `Ana Ruiz reports from …`).
    func nextLineOpensWithName(_ i: Int) -> Bool {
        guard let n = nextSignificant(after: i), isText(n) else { return false }
        let name = bytes(i)
        let next = bytes(n)
        return next.count > name.count + 1 && next[name.count] == .space
            && memcmp(next.baseAddress!, name.baseAddress!, name.count) == 0
    }

    /// Whether the next line (past flags) is text shaped like a headline that has text after it.
    func nextTextIsHeadlineShaped(_ i: Int) -> Bool {
        guard let n = nextSkippingFlags(after: i), isText(n), headlineShaped(n) else { return false }
        return isText(nextSignificant(after: n))
    }

    /// Whether a short line above the feed (the page's byline) holds the name on line `i` among other names.
    func bylineAboveFeed(names i: Int, before firstTime: Int) -> Bool {
        let name = bytes(i)
        for k in 0..<min(firstTime, 200) {
            let line = bytes(k)
            guard line.count >= name.count, line.count <= 120, line.count != name.count || k != i else { continue }
            guard let at = find(name, in: line) else { continue }
            // The rest of the line must be names, roles and joining words: a byline, not a sentence.
            var rest = Array(line[..<at])
            rest.append(.space)
            rest.append(contentsOf: line[(at + name.count)...])
            let isByline = rest.withUnsafeBufferPointer { r in
                r.allSatisfy { $0 == .space || $0 == UInt8(ascii: ",") } || AuthorLine.isNames(r) || isJoinedNames(r)
            }
            if isByline { return true }
        }
        return false
    }

    /// Words that are all capitalised or small joining words ("By", "and", ","): what is left of a byline once one
    /// name is taken out of it.
    func isJoinedNames(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var words = 0
        for word in line.split(separator: .space) {
            var w = Array(word)
            while let last = w.last, last == UInt8(ascii: ",") || last == UInt8(ascii: ":") { w.removeLast() }
            if w.isEmpty { continue }
            words += 1
            let s = String(decoding: w, as: UTF8.self).lowercased()
            if [
                "and", "by", "&", "with", "und", "et", "e", "i", "y", "von", "de", "di", "van", "der", "la", "le", "in",
            ]
            .contains(s) {
                continue
            }
            guard let first = String(decoding: w, as: UTF8.self).unicodeScalars.first, first.properties.isUppercase
            else { return false }
        }
        return words <= 10
    }

    /// Where `needle` first stands in `haystack` (glibc's `memmem` is not visible to Swift here).
    func find(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        guard needle.count <= haystack.count, !needle.isEmpty else { return nil }
        var k = 0
        while k + needle.count <= haystack.count {
            if haystack[k] == needle[0] && memcmp(haystack.baseAddress! + k, needle.baseAddress!, needle.count) == 0 {
                return k
            }
            k += 1
        }
        return nil
    }

    /// A person's name as a post header prints it: two to four capitalised words (`Ana Ruiz`, `Jean-Luc Marchetti`,
    /// `Zofia Łukasiewicz`), no digits, no sentence punctuation.
    func isPersonName(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard line.count >= 5, line.count <= 48, line[0].isUpper || line[0].startsNonASCIILetter else { return false }
        // Bytes first: one to three spaces, no digits or sentence marks; only then the letters' case.
        var spaces = 0
        for b in line {
            if b == .space {
                spaces += 1
            } else if b.isDigit {
                return false
            } else if b == UInt8(ascii: ",") || b == UInt8(ascii: ":") || b == UInt8(ascii: "?")
                || b == UInt8(ascii: "!")
                || b == UInt8(ascii: "(") || b == UInt8(ascii: "\"")
            {
                return false
            }
        }
        guard spaces >= 1, spaces <= 3 else { return false }
        let s = String(decoding: line, as: UTF8.self)
        let words = s.split(separator: " ")
        guard words.count >= 2, words.count <= 4 else { return false }
        for word in words {
            guard let first = word.unicodeScalars.first, first.properties.isUppercase else { return false }
            for u in word.unicodeScalars {
                if u.properties.isAlphabetic || u == "-" || u == "'" || u == "’" || u == "." { continue }
                return false
            }
        }
        return true
    }

    /// The repeated-line heuristic: a short line printed again and again on one page (a spacer label between
    /// blocks, a widget's caption) is furniture. A line that stands after post times is left to the post
    /// template, and one that always opens a paragraph is left as a headline: the same headline over every post
    /// is still a headline.
    mutating func dropRepeatedLines(_ candidates: [Int], hashes: [UInt64], counts: [UInt64: LineCount]) {
        var spacer: (hash: UInt64, count: Int) = (0, 0)
        // The furniture first, from the counts alone; most pages have little, so most lines need no look-up.
        var furniture: [UInt64: LineCount] = [:]
        for (h, c) in counts where c.count >= Self.furnitureRepeats && c.afterTime == 0 && c.notBeforeParagraph > 0 {
            furniture[h] = c
        }
        guard !furniture.isEmpty else { return }
        for (k, i) in candidates.enumerated() {
            guard case .text = classes[i], let c = furniture[hashes[k]] else { continue }
            overrulable.append((i, classes[i], Heuristic.repeatedLine))
            drop(i, because: "repeated \(c.count) times on the page, furniture (\(Heuristic.repeatedLine))")
            if c.count > spacer.count { spacer = (hashes[k], Int(c.count)) }
        }
        if spacer.count >= Self.minimumSpacerRepeats && spacer.count * 6 >= lines.count {
            spacerHash = spacer.hash
            dropWidgetsBetweenSpacers(spacer.hash)
        }
    }

    /// The spacer-layout heuristic, at the top: the article's first block follows the first spacer, so the text
    /// lines between the standfirst and that spacer are the page's header (byline, dates, reading time, buttons).
    mutating func dropHeaderAboveFirstSpacer(from start: Int) {
        guard let spacer = spacerHash else { return }
        var first: Int?
        for i in start..<lines.count {
            if case .dropped = classes[i], lines[i].end - lines[i].start <= Self.maximumRecurringBytes,
                lineHash(i) == spacer
            {
                first = i
                break
            }
        }
        guard let first, first - start <= Self.maximumSpacerHeaderLines else { return }
        for k in start..<first where isText(k) {
            drop(
                k,
                because:
                    "above the first spacer at line \(lines[first].number), the page's header (\(Heuristic.spacerLayout))"
            )
        }
    }

    /// How many lines the header above the first spacer may have.
    static let maximumSpacerHeaderLines = 60

    /// How often a spacer line must recur before the page counts as laid out with spacers.
    static let minimumSpacerRepeats = 10

    /// The spacer-layout heuristic: on a page that puts one spacer line between every two
    /// blocks of the article, the article's blocks stand alone between spacers. A run of three or more lines with no
    /// spacer among them, not all of them sentences, is a widget inserted into the page (a paywall, a sign-up
    /// form, a video player's error, a list of trending links).
    mutating func dropWidgetsBetweenSpacers(_ spacer: UInt64) {
        var run: [Int] = []
        var sawSpacer = false
        func flush(_ assembler: inout BlogAssembler) {
            defer { run.removeAll() }
            guard sawSpacer, run.count >= 3, run.contains(where: { !LineShape.endsLikeSentence(assembler.bytes($0)) })
            else { return }
            for k in run {
                assembler.drop(
                    k,
                    because:
                        "one of \(run.count) lines with no spacer between them, a widget (\(Heuristic.spacerLayout))")
            }
        }
        for i in lines.indices {
            if case .dropped = classes[i] {
                if lines[i].end - lines[i].start <= Self.maximumRecurringBytes && lineHash(i) == spacer {
                    flush(&self)
                    sawSpacer = true
                }
                continue
            }
            run.append(i)
        }
        // The run after the last spacer is the page's end: widgets there are the footer.
        flush(&self)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
