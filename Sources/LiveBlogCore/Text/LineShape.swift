/// Judgements about one line from its bytes alone: does it look like a headline, a list item, a rule.
enum LineShape {
    /// Longest line, in bytes, that can be a headline.
    static let maximumHeadlineBytes = 300

    /// Short, starting like a title, and not ending like a sentence. Whether it *is* a headline also depends on
    /// what follows it.
    static func isHeadlineShaped(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !line.isEmpty, line.count <= maximumHeadlineBytes else { return false }
        let first = line[0]
        if first.isLower { return false }  // lower-case start: a continued sentence
        switch first {
        case UInt8(ascii: "@"), UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: ">"), UInt8(ascii: "("),
            UInt8(ascii: "["), UInt8(ascii: "#"), UInt8(ascii: "|"):
            return false
        default: break
        }
        // The cheap test that rejects most paragraphs comes first.
        if endsLikeSentence(line) { return false }
        if isListItem(line) || endsWithHandle(line) || endsWithLink(line) || isMatchMinute(line) { return false }
        var words = 1
        for b in line where b == .space { words += 1 }
        return words <= 30
    }

    /// The most words a headline of an untimed post among timed ones may have.
    static let maximumPlainHeadlineWords = 16

    /// A headline that needs no place in a post's header to be believed: at most `maximumPlainHeadlineWords`
    /// words, one sentence (no `. X`, `? X` inside), and no lead-in to a quote (`He said: “…`).
    static func isPlainHeadline(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var words = 1
        let n = line.count
        for k in 0..<n {
            let b = line[k]
            if b == .space {
                words += 1
                if words > maximumPlainHeadlineWords { return false }
                guard k > 0, k + 1 < n else { continue }
                let p = line[k - 1]
                let next = line[k + 1]
                let capital = next.isUpper
                if (p == UInt8(ascii: ".") || p == UInt8(ascii: "?") || p == UInt8(ascii: "!")) && capital {
                    return false
                }
                if p == UInt8(ascii: ":") && (next == UInt8(ascii: "\"") || next == Mark.leftDoubleQuote.lead) {
                    return false
                }
            }
        }
        return true
    }

    /// A line whose last word is a web address (`… pic.twitter.com/x1y2`, `… https://t.co/x`): the end of an
    /// embedded post or a link, never a headline.
    static func endsWithLink(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var k = line.count - 1
        let limit = max(0, line.count - 80)
        var slash = false
        var dot = false
        while k >= limit {
            let b = line[k]
            if b == .space { break }
            if b == UInt8(ascii: "/") { slash = true }
            if b == UInt8(ascii: ".") { dot = true }
            k -= 1
        }
        return slash && dot
    }

    /// A lead-in to a quotation: a colon and then an opening quote (`He said: “We will…`).
    static func isQuoteLeadIn(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard line.count >= 3 else { return false }
        for k in 0..<(line.count - 2) where line[k] == UInt8(ascii: ":") && line[k + 1] == .space {
            let q = line[k + 2]
            if q == UInt8(ascii: "\"") || q == UInt8(ascii: "'") { return true }
            if line.has(.leftDoubleQuote, at: k + 2) || line.has(.leftSingleQuote, at: k + 2) {
                return true
            }
        }
        return false
    }

    /// A match minute on a line of its own (`95'`, `45+2'`, `90’`): the start of a commentary entry's body.
    static func isMatchMinute(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard line.count >= 2, line.count <= 10, line[0].isDigit else { return false }
        var k = 0
        while k < line.count && (line[k].isDigit || line[k] == UInt8(ascii: "+") || line[k] == .space) { k += 1 }
        let rest = line.count - k
        if rest == 1 { return line[k] == UInt8(ascii: "'") }
        // ’ (E2 80 99) or ′ (E2 80 B2)
        return rest == 3 && (line.has(.rightSingleQuote, at: k) || line.has(.prime, at: k))
    }

    /// A line that ends with an ellipsis (`…` or `...`): a title cut short.
    static func endsWithEllipsis(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = line.count
        if line.ends(with: .ellipsis) { return true }
        return n >= 3 && line[n - 1] == UInt8(ascii: ".") && line[n - 2] == UInt8(ascii: ".")
            && line[n - 3] == UInt8(ascii: ".")
    }

    /// The name line of an embedded social post, `Holloway Park FC @HollowayParkFC`: its last word is a handle.
    static func endsWithHandle(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var k = line.count - 1
        let limit = max(0, line.count - 40)
        while k > limit {
            if line[k] == .space { return line[k + 1] == UInt8(ascii: "@") && k + 2 < line.count }
            k -= 1
        }
        return false
    }

    /// A short question that can head a post (`What is at stake?`): a capital start, a question mark at the end,
    /// at most `maximumQuestionWords` words, and no sentence break or quotation inside. Whether it *is* a headline
    /// depends on where it stands; see `BlogAssembler.isQuestionHeadline`.
    static func isQuestionHeadlineShaped(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard line.count >= 4, line.count <= 100, line[line.count - 1] == UInt8(ascii: "?") else { return false }
        let first = line[0]
        guard first.isUpper else { return false }
        var words = 1
        for k in 0..<(line.count - 1) {
            let b = line[k]
            if b == .space {
                words += 1
                let p = line[k - 1]
                if p == UInt8(ascii: ".") || p == UInt8(ascii: "!") || p == UInt8(ascii: "?") || p == UInt8(ascii: ";")
                {
                    return false
                }
            } else if b == UInt8(ascii: "\"") {
                return false
            } else if line.has(.leftDoubleQuote, at: k) || line.has(.rightDoubleQuote, at: k) {
                return false  // “ ”
            }
        }
        return words <= maximumQuestionWords
    }

    static let maximumQuestionWords = 12

    /// Whether the last visible character closes a sentence (. ! ? : ; , …), looking inside closing quotes.
    /// The glued-links shape: link texts a scrape glued together without spaces (`World CupAnna SmithEngland
    /// women`), as a list of tags or topics renders: a short line, not a sentence, where a lower-case letter runs
    /// straight into a capital three times or more (`YouTube` and `PlayStation` are one each).
    static func isGluedLinks(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard line.count >= 12, line.count <= 160 else { return false }
        var joins = 0
        var k = 1
        var inAddress = line[0] == UInt8(ascii: "/")
        while k < line.count {
            // A web address's mixed case (`t.co/qhBEoVhkfV`) is a slug, not link texts run together.
            if line[k] == .space {
                inAddress = false
            } else if line[k] == UInt8(ascii: "/") {
                inAddress = true
            }
            if !inAddress && line[k].isUpper && line[k - 1].isLower {
                // `McAdam`, `DeSantis`: a capital after one or two letters of a word is a name, not a join.
                var start = k - 1
                while start > 0 && line[start - 1].isLetter { start -= 1 }
                if k - start > 2 { joins += 1 }
            }
            k += 1
        }
        return joins >= 3 && !endsLikeSentence(line)
    }

    /// The banner shape: a sentence shouted in capitals (`THIS PAGE UPDATES AUTOMATICALLY.`), four words or more
    /// and no lower-case letter, ending with a full stop or an exclamation mark: a template's notice, not a post's
    /// text (an all-capitals headline ends without one).
    static func isShoutedBanner(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard line.count >= 20, line.count <= 200 else { return false }
        let last = line[line.count - 1]
        guard last == UInt8(ascii: ".") || last == UInt8(ascii: "!") else { return false }
        var spaces = 0
        var letters = 0
        for b in line {
            if b.isLower { return false }
            if b.isUpper { letters += 1 } else if b == .space { spaces += 1 }
        }
        return spaces >= 3 && letters >= 12
    }

    static func endsLikeSentence(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var end = line.count
        while end > 0 {
            let b = line[end - 1]
            // Closing quotes and brackets: look at what stands before them.
            if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") || b == UInt8(ascii: ")") {
                end -= 1
                continue
            }
            if line.has(.rightDoubleQuote, endingAt: end) || line.has(.rightSingleQuote, endingAt: end) {
                // ” or ’ ; a closing quote after a letter ends a headline such as ‘stop the war’.
                let before = end - 3
                guard before > 0 else { return false }
                let p = line[before - 1]
                if p == UInt8(ascii: ".") || p == UInt8(ascii: "!") || p == UInt8(ascii: "?") || p == UInt8(ascii: ",")
                {
                    return true
                }
                if line.has(.ellipsis, endingAt: before) { return true }
                return false
            }
            break
        }
        guard end > 0 else { return false }
        let last = line[end - 1]
        switch last {
        case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ";"),
            UInt8(ascii: ","):
            return true
        case Mark.ellipsis.third:
            return line.has(.ellipsis, endingAt: end)
        case Mark.ideographicStop.third:
            return line.has(.ideographicStop, endingAt: end)
        default:
            return false
        }
    }

    /// A bullet or numbered list item: "• ", "- ", "* ", "– ", "— ", "1. ".
    static func isListItem(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard line.count >= 2 else { return false }
        let b = line[0]
        if (b == UInt8(ascii: "-") || b == UInt8(ascii: "*")) && line[1] == .space { return true }
        if line.count >= 4 && line[3] == .space {
            if line.has(.bullet, at: 0) || line.has(.enDash, at: 0) || line.has(.emDash, at: 0)
                || line.has(.smallSquare, at: 0)
            {
                return true
            }
        }
        var k = 0
        while k < line.count && k < 3 && line[k].isDigit { k += 1 }
        return k > 0 && k + 1 < line.count && (line[k] == UInt8(ascii: ".") || line[k] == UInt8(ascii: ")"))
            && line[k + 1] == .space
    }

    /// A rule line such as `___`, `---`, `***` or `* * *`.
    static func isSeparator(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard line.count >= 3, line.count <= 120 else { return false }
        var marks = 0
        var i = 0
        while i < line.count {
            let b = line[i]
            switch b {
            case UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "="), UInt8(ascii: "~"):
                marks += 1
                i += 1
            case .space: i += 1
            case Mark.emDash.lead
            where line.has(.emDash, at: i) || line.has(.enDash, at: i) || line.has(.boxLine, at: i):
                marks += 1
                i += 3
            default: return false
            }
        }
        return marks >= 3
    }

    /// Headline calls made on weak evidence: very long, or ending in a quote, or holding a sentence break.
    static func isDoubtfulHeadline(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        if line.count > 150 { return true }
        for k in 0..<(line.count - 1) where line[k] == UInt8(ascii: ".") && line[k + 1] == .space {
            if k >= 2 && line[k - 2] == .space { continue }  // "Mr. X", "St. Y"
            return true
        }
        return false
    }
}
