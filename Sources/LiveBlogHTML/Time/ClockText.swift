import Foundation

/// Recognises the clock times pages print beside posts: `15:05`, `17.00`, `11.04 Uhr`, `4:14 p.m.`, `10 p.m.`,
/// `12.50 BST`, `14 August 2023 10:01`. A match minute (`95'`) is not a clock.
enum ClockText {
    /// A clock anywhere in the text: hour and minute with `:` or `.`, or an hour with am/pm.
    // swift-format-ignore: NeverUseForceTry
    private static let clock = try! NSRegularExpression(
        pattern: #"(?<![\d.,:])(?:[01]?\d|2[0-3])(?:[:.h][0-5]\d(?![\d,])(?:\s*[ap]\.?\s?m\.?)?|\s*[ap]\.?\s?m\b\.?)"#,
        options: [.caseInsensitive])
    // swift-format-ignore: NeverUseForceTry
    private static let minute = try! NSRegularExpression(pattern: #"^\d{1,3}(?:\s*\+\s*\d{1,2})?\s*['′’]$"#)

    // swift-format-ignore: NeverUseForceTry
    private static let age = try! NSRegularExpression(
        pattern:
            #"^(?:updated\s+)?(?:\d+\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?)\s+ago|vor\s+\d+\s+(?:sekunden|minuten|stunden|tagen?)|il\s+y\s+a\s+\d+\s*(?:s|secondes?|min|minutes?|h|heures?|jours?)|hace\s+\d+\s*(?:s|segundos?|min|minutos?|h|horas?|d[ií]as?)|\d+\s*(?:secondi|minuti|min|ore|giorni)\s+fa|h[aá]\s+\d+\s*(?:min|minutos?|h|horas?))$"#,
        options: [.caseInsensitive])

    /// Any of the three: a clock-only text, a match minute or a relative age. All need a digit, which most texts
    /// lack, so that is tested first (the regular expressions are the slow part of reading a page).
    static func isTimeMark(_ text: String) -> Bool {
        guard !text.isEmpty, text.utf8.count <= 160, text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else {
            return false
        }
        return isTimeOnly(text) || isMatchMinute(text) || isRelativeAge(text)
    }

    /// A relative age ("4m ago", "vor 5 Minuten", "il y a 2 heures"): evidence of a post's time, though not a clock.
    static func isRelativeAge(_ text: String) -> Bool {
        guard text.count <= 30 else { return false }
        return age.firstMatch(in: text, range: NSRange(location: 0, length: (text as NSString).length)) != nil
    }

    /// The range of the first clock in `text`.
    static func firstClock(in text: String) -> Range<String.Index>? {
        let ns = text as NSString
        guard let m = clock.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)) else { return nil }
        return Range(m.range, in: text)
    }

    /// Whether a short text is only a time stamp: a clock with at most a date, a zone or a word such as "Uhr".
    static func isTimeOnly(_ text: String) -> Bool {
        guard text.count <= 40, let range = firstClock(in: text) else { return false }
        var rest = text
        rest.removeSubrange(range)
        let words = rest.split(whereSeparator: { !$0.isLetter })
        // "14 August 2023 10:01", "11.04 Uhr", "12.50 BST", "Updated 10:05 GMT" — a few words at most.
        return words.count <= 3 && words.allSatisfy { $0.count <= 12 }
    }

    /// A heading or bold lead that starts with a clock: the clock text (with a trailing zone word) and the rest.
    static func leadingClock(_ text: String) -> (time: String, rest: String)? {
        guard let range = firstClock(in: text), text.distance(from: text.startIndex, to: range.lowerBound) <= 2 else {
            return nil
        }
        var end = range.upperBound
        // Take a following zone or "Uhr"-like word when it is short and capitalised or all letters.
        let after = text[end...]
        let trimmed = after.drop(while: { $0 == " " })
        let word = trimmed.prefix(while: { $0.isLetter })
        if !word.isEmpty, word.count <= 4, word.first?.isUppercase == true || word == "uhr" || word == "h" {
            end = word.endIndex
        }
        // A zone in brackets: "(BST)".
        let bracket = text[end...].drop(while: { $0 == " " })
        if bracket.hasPrefix("("), let close = bracket.firstIndex(of: ")"),
            bracket.distance(from: bracket.startIndex, to: close) <= 6
        {
            end = text.index(after: close)
        }
        let time = TextCleaner.collapse(String(text[text.startIndex..<end]))
        let rest = text[end...].drop(while: {
            $0 == " " || $0 == ":" || $0 == "|" || $0 == "-" || $0 == "–" || $0 == "—" || $0 == ","
        })
        return (time, TextCleaner.collapse(String(rest)))
    }

    /// A match minute such as `95'` or `45+2'`.
    static func isMatchMinute(_ text: String) -> Bool {
        minute.firstMatch(in: text, range: NSRange(location: 0, length: (text as NSString).length)) != nil
    }
}
