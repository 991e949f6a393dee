/// The parser's working state for one text: classifies lines, then groups them into entries.
///
/// The passes, in order:
/// 1. split the text into trimmed lines, and split a time glued to the headline after it (`GluedTime`);
/// 2. drop rule blocks (donation appeals), glued sentences and the page footer;
/// 3. classify every line on its own: time, flag, separator, card, dateline, byline, credit, rule, text;
/// 4. passes that look at neighbours: navigation lists, promo pitches, captions (`BlogAssembler+Passes.swift`);
/// 5. title, glued appeal, standfirst, header furniture (`BlogAssembler+Header.swift`);
/// 6. group into entries; merge pinned copies and date the posts (`EntryListBuilder`).
struct BlogAssembler {
    /// A trimmed line of the normalised text, as a byte range.
    struct Line {
        var start: Int
        var end: Int
        /// 1-based line number in the source.
        var number: Int
    }

    /// What a line is. Trivially copyable on purpose (a time is an index into `times`), so that switching over
    /// a million lines copies no strings.
    enum LineClass {
        case dropped
        /// A time line; its time is `times[index]`.
        case time(Int)
        /// A time printed after the body of the post it belongs to (`times[index]`).
        case trailingTime(Int)
        case flag(EntryFlags)
        case cardIntro
        case media(RelatedLink.Kind)
        case separator
        /// A navigation heading ("Key events"); the navigation pass drops it with its items.
        case navigation
        /// A promo heading ("Get in touch"); the promo pass drops it with its pitch line.
        case promo
        case text
    }

    let text: UnsafeBufferPointer<UInt8>
    let rules: BoilerplateRules
    var lines: [Line] = []
    var classes: [LineClass] = []
    /// The times of the time lines.
    var times: [PostTime] = []
    /// Headline shape of each line, worked out once: 0 not yet, 1 no, 2 yes.
    var shapes: [UInt8] = []
    /// `lineHash` of each line of at most `maximumRecurringBytes`, from the parallel pre-pass (empty without it).
    var shortLineHashes: [UInt64] = []
    var diagnostics: [Diagnostic] = []
    /// Credit lines met while classifying, for the caption pass.
    var credits: [(index: Int, match: CaptionCredit.Match)] = []
    /// Navigation and promo headings met while classifying.
    var navigationHeadings: [Int] = []
    var promoHeadings: [Int] = []
    /// Video-player lines met while classifying.
    var playerLines: [Int] = []
    /// The date the page's own dateline gives (the first one found).
    var pageDate: PageDate?
    /// Whether the page's dateline has been met.
    var sawDateline = false
    /// The line of the page's dateline, once met.
    var datelineIndex: Int?
    /// Whether most of the page's timed posts open straight with a paragraph (see `isHeadlessPage`).
    var headlessPage = false
    /// The first post time's line, once the header is read.
    var firstTimeLine: Int?
    /// The spacer line of a page laid out with one (see `dropWidgetsBetweenSpacers`), as its hash.
    var spacerHash: UInt64?
    /// Whether the page's posts open with a time (see `isTimeLed`).
    var timeLed = false
    /// Whether the page's feed opens with a time: a time-led page, or a blog of one or two posts, each under its
    /// time (the header pass then reads the page's header above the first of them).
    var feedOpensWithTime = false
    /// Whether the page prints every post's time after its body (see `readTrailingClocks`).
    var timeTrails = false
    /// Offsets where the hard-wrap joiner removed a line break, so that line numbers stay those of the input.
    var joinOffsets: [Int] = []
    /// Lines the page-evidence passes dropped as a list or as repeated furniture, with what they were: the
    /// never-nothing heuristic gives them back when no post would be left.
    var overrulable: [(index: Int, was: LineClass, by: Heuristic)] = []
    /// Whether `classifyLines` uses the parallel plain-line pre-pass; off only in tests that prove it changes nothing.
    var usesPlainPrepass = true

    init(text: UnsafeBufferPointer<UInt8>, rules: BoilerplateRules) {
        self.text = text
        self.rules = rules
    }

    // MARK: - Lines

    func bytes(_ i: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: text[lines[i].start..<lines[i].end])
    }

    /// Line `i` as a span of the source text.
    func span(_ i: Int) -> TextSpan { TextSpan(lines[i].start, lines[i].end) }

    func string(_ i: Int) -> String {
        String(decoding: bytes(i), as: UTF8.self)
    }

    /// Splits the text into trimmed, non-empty lines.
    mutating func splitLines() {
        var number = 1
        var start = 0
        var join = 0
        let n = text.count
        lines.reserveCapacity(n / 80 + 1)
        text.withMemoryRebound(to: UInt8.self) { buf in
            var i = 0
            while i <= n {
                if i == n || buf[i] == .newline {
                    var s = start
                    var e = i
                    while s < e && (buf[s] == .space || buf[s] == .tab) { s += 1 }
                    while e > s && (buf[e - 1] == .space || buf[e - 1] == .tab) { e -= 1 }
                    if e > s { lines.append(Line(start: s, end: e, number: number)) }
                    while join < joinOffsets.count && joinOffsets[join] <= i {
                        number += 1
                        join += 1
                    }
                    number += 1
                    start = i + 1
                    if i == n { break }
                    // memchr is far faster than a byte loop on long paragraphs.
                    let rest = n - start
                    if rest > 0, let p = memchr(buf.baseAddress! + start, Int32(UInt8.newline), rest) {
                        i = buf.baseAddress!.distance(to: p.assumingMemoryBound(to: UInt8.self))
                    } else {
                        i = n
                    }
                    continue
                }
                i += 1
            }
        }
    }

    /// Splits `13:40 GMTQuessa offers …` into a time line and a text line (same line number), and, with the
    /// time-prefix heuristic, `14:05: Headline`, `14:05 – Headline`, `14:05 Headline` and `14:05 First paragraph…`.
    mutating func splitGluedTimes() {
        var split: [Line]?
        let prefixed = timePrefixedLines()
        var nextPrefixed = 0
        for k in lines.indices {
            let line = lines[k]
            let b = text[line.start]
            var prefixCut: (line: Int, timeEnd: Int, textStart: Int)?
            if nextPrefixed < prefixed.count, prefixed[nextPrefixed].line == k {
                prefixCut = prefixed[nextPrefixed]
                nextPrefixed += 1
            }
            if let cut = prefixCut, !(b.isDigit && isGluedTime(k)) {
                if split == nil { split = Array(lines[..<k]) }
                split!.append(Line(start: line.start, end: line.start + cut.timeEnd, number: line.number))
                split!.append(Line(start: line.start + cut.textStart, end: line.end, number: line.number))
                diagnostics.append(
                    Diagnostic(
                        line: line.number, kind: .note,
                        message: "split the time opening the line from the text after it (\(Heuristic.timePrefix))"))
            } else if b.isDigit, line.end - line.start >= 10,
                let (_, textStart) = GluedTime.split(UnsafeBufferPointer(rebasing: text[line.start..<line.end]))
            {
                if split == nil { split = Array(lines[..<k]) }
                var timeEnd = line.start + textStart
                while timeEnd > line.start && text[timeEnd - 1] == .space { timeEnd -= 1 }
                split!.append(Line(start: line.start, end: timeEnd, number: line.number))
                split!.append(Line(start: line.start + textStart, end: line.end, number: line.number))
                diagnostics.append(
                    Diagnostic(
                        line: line.number, kind: .note,
                        message: "split a time glued to the text after it (\(Heuristic.gluedTime))"))
            } else if split != nil {
                split!.append(line)
            }
        }
        if let split { lines = split }
    }

    /// Whether `GluedTime` splits line `k` (a time glued to its headline without a space goes first).
    func isGluedTime(_ k: Int) -> Bool {
        lines[k].end - lines[k].start >= 10
            && GluedTime.split(UnsafeBufferPointer(rebasing: text[lines[k].start..<lines[k].end])) != nil
    }

    /// The time-prefix heuristic: lines that open with a post time followed by a separator and text. The page
    /// must show the layout: two such lines, or one whose text is a headline (short, not a sentence), or one on a
    /// page with no time line of its own (a blog that has just started), so that a paragraph that happens to start
    /// with a clock is left alone.
    func timePrefixedLines() -> [(line: Int, timeEnd: Int, textStart: Int)] {
        var found: [(line: Int, timeEnd: Int, textStart: Int)] = []
        for k in lines.indices {
            let line = lines[k]
            guard line.end - line.start >= 8 else { continue }
            let first = text[line.start]
            guard first.isDigit || first.isLetter else { continue }
            let bytes = UnsafeBufferPointer(rebasing: text[line.start..<line.end])
            guard TimePrefix.clockEnd(bytes) != nil, let cut = TimePrefix.split(bytes) else { continue }
            found.append((k, cut.timeEnd, cut.textStart))
        }
        if found.count == 1 {
            // One such line: a headline (short, not a sentence) after its time, or the only time on the page.
            let cut = found[0]
            let rest = UnsafeBufferPointer(
                rebasing: text[(lines[cut.line].start + cut.textStart)..<lines[cut.line].end])
            if rest.count <= 100 && !LineShape.endsLikeSentence(rest) { return found }
            for k in lines.indices where lines[k].end - lines[k].start <= TimeLineRecognizer.maximumLength {
                if let time = TimeLineRecognizer.recognize(bytes: bytes(k)), time.hour != nil { return [] }
            }
        }
        return found
    }

    // MARK: - Running

    /// The parse: title, standfirst, entries as spans of the text, and diagnostics.
    struct Result {
        var title = ""
        var standfirst: String?
        var entries: [EntrySpans] = []
        var diagnostics: [Diagnostic] = []
    }

    mutating func run() -> Result {
        splitLines()
        splitGluedTimes()
        classes = [LineClass](repeating: .text, count: lines.count)
        shapes = [UInt8](repeating: 1, count: lines.count)
        dropFooter()
        classifyLines()
        readPageEvidence()
        dropNavigationLists()
        dropPromoPitches()
        dropVideoPlayerTitles()
        dropCaptions()
        dropBracketSplitCaptions()
        dropAuthorsAboveTimes()
        guard let titleIndex = lines.indices.first(where: { isText($0) }) else {
            if lines.isEmpty { diagnostics.append(Diagnostic(line: 0, kind: .note, message: "the input is empty")) }
            return Result(diagnostics: diagnostics.sorted { $0.line < $1.line })
        }
        var blog = Result(title: string(titleIndex))
        dropGluedAppeal(afterTitle: titleIndex)
        var next = titleIndex + 1
        if let s = standfirst(afterTitle: titleIndex) {
            blog.standfirst = string(s)
            next = s + 1
        } else if let s = introducingStandfirst(afterTitle: titleIndex) {
            blog.standfirst = string(s)
            // The dateline above it is the page's: it dates the posts.
            for k in titleIndex..<s where pageDate == nil {
                if case .time(let t) = classes[k], times[t].hasDate { pageDate = PageDate(times[t], anchor: .oldest) }
            }
            next = s + 1
        }
        dropHeaderFurniture(from: next)
        dropHeaderAboveFirstSpacer(from: next)
        dropClosingCaptions()
        dropNameCaptions()
        dropHeaderAboveFeed(from: next)
        dropHeaderAboveTrailingFeed(from: next)
        dropFooterBelowFeed()
        dropBodyFurnitureRuns()
        // Where times close the posts, a dated line above the first of them is the page's, not a post's.
        firstTimeLine = lines.indices.first(where: { timeTrails ? isTrailingTime($0) : isTime($0) })
        var builder = EntryListBuilder(text: text)
        assembleEntries(from: next, into: &builder)
        blog.entries = builder.finish(pageDate: pageDate, diagnostics: &diagnostics)
        if blog.entries.isEmpty, overrulable.contains(where: { if case .time = $0.was { true } else { false } }) {
            blog.entries = neverNothing(from: next)
        }
        blog.diagnostics = diagnostics.sorted { $0.line < $1.line }
        return blog
    }

    /// The never-nothing heuristic: when every candidate post was dropped (a page of time-headed blocks whose
    /// bodies repeat, `More to follow.`, taken for furniture and then for a list of links), the time-headed blocks
    /// are the posts: the list and repetition calls are overruled, and a note says so.
    mutating func neverNothing(from start: Int) -> [EntrySpans] {
        var overruled = Set<Heuristic>()
        for (i, was, by) in overrulable where i >= start {
            classes[i] = was
            overruled.insert(by)
        }
        let names = overruled.map(\.rawValue).sorted().joined(separator: " and ")
        diagnostics.append(
            Diagnostic(
                line: lines[start].number, kind: .note,
                message:
                    "no post was left, so the page's time-headed blocks are its posts; overruled: \(names) (\(Heuristic.neverNothing))"
            ))
        firstTimeLine = lines.indices.first(where: { isTime($0) })
        var builder = EntryListBuilder(text: text)
        assembleEntries(from: start, into: &builder)
        return builder.finish(pageDate: pageDate, diagnostics: &diagnostics)
    }

    // MARK: - Blocks, glued sentences, footer

    /// One pass over the lines: rule blocks and glued sentences first (a block drops the lines down to its end
    /// and trims the end sentence from the line it is glued to), then each remaining line is classified and, if
    /// it is text, its headline shape noted.
    mutating func classifyLines() {
        let blocks = rules.has(.block) || rules.has(.glued)
        let plain: [UInt8]
        if usesPlainPrepass {
            (plain, shortLineHashes) = plainLineShapes()
        } else {
            plain = [UInt8](repeating: 0, count: lines.count)
        }
        var i = 0
        while i < lines.count {
            if case .dropped = classes[i] {
                i += 1
                continue
            }
            let start = lines[i].start
            if blocks && plain[i] & BlogAssembler.noBlockBit == 0 { i = dropBlockOrGluedSentence(at: i) }
            if case .dropped = classes[i] {
                i += 1
                continue
            }
            // A line a block or glued sentence left untouched, known to be plain text: nothing to decide.
            let kind = plain[i] & 3
            if kind != 0 && lines[i].start == start {
                classes[i] = .text
                if kind == 2 { shapes[i] = 2 }
                i += 1
                continue
            }
            classes[i] = classify(i)
            if case .text = classes[i], LineShape.isHeadlineShaped(bytes(i)) { shapes[i] = 2 }
            i += 1
        }
    }

    /// Applies a `block` or `glued` rule at line `i`; returns the line to classify next (the block's last line,
    /// trimmed, or `i`).
    mutating func dropBlockOrGluedSentence(at i: Int) -> Int {
        let line = bytes(i)
        if let block = rules.match(.block, line) {
            var k = i
            while k < min(lines.count, i + 12) {
                if let length = rules.gluedSentenceLength(bytes(k), endOf: block) {
                    for d in i..<k { drop(d, because: "\(block.description) (\(block.origin))") }
                    trimGluedStart(k, length: length, reason: "\(block.description) (\(block.origin))")
                    return k
                }
                k += 1
            }
            drop(i, because: "\(block.description) (\(block.origin)), its end was not found")
        } else if let rule = rules.match(.glued, line) {
            trimGluedStart(i, length: rule.text.utf8.count, reason: "\(rule.description) (\(rule.origin))")
        }
        return i
    }

    mutating func trimGluedStart(_ i: Int, length: Int, reason: String) {
        var s = lines[i].start + length
        while s < lines[i].end && text[s] == .space { s += 1 }
        let dropped = String(
            decoding: UnsafeBufferPointer(rebasing: text[lines[i].start..<(lines[i].start + length)]), as: UTF8.self)
        diagnostics.append(
            Diagnostic(
                line: lines[i].number, kind: .dropped,
                message: "dropped the glued sentence “\(dropped)” at the start of the line (\(reason))"))
        lines[i].start = s
        if i < shortLineHashes.count { shortLineHashes[i] = Self.hash(bytes(i)) }
        if s >= lines[i].end { classes[i] = .dropped }
        if i < shapes.count { shapes[i] = LineShape.isHeadlineShaped(bytes(i)) ? 2 : 1 }
    }

    /// Drops the page footer: from the earliest footer line among the last lines to the end.
    mutating func dropFooter() {
        guard rules.has(.footer), !lines.isEmpty else { return }
        let window = max(0, lines.count - 12)
        var footerStart: (index: Int, rule: BoilerplateRules.Rule)?
        for i in stride(from: lines.count - 1, through: window, by: -1) {
            if let rule = rules.match(.footer, bytes(i)) { footerStart = (i, rule) }
        }
        guard let (start, rule) = footerStart else { return }
        for i in start..<lines.count {
            drop(i, because: "page footer from line \(lines[start].number) (\(rule.description), \(rule.origin))")
        }
    }

    mutating func drop(_ i: Int, because reason: String) {
        if case .dropped = classes[i] { return }
        classes[i] = .dropped
        diagnostics.append(Diagnostic(line: lines[i].number, kind: .dropped, message: "\(reason): “\(preview(i))”"))
    }

    func preview(_ i: Int) -> String {
        // At most 240 bytes are decoded: enough for 60 characters, and cheap on a 20 MB line.
        let line = bytes(i)
        let s = String(decoding: UnsafeBufferPointer(rebasing: line[..<min(line.count, 240)]), as: UTF8.self)
        return s.count > 60 || line.count > 240 ? String(s.prefix(59)) + "…" : s
    }

    // MARK: - Classifying

    mutating func classify(_ i: Int) -> LineClass {
        let line = bytes(i)
        let count = line.count
        // The page's dateline: one line, above the feed (before its second time line). Further dated lines with
        // such words are post times.
        // A second dateline right under the first ("Published …" over "Updated …") is the page's too.
        if !sawDateline || datelineIndex == i - 1, times.count < 2, count <= TimeLineRecognizer.maximumLength + 20,
            let rule = rules.match(.dateline, line), let date = datelineDate(line, rule: rule)
        {
            sawDateline = true
            datelineIndex = i
            if pageDate == nil, date.hasDate {
                pageDate = PageDate(date, anchor: PageDate.anchor(forDatelineWords: rule.text))
            }
            drop(i, because: "\(rule.description) (\(rule.origin)), the page's dateline")
            return .dropped
        }
        if count <= TimeLineRecognizer.maximumLength, let time = TimeLineRecognizer.recognize(bytes: line) {
            if time.isDayHeader {
                drop(i, because: "day header “\(time.text)” (\(Heuristic.dayHeader))")
                return .dropped
            }
            return timeClass(time)
        }
        if LineShape.isSeparator(line) { return .separator }
        if count <= 40 {
            if rules.matches(.keyEvent, line) { return .flag(.keyEvent) }
            if rules.matches(.pinned, line) { return .flag(.pinned) }
            if rules.matches(.card, line) { return .cardIntro }
            if rules.matches(.navigation, line) {
                navigationHeadings.append(i)
                return .navigation
            }
            if rules.matches(.promo, line) {
                promoHeadings.append(i)
                return .promo
            }
        }
        if let (rule, glued) = AuthorLine.byline(line, rules: rules) {
            if let glued, glued.hasDate, pageDate == nil { pageDate = PageDate(glued, anchor: .oldest) }
            drop(i, because: "author line, \(rule.description) (\(rule.origin)) and names (\(Heuristic.authorLine))")
            dropAuthorBiography(after: i, bylineWord: rule.text)
            return .dropped
        }
        if count <= 90, AuthorLine.isLabelledByline(line) {
            drop(i, because: "author line, a label, “by” and names (\(Heuristic.authorLine))")
            return .dropped
        }
        if count <= 64, let time = AuthorLine.gluedTime(line) {
            diagnostics.append(
                Diagnostic(
                    line: lines[i].number, kind: .dropped,
                    message: "dropped the author name glued to the time “\(time.text)” (\(Heuristic.authorLine))"))
            return timeClass(time)
        }
        if count <= 120, let rule = rules.match(.player, line) {
            playerLines.append(i)
            drop(i, because: "\(rule.description) (\(rule.origin))")
            return .dropped
        }
        if rules.matches(.gallery, line) { return .media(.gallery) }
        if rules.matches(.video, line) { return .media(.video) }
        if let match = CaptionCredit.match(line, rules: rules) {
            credits.append((i, match))
            drop(i, because: creditReason(line, match))
            return .dropped
        }
        if let rule = rules.match(.line, line) ?? rules.match(.prefix, line)
            ?? (count <= 300 ? rules.match(.pattern, line) : nil)
        {
            drop(i, because: "\(rule.description) (\(rule.origin))")
            return .dropped
        }
        if count <= 200, LineShape.isGluedLinks(line) || LineShape.isShoutedBanner(line) {
            let what = LineShape.isShoutedBanner(line) ? "a notice shouted in capitals" : "link texts glued together"
            drop(i, because: "\(what) (\(Heuristic.linkFurniture))")
            return .dropped
        }
        return .text
    }

    mutating func timeClass(_ time: PostTime) -> LineClass {
        times.append(time)
        return .time(times.count - 1)
    }

    /// Why a credit line was dropped: the credit rule that matched, or the shape that did.
    func creditReason(_ line: UnsafeBufferPointer<UInt8>, _ match: CaptionCredit.Match) -> String {
        let what = match == .credit ? "photo credit" : "caption with its photo credit"
        if let rule = rules.match(.credit, line) ?? rules.lastOccurrence(.credit, in: line, window: 120)?.rule {
            return "\(what), \(rule.description) (\(rule.origin)) (\(Heuristic.caption))"
        }
        return "\(what), a Name/Agency credit (\(Heuristic.caption))"
    }

    /// The date a dateline rule's line gives after its leading words ("First published on Mon 15 May 2023 07.05 BST").
    func datelineDate(_ line: UnsafeBufferPointer<UInt8>, rule: BoilerplateRules.Rule) -> PostTime? {
        var k = rule.text.utf8.count
        guard k < line.count else { return nil }
        while k < line.count && (line[k] == .space || line[k] == UInt8(ascii: ":")) { k += 1 }
        // "First published on …", "Published On …".
        if k + 3 < line.count && line[k].lowercased == UInt8(ascii: "o") && line[k + 1].lowercased == UInt8(ascii: "n")
            && line[k + 2] == .space
        {
            k += 3
        }
        // A date, or a relative age ("Updated 1 hour ago"); a bare clock ("Updated at 12.08 BST") is a post time.
        guard let time = TimeLineRecognizer.recognize(bytes: UnsafeBufferPointer(rebasing: line[k...])),
            time.hasDate || (time.age != nil && time.hour == nil)
        else { return nil }
        return time
    }

    /// Drops the author's biography line under a byline ("Bethan Morrow is the Gazette’s What’s On reporter").
    mutating func dropAuthorBiography(after i: Int, bylineWord: String) {
        guard i + 1 < lines.count, case .text = classes[i + 1] else { return }
        let name = AuthorLine.leadingName(bytes(i), afterWord: bylineWord.utf8.count)
        guard name.count >= 3 else { return }
        let next = bytes(i + 1)
        let lead = name + Array(" is ".utf8)
        guard next.count > lead.count, next.count <= 200, memcmp(next.baseAddress!, lead, lead.count) == 0 else {
            return
        }
        drop(i + 1, because: "the author’s biography under the byline (\(Heuristic.authorLine))")
    }

    // MARK: - Neighbours

    func nextSignificant(after i: Int) -> Int? {
        var k = i + 1
        while k < lines.count {
            if case .dropped = classes[k] {
                k += 1
                continue
            }
            return k
        }
        return nil
    }

    func previousSignificant(before i: Int) -> Int? {
        var k = i - 1
        while k >= 0 {
            if case .dropped = classes[k] {
                k -= 1
                continue
            }
            return k
        }
        return nil
    }

    /// `LineShape.isHeadlineShaped` of line `i`, from the table once it is filled.
    @inline(__always)
    func headlineShaped(_ i: Int) -> Bool {
        i < shapes.count ? shapes[i] == 2 : LineShape.isHeadlineShaped(bytes(i))
    }

    func isText(_ i: Int?) -> Bool {
        guard let i else { return false }
        if case .text = classes[i] { return true }
        return false
    }

    /// A line that heads a post: a short, unpunctuated line followed by a paragraph, or a short question that
    /// stands where a post starts and is followed by its answer.
    func isHeadline(_ i: Int) -> Bool {
        if headlineShaped(i) {
            guard let n = nextSignificant(after: i), isText(n) else { return false }
            return !headlineShaped(n) || LineShape.isListItem(bytes(n))
        }
        let line = bytes(i)
        // On a page of headless posts, `Key question: when …?` is a post's lead-in sentence, not its headline.
        if headlessPage && line.contains(UInt8(ascii: ":")) { return false }
        return LineShape.isQuestionHeadlineShaped(line) && isQuestionHeadline(i)
    }

    /// The question-headline heuristic: `What is at stake?` heads a post when it comes right after a time, a flag
    /// or a rule line (or opens the feed), or, with at most eight words, after a finished paragraph; and a longer
    /// paragraph that is not itself a question follows it.
    func isQuestionHeadline(_ i: Int) -> Bool {
        let line = bytes(i)
        guard let n = nextSignificant(after: i), isText(n) else { return false }
        let answer = bytes(n)
        guard answer.count > line.count, !headlineShaped(n), !LineShape.isQuestionHeadlineShaped(answer),
            LineShape.endsLikeSentence(answer)
        else { return false }
        guard let p = previousSignificant(before: i) else { return true }
        switch classes[p] {
        case .time, .flag, .separator: return true
        case .text:
            let before = bytes(p)
            guard LineShape.endsLikeSentence(before), before[before.count - 1] != UInt8(ascii: ":") else {
                return false
            }
            var words = 1
            for b in line where b == .space { words += 1 }
            return words <= 8
        default: return false
        }
    }

    func sameText(_ a: Int, _ b: Int) -> Bool {
        let x = bytes(a)
        let y = bytes(b)
        return x.count == y.count && memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0
    }

    // MARK: - Entries

    mutating func assembleEntries(from start: Int, into builder: inout EntryListBuilder) {
        let pictures = Set(credits.map(\.index))
        var i = start
        while i < lines.count {
            let number = lines[i].number
            switch classes[i] {
            case .dropped:
                if pictures.contains(i), builder.isAtTimedEntryStart { builder.notePicture() }
            case .navigation, .promo:
                break
            case .separator:
                builder.close()
            case .time(let t):
                let time = times[t]
                if time.hour == nil && time.epoch == nil && time.age == nil && !builder.isAtEntryStart
                    && !(sawNoTimeBefore(i) && isTime(nextSignificant(after: i)))
                {
                    // A bare date inside a post is the date line of an embedded post, not a post time; one between
                    // the untimed introduction and the first post's clock dates that post.
                    builder.addParagraph(span(i), line: number)
                } else {
                    builder.addTime(time, line: number)
                }
            case .trailingTime(let t):
                builder.addTrailingTime(times[t], line: number)
                // On a page that prints every time after its post, the time closes the post.
                if timeTrails, !isTrailingTime(nextSignificant(after: i)) { builder.close() }
            case .flag(let flags):
                builder.addFlags(flags, line: number)
            case .cardIntro:
                // The card's title, then its summary unless that line heads a post of its own.
                guard let t = nextSignificant(after: i), isText(t) else { break }
                var summary: TextSpan?
                var last = t
                if let s = nextSignificant(after: t), isText(s), !isHeadline(s), !startsEcho(s) {
                    summary = span(s)
                    last = s
                }
                builder.addRelated(RelatedSpan(kind: .story, title: span(t), summary: summary), line: number)
                diagnostics.append(
                    Diagnostic(
                        line: number, kind: .related, message: "story card “\(preview(t))” kept as a related link"))
                i = last
            case .media(let kind):
                builder.addRelated(RelatedSpan(kind: kind, title: span(i)), line: number)
                diagnostics.append(
                    Diagnostic(
                        line: number, kind: .related,
                        message: "\(kind.rawValue) link kept as a related link: “\(preview(i))”"))
            case .text:
                if startsEcho(i) {
                    // A promo card: its title twice, then a one-line summary.
                    let echo = nextSignificant(after: i)!
                    var summary: TextSpan?
                    var last = echo
                    if let s = nextSignificant(after: echo), isText(s), !isHeadline(s), !startsEcho(s),
                        !headlineShaped(s) || !isTextFollowedByParagraph(s)
                    {
                        summary = span(s)
                        last = s
                    }
                    builder.addRelated(RelatedSpan(kind: .story, title: span(i), summary: summary), line: number)
                    diagnostics.append(
                        Diagnostic(
                            line: number, kind: .related,
                            message: "promo card with an echoed title “\(preview(i))” kept as a related link"))
                    i = last
                } else if !builder.isAtEntryStart, let summary = closingCardSummary(i) {
                    builder.addRelated(RelatedSpan(kind: .story, title: span(i), summary: span(summary)), line: number)
                    diagnostics.append(
                        Diagnostic(
                            line: number, kind: .related,
                            message:
                                "story card closing the post, “\(preview(i))”, kept as a related link (\(Heuristic.closingCard))"
                        ))
                    i = summary
                } else if isHeadline(i) && isHeadlineSlot(i, builder) {
                    let shape = bytes(i)
                    if LineShape.isDoubtfulHeadline(shape) {
                        diagnostics.append(
                            Diagnostic(
                                line: number, kind: .doubtfulHeadline,
                                message: "taken as a headline, but it is long or quoted: “\(preview(i))”"))
                    }
                    builder.addHeadline(span(i), line: number)
                } else {
                    if headlineShaped(i) && builder.isAtEntryStart {
                        diagnostics.append(
                            Diagnostic(
                                line: number, kind: .doubtfulHeadline,
                                message:
                                    "shaped like a headline but no paragraph follows; kept as text: “\(preview(i))”"))
                    }
                    builder.addParagraph(span(i), line: number)
                }
            }
            i += 1
        }
        builder.close()
    }

    /// The closing-card heuristic: on a page whose posts open with a time, a headline-shaped line near the end of a
    /// post's body with one line under it and then the next post (or the post's own trailing time) is a linked story
    /// card (its title and standfirst), not two paragraphs. Returns the summary line.
    func closingCardSummary(_ i: Int) -> Int? {
        // The structure first (a line under it, then a post boundary): cheap, and false for most lines.
        guard timeLed, headlineShaped(i), let s = nextSignificant(after: i), isText(s),
            let after = nextSignificant(after: s)
        else { return nil }
        switch classes[after] {
        case .time, .trailingTime, .flag, .separator: break
        default: return nil
        }
        let title = bytes(i)
        // A card's title is a headline's length: a longer unpunctuated line is a paragraph that lacks its full stop.
        guard title.last != UInt8(ascii: "?"), !LineShape.isQuoteLeadIn(title),
            title.wordCount() <= LineShape.maximumPlainHeadlineWords,
            !headlineShaped(s) || bytes(s).count > title.count
        else { return nil }
        return s
    }

    /// Where a headline may stand. On a page whose times mark where posts start (`hasPostBoundaries`), only in the
    /// post's header: right after its time (and flags and author), after the time closing the post above (on a
    /// page that prints times after bodies), after a rule line, or above the first time (the intro); an untimed
    /// post between timed ones needs a plain headline (`LineShape.isPlainHeadline`) after a finished paragraph.
    /// Elsewhere a headline-shaped line inside a body is a paragraph: a quote's lead-in, a tweet's last line.
    func isHeadlineSlot(_ i: Int, _ builder: EntryListBuilder) -> Bool {
        guard hasPostBoundaries else { return true }
        if builder.isAtTimedEntryStart { return true }
        guard let p = previousSignificant(before: i) else { return true }
        switch classes[p] {
        // The time closing the post above is where the next one starts, on a page that prints times after bodies.
        case .separator, .trailingTime: return true
        default: break
        }
        if !sawTimeBefore(i) { return true }
        // An untimed post between timed ones: only a plain headline, after a finished paragraph (a gallery or
        // video link closing the post above is not part of its text).
        var above = p
        while case .media = classes[above], let q = previousSignificant(before: above) { above = q }
        // A paragraph that ends with a colon introduces what follows (a quote, a tweet): no post starts there.
        guard isText(above), LineShape.endsLikeSentence(bytes(above)), bytes(above).last != UInt8(ascii: ":") else {
            return false
        }
        let line = bytes(i)
        // A question there is an interviewer's (`Q: …?`) or a rhetorical one, answered in the same post.
        return line.last != UInt8(ascii: "?") && LineShape.isPlainHeadline(line) && !AuthorLine.isNames(line)
    }

    /// Whether the page shows where its posts start by their times: most open with one (`timeLed`) or close with
    /// one (`timeTrails`). There a headline needs its place at a post's start (`isHeadlineSlot`). A blog of one or
    /// two posts does not show it: untimed posts may follow its first.
    var hasPostBoundaries: Bool { timeLed || timeTrails }

    /// Whether no time line stands above line `i`.
    func sawNoTimeBefore(_ i: Int) -> Bool { firstTimeLine.map { $0 >= i } ?? true }

    /// Whether a post time stands above line `i`.
    func sawTimeBefore(_ i: Int) -> Bool {
        guard let first = firstTimeLine else { return false }
        return first < i
    }

    func startsEcho(_ i: Int) -> Bool {
        guard headlineShaped(i), let n = nextSignificant(after: i), isText(n) else { return false }
        return sameText(i, n)
    }

    func isTextFollowedByParagraph(_ i: Int) -> Bool {
        guard let n = nextSignificant(after: i), isText(n) else { return false }
        return !headlineShaped(n)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
