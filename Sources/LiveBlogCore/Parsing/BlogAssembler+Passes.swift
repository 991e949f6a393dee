/// Passes that judge a line by its neighbours: navigation lists, promo pitches and photo captions.
extension BlogAssembler {
    /// Navigation lists handled per page, and items per list, so that odd input stays linear.
    static let maximumNavigationLists = 16
    static let maximumNavigationItems = 60

    /// The navigation-list heuristic: under a heading such as "Key events", "Key points" or "Jump to", the items
    /// (each a line repeating a later line of the page, maybe after a time line) are dropped with the heading.
    /// The real posts they repeat are kept.
    /// A heading with no such items is not navigation and stays as text (a post may be headed "Summary").
    mutating func dropNavigationLists() {
        for heading in navigationHeadings.prefix(Self.maximumNavigationLists) {
            guard case .navigation = classes[heading] else { continue }
            let name = string(heading)
            // Find the items first: (time line or nil, item line, the later line it repeats).
            var items: [(time: Int?, item: Int, echo: Int)] = []
            var trailingTime: Int?
            var k = heading + 1
            scan: while k < lines.count && items.count < Self.maximumNavigationItems {
                switch classes[k] {
                case .dropped:
                    k += 1
                case .time:
                    guard let n = nextSignificant(after: k), isText(n), let echo = laterCopy(of: n) else {
                        // A list written title first (title, time): the last title's time ends it.
                        // The scan pairs each time with the title after it, so such a list reads as a first title
                        // without a time and the rest with one; the time left over is the last title's.
                        if items.count >= 2, items[0].time == nil, items.dropFirst().allSatisfy({ $0.time != nil }),
                            nextSignificant(after: items[items.count - 1].item) == k
                        {
                            trailingTime = k
                        }
                        break scan
                    }
                    items.append((k, n, echo))
                    k = n + 1
                case .text:
                    guard let echo = laterCopy(of: k) else { break scan }
                    items.append((nil, k, echo))
                    k += 1
                default:
                    break scan
                }
            }
            classes[heading] = .text
            guard !items.isEmpty else {
                if LineShape.isHeadlineShaped(bytes(heading)) { shapes[heading] = 2 }
                continue
            }
            drop(heading, because: "navigation heading “\(name)” (\(Heuristic.navigationList))")
            if let trailingTime {
                drop(
                    trailingTime,
                    because: "time of the last navigation item under “\(name)” (\(Heuristic.navigationList))")
            }
            for (time, item, echo) in items {
                if let time {
                    drop(time, because: "time of a navigation item under “\(name)” (\(Heuristic.navigationList))")
                }
                drop(
                    item, because: "navigation item repeating line \(lines[echo].number) (\(Heuristic.navigationList))")
            }
        }
    }

    /// A later text line that line `i` repeats: the same bytes, or, for an item of at least
    /// `minimumTruncatedItemBytes` that a list cut short with "…" or "...", the start of the later line
    /// (key-event lists show the opening words of an untitled post).
    func laterCopy(of i: Int) -> Int? {
        let item = bytes(i)
        guard !item.isEmpty else { return nil }
        var length = item.count
        var truncated = false
        if item.ends(with: .ellipsis) {
            length -= 3
            truncated = true
        } else if length >= 3 && item[length - 3] == UInt8(ascii: ".") && item[length - 2] == UInt8(ascii: ".")
            && item[length - 1] == UInt8(ascii: ".")
        {
            length -= 3
            truncated = true
        }
        while truncated && length > 0 && item[length - 1] == .space { length -= 1 }
        if truncated && length < Self.minimumTruncatedItemBytes { return nil }
        let first = item[0]
        var k = i + 1
        while k < lines.count {
            let candidateLength = lines[k].end - lines[k].start
            if truncated ? candidateLength > length : candidateLength == length, text[lines[k].start] == first,
                isText(k),
                memcmp(item.baseAddress!, text.baseAddress! + lines[k].start, length) == 0
            {
                return k
            }
            k += 1
        }
        return nil
    }

    /// Shortest truncated navigation item matched against the start of a later line.
    static let minimumTruncatedItemBytes = 20

    /// Promo headings ("Get in touch") and the one-line pitch under each.
    mutating func dropPromoPitches() {
        for heading in promoHeadings {
            guard case .promo = classes[heading], let rule = rules.match(.promo, bytes(heading)) else { continue }
            classes[heading] = .text
            let origin = "\(rule.description) (\(rule.origin))"
            drop(heading, because: "promo heading, \(origin)")
            if let n = nextSignificant(after: heading), isText(n), lines[n].end - lines[n].start <= 300 {
                drop(n, because: "the pitch under the promo heading at line \(lines[heading].number), \(origin)")
            }
        }
    }

    /// The video-player heuristic: a `video` line ("Watch: …") right above or below a player line ("Play video",
    /// "Video duration 02:14") is the title of a video embedded in the post, part of the player, not a link.
    mutating func dropVideoPlayerTitles() {
        for p in playerLines {
            for n in [p - 1, p + 1] where n >= 0 && n < lines.count {
                if case .media(.video) = classes[n] {
                    drop(n, because: "title of the video player at line \(lines[p].number) (\(Heuristic.videoPlayer))")
                }
            }
        }
    }

    /// Words and bytes an author line above a post time may have.
    static let maximumAuthorAboveTimeWords = 4

    /// The author-above-time heuristic: a reporter's name (and the line under it, such as "Reporting from
    /// Millbrook, Ohio") standing right above a post's time line is the post's author line: `Ana Ruiz`, `Tom
    /// Baxter`. Only short lines of capitalised names are taken, at most two above each time line.
    mutating func dropAuthorsAboveTimes() {
        guard let firstText = lines.indices.first(where: { isText($0) }) else { return }
        for t in lines.indices {
            guard case .time = classes[t] else { continue }
            var k = t
            var taken = 0
            while taken < 2, let p = previousSignificant(before: k), p > firstText, isText(p) {
                let line = bytes(p)
                guard line.count <= 60, AuthorLine.isNames(line) else { break }
                var words = 1
                for b in line where b == .space { words += 1 }
                guard words <= Self.maximumAuthorAboveTimeWords else { break }
                drop(p, because: "author line above the post time at line \(lines[t].number) (\(Heuristic.authorLine))")
                taken += 1
                k = p
            }
        }
    }

    /// How many lines a caption's bracketed credit may be split over.
    static let maximumBracketLines = 3

    /// The caption heuristic, for a caption whose bracketed credit a scrape split over lines
    /// (`Crowds on the quay (` / `Image:` / `Agency Name)`): the line that opens the bracket, and the lines down to
    /// the one that closes it, are one caption when a credit marker stands inside the bracket.
    mutating func dropBracketSplitCaptions() {
        for i in lines.indices {
            guard isText(i), lines[i].end - lines[i].start <= CaptionCredit.maximumCaptionBytes,
                text[lines[i].end - 1] == UInt8(ascii: "(")
            else { continue }
            var k = i + 1
            var credit = false
            while k < lines.count && k <= i + Self.maximumBracketLines {
                let line = bytes(k)
                if rules.matches(.credit, line) { credit = true }
                if line.count <= CaptionCredit.maximumCreditBytes, line[line.count - 1] == UInt8(ascii: ")") { break }
                k += 1
            }
            guard credit || (k < lines.count && k <= i + Self.maximumBracketLines && k > i + 1), k < lines.count,
                k <= i + Self.maximumBracketLines
            else { continue }
            for d in i...k {
                if case .dropped = classes[d] { classes[d] = .text }
                drop(
                    d,
                    because:
                        "caption with its credit split over lines \(lines[i].number)–\(lines[k].number) (\(Heuristic.caption))"
                )
            }
        }
    }

    /// The caption heuristic, for a photo's caption printed without a credit where a post ends: on a page whose
    /// posts open with a time, a post's body ends with a full sentence, so a short unpunctuated line of four or
    /// more words between a finished paragraph and the next post's time is the caption of the post's last picture.
    mutating func dropClosingCaptions() {
        guard timeLed else { return }
        for t in lines.indices {
            guard case .time = classes[t], let p = previousSignificant(before: t), isText(p),
                let above = previousSignificant(before: p), isText(above)
            else { continue }
            let line = bytes(p)
            guard headlineShaped(p), CaptionCredit.isCaption(line), LineShape.endsLikeSentence(bytes(above)),
                bytes(above).last != UInt8(ascii: ":"), !AuthorLine.isNames(line), !line[0].isNonASCII
            else { continue }
            var words = 1
            for b in line where b == .space { words += 1 }
            guard words >= 4 else { continue }
            drop(
                p, because: "caption closing the post above the time at line \(lines[t].number) (\(Heuristic.caption))")
        }
    }

    /// The caption heuristic, for a photo of people captioned with their names only (`Ana Ruiz and Tom Baxter`):
    /// on a page whose posts open with a time, a line of two to six capitalised names between two sentences of a
    /// post's body is the caption of the picture between them, not a paragraph (a headline has no place there).
    mutating func dropNameCaptions() {
        guard timeLed else { return }
        for i in lines.indices {
            guard isText(i), lines[i].end - lines[i].start <= 80, let p = previousSignificant(before: i), isText(p),
                let n = nextSignificant(after: i), isText(n)
            else { continue }
            let line = bytes(i)
            var words = 1
            for b in line where b == .space { words += 1 }
            guard words >= 2, words <= 6, AuthorLine.isNames(line), LineShape.endsLikeSentence(bytes(p)),
                bytes(p).last != UInt8(ascii: ":"), isProse(n)
            else { continue }
            drop(i, because: "names between two sentences of a post, a photo's caption (\(Heuristic.caption))")
        }
    }

    /// Longest line, in bytes, that a furniture run inside a post body may hold, and the fewest lines of a run.
    static let maximumFurnitureRunLineBytes = 120
    static let minimumFurnitureRunLines = 3

    /// The body-furniture heuristic: inside a post, below a finished paragraph, a run of three or more short lines
    /// that none ends like a sentence (titles of related stories, a share bar, a list of videos with their
    /// durations, a subscription pitch's bullet points) is furniture from the page template, dropped as a whole;
    /// so is a short lead line ending in a colon right above such a run (a poll's question over its options).
    /// Right under a post's time the same holds, but the last short line over the first paragraph is the headline.
    /// One or two such lines between paragraphs stay (a subheading, a headline of the next post). The pass runs
    /// after the footer's, so that a footer's first lines are never taken from it.
    mutating func dropBodyFurnitureRuns() {
        var i = 0
        while i < lines.count {
            var afterTime = false
            if case .time = classes[i] { afterTime = true }
            guard
                afterTime
                    || (isText(i) && isProse(i) && LineShape.endsLikeSentence(bytes(i))
                        && bytes(i).last != UInt8(ascii: ":"))
            else {
                i += 1
                continue
            }
            var k = nextSignificant(after: i)
            var lead: Int?
            if let n = k, isText(n), bytes(n).count <= Self.maximumFurnitureRunLineBytes,
                bytes(n).last == UInt8(ascii: ":")
            {
                lead = n
                k = nextSignificant(after: n)
            }
            var run: [Int] = []
            while let n = k, isText(n), furnitureShaped(n) {
                run.append(n)
                k = nextSignificant(after: n)
            }
            // The last short line over a paragraph may head it (the post's headline under a time, or a new post).
            if !run.isEmpty, let n = k, isText(n), isProse(n) { run.removeLast() }
            guard run.count >= Self.minimumFurnitureRunLines else {
                i += 1
                continue
            }
            if let lead {
                drop(lead, because: "lead line of a run of short lines inside a post (\(Heuristic.bodyFurniture))")
            }
            let first = lines[run[0]].number
            let last = lines[run[run.count - 1]].number
            for n in run {
                drop(
                    n,
                    because:
                        "run of short unpunctuated lines \(first)–\(last) inside a post (\(Heuristic.bodyFurniture))")
            }
            i = run[run.count - 1] + 1
        }
    }

    /// A short line that is not a sentence, a list item or a quote: the shape of a link, a label or a button.
    func furnitureShaped(_ i: Int) -> Bool {
        let line = bytes(i)
        guard line.count <= Self.maximumFurnitureRunLineBytes, !LineShape.endsLikeSentence(line),
            !LineShape.isListItem(line), line.last != UInt8(ascii: ":")
        else { return false }
        return true
    }

    /// The caption heuristic: a caption is the short line just above a credit line when a finished paragraph
    /// stands above it (so that the first paragraph under a headline is never taken); a caption split over two
    /// lines loses its first half too (the credit's line starts in lower case).
    mutating func dropCaptions() {
        for (i, match) in credits {
            guard let p = previousSignificant(before: i), isText(p) else { continue }
            let caption = bytes(p)
            switch match {
            case .credit:
                guard CaptionCredit.isCaption(caption), let above = previousSignificant(before: p), isText(above),
                    LineShape.endsLikeSentence(bytes(above))
                else { continue }
                drop(p, because: "caption above the photo credit at line \(lines[i].number) (\(Heuristic.caption))")
            case .captionWithCredit:
                let first = text[lines[i].start]
                guard first.isLower, CaptionCredit.isCaption(caption), !LineShape.endsLikeSentence(caption)
                else { continue }
                drop(
                    p, because: "first half of the caption continued at line \(lines[i].number) (\(Heuristic.caption))")
            }
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
