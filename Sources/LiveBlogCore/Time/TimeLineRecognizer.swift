/// Recognises a line that is nothing but a post time, in the many styles newsrooms use:
/// `10:45`, `10.45am`, `4:14 p.m.`, `10 p.m.`, `14:05 GMT`, `4m ago`, `21 mins ago11:48`, `Posted at 14:05`,
/// `Updated at 12.08 BST`, `Mon 15 May 2023 12.50 BST`, `5 August 2024, 20:49`, `August 5, 2024 4:14 p.m. ET`,
/// and Unix epoch numbers; in other languages `11.04 Uhr`, `16h56`, `ore 16:56`, `godz. 14:05`, a zone in
/// brackets (`14:05 (CET)`), and day headers without a year (`Montag, 14. August`, `lunedì 14 agosto`), whose
/// words are read with their accents folded (`März`, `août`, `września`).
///
/// Works on short lines only; anything longer than a time line can be is rejected without a look.
public enum TimeLineRecognizer {
    /// Longest line, in bytes, that can be a time line.
    public static let maximumLength = 64

    private enum Token: Equatable {
        case number(Int, digits: Int)
        case word(String)
        case punct(Character)
    }

    /// A cheap byte test that rejects most lines before any `String` work: a time line is short, starts with a
    /// digit or a letter, has at most ten words, and holds a digit (or says "just now").
    @inline(__always)
    public static func mightBeTime(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !line.isEmpty, line.count <= maximumLength else { return false }
        // A digit, an ASCII letter, or the lead byte of an accented Latin letter (`Środa`, `Ütő`).
        guard line[0].isDigit || line[0].isLetter || line[0].startsAccentedLatin
        else { return false }
        var digit = false
        var spaces = 0
        for b in line {
            if b.isDigit { digit = true } else if b == .space { spaces += 1 }
        }
        if spaces > 9 { return false }
        return digit || (line.count == 8 && line[0].lowercased == UInt8(ascii: "j"))
    }

    /// The time a line of UTF-8 bytes states, or nil; prefiltered by `mightBeTime`.
    public static func recognize(bytes line: UnsafeBufferPointer<UInt8>) -> PostTime? {
        guard mightBeTime(line) else { return nil }
        if let clock = plainClock(line) { return clock }
        let ascii = startsLikeTime(line)
        if line.contains(where: { $0.isNonASCII }) {
            // Folding builds strings: only for a line whose first word could start a time once folded.
            guard ascii || line[0].startsNonASCIILetter || firstWordRunsIntoAccent(line) else { return nil }
            return recognizeFolded(String(decoding: line, as: UTF8.self))
        }
        guard ascii else { return nil }
        return recognize(Substring(String(decoding: line, as: UTF8.self)))
    }

    /// Whether the line's first run of ASCII letters goes on with a non-ASCII letter (`März`, `lunedì`).
    static func firstWordRunsIntoAccent(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var k = 0
        while k < line.count, line[k].isLetter { k += 1 }
        return k > 0 && k < line.count && line[k].startsNonASCIILetter
    }

    /// A line with accented letters: read with the accents folded (`März` as `Marz`, `Środa` as `Sroda`), and
    /// given back with its own text.
    static func recognizeFolded(_ line: String) -> PostTime? {
        var folded = line.folding(options: [.diacriticInsensitive], locale: nil)
        folded = folded.replacingOccurrences(of: "ł", with: "l").replacingOccurrences(of: "Ł", with: "L")
            .replacingOccurrences(of: "ø", with: "o").replacingOccurrences(of: "Ø", with: "O")
        // Typographic marks that fold to nothing useful stay as they are; a line still not ASCII-lettered fails.
        var copy = folded
        guard copy.withUTF8({ startsLikeTime($0) }) else { return nil }
        guard folded.utf8.count <= maximumLength, var time = parse(Substring(folded)) else { return nil }
        time.text = line
        return time
    }

    /// The commonest time line, `10:45` or `9.05`, read without building a `String` first.
    @inline(__always)
    static func plainClock(_ line: UnsafeBufferPointer<UInt8>) -> PostTime? {
        let n = line.count
        guard n == 4 || n == 5 else { return nil }
        @inline(__always) func digit(_ k: Int) -> Int? {
            let b = line[k]
            return b.isDigit ? b.digitValue : nil
        }
        let sep = line[n - 3]
        guard sep == UInt8(ascii: ":") || sep == UInt8(ascii: "."), let m1 = digit(n - 2), let m2 = digit(n - 1),
            let h2 = digit(n - 4)
        else { return nil }
        var hour = h2
        if n == 5 {
            guard let h1 = digit(0) else { return nil }
            hour += 10 * h1
        }
        let minute = m1 * 10 + m2
        guard hour < 24, minute < 60 else { return nil }
        return PostTime(text: String(decoding: line, as: UTF8.self), hour: hour, minute: minute)
    }

    /// The time a line states, or nil when the line is anything else.
    public static func recognize(_ line: Substring) -> PostTime? {
        guard line.utf8.count <= maximumLength, !line.isEmpty else { return nil }
        if line.utf8.contains(where: { $0.isNonASCII }) { return recognizeFolded(String(line)) }
        return parse(line)
    }

    /// The time an ASCII-lettered line states, or nil.
    private static func parse(_ line: Substring) -> PostTime? {
        var copy = line
        guard copy.withUTF8({ startsLikeTime($0) }) else { return nil }
        guard line.utf8.contains(where: { $0.isDigit }) else {
            return line.lowercased() == "just now" ? PostTime(text: String(line), age: 0) : nil
        }
        let tokens = tokenize(line)
        var p = Parser(tokens: tokens, source: line)
        return p.parseLine()
    }

    /// Splits a line into numbers, ASCII words (lower-cased) and single other characters, over its UTF-8 bytes.
    private static func tokenize(_ line: Substring) -> [(Token, String.Index, String.Index)] {
        var tokens: [(Token, String.Index, String.Index)] = []
        let u = line.utf8
        var i = u.startIndex
        while i < u.endIndex {
            let b = u[i]
            if b == .space || b == .tab {
                i = u.index(after: i)
                continue
            }
            let start = i
            if b.isDigit {
                var value = b.digitValue
                var digits = 1
                i = u.index(after: i)
                while i < u.endIndex, u[i].isDigit {
                    if digits < 12 { value = value * 10 + u[i].digitValue }
                    digits += 1
                    i = u.index(after: i)
                }
                tokens.append((.number(value, digits: digits), start, i))
            } else if b.isLetter {
                var word: [UInt8] = [b.lowercased]
                i = u.index(after: i)
                while i < u.endIndex, u[i].isLetter {
                    word.append(u[i].lowercased)
                    i = u.index(after: i)
                }
                tokens.append((.word(String(decoding: word, as: UTF8.self)), start, i))
            } else {
                // One character: an ASCII mark, or a whole multi-byte character (a dash, a letter with an accent).
                i = u.index(after: i)
                while i < u.endIndex, u[i].isContinuation { i = u.index(after: i) }
                tokens.append((.punct(Character(String(line[start..<i]))), start, i))
            }
        }
        return tokens
    }

    /// Words a time line can start with, packed as by `pack`; a line starting with any other word is not a time line.
    private static let leadingWords: Set<UInt64> = {
        var words: Set<String> = ["just"]
        words.formUnion(prefixWords)
        words.formUnion(months.keys)
        words.formUnion(weekdays)
        words.formUnion(TimeWords.agePrefixes)
        words.insert("il")
        return Set(words.map { word in word.utf8.reduce(UInt64(0)) { $0 << 5 | UInt64($1.alphabetIndex) } })
    }()

    /// Whether the line starts with a digit or with a word a time line can start with (read over its bytes,
    /// before any `String` is built).
    static func startsLikeTime(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = line.first else { return false }
        if first.isDigit { return true }
        var length = 0
        while length < line.count {
            guard line[length].isLetter else { break }
            length += 1
            if length > 12 { return false }
        }
        guard length >= 2 else { return false }
        // Five bits a letter: twelve letters fit in a UInt64 without building a String.
        var packed: UInt64 = 0
        for k in 0..<length { packed = packed << 5 | UInt64(line[k].alphabetIndex) }
        return leadingWords.contains(packed)
    }

    private static let prefixWords = TimeWords.prefixWords
    private static let prefixJoiners = TimeWords.prefixJoiners
    private static let months = TimeWords.months
    private static let weekdays = TimeWords.weekdays
    private static let clockWords = TimeWords.clockWords
    private static let zones = TimeWords.zones
    private static let ageUnits = TimeWords.ageUnits
    /// Marks between a clock and its date, either way round: `14:05, 5 December`, `2:05 PM / December 5, 2026`.
    static let separators: Set<Character> = [",", "-", "–", "—", "|", "/", "·", "•"]

    private struct Parser {
        let tokens: [(Token, String.Index, String.Index)]
        let source: Substring
        var k = 0

        init(tokens: [(Token, String.Index, String.Index)], source: Substring) {
            self.tokens = tokens
            self.source = source
        }

        var atEnd: Bool { k >= tokens.count }
        func peek(_ offset: Int = 0) -> Token? { k + offset < tokens.count ? tokens[k + offset].0 : nil }
        func isWord(_ offset: Int, _ words: Set<String>) -> Bool {
            if case .word(let w)? = peek(offset) { return words.contains(w) }
            return false
        }

        mutating func parseLine() -> PostTime? {
            // "Posted at", "Updated at", "Aktualisiert um", "Mis à jour le", "Aggiornato alle", "ore", "godz.".
            var prefixes = 0
            while prefixes < 5, case .word(let w)? = peek(),
                TimeLineRecognizer.prefixWords.contains(w)
                    || (prefixes > 0 && TimeLineRecognizer.prefixJoiners.contains(w))
            {
                k += 1
                prefixes += 1
                if case .punct(let p)? = peek(), p == ":" || p == "." || p == "à" { k += 1 }
            }
            let textStart = k
            // A Unix epoch left behind by a page's fallback: seconds (9–10 digits) or milliseconds (12–13).
            if case .number(let value, let digits)? = peek(), tokens.count == k + 1 {
                if digits >= 9 && digits <= 10 && value >= 100_000_000 {
                    return PostTime(text: String(source[tokens[k].1..<tokens[k].2]), epoch: value)
                }
                if digits >= 12 && digits <= 13, let millis = Int(source[tokens[k].1..<tokens[k].2]),
                    millis >= 100_000_000_000
                {
                    return PostTime(text: String(source[tokens[k].1..<tokens[k].2]), epoch: millis / 1000)
                }
            }
            if var age = parseAge() {
                if atEnd { return age }
                // A relative age glued to the clock time it stands for: "21 mins ago11:48".
                let clockStart = k
                if var clock = parseClock(), atEnd {
                    clock.age = age.age
                    clock.text = text(from: clockStart)
                    return clock
                }
                age.text = ""
                return nil
            }
            k = textStart
            if var dated = parseDateline() {
                dated.text = text(from: textStart)
                return dated
            }
            k = textStart
            if var clock = parseClock() {
                if atEnd {
                    clock.text = text(from: textStart)
                    return clock
                }
                // A clock before its date: "10:32 p.m. EDT, Thu September 12, 2024".
                if case .punct(let p)? = peek(), TimeLineRecognizer.separators.contains(p) { k += 1 }
                if isWord(0, ["on", "le", "il", "el", "de", "am", "den"]) { k += 1 }
                if let date = parseDateline(), atEnd, date.hour == nil {
                    clock.year = date.year
                    clock.month = date.month
                    clock.day = date.day
                    clock.text = text(from: textStart)
                    return clock
                }
            }
            return nil
        }

        func text(from start: Int) -> String {
            // Tokens start after spaces; only trailing spaces and tabs are left to trim.
            let u = source.utf8
            var end = u.endIndex
            while end > tokens[start].1 {
                let before = u.index(before: end)
                guard u[before] == .space || u[before] == .tab else { break }
                end = before
            }
            return String(source[tokens[start].1..<end])
        }

        mutating func parseAge() -> PostTime? {
            let start = k
            // An age written with its word in front: "vor 5 Minuten", "il y a 5 min", "hace 5 minutos".
            var prefixed = false
            if isWord(0, TimeWords.agePrefixes) {
                k += 1
                prefixed = true
            } else if isWord(0, ["il"]), isWord(1, ["y"]), isWord(2, ["a"]) {
                k += 3
                prefixed = true
            }
            guard case .number(let n, let digits)? = peek(), digits <= 3 else {
                k = start
                return nil
            }
            k += 1
            guard case .word(let unit)? = peek(), let seconds = TimeLineRecognizer.ageUnits[unit] else {
                k = start
                return nil
            }
            k += 1
            if case .punct(".")? = peek() { k += 1 }
            if prefixed { return PostTime(text: String(source[tokens[start].1..<tokens[k - 1].2]), age: n * seconds) }
            // "4m ago" tokenises as 4, "m"; "ago" may be glued to a clock: "ago11:48" gives "ago", 11, ...
            guard isWord(0, TimeWords.ageSuffixes) else {
                k = start
                return nil
            }
            k += 1
            return PostTime(text: String(source[tokens[start].1..<tokens[k - 1].2]), age: n * seconds)
        }

        /// `10:45`, `10.45`, `10.45am`, `4:14 p.m.`, `10 p.m.`, each with an optional zone.
        mutating func parseClock() -> PostTime? {
            let start = k
            guard case .number(var hour, let hd)? = peek(), hd <= 2 else { return nil }
            k += 1
            var minute = 0
            var hadMinutes = false
            if case .punct(let sep)? = peek(), sep == ":" || sep == ".",
                case .number(let m, let md)? = peek(1), md == 2, m < 60
            {
                minute = m
                hadMinutes = true
                k += 2
            } else if case .word(let w)? = peek(), w == "h" || w == "u", case .number(let m, let md)? = peek(1),
                md == 2, m < 60
            {
                // French `16h56`, Dutch `16u56`.
                minute = m
                hadMinutes = true
                k += 2
            }
            let meridiem = parseMeridiem()
            var oclock = false
            if meridiem == nil, case .word(let w)? = peek(), TimeLineRecognizer.clockWords.contains(w) {
                // `11.04 Uhr`, `11 Uhr`: the word says it is a clock; it names no zone.
                k += 1
                if case .punct(".")? = peek() { k += 1 }
                oclock = true
            }
            if !hadMinutes && meridiem == nil && !oclock {
                k = start
                return nil
            }
            if let meridiem {
                guard hour >= 1 && hour <= 12 else {
                    k = start
                    return nil
                }
                if meridiem == "pm" && hour != 12 { hour += 12 }
                if meridiem == "am" && hour == 12 { hour = 0 }
            }
            guard hour < 24 else {
                k = start
                return nil
            }
            var time = PostTime(text: "", hour: hour, minute: minute)
            let bracket: Bool
            if case .punct("(")? = peek() { bracket = true } else { bracket = false }
            let zoneStart = k
            if bracket { k += 1 }
            if let offset = parseZone() {
                // A zone, maybe in brackets: `14:05 CET`, `14:05 (IST)`, `14:05 GMT+1`, `14:05 UTC+02:00`.
                if bracket {
                    guard case .punct(")")? = peek() else {
                        k = zoneStart
                        return time
                    }
                    k += 1
                }
                time.zoneOffset = offset * 60
            } else {
                k = zoneStart
            }
            return time
        }

        /// A zone name with an optional offset (`CET`, `GMT+1`, `UTC-05:00`), or a bare offset (`+01:00`), in
        /// minutes east of UTC.
        mutating func parseZone() -> Int? {
            let start = k
            var base: Int?
            if case .word(let zone)? = peek(), let offset = TimeLineRecognizer.zones[zone] {
                base = offset
                k += 1
            }
            if case .punct(let sign)? = peek(), sign == "+" || sign == "-" || sign == "−",
                base != nil
                    || (peek(1).map { if case .number(_, let d) = $0 { d == 2 || d == 4 } else { false } } ?? false),
                case .number(let n, let digits)? = peek(1), digits <= 4
            {
                var minutes: Int
                k += 2
                if digits <= 2 {
                    minutes = n * 60
                    if case .punct(":")? = peek(), case .number(let m, 2)? = peek(1) {
                        minutes += m
                        k += 2
                    }
                } else {
                    minutes = (n / 100) * 60 + n % 100
                }
                guard minutes <= 14 * 60 else {
                    k = start
                    return nil
                }
                return (base ?? 0) + (sign == "+" ? minutes : -minutes)
            }
            return base
        }

        mutating func parseMeridiem() -> String? {
            // "am", "pm", "a.m.", "p.m." (the letters come as separate words around dots).
            if case .word(let w)? = peek() {
                if w == "am" || w == "pm" {
                    k += 1
                    return w
                }
                if w == "a" || w == "p", case .punct(".")? = peek(1), case .word("m")? = peek(2) {
                    k += 3
                    if case .punct(".")? = peek() { k += 1 }
                    return w + "m"
                }
            }
            return nil
        }

        /// `Mon 15 May 2023 12.50 BST`, `5 August 2024, 20:49`, `August 5, 2024 at 4:14 p.m. ET`.
        mutating func parseDateline() -> PostTime? {
            if isWord(0, TimeLineRecognizer.weekdays) {
                k += 1
                // `Sa.,`: an abbreviation's dot, then a comma.
                if case .punct(let p)? = peek(), p == "," || p == "." { k += 1 }
                if case .punct(",")? = peek() { k += 1 }
            }
            var day = 0
            var month = 0
            var year = 0
            if let numeric = parseNumericDate() {
                return finishDate(numeric)
            }
            if case .number(let d, let dd)? = peek(), dd <= 2, case .word(let m)? = peek(1),
                let mm = TimeLineRecognizer.months[m]
            {
                day = d
                month = mm
                k += 2
            } else if case .number(let d, let dd)? = peek(), dd <= 2, case .word("de")? = peek(1),
                case .word(let m)? = peek(2), let mm = TimeLineRecognizer.months[m]
            {
                // Spanish and Portuguese `5 de diciembre de 2026`.
                day = d
                month = mm
                k += 3
                if isWord(0, ["de"]) { k += 1 }
            } else if case .number(let d, let dd)? = peek(), dd <= 2, case .punct(".")? = peek(1),
                case .word(let m)? = peek(2),
                let mm = TimeLineRecognizer.months[m]
            {
                // German `14. August`.
                day = d
                month = mm
                k += 3
            } else if case .word(let m)? = peek(), let mm = TimeLineRecognizer.months[m] {
                // "September 12", and the abbreviated "Sept. 14".
                let dot: Int
                if case .punct(".")? = peek(1) { dot = 1 } else { dot = 0 }
                guard case .number(let d, let dd)? = peek(1 + dot), dd <= 2 else { return nil }
                day = d
                month = mm
                k += 2 + dot
                if case .punct(",")? = peek() { k += 1 }
            } else {
                return nil
            }
            if case .punct(".")? = peek() { k += 1 }
            guard day >= 1 && day <= 31 else { return nil }
            // A day header between posts (`Monday 14 August`, `Montag, 14. August`): a date with no year or clock.
            if atEnd { return PostTime(text: "", month: month, day: day) }
            if case .punct(",")? = peek(), case .number(_, 4)? = peek(1) { k += 1 }
            if isWord(0, ["de"]), case .number(_, 4)? = peek(1) { k += 1 }
            guard case .number(let y, 4)? = peek() else {
                // A date without its year before the clock: `Thu 5 Dec 14:05`, `za 05 dec. 14u05`.
                var result = PostTime(text: "", month: month, day: day)
                return finishClock(&result) ? result : nil
            }
            year = y
            k += 1
            return finishDate(PostTime(text: "", year: year, month: month, day: day))
        }

        /// The rest of a dated line after its year: nothing, or a separator and a clock.
        mutating func finishDate(_ date: PostTime) -> PostTime? {
            var result = date
            if atEnd { return result }
            return finishClock(&result) ? result : nil
        }

        /// A separator, a joining word, then a clock that ends the line, copied into `result`.
        mutating func finishClock(_ result: inout PostTime) -> Bool {
            if case .punct(let p)? = peek(), TimeLineRecognizer.separators.contains(p) { k += 1 }
            if isWord(0, TimeWords.dateClockJoiners) {
                k += 1
                if case .punct(".")? = peek() { k += 1 }
                if isWord(0, ["las"]) { k += 1 }
            }
            guard let clock = parseClock(), atEnd else { return false }
            result.hour = clock.hour
            result.minute = clock.minute
            result.zoneOffset = clock.zoneOffset
            return true
        }

        /// A numeric date with its year: `05.12.2026`, `5/12/2026`, `2026-12-05` (day first unless the year leads;
        /// with `/`, month first when the day is then impossible the other way round, as US pages write it).
        mutating func parseNumericDate() -> PostTime? {
            guard case .number(let a, let ad)? = peek(), case .punct(let s1)? = peek(1),
                s1 == "." || s1 == "/" || s1 == "-", case .number(let b, let bd)? = peek(2), bd <= 2,
                case .punct(let s2)? = peek(3), s2 == s1, case .number(let c, let cd)? = peek(4)
            else { return nil }
            var year: Int
            var month: Int
            var day: Int
            if ad == 4 && cd <= 2 {
                (year, month, day) = (a, b, c)
            } else if ad <= 2 && cd == 4 {
                year = c
                (day, month) = (a, b)
                if s1 == "/" && b > 12 { (day, month) = (b, a) }
            } else {
                return nil
            }
            guard month >= 1 && month <= 12 && day >= 1 && day <= 31 else { return nil }
            k += 5
            return PostTime(text: "", year: year, month: month, day: day)
        }
    }
}
