#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// swift-format-ignore: AlwaysUseLowerCamelCase
/// The C library's `wcwidth`, the one binding of it: Glibc's module map does not export it, and this module
/// does not import curses (whose shim declares it), so it is named by its symbol here.
@_silgen_name("wcwidth")
private func c_wcwidth(_ c: Int32) -> Int32

/// Terminal cell widths measured the way ncurses and the terminal measure them: per Unicode scalar, with `wcwidth`.
///
/// It lives with the reader, not in the parsing core: measuring for a terminal needs the C library's character
/// tables, which answer only in a UTF-8 `LC_CTYPE`; the core stays free of locale and C calls.
public enum DisplayWidth {
    /// `wcwidth` answers -1 for every non-ASCII scalar in the "C" locale, which test processes and a `liveblog list`
    /// start in; the character type (only that category) is set to UTF-8 once, before the first measure.
    private static let localeReady: Bool = {
        setlocale(LC_CTYPE, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        if codeset != "UTF-8" { setlocale(LC_CTYPE, "C.UTF-8") }
        return true
    }()

    /// Cells one scalar takes: 0 for combining marks and the joiners the reader strips, 1 or 2 otherwise.
    @inline(__always)
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v >= 0x20 && v < 0x7F { return 1 }
        if isStripped(scalar) { return 0 }
        _ = localeReady
        let w = c_wcwidth(Int32(bitPattern: v))
        // Unprintable scalars are shown as a replacement of width 1 by the renderer.
        return w < 0 ? 1 : Int(w)
    }

    /// Cells a string takes: the sum of its scalars' widths.
    public static func of<S: StringProtocol>(_ text: S) -> Int {
        var total = 0
        for scalar in text.unicodeScalars { total += of(scalar) }
        return total
    }

    /// `wcwidth` itself: -1 for a scalar the terminal cannot print (unassigned, a control), else 0, 1 or 2.
    @inline(__always)
    static func terminalCells(_ scalar: Unicode.Scalar) -> Int {
        _ = localeReady
        return Int(c_wcwidth(Int32(bitPattern: scalar.value)))
    }

    /// Scalars that terminals disagree on (VS16 and ZWJ), dropped before drawing so that columns never shift.
    @inline(__always)
    public static func isStripped(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0xFE0F || scalar.value == 0x200D
    }
}
