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
        guard length >= 3 else { return false }
        // Five bits a letter: twelve letters fit in a UInt64 without building a String.
        var packed: UInt64 = 0
        for k in 0..<length { packed = packed << 5 | UInt64(line[k].alphabetIndex) }
        return leadingWords.contains(packed)
    }

    /// Words that may stand before a time: "Posted at", "Aktualisiert um", "Aggiornato alle", "ore", "godz.".
    private static let prefixWords: Set<String> = [
        "posted", "updated", "published", "last",
        "aktualisiert", "aktualisierung", "stand", "veroffentlicht", "um",
        "aggiornato", "aggiornamento", "pubblicato", "alle", "ore",
        "publie", "mis", "actualise",
        "actualizado", "publicado",
        "aktualizacja", "zaktualizowano", "opublikowano", "godz", "godzina",
        "bijgewerkt", "gepubliceerd", "kl", "klo",
    ]
    /// Small words between a prefix and the time: "at", "on", "um", "à jour le", "alle", "o".
    private static let prefixJoiners: Set<String> = [
        "at", "on", "updated", "a", "jour", "le", "il", "de", "el", "o", "om", "am",
    ]

    private static let months: [String: Int] = [
        "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
        "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
        "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
        // German, French, Italian, Spanish, Portuguese, Dutch, with accents folded.
        "januar": 1, "janner": 1, "februar": 2, "marz": 3, "maerz": 3, "mai": 5, "juni": 6, "juli": 7, "okt": 10,
        "oktober": 10, "dez": 12, "dezember": 12,
        "janvier": 1, "janv": 1, "fevrier": 2, "fevr": 2, "mars": 3, "avril": 4, "avr": 4, "juin": 6, "juillet": 7,
        "juil": 7, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12,
        "gennaio": 1, "febbraio": 2, "marzo": 3, "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7, "agosto": 8,
        "settembre": 9, "ottobre": 10, "dicembre": 12,
        "enero": 1, "febrero": 2, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "septiembre": 9, "setiembre": 9,
        "octubre": 10, "noviembre": 11, "diciembre": 12,
        "janeiro": 1, "fevereiro": 2, "marco": 3, "maio": 5, "junho": 6, "julho": 7, "setembro": 9, "outubro": 10,
        "novembro": 11, "dezembro": 12,
        "januari": 1, "februari": 2, "maart": 3, "mei": 5, "augustus": 8,
        // Polish, in the genitive a date uses.
        "stycznia": 1, "lutego": 2, "marca": 3, "kwietnia": 4, "maja": 5, "czerwca": 6, "lipca": 7, "sierpnia": 8,
        "wrzesnia": 9, "pazdziernika": 10, "listopada": 11, "grudnia": 12,
    ]
    private static let weekdays: Set<String> = [
        "mon", "monday", "tue", "tues", "tuesday", "wed", "wednesday", "thu", "thur", "thurs", "thursday",
        "fri", "friday", "sat", "saturday", "sun", "sunday",
        "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend", "sonntag",
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        "lunedi", "martedi", "mercoledi", "giovedi", "venerdi", "sabato", "domenica",
        "lunes", "martes", "miercoles", "jueves", "viernes", "domingo",
        "poniedzialek", "wtorek", "sroda", "czwartek", "piatek", "sobota", "niedziela",
        "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
    ]
    /// Words after a clock that say "o'clock" rather than a zone: `11.04 Uhr`, `14 h`.
    private static let clockWords: Set<String> = ["uhr", "h", "hs", "hrs", "godz", "heures"]
    /// Zone names newsrooms print, with their offsets in hours east of UTC.
    private static let zones: [String: Double] = [
        "gmt": 0, "utc": 0, "z": 0, "bst": 1, "ist": 1, "cet": 1, "cest": 2, "eet": 2, "eest": 3, "msk": 3,
        "et": -5, "est": -5, "edt": -4, "ct": -6, "cst": -6, "cdt": -5, "mt": -7, "mst": -7, "mdt": -6,
        "pt": -8, "pst": -8, "pdt": -7, "aest": 10, "aedt": 11, "jst": 9, "kst": 9, "hkt": 8, "sgt": 8,
    ]
    private static let ageUnits: [String: Int] = [
        "s": 1, "sec": 1, "secs": 1, "second": 1, "seconds": 1,
        "m": 60, "min": 60, "mins": 60, "minute": 60, "minutes": 60,
        "h": 3600, "hr": 3600, "hrs": 3600, "hour": 3600, "hours": 3600,
        "d": 86400, "day": 86400, "days": 86400,
    ]

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
                if case .punct(let p)? = peek(), p == "," || p == "-" || p == "–" || p == "|" { k += 1 }
                if isWord(0, ["on"]) { k += 1 }
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
            guard case .number(let n, let digits)? = peek(), digits <= 3 else { return nil }
            k += 1
            guard case .word(let unit)? = peek(), let seconds = TimeLineRecognizer.ageUnits[unit] else {
                k = start
                return nil
            }
            k += 1
            // "4m ago" tokenises as 4, "m"; "ago" may be glued to a clock: "ago11:48" gives "ago", 11, ...
            guard case .word("ago")? = peek() else {
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
            } else if case .word("h")? = peek(), case .number(let m, let md)? = peek(1), md == 2, m < 60 {
                // French `16h56`.
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
            if case .word(let zone)? = peek(), let offset = TimeLineRecognizer.zones[zone] {
                time.zoneOffset = Int(offset * 3600)
                k += 1
            } else if case .punct("(")? = peek(), case .word(let zone)? = peek(1),
                let offset = TimeLineRecognizer.zones[zone],
                case .punct(")")? = peek(2)
            {
                // A zone in brackets: `14:05 (CET)`.
                time.zoneOffset = Int(offset * 3600)
                k += 3
            }
            return time
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
                if case .punct(let p)? = peek(), p == "," || p == "." { k += 1 }
            }
            var day = 0
            var month = 0
            var year = 0
            if case .number(let d, let dd)? = peek(), dd <= 2, case .word(let m)? = peek(1),
                let mm = TimeLineRecognizer.months[m]
            {
                day = d
                month = mm
                k += 2
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
            guard case .number(let y, 4)? = peek() else { return nil }
            year = y
            k += 1
            var result = PostTime(text: "", year: year, month: month, day: day)
            if atEnd { return result }
            if case .punct(let p)? = peek(), p == "," || p == "-" || p == "–" || p == "|" { k += 1 }
            if isWord(0, ["at", "a", "um", "alle", "ore", "o", "om", "godz", "kl"]) { k += 1 }
            if case .punct(".")? = peek() { k += 1 }
            guard let clock = parseClock(), atEnd else { return nil }
            result.hour = clock.hour
            result.minute = clock.minute
            result.zoneOffset = clock.zoneOffset
            return result
        }
    }
}
