/// Input quoted back in a message (a path, a rules-file line, an option value), made safe and short.
///
/// Whatever a user or a file supplies may hold escape sequences (an OSC 52 clipboard write, BEL) or be a
/// 200 MB line; a message must neither drive the terminal nor become a flood.
public enum EchoedText {
    /// The longest echo, in characters, before it is cut with `…`.
    public static let defaultLimit = 120

    /// `text` in double quotes, control and invisible format characters shown as `?`, cut at `limit` characters.
    public static func quoted<S: StringProtocol>(_ text: S, limit: Int = defaultLimit) -> String {
        "\"" + sanitized(text, limit: limit) + "\""
    }

    /// `text` with control and invisible format characters shown as `?`, cut at `limit` characters.
    public static func sanitized<S: StringProtocol>(_ text: S, limit: Int = defaultLimit) -> String {
        var out = String.UnicodeScalarView()
        var taken = 0
        for scalar in text.unicodeScalars {
            if taken == limit {
                out.append("…")
                break
            }
            out.append(isUnsafe(scalar) ? "?" : scalar)
            taken += 1
        }
        return String(out)
    }

    /// C0 and C1 controls, DEL, and the format characters that reorder or hide text (bidi overrides, separators).
    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return true }
        if (0x2028...0x202E).contains(v) || (0x2066...0x2069).contains(v) || (0x200B...0x200F).contains(v) {
            return true
        }
        return v == 0xFEFF || scalar.properties.generalCategory == .format
    }
}
