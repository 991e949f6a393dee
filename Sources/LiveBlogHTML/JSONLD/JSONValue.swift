/// A JSON value as JSON-LD scripts hold it, read by a strict byte parser.
///
/// Foundation's `JSONSerialization` builds an `NSDictionary` or `NSArray` for every object and array and bridges
/// each string; on a page whose JSON-LD lists hundreds of posts that was a third of the time spent reading it.
/// Objects keep their members in the order written, so nested blogs are found in document order.
enum JSONValue {
    case object([Member])
    case array([JSONValue])
    /// A string without escapes shares the script's text; only one with escapes is a copy.
    case string(Substring)
    /// The number as written: only ever shown as text.
    case number(String)
    case bool(Bool)
    case null

    /// One name and value of an object.
    struct Member {
        let key: String
        let value: JSONValue
    }

    /// Parses one JSON text (white space around it allowed); nil when it is not valid JSON.
    static func parse(_ text: String) -> JSONValue? {
        // A native string's bytes are one buffer; a bridged one is copied once.
        let source =
            text.utf8.withContiguousStorageIfAvailable { _ in text }
            ?? String(decoding: Array(text.utf8), as: UTF8.self)
        return source.utf8.withContiguousStorageIfAvailable { bytes in
            var parser = Parser(bytes: bytes, text: source)
            guard let value = parser.value(depth: 0) else { return nil }
            parser.skipSpace()
            return parser.position == bytes.count ? value : nil
        } ?? nil
    }

    /// The member named `key` (the last one when a name repeats, as JSON parsers keep it).
    subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.last(where: { $0.key == key })?.value
    }

    private struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        /// The text `bytes` belong to, for strings that share it.
        let text: String
        var position = 0
        /// Deeper nesting than this is refused, as Foundation refuses it, so that no page can exhaust the stack.
        static let maximumDepth = 512

        init(bytes: UnsafeBufferPointer<UInt8>, text: String) {
            self.bytes = bytes
            self.text = text
        }

        mutating func skipSpace() {
            while position < bytes.count {
                let b = bytes[position]
                guard b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 else { return }
                position += 1
            }
        }

        mutating func value(depth: Int) -> JSONValue? {
            skipSpace()
            guard position < bytes.count, depth < Self.maximumDepth else { return nil }
            switch bytes[position] {
            case UInt8(ascii: "{"): return object(depth: depth)
            case UInt8(ascii: "["): return array(depth: depth)
            case UInt8(ascii: "\""): return string().map(JSONValue.string)
            case UInt8(ascii: "t"): return literal("true", .bool(true))
            case UInt8(ascii: "f"): return literal("false", .bool(false))
            case UInt8(ascii: "n"): return literal("null", .null)
            default: return number()
            }
        }

        private mutating func literal(_ word: StaticString, _ value: JSONValue) -> JSONValue? {
            let count = word.utf8CodeUnitCount
            guard position + count <= bytes.count else { return nil }
            for k in 0..<count where bytes[position + k] != word.utf8Start[k] { return nil }
            position += count
            return value
        }

        private mutating func object(depth: Int) -> JSONValue? {
            position += 1
            var members: [Member] = []
            skipSpace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
                position += 1
                return .object(members)
            }
            while true {
                skipSpace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: "\""), let key = string() else {
                    return nil
                }
                let name = String(key)
                skipSpace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { return nil }
                position += 1
                guard let member = value(depth: depth + 1) else { return nil }
                members.append(Member(key: name, value: member))
                skipSpace()
                guard position < bytes.count else { return nil }
                if bytes[position] == UInt8(ascii: ",") {
                    position += 1
                    continue
                }
                guard bytes[position] == UInt8(ascii: "}") else { return nil }
                position += 1
                return .object(members)
            }
        }

        private mutating func array(depth: Int) -> JSONValue? {
            position += 1
            var items: [JSONValue] = []
            skipSpace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
                position += 1
                return .array(items)
            }
            while true {
                guard let item = value(depth: depth + 1) else { return nil }
                items.append(item)
                skipSpace()
                guard position < bytes.count else { return nil }
                if bytes[position] == UInt8(ascii: ",") {
                    position += 1
                    continue
                }
                guard bytes[position] == UInt8(ascii: "]") else { return nil }
                position += 1
                return .array(items)
            }
        }

        /// A string after its opening quote; escapes decoded, a raw control character or a broken escape refused.
        private mutating func string() -> Substring? {
            position += 1
            let start = position
            // Most strings have no escape: one scan, and the script's own text is shared (the quotes are ASCII, so
            // the offsets fall on character boundaries).
            while position < bytes.count {
                let b = bytes[position]
                if b == UInt8(ascii: "\"") {
                    let utf8 = text.utf8
                    let from = utf8.index(utf8.startIndex, offsetBy: start)
                    let to = utf8.index(from, offsetBy: position - start)
                    position += 1
                    return Substring(utf8[from..<to])
                }
                if b == UInt8(ascii: "\\") { break }
                if b < 0x20 { return nil }
                position += 1
            }
            var out = Array(bytes[start..<position])
            while position < bytes.count {
                let b = bytes[position]
                if b == UInt8(ascii: "\"") {
                    position += 1
                    return Substring(String(decoding: out, as: UTF8.self))
                }
                if b < 0x20 { return nil }
                guard b == UInt8(ascii: "\\") else {
                    out.append(b)
                    position += 1
                    continue
                }
                guard position + 1 < bytes.count else { return nil }
                let escape = bytes[position + 1]
                position += 2
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    guard var scalar = hex4() else { return nil }
                    if scalar >= 0xD800, scalar < 0xDC00 {
                        // A high surrogate must be followed by an escaped low one.
                        guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                            bytes[position + 1] == UInt8(ascii: "u")
                        else { return nil }
                        position += 2
                        guard let low = hex4(), low >= 0xDC00, low < 0xE000 else { return nil }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if scalar >= 0xDC00, scalar < 0xE000 {
                        return nil
                    }
                    guard let unicode = Unicode.Scalar(scalar) else { return nil }
                    out.append(contentsOf: Array(String(Character(unicode)).utf8))
                default:
                    return nil
                }
            }
            return nil
        }

        private mutating func hex4() -> UInt32? {
            guard position + 4 <= bytes.count else { return nil }
            var value: UInt32 = 0
            for k in 0..<4 {
                let b = bytes[position + k]
                let digit: UInt8
                switch b {
                case 0x30...0x39: digit = b - 0x30
                case 0x41...0x46: digit = b - 0x41 + 10
                case 0x61...0x66: digit = b - 0x61 + 10
                default: return nil
                }
                value = value << 4 | UInt32(digit)
            }
            position += 4
            return value
        }

        /// `-? int frac? exp?` as JSON writes numbers.
        private mutating func number() -> JSONValue? {
            let start = position
            if position < bytes.count, bytes[position] == UInt8(ascii: "-") { position += 1 }
            guard position < bytes.count, isDigit(bytes[position]) else { return nil }
            if bytes[position] == UInt8(ascii: "0") {
                position += 1
            } else {
                while position < bytes.count, isDigit(bytes[position]) { position += 1 }
            }
            if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
                position += 1
                guard position < bytes.count, isDigit(bytes[position]) else { return nil }
                while position < bytes.count, isDigit(bytes[position]) { position += 1 }
            }
            if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
                position += 1
                if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-")
                {
                    position += 1
                }
                guard position < bytes.count, isDigit(bytes[position]) else { return nil }
                while position < bytes.count, isDigit(bytes[position]) { position += 1 }
            }
            return .number(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self))
        }

        private func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    }
}
