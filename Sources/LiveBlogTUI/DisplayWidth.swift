import CNcursesw
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Terminal cell widths measured the way ncurses and the terminal measure them: per Unicode scalar, with `wcwidth`.
///
/// The package's one binding of `wcwidth` is the declaration in the `CNcursesw` shim, the library the reader draws
/// with; the parser and the rest of `LiveBlogCore` never measure cells.
public enum DisplayWidth {
    /// `wcwidth` answers -1 for every non-ASCII scalar in the "C" locale, which test processes start in. The
    /// reader sets the locale itself before drawing (`Terminal`); this covers list output and tests.
    private static let localeReady: Bool = {
        setlocale(LC_CTYPE, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        if codeset != "UTF-8" { setlocale(LC_CTYPE, "C.UTF-8") }
        return true
    }()

    /// What `wcwidth` says of one scalar: -1 for an unassigned or unprintable one.
    static func wcwidthOf(_ scalar: Unicode.Scalar) -> Int {
        _ = localeReady
        return Int(wcwidth(wchar_t(bitPattern: scalar.value)))
    }

    /// Cells one scalar takes: 0 for combining marks and the joiners the reader strips, 1 or 2 otherwise.
    @inline(__always)
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v >= 0x20 && v < 0x7F { return 1 }
        if isStripped(scalar) { return 0 }
        let w = wcwidthOf(scalar)
        // Unprintable scalars are shown as a replacement of width 1 by the renderer.
        return w < 0 ? 1 : w
    }

    /// Cells a string takes: the sum of its scalars' widths.
    public static func of<S: StringProtocol>(_ text: S) -> Int {
        var total = 0
        for scalar in text.unicodeScalars { total += of(scalar) }
        return total
    }

    /// Scalars that terminals disagree on (VS16 and ZWJ), dropped before drawing so that columns never shift.
    @inline(__always)
    public static func isStripped(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0xFE0F || scalar.value == 0x200D
    }
}
