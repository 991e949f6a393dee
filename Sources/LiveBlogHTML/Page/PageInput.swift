internal import CLibXML2

/// Prepares a page's bytes for libxml2: decoded to UTF-8 here wherever that can be done without it (so that no
/// charset can stop its parser halfway), and cut to limits libxml2's parser handles in time.
///
/// - UTF-16 and UTF-32 byte-order marks are read before anything else; a `<meta charset=utf-16>` on bytes that are
///   plainly ASCII-compatible is a mistake and is ignored.
/// - Bytes that are mostly valid UTF-8 are read as UTF-8 with each bad byte replaced (U+FFFD), whatever the page
///   declares: one stray byte no longer sends a whole page to windows-1252.
/// - windows-1252 (and the labels browsers read as it) is decoded here by table, undefined bytes included.
/// - Any other declared charset goes to libxml2 only when iconv knows it; otherwise the repaired UTF-8 is used.
/// - A start tag with more than `maximumAttributes` attributes keeps its first ones: libxml2 compares every
///   attribute with all before it, so 100,000 of them took 24 s.
struct PageInput {
    /// The bytes libxml2 reads.
    var bytes: [UInt8]
    /// The encoding libxml2 is told they are in ("UTF-8" for all that were decoded here).
    var encoding: String
    /// How the charset was decided, for the diagnostics.
    var evidence: String
    /// What was cut, in the user's words; nil when nothing was.
    var cut: String?

    static let maximumAttributes = 128

    init(_ raw: [UInt8], hint: String?) {
        var evidence = ""
        var decoded: [UInt8]
        var encoding = "UTF-8"
        if let unicode = Self.fromByteOrderMark(raw) {
            decoded = unicode.bytes
            evidence = "\(unicode.name) byte-order mark"
        } else {
            let declared =
                CharsetSniffer.declaredCharset(in: raw) ?? hint.flatMap(CharsetSniffer.charset(fromContentType:))
            let name = declared.map(CharsetSniffer.normalized)
            let check = UTF8Check(raw)
            switch name {
            case nil, "UTF-8"?:
                if check.invalid == 0 {
                    decoded = raw
                    evidence = name == nil ? "valid UTF-8" : "declared UTF-8"
                } else if check.mostlyValid {
                    decoded = check.repaired(raw)
                    evidence = "mostly valid UTF-8 (\(check.invalid) bad bytes replaced)"
                } else {
                    decoded = Self.windows1252(raw)
                    evidence = "not UTF-8, read as windows-1252"
                }
            case "WINDOWS-1252"?:
                decoded = check.invalid == 0 && check.multibyte > 0 ? raw : Self.windows1252(raw)
                evidence =
                    check.invalid == 0 && check.multibyte > 0
                    ? "declared \(declared!), but valid UTF-8" : "declared \(declared!)"
            case let other?:
                if other.hasPrefix("UTF-16") || other.hasPrefix("UTF-32") || other == "UNICODE" {
                    // The declaration was read as ASCII, so the bytes are not UTF-16 or UTF-32.
                    decoded = check.mostlyValid ? check.repaired(raw) : Self.windows1252(raw)
                    evidence = "declared \(declared!) on ASCII-compatible bytes: ignored"
                } else if Self.iconvKnows(other) {
                    decoded = raw
                    encoding = other
                    evidence = "declared \(declared!)"
                } else {
                    decoded = check.mostlyValid ? check.repaired(raw) : Self.windows1252(raw)
                    evidence = "declared \(declared!), unknown: read as \(check.mostlyValid ? "UTF-8" : "windows-1252")"
                }
            }
        }
        var cut: String?
        let limited = Self.limitAttributes(decoded)
        if limited.cutTags > 0 {
            decoded = limited.bytes
            cut =
                "\(limited.cutTags) elements had more than \(Self.maximumAttributes) attributes; only their first \(Self.maximumAttributes) were read"
        }
        self.bytes = decoded
        self.encoding = encoding
        self.evidence = evidence
        self.cut = cut
    }

    /// UTF-8, UTF-16 and UTF-32 byte-order marks: the text decoded to UTF-8 (without the mark).
    static func fromByteOrderMark(_ b: [UInt8]) -> (name: String, bytes: [UInt8])? {
        if b.starts(with: [0xEF, 0xBB, 0xBF]) {
            let rest = Array(b.dropFirst(3))
            let check = UTF8Check(rest)
            return ("UTF-8", check.invalid == 0 ? rest : check.repaired(rest))
        }
        if b.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return ("UTF-32LE", utf32(b.dropFirst(4), little: true)) }
        if b.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return ("UTF-32BE", utf32(b.dropFirst(4), little: false)) }
        if b.starts(with: [0xFF, 0xFE]) { return ("UTF-16LE", utf16(b.dropFirst(2), little: true)) }
        if b.starts(with: [0xFE, 0xFF]) { return ("UTF-16BE", utf16(b.dropFirst(2), little: false)) }
        return nil
    }

    private static func utf16(_ b: ArraySlice<UInt8>, little: Bool) -> [UInt8] {
        var units: [UInt16] = []
        units.reserveCapacity(b.count / 2)
        var k = b.startIndex
        while k + 1 < b.endIndex {
            let lo = UInt16(b[little ? k : k + 1])
            let hi = UInt16(b[little ? k + 1 : k])
            units.append(hi << 8 | lo)
            k += 2
        }
        return Array(String(decoding: units, as: UTF16.self).utf8)
    }

    private static func utf32(_ b: ArraySlice<UInt8>, little: Bool) -> [UInt8] {
        var out = String.UnicodeScalarView()
        var k = b.startIndex
        while k + 3 < b.endIndex {
            let bytes = little ? [b[k], b[k + 1], b[k + 2], b[k + 3]] : [b[k + 3], b[k + 2], b[k + 1], b[k]]
            let value = UInt32(bytes[0]) | UInt32(bytes[1]) << 8 | UInt32(bytes[2]) << 16 | UInt32(bytes[3]) << 24
            out.append(Unicode.Scalar(value) ?? "\u{FFFD}")
            k += 4
        }
        return Array(String(out).utf8)
    }

    /// windows-1252 to UTF-8; the five bytes it leaves undefined become the C1 controls browsers map them to
    /// (dropped later with the other controls), so nothing stops the parse.
    static func windows1252(_ b: [UInt8]) -> [UInt8] {
        let high: [UInt16] = [
            0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152,
            0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161,
            0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
        ]
        var out: [UInt8] = []
        out.reserveCapacity(b.count + b.count / 8)
        for byte in b {
            if byte < 0x80 {
                out.append(byte)
                continue
            }
            let scalar = byte < 0xA0 ? UInt32(high[Int(byte - 0x80)]) : UInt32(byte)
            out.append(contentsOf: Array(String(Unicode.Scalar(scalar)!).utf8))
        }
        return out
    }

    /// Whether iconv (through libxml2) has a converter for the name.
    static func iconvKnows(_ name: String) -> Bool {
        guard let handler = xmlFindCharEncodingHandler(name) else { return false }
        xmlCharEncCloseFunc(handler)
        return true
    }

    /// Cuts every start tag after its first `maximumAttributes` attributes (up to its `>`), in one pass.
    /// Quotes are followed so that a `>` inside a value does not end the tag.
    static func limitAttributes(_ b: [UInt8]) -> (bytes: [UInt8], cutTags: Int) {
        // Fast path: a tag with that many attributes needs that many `=` or spaces; most pages have short tags.
        var out: [UInt8]?
        var cutTags = 0
        var k = 0
        let n = b.count
        var copiedUpTo = 0
        while k < n {
            guard b[k] == 0x3C, k + 1 < n, isLetter(b[k + 1]) else {
                k += 1
                continue
            }
            // In a start tag: count attribute names (a run of name characters after white space).
            var j = k + 1
            while j < n, !isSpace(b[j]), b[j] != 0x3E, b[j] != 0x2F { j += 1 }
            var count = 0
            var quote: UInt8 = 0
            var cutAt = -1
            var previousSpace = false
            while j < n {
                let c = b[j]
                if quote != 0 {
                    if c == quote { quote = 0 }
                } else if c == 0x22 || c == 0x27 {
                    quote = c
                } else if c == 0x3E {
                    break
                } else if isSpace(c) {
                    previousSpace = true
                    j += 1
                    continue
                } else if previousSpace, c != 0x3D, c != 0x2F {
                    count += 1
                    if count > maximumAttributes, cutAt < 0 { cutAt = j }
                }
                previousSpace = false
                j += 1
            }
            if cutAt >= 0 {
                if out == nil {
                    out = []
                    out!.reserveCapacity(n)
                }
                out!.append(contentsOf: b[copiedUpTo..<cutAt])
                copiedUpTo = j  // the `>` (or the end) is copied with what follows
                cutTags += 1
            }
            k = max(j, k + 1)
        }
        guard var result = out else { return (b, 0) }
        result.append(contentsOf: b[copiedUpTo...])
        return (result, cutTags)
    }

    @inline(__always) private static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
    @inline(__always) private static func isSpace(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C
    }
}

/// One pass over bytes as UTF-8: how many are invalid and how many characters are validly multi-byte.
struct UTF8Check {
    var invalid = 0
    var multibyte = 0

    init(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { b in
            var k = 0
            while k < b.count {
                if b[k] < 0x80 {
                    k += 1
                    continue
                }
                let length = UTF8Check.sequenceLength(b, k)
                if length == 0 {
                    invalid += 1
                    k += 1
                } else {
                    multibyte += 1
                    k += length
                }
            }
        }
    }

    /// Mostly UTF-8: valid multi-byte characters outnumber bad bytes ten to one (a stray byte in a UTF-8 page),
    /// where a windows-1252 page has bad bytes and almost no valid sequences.
    var mostlyValid: Bool { invalid == 0 || multibyte >= invalid * 10 }

    /// The bytes with each invalid byte replaced by U+FFFD.
    func repaired(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + invalid * 2)
        bytes.withUnsafeBufferPointer { b in
            var k = 0
            while k < b.count {
                if b[k] < 0x80 {
                    out.append(b[k])
                    k += 1
                    continue
                }
                let length = UTF8Check.sequenceLength(b, k)
                if length == 0 {
                    out.append(contentsOf: [0xEF, 0xBF, 0xBD])
                    k += 1
                } else {
                    out.append(contentsOf: b[k..<(k + length)])
                    k += length
                }
            }
        }
        return out
    }

    /// The length of the valid UTF-8 sequence starting at `k` (a non-ASCII lead), or 0.
    @inline(__always) static func sequenceLength(_ b: UnsafeBufferPointer<UInt8>, _ k: Int) -> Int {
        let n = b.count
        @inline(__always) func continuation(_ i: Int) -> Bool { i < n && b[i] & 0xC0 == 0x80 }
        let lead = b[k]
        switch lead {
        case 0xC2...0xDF:
            return continuation(k + 1) ? 2 : 0
        case 0xE0...0xEF:
            guard continuation(k + 1), continuation(k + 2) else { return 0 }
            if lead == 0xE0, b[k + 1] < 0xA0 { return 0 }
            if lead == 0xED, b[k + 1] > 0x9F { return 0 }
            return 3
        case 0xF0...0xF4:
            guard continuation(k + 1), continuation(k + 2), continuation(k + 3) else { return 0 }
            if lead == 0xF0, b[k + 1] < 0x90 { return 0 }
            if lead == 0xF4, b[k + 1] > 0x8F { return 0 }
            return 4
        default:
            return 0
        }
    }
}
