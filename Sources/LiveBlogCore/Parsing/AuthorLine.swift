/// Author lines: bylines and reporter credits that pages print above or inside posts.
///
/// `By Priya Okonjo`, `By Eleanor Pym, Political Correspondent, and Sam Whitcombe`, `From CBN’s Marcus Ortega`,
/// `Ingrid Falk and Tomasz Wren in Aldmark`, `Hamid Ashworth (now) and Clara Boateng (earlier)`, sometimes with a
/// date or a time glued to the last name (`By Priya Okonjo5 August 2024`, `Ingrid Falk15:10`).
///
/// The test is on shape alone: a short line of capitalised words, joined only by a few small words
/// (`and`, `in`, `at`, commas), that does not end like a sentence.
enum AuthorLine {
    /// Longest author line, in bytes.
    static let maximumBytes = 160
    static let maximumWords = 16

    /// Small words that may join the names of an author line.
    private static let joiners: [UInt64] =
        [
            "and", "&", "in", "at", "by", "of", "the", "for", "with", "staff", "de", "van", "von", "der", "da", "del",
            "di", "la", "le", "al", "bin", "y", "and,", "&,",
            // "and" in German, French, Italian and Portuguese, Polish, Dutch, Spanish.
            "und", "et", "e", "i", "oraz", "en",
        ].map { word in word.utf8.reversed().reduce(0) { $0 << 8 | UInt64($1) } }
    /// The longest joiner, in bytes; a longer word is never one.
    private static let longestJoiner = 5

    /// Whether the whole line is a list of names (and roles, and places) as an author line writes them.
    static func isNames(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !line.isEmpty, line.count <= maximumBytes, !LineShape.endsLikeSentence(line) else { return false }
        var capitalised = 0
        var words = 0
        var start = 0
        var k = 0
        while k <= line.count {
            if k == line.count || line[k] == .space {
                if k > start {
                    words += 1
                    if words > maximumWords { return false }
                    switch wordKind(UnsafeBufferPointer(rebasing: line[start..<k])) {
                    case .capitalised: capitalised += 1
                    case .joiner: break
                    case .other: return false
                    }
                }
                start = k + 1
            }
            k += 1
        }
        return capitalised >= 2
    }

    private enum WordKind { case capitalised, joiner, other }

    private static func wordKind(_ word: UnsafeBufferPointer<UInt8>) -> WordKind {
        let first = word[0]
        if first.isUpper {
            // Capitalised: no digits after the capital (a digit would make it a code or a time, not a name).
            for b in word where b.isDigit { return .other }
            return .capitalised
        }
        if first.startsNonASCIILetter {
            // A non-ASCII letter starts the word (Élodie, Łukasz, 王): read as a name.
            return .capitalised
        }
        if first == UInt8(ascii: "(") && word.count >= 3 && word[word.count - 1] == UInt8(ascii: ")") {
            return .joiner  // "(now)", "(earlier)"
        }
        // The word (less one trailing comma) packed into a number, one byte a place: no allocation, and no zero
        // byte in normalised text, so equal numbers are equal words.
        var count = word.count
        if word[count - 1] == UInt8(ascii: ",") { count -= 1 }
        guard count <= longestJoiner else { return .other }
        var packed: UInt64 = 0
        for k in stride(from: count - 1, through: 0, by: -1) { packed = packed << 8 | UInt64(word[k]) }
        return joiners.contains(packed) ? .joiner : .other
    }

    /// Where a date or time is glued to the end of a name ("Okonjo5 August 2024", "Falk15:10"): the index of the
    /// first digit that directly follows a letter, or nil.
    static func gluedTailStart(_ line: UnsafeBufferPointer<UInt8>) -> Int? {
        guard line.count >= 3 else { return nil }
        for k in 1..<line.count where line[k].isDigit {
            let before = line[k - 1]
            let letter = before.isLetter || before.isNonASCII
            return letter ? k : nil
        }
        return nil
    }

    /// An author line with a byline word in front (`By …`, `From …`, `Edited by …`): the rule that matched, and the
    /// date or time glued to its end, if any. The rest of the line after the word must be names.
    static func byline(_ line: UnsafeBufferPointer<UInt8>, rules: BoilerplateRules)
        -> (rule: BoilerplateRules.Rule, glued: PostTime?)?
    {
        guard line.count <= maximumBytes + 40, let rule = rules.match(.byline, line) else { return nil }
        let wordLength = rule.text.utf8.count
        guard line.count > wordLength + 1, line[wordLength] == .space else { return nil }
        let rest = UnsafeBufferPointer(rebasing: line[(wordLength + 1)...])
        if let tail = gluedTailStart(rest) {
            let names = UnsafeBufferPointer(rebasing: rest[..<tail])
            let time = TimeLineRecognizer.recognize(bytes: UnsafeBufferPointer(rebasing: rest[tail...]))
            guard let time, names.count > 0, isBylineNames(names) else { return nil }
            return (rule, time)
        }
        return isBylineNames(rest) ? (rule, nil) : nil
    }

    /// Names after a byline word: one capitalised name is enough there ("By Reuters", "From CBN staff").
    private static func isBylineNames(_ names: UnsafeBufferPointer<UInt8>) -> Bool {
        if isNames(names) { return true }
        guard !names.isEmpty, names.count <= 60, !LineShape.endsLikeSentence(names) else { return false }
        return isNamesAllowingOneCapital(names)
    }

    private static func isNamesAllowingOneCapital(_ names: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0
        var k = 0
        var first = true
        while k <= names.count {
            if k == names.count || names[k] == .space {
                if k > start {
                    let kind = wordKind(UnsafeBufferPointer(rebasing: names[start..<k]))
                    if first { if kind != .capitalised { return false } } else if kind != .joiner { return false }
                    first = false
                }
                start = k + 1
            }
            k += 1
        }
        return true
    }

    /// Where the time starts after a name and a separator (`Sam Okoro · 19:42`, `Ann Lee | 10:05`,
    /// `Ann Lee - 10.05am`), and where the name ends; nil when the line has no such separator before a digit.
    static func separatedTail(_ line: UnsafeBufferPointer<UInt8>) -> (nameEnd: Int, tail: Int)? {
        guard let digit = line.firstIndex(where: { $0.isDigit }), digit >= 4, line[digit - 1] == .space else {
            return nil
        }
        var k = digit - 1
        while k > 0 && line[k] == .space { k -= 1 }
        // The separator: ·, | - , or a dash (– —).
        var separatorStart = k
        let b = line[k]
        if b == UInt8(ascii: "|") || b == UInt8(ascii: "-") || b == UInt8(ascii: ",") {
            separatorStart = k
        } else if b == Mark.middleDot.trail && k >= 1 && line[k - 1] == Mark.middleDot.lead {
            separatorStart = k - 1
        } else if line.has(.enDash, endingAt: k + 1) || line.has(.emDash, endingAt: k + 1) {
            separatorStart = k - 2
        } else {
            return nil
        }
        var nameEnd = separatorStart
        while nameEnd > 0 && line[nameEnd - 1] == .space { nameEnd -= 1 }
        return nameEnd > 0 ? (nameEnd, digit) : nil
    }

    /// An author's name glued to the post's time (`Ingrid Falk15:10`), or set beside it with a separator
    /// (`Sam Okoro · 19:42`): the time, when the line is exactly that.
    static func gluedTime(_ line: UnsafeBufferPointer<UInt8>) -> PostTime? {
        guard line.count <= 64 else { return nil }
        let nameEnd: Int
        let tail: Int
        if let glued = gluedTailStart(line) {
            (nameEnd, tail) = (glued, glued)
        } else if let separated = separatedTail(line) {
            (nameEnd, tail) = separated
        } else {
            return nil
        }
        let names = UnsafeBufferPointer(rebasing: line[..<nameEnd])
        guard isNames(names) else { return nil }
        var spaces = 0
        for b in names where b == .space { spaces += 1 }
        guard spaces <= 4 else { return nil }
        guard let time = TimeLineRecognizer.recognize(bytes: UnsafeBufferPointer(rebasing: line[tail...])),
            time.hour != nil
        else { return nil }
        return time
    }

    /// "By" in the languages of the time table: the word that joins a label to a byline's names.
    private static let byWords: Set<[UInt8]> = Set(
        ["by", "von", "par", "door", "por", "przez", "av", "af", "od"].map {
            Array($0.utf8)
        })

    /// A byline with a label in front of its "by" (`Posted by Ana Ruiz`, `Geschrieben von Ana Ruiz`, `Publié par
    /// Ana Ruiz`): one capitalised word of letters, a "by" word, then names. The shape decides, not the label.
    static func isLabelledByline(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard line.count >= 8, line.count <= 90, line[0].isUpper else { return false }
        var k = 1
        while k < line.count && line[k].isLetter { k += 1 }
        guard k <= 14, k < line.count, line[k] == .space else { return false }
        let byStart = k + 1
        var e = byStart
        while e < line.count && line[e].isLetter { e += 1 }
        guard e < line.count, line[e] == .space, e - byStart >= 2,
            byWords.contains(Array(line[byStart..<e]))
        else { return false }
        return isBylineNames(UnsafeBufferPointer(rebasing: line[(e + 1)...]))
    }

    /// The first two words of a byline's names ("Bethan Morrow"), to spot the author's biography line after it.
    static func leadingName(_ line: UnsafeBufferPointer<UInt8>, afterWord wordLength: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        var spaces = 0
        var k = wordLength + 1
        while k < line.count {
            let b = line[k]
            if b.isDigit || b == UInt8(ascii: ",") { break }
            if b == .space {
                spaces += 1
                if spaces == 2 { break }
            }
            bytes.append(b)
            k += 1
        }
        return bytes
    }
}
