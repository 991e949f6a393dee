/// Photo credits and the captions they sit under or after.
///
/// A credit is a line that starts with a credit marker from the rules (`Photograph: Idris Fenwick/PA`,
/// `Image: Kaiyō Systems`, `Photo by Karim Haddad / AFP`), a bare `Name/Agency` line (`Jamal Greer/Getty Images`),
/// or a caption that ends with one (`… on Monday morning. Photograph: Idris Fenwick/PA`,
/// `… congestion (Image: Owen Tull/Westcombe Gazette)`, `… August 5, 2024. WORLDLINE/Anouk Brandt`).
enum CaptionCredit {
    enum Match: Equatable {
        /// The line is a credit and nothing else; the caption, if any, is the line before it.
        case credit
        /// The line is a caption with its credit at the end.
        case captionWithCredit
    }

    /// Longest credit line, and longest credit at the end of a caption, in bytes.
    static let maximumCreditBytes = 150
    static let maximumTrailingCreditBytes = 80
    /// Longest line that can be a caption.
    static let maximumCaptionBytes = 240
    static let maximumCaptionWords = 24
    /// Longest caption whose credit follows a full stop: agency captions run to several sentences.
    static let maximumLongCaptionBytes = 700

    /// Cheap first look: credits end in a letter, a digit or `)`, never in sentence punctuation or a closing quote.
    @inline(__always)
    static func mightEndWithCredit(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard line.count >= 4 else { return false }
        let last = line[line.count - 1]
        if last == UInt8(ascii: ")") { return true }
        if last.isNonASCII {
            // Not a closing quote (” ’) nor an ellipsis.
            return !line.endsWithGeneralPunctuation()
        }
        return last.isLetter || last.isDigit
    }

    /// What kind of credit the line is, if it is one.
    static func match(_ line: UnsafeBufferPointer<UInt8>, rules: BoilerplateRules) -> Match? {
        guard mightEndWithCredit(line) else { return nil }
        if line.count <= maximumCreditBytes, rules.matches(.credit, line) { return .credit }
        if line.count <= 60, isNameSlashAgency(line, from: 0) { return .credit }
        // A credit at the end holds a colon, a slash or a bracket ("Photograph: A/PA", "(Image: …)", "AGENCY/Name").
        let window = min(line.count, maximumTrailingCreditBytes + 20)
        let tailStart = line.count - window
        guard containsCreditPunctuation(UnsafeBufferPointer(rebasing: line[tailStart...])) else { return nil }
        if let (_, offset) = rules.lastOccurrence(.credit, in: line, window: window), offset > 0 {
            let before = line[offset - 1]
            let tail = UnsafeBufferPointer(rebasing: line[offset...])
            let head = UnsafeBufferPointer(rebasing: line[..<offset])
            // Credits are written with a capital ("Photograph:", "(Image:", "Supplied"); "food supplied by" is not one.
            let capital = line[offset] == UInt8(ascii: "(") || line[offset].isUpper
            // A long caption is believed when its credit opens a sentence of its own (`… in 2021. Photograph: …`).
            let afterStop = offset >= 2 && before == .space && line[offset - 2] == UInt8(ascii: ".")
            let longest = afterStop ? maximumLongCaptionBytes : maximumCaptionBytes
            if capital && (before == .space || before == UInt8(ascii: "(")) && tail.count <= maximumTrailingCreditBytes
                && !containsSentenceBreak(tail) && line.count <= longest && !containsQuotation(head)
            {
                // "ABC News: Supplied": only an outlet's name before the marker, so the line is all credit.
                return isOutletName(head) ? .credit : .captionWithCredit
            }
        }
        // "… in 2021. Photograph: Ann Lee/Agency/Other Agency": a credit rule opening the last sentence, whatever
        // credit words (an agency's name) come later in it.
        var k = line.count - 2
        let limit = max(1, line.count - maximumTrailingCreditBytes - 2)
        while k > limit {
            if line[k] == .space && line[k - 1] == UInt8(ascii: ".") {
                let tail = UnsafeBufferPointer(rebasing: line[(k + 1)...])
                if line.count <= maximumLongCaptionBytes, rules.matches(.credit, tail), !containsSentenceBreak(tail),
                    !containsQuotation(UnsafeBufferPointer(rebasing: line[..<k]))
                {
                    return .captionWithCredit
                }
                break
            }
            k -= 1
        }
        // "… August 5, 2024. WORLDLINE/Anouk Brandt": an agency in capitals and a name after the caption's last full stop.
        if let stop = lastSentenceStop(line), line.count - stop <= 60, isAgencySlashName(line, from: stop) {
            return .captionWithCredit
        }
        return nil
    }

    /// A caption: a short line describing a picture, not a quote, not a list item, not a question or a lead-in.
    static func isCaption(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !line.isEmpty, line.count <= maximumCaptionBytes else { return false }
        let first = line[0]
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "@") { return false }
        if line.has(.leftDoubleQuote, at: 0) || line.has(.leftSingleQuote, at: 0) { return false }
        if LineShape.isListItem(line) { return false }
        let last = line[line.count - 1]
        if last == UInt8(ascii: ":") || last == UInt8(ascii: "?") || last == UInt8(ascii: "!") { return false }
        var words = 1
        for b in line where b == .space { words += 1 }
        return words <= maximumCaptionWords
    }

    /// `Jamal Greer/Getty Images`: capitalised words around one slash, nothing else.
    static func isNameSlashAgency(_ line: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        var slash = -1
        for k in start..<line.count where line[k] == UInt8(ascii: "/") {
            if slash >= 0 { return false }
            slash = k
        }
        guard slash > start, slash < line.count - 1 else { return false }
        let left = UnsafeBufferPointer(rebasing: line[start..<slash])
        let right = UnsafeBufferPointer(rebasing: line[(slash + 1)...])
        return allCapitalised(left) && allCapitalised(right)
    }

    /// `WORLDLINE/Anouk Brandt` from `start`: an agency in capitals, a slash, then capitalised names.
    static func isAgencySlashName(_ line: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        var k = start
        var capitals = 0
        while k < line.count && line[k].isUpper {
            k += 1
            capitals += 1
        }
        guard capitals >= 2, k < line.count, line[k] == UInt8(ascii: "/") else { return false }
        return allCapitalised(UnsafeBufferPointer(rebasing: line[(k + 1)...]))
    }

    /// Every space-separated word starts with a capital (or a non-ASCII letter); no sentence punctuation.
    private static func allCapitalised(_ part: UnsafeBufferPointer<UInt8>) -> Bool {
        var atWordStart = true
        var sawWord = false
        for b in part {
            if b == .space {
                atWordStart = true
                continue
            }
            if b == UInt8(ascii: ".") || b == UInt8(ascii: ",") || b == UInt8(ascii: ";") || b == UInt8(ascii: ":")
                || b == UInt8(ascii: "!") || b == UInt8(ascii: "?")
            {
                return false
            }
            if atWordStart {
                guard b.isUpper || b.startsNonASCIILetter else { return false }
                atWordStart = false
                sawWord = true
            }
        }
        return sawWord
    }

    @inline(__always)
    private static func containsCreditPunctuation(_ tail: UnsafeBufferPointer<UInt8>) -> Bool {
        let base = UnsafeRawPointer(tail.baseAddress!)
        return memchr(base, Int32(UInt8(ascii: ":")), tail.count) != nil
            || memchr(base, Int32(UInt8(ascii: "/")), tail.count) != nil
            || memchr(base, Int32(UInt8(ascii: "(")), tail.count) != nil
    }

    /// Index just after the last ". " among the last 60 bytes (where a trailing credit would start), or nil.
    private static func lastSentenceStop(_ line: UnsafeBufferPointer<UInt8>) -> Int? {
        var k = line.count - 2
        let limit = max(0, line.count - 62)
        while k > limit {
            if line[k] == .space && line[k - 1] == UInt8(ascii: ".") { return k + 1 }
            k -= 1
        }
        return nil
    }

    /// A short run of capitalised words, maybe ending in `:` or `,` (`ABC News:`): an outlet or agency name.
    static func isOutletName(_ head: UnsafeBufferPointer<UInt8>) -> Bool {
        var end = head.count
        while end > 0
            && (head[end - 1] == .space || head[end - 1] == UInt8(ascii: ":") || head[end - 1] == UInt8(ascii: ",")
                || head[end - 1] == UInt8(ascii: "/") || head[end - 1] == UInt8(ascii: "("))
        { end -= 1 }
        guard end > 0, end <= 40 else { return false }
        let name = UnsafeBufferPointer(rebasing: head[..<end])
        var words = 1
        for b in name where b == .space { words += 1 }
        return words <= 4 && allCapitalised(name)
    }

    /// Whether the text holds a quotation mark (“ ” or "): a quotation is a paragraph, not a caption.
    private static func containsQuotation(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard text.count >= 3 else { return false }
        for k in 0..<(text.count - 2) {
            if text[k] == UInt8(ascii: "\"") { return true }
            if text.has(.leftDoubleQuote, at: k) || text.has(.rightDoubleQuote, at: k) { return true }
        }
        return false
    }

    private static func containsSentenceBreak(_ tail: UnsafeBufferPointer<UInt8>) -> Bool {
        guard tail.count >= 2 else { return false }
        for k in 0..<(tail.count - 1) where tail[k + 1] == .space {
            let b = tail[k]
            // An initial (`Kevin S. Vineys`) is no sentence break.
            if b == UInt8(ascii: "."), k >= 1, tail[k - 1].isUpper, k == 1 || tail[k - 2] == .space {
                continue
            }
            if b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?") { return true }
        }
        return false
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
