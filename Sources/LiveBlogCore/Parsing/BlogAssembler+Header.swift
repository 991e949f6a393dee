/// The page header: what stands between the title and the first post.
extension BlogAssembler {
    /// How far below the title a glued appeal is looked for, in lines.
    static let appealSearchLines = 16

    /// The standfirst: the line right after the title (at most one dropped line, such as a badge, between them),
    /// unless it is a time, a flag, a card, a list item, or an author line or label (a line of capitalised names,
    /// such as `Sentinel Live` or `Nadia Ferreira at Carlow Coroner’s Court`) with no paragraph under it.
    /// Bylines, datelines and navigation come under the standfirst, so a line below them is not one.
    func standfirst(afterTitle title: Int) -> Int? {
        guard let s = nextSignificant(after: title), s - title <= 2, isText(s), lines[s].end - lines[s].start <= 600
        else { return nil }
        let line = bytes(s)
        if LineShape.isListItem(line) { return nil }
        if AuthorLine.isNames(line) && !isTextFollowedByParagraph(s) { return nil }
        return s
    }

    /// The header heuristic, for a standfirst under the page's byline and dateline: where no line follows the title
    /// as its standfirst, the one text line that stands between the header's dropped and dated lines and the first
    /// post's time, ending with a colon, introduces the posts (`The latest on the storm (all times local):`); a
    /// post cannot end with a colon, so it is the page's standfirst.
    func introducingStandfirst(afterTitle title: Int) -> Int? {
        var k = title + 1
        while k < lines.count && k - title <= Self.introducingStandfirstLines {
            switch classes[k] {
            case .dropped:
                k += 1
                continue
            case .time(let t) where times[t].hasDate:
                k += 1
                continue
            case .text:
                let line = bytes(k)
                guard line.count <= 600, line.last == UInt8(ascii: ":"), isTime(nextSignificant(after: k)) else {
                    return nil
                }
                return k
            default:
                return nil
            }
        }
        return nil
    }

    /// How far below the title a standfirst that introduces the posts is looked for, in lines.
    static let introducingStandfirstLines = 8

    /// The header-furniture heuristic: between the standfirst and the first post, a short unpunctuated line that
    /// does not head a paragraph is an author line, a label or a badge (`Live Reporting`, `Hamid Ashworth (now)
    /// and Clara Boateng (earlier)`), and a bare date is the page's date. Stops at the first time, flag, rule
    /// line, card, headline or paragraph.
    mutating func dropHeaderFurniture(from start: Int) {
        var k = start
        while k < lines.count {
            switch classes[k] {
            case .dropped:
                k += 1
                continue
            case .time(let t) where times[t].hour == nil && times[t].epoch == nil && times[t].hasDate:
                let time = times[t]
                if pageDate == nil { pageDate = PageDate(time, anchor: .oldest) }
                classes[k] = .text
                drop(k, because: "the page's date above the first post (\(Heuristic.headerFurniture))")
            case .text:
                guard headlineShaped(k), !isHeadline(k) else { return }
                drop(k, because: "author line or label above the first post (\(Heuristic.headerFurniture))")
            default:
                return
            }
            k += 1
        }
    }

    /// The kind of time that opens the page's posts: the commonest kind among its time lines (on a tie, the last
    /// time's kind).
    func dominantTimeKind() -> Int? {
        var counts = [0, 0, 0, 0]
        var last: Int?
        for c in classes {
            if case .time(let t) = c {
                counts[timeKind(times[t])] += 1
                last = timeKind(times[t])
            }
        }
        guard let best = counts.indices.max(by: { counts[$0] < counts[$1] }), counts[best] > 0 else { return nil }
        // A tie (a page of one post: its dated header line and the post's clock) goes to the kind of the last
        // time, which stands in the feed.
        if let last, counts[last] == counts[best] { return last }
        return best
    }

    /// The header heuristic on a page whose posts open with a time: everything between the standfirst and the
    /// first post (the first time of the posts' own kind with the post's text under it) is the page's header.
    /// Its prose paragraphs are an untimed introduction (a headline there is a video's or a promo's title); its other lines (bylines, the
    /// page's dates, labels, buttons, lists of links) are furniture. A flag line (a pinned post) ends the header.
    mutating func dropHeaderAboveFeed(from start: Int) {
        guard feedOpensWithTime, let kind = dominantTimeKind() else { return }
        var feed: Int?
        for i in start..<lines.count {
            guard case .time(let t) = classes[i], timeKind(times[t]) == kind else { continue }
            // The first post: its time, then a headline over a paragraph or a paragraph (a page's own dated line
            // over its buttons and labels is not one).
            if let n = nextSkippingFlags(after: i), isText(n), isHeadline(n) || isProse(n) || !headlineShaped(n) {
                feed = i
                break
            }
        }
        guard var feed else { return }
        // The first post's time lines all belong to it (`5 August 2024, 20:49` over its epoch fallback).
        while let p = previousSignificant(before: feed), p >= start, isTime(p) { feed = p }
        var k = start
        var headerLines = Set<UInt64>()
        var media: [Int] = []
        scan: while k < feed {
            switch classes[k] {
            case .time(let t), .trailingTime(let t):
                if pageDate == nil, times[t].hasDate { pageDate = PageDate(times[t], anchor: .oldest) }
                if times[t].hasDate { headerLines.insert(lineHash(k)) }
                classes[k] = .text
                drop(
                    k,
                    because:
                        "a time above the first post at line \(lines[feed].number), the page's own (\(Heuristic.header))"
                )
            case .text:
                // On a blog of one or two posts (not shown time-led by many), a short sentence above the first
                // post is an introduction's, kept; so is one right under the introduction's prose, which it ends.
                let sentence = LineShape.endsLikeSentence(bytes(k))
                let closesIntro =
                    sentence && previousSignificant(before: k).map { $0 >= start && isText($0) && isProse($0) } == true
                if !isProse(k), !closesIntro, timeLed || !sentence {
                    headerLines.insert(lineHash(k))
                    drop(
                        k,
                        because: "not prose, above the first post at line \(lines[feed].number) (\(Heuristic.header))")
                }
            case .flag:
                // A pinned or key post above the feed: the header ends here.
                break scan
            case .media:
                media.append(k)
            default:
                break
            }
            k += 1
        }
        // A gallery or video link with no introduction to belong to is the page's lead picture, not a post.
        if !media.isEmpty, !(start..<k).contains(where: { isText($0) }) {
            for m in media {
                drop(
                    m,
                    because:
                        "a link above the first post at line \(lines[feed].number), with no introduction (\(Heuristic.header))"
                )
            }
        }
        dropHeaderRepeats(headerLines, after: feed)
    }

    /// The header heuristic on a page that prints every time after its post (`timeTrails`): the first post is
    /// the run of sentences above the first time and the headline over them; above it, between the standfirst and
    /// that headline, the lines that are not prose are the page's header.
    mutating func dropHeaderAboveTrailingFeed(from start: Int) {
        guard timeTrails, let first = lines.indices.first(where: { isTrailingTime($0) }) else { return }
        var k = previousSignificant(before: first)
        var top: Int?
        while let p = k, p >= start, isText(p) {
            let line = bytes(p)
            if isProse(p) || LineShape.endsLikeSentence(line) {
                top = p
                k = previousSignificant(before: p)
                continue
            }
            if headlineShaped(p) { top = p }
            break
        }
        guard let top else { return }
        for i in start..<top where isText(i) && !isProse(i) {
            drop(
                i,
                because:
                    "not prose, above the first post, whose time at line \(lines[first].number) closes it (\(Heuristic.header))"
            )
        }
    }

    /// Some pages print their header again after a pinned post (the byline, the dates, the buttons): a line that
    /// repeats one the header pass dropped is furniture wherever it stands (a dated time line too, but not a bare
    /// clock or age, which may be a post's own).
    mutating func dropHeaderRepeats(_ header: Set<UInt64>, after feed: Int) {
        guard !header.isEmpty else { return }
        // Only a run of two or more repeated lines is the header printed again; one line alone may be a story's
        // title that the header's list of links also showed.
        var run: [Int] = []
        func flush(_ assembler: inout BlogAssembler) {
            if run.count >= 2 {
                for i in run {
                    assembler.classes[i] = .text
                    assembler.drop(
                        i, because: "repeats a line of the page header above the first post (\(Heuristic.header))")
                }
            }
            run.removeAll()
        }
        for i in feed..<lines.count {
            switch classes[i] {
            case .dropped:
                continue
            case .text:
                if header.contains(lineHash(i)) {
                    run.append(i)
                    continue
                }
            case .time(let t) where times[t].hasDate:
                if header.contains(lineHash(i)) {
                    run.append(i)
                    continue
                }
            default:
                break
            }
            flush(&self)
        }
        flush(&self)
    }

    /// The footer heuristic: below the last post on a time-led page, the page's own furniture
    /// (topics, share buttons, sign-up boxes, "more on this story") starts with a run of lines that are not prose;
    /// from there to the end of the page everything is dropped, a sign-up box's small print included. Where posts
    /// print their time after the body, everything after the last such time is the footer.
    mutating func dropFooterBelowFeed() {
        guard hasPostBoundaries || feedOpensWithTime,
            let last = lines.indices.last(where: { isTime($0) || isTrailingTime($0) })
        else { return }
        if isTrailingTime(last) {
            for k in (last + 1)..<lines.count where isText(k) {
                drop(
                    k,
                    because:
                        "below the last post, whose time at line \(lines[last].number) closes it (\(Heuristic.footer))")
            }
            return
        }
        // The footer starts at the first run of `footerRun` text lines in a row that are not prose. On a blog of
        // one or two posts (not shown time-led by many), only below a paragraph of prose: the post under the last
        // time may be all there is, short lines included.
        var run: [Int] = []
        var k = last + 1
        var sawProse = timeLed
        while k < lines.count && run.count < Self.footerRun {
            if isText(k) && !sawProse {
                sawProse = isProse(k)
            } else if isText(k) {
                // A short sentence (`Nobody was hurt.`) closing the last post does not start the footer.
                if isProse(k) || (run.isEmpty && LineShape.endsLikeSentence(bytes(k)) && bytes(k).count >= 16) {
                    run.removeAll()
                } else {
                    run.append(k)
                }
            }
            k += 1
        }
        guard run.count >= Self.footerRun else {
            // A shorter footer: the lines that are not prose below the last prose line.
            guard sawProse else { return }
            var tail: [Int] = []
            var k = lines.count - 1
            while k > last {
                if isText(k) {
                    if isProse(k) || (LineShape.endsLikeSentence(bytes(k)) && bytes(k).count >= 16) { break }
                    tail.append(k)
                }
                k -= 1
            }
            guard tail.count >= 3 else {
                // A label over the footer the rules already dropped (`Topics`, `More about`) is its heading.
                if tail.count == 1, isListHeading(tail[0]),
                    lines.count - 1 - tail[0] >= Self.footerRun - 1,
                    ((tail[0] + 1)..<lines.count).allSatisfy({ if case .dropped = classes[$0] { true } else { false } })
                {
                    drop(tail[0], because: "a label over the page footer, below the last post (\(Heuristic.footer))")
                }
                return
            }
            for d in tail.reversed() { drop(d, because: "not prose, below the last post (\(Heuristic.footer))") }
            return
        }
        for d in run[0]..<lines.count where isText(d) {
            drop(
                d,
                because:
                    "below the last post, in the page footer from line \(lines[run[0]].number) (\(Heuristic.footer))")
        }
    }

    /// How many lines in a row that are not prose start the footer below the last post.
    static let footerRun = 4

    func isTrailingTime(_ i: Int?) -> Bool {
        guard let i else { return false }
        if case .trailingTime = classes[i] { return true }
        return false
    }

    /// A paragraph of prose: a sentence of some length or a list item, not a label, a link or a button.
    func isProse(_ i: Int) -> Bool {
        let line = bytes(i)
        return (line.count >= 60 && LineShape.endsLikeSentence(line)) || line.count >= 160 || LineShape.isListItem(line)
    }

    /// The glued-appeal heuristic: a donation or subscription appeal under the standfirst whose last sentence is
    /// glued to the first paragraph without a space (`…makes a difference.Ceasefire talks…`). When a line of the
    /// header holds such a join and the lines down to it speak of support, donations or subscriptions (the
    /// `appeal` words of the rules), the lines between the standfirst and that line are dropped, and so is the
    /// glued sentence; the rest of the line is kept.
    mutating func dropGluedAppeal(afterTitle title: Int) {
        guard rules.has(.appeal), let standfirst = nextSignificant(after: title), isText(standfirst) else { return }
        var k = standfirst
        var seen = 0
        while let i = nextSignificant(after: k), seen < Self.appealSearchLines {
            guard isText(i) else { return }
            seen += 1
            k = i
            let line = bytes(i)
            guard let join = GluedAppeal.join(line) else { continue }
            let sentence = UnsafeBufferPointer(rebasing: line[..<join])
            var evidence = rules.occurrence(.appeal, in: sentence)
            var j = standfirst + 1
            while evidence == nil && j < i {
                if isText(j) { evidence = rules.occurrence(.appeal, in: bytes(j)) }
                j += 1
            }
            guard let evidence else { return }
            for d in (standfirst + 1)..<i where isText(d) {
                drop(
                    d,
                    because:
                        "donation or subscription appeal above a glued sentence (\(Heuristic.gluedAppeal), “\(evidence.text)”)"
                )
            }
            trimGluedStart(i, length: join, reason: "\(Heuristic.gluedAppeal)")
            return
        }
    }
}

/// Finds a sentence glued to the next one without a space, as a page's appeal box runs into the first paragraph.
enum GluedAppeal {
    /// Longest glued sentence, in bytes.
    static let maximumSentenceBytes = 240

    /// The index just after the glued sentence's final `.`/`!`, where a lower-case letter is followed by the
    /// stop and then a capitalised word (`difference.Ceasefire`); nil when there is none near the start.
    static func join(_ line: UnsafeBufferPointer<UInt8>) -> Int? {
        let limit = min(line.count - 2, maximumSentenceBytes)
        guard limit > 12 else { return nil }
        for k in 12..<limit {
            let b = line[k]
            guard b == UInt8(ascii: ".") || b == UInt8(ascii: "!") else { continue }
            let before = line[k - 1]
            let after = line[k + 1]
            let then = line[k + 2]
            if before.isLower && after.isUpper && then.isLower {
                return k + 1
            }
        }
        return nil
    }
}
