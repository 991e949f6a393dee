import Foundation

/// How search sees text: words, and their folded form (case, diacritics and quote marks set aside).
public enum SearchFolding {
    /// Double quote marks that open or close a phrase in a query.
    @inline(__always)
    public static func isQuote(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x22, 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0xFF02: return true
        default: return false
        }
    }

    /// Apostrophes and single quotes, which fold to `'` so that `Russia's` finds "Russia’s".
    @inline(__always)
    public static func isApostrophe(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x27, 0x2018, 0x2019, 0x02BC, 0x2032, 0xFF07: return true
        default: return false
        }
    }

    /// Scripts written without spaces, where each character is searched as a word of its own.
    @inline(__always)
    public static func isIdeographic(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F: return true
        default: return false
        }
    }

    /// Whether a scalar can start or continue a word.
    @inline(__always)
    public static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 {
            return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
        }
        let props = s.properties
        return props.isAlphabetic || props.numericType != nil || isCombiningMark(s)
    }

    /// Combining marks continue a word and fold to nothing.
    @inline(__always)
    public static func isCombiningMark(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// Folded UTF-8 of the scalars U+0080..<U+0530 and the Latin Extended Additional block, computed once.
    private static let table: [[UInt8]] = {
        var result: [[UInt8]] = []
        result.reserveCapacity(tableLimit)
        for v in 0..<UInt32(tableLimit) {
            result.append(Array(computeFold(Unicode.Scalar(v)!).utf8))
        }
        return result
    }()
    private static let tableLimit = 0x1F00

    private static func computeFold(_ s: Unicode.Scalar) -> String {
        if isCombiningMark(s) { return "" }
        if isApostrophe(s) { return "'" }
        let folded = String(Character(s)).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        // Folding can leave a bare combining mark behind; it must not show up in a word.
        return String(String.UnicodeScalarView(folded.unicodeScalars.filter { !isCombiningMark($0) }))
    }

    /// The folded UTF-8 bytes of one word scalar, appended to `out`.
    @inline(__always)
    static func appendFolded(_ s: Unicode.Scalar, to out: inout [UInt8]) {
        let v = s.value
        if v < 0x80 {
            out.append(v >= 0x41 && v <= 0x5A ? UInt8(v + 32) : UInt8(v))
        } else if v < UInt32(tableLimit) {
            out.append(contentsOf: table[Int(v)])
        } else if isIdeographic(s) {
            out.append(contentsOf: String(s).utf8)
        } else {
            out.append(contentsOf: computeFold(s).utf8)
        }
    }

    /// Folds one whole word or string: lower case, no diacritics, one kind of apostrophe.
    public static func fold(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for s in text.unicodeScalars { appendFolded(s, to: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// The folded words of a text, in order, as search sees them.
    public static func words(in text: String) -> [String] {
        var result: [String] = []
        var copy = text
        copy.withUTF8 { buffer in
            WordScanner.scan(buffer) { word in
                result.append(String(decoding: word.folded, as: UTF8.self))
            }
        }
        return result
    }
}
