/// A small, fast JSON writer with a fixed key order, so that exports are stable and cheap for 100,000 entries.
package struct JSONWriter {
    package private(set) var bytes: [UInt8] = []
    private var needsComma: [Bool] = [false]

    package init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

    private mutating func separate() {
        if needsComma[needsComma.count - 1] { bytes.append(UInt8(ascii: ",")) }
        needsComma[needsComma.count - 1] = true
    }

    package mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma.append(false)
    }
    package mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        needsComma.removeLast()
    }
    package mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma.append(false)
    }
    package mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        needsComma.removeLast()
    }

    /// Writes `"name":` inside an object; the value call that follows does not add a comma.
    package mutating func key(_ name: String) {
        separate()
        appendString(name)
        bytes.append(UInt8(ascii: ":"))
        needsComma[needsComma.count - 1] = false
    }

    package mutating func string(_ value: String?) {
        separate()
        if let value { appendString(value) } else { bytes.append(contentsOf: "null".utf8) }
    }

    package mutating func number(_ value: Int) {
        separate()
        bytes.append(contentsOf: String(value).utf8)
    }

    package mutating func number(_ value: Double) {
        separate()
        if value == value.rounded() && abs(value) < 1e15 {
            bytes.append(contentsOf: String(Int(value)).utf8)
        } else {
            bytes.append(contentsOf: String(value).utf8)
        }
    }

    package mutating func bool(_ value: Bool) {
        separate()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }
    package mutating func null() {
        separate()
        bytes.append(contentsOf: "null".utf8)
    }

    /// Convenience: `"name": "value"` (or null).
    package mutating func field(_ name: String, _ value: String?) {
        key(name)
        string(value)
    }

    /// A JSON string; what `OutputSanitizer` strips (ESC, C1, bidi controls, U+2028…) is dropped first, so
    /// no consumer that decodes the JSON and prints it gets a control back.
    private mutating func appendString(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        OutputSanitizer.utf8(Array(value.utf8)).withUnsafeBufferPointer { text in
            // Copy runs of plain bytes at once; only quotes, backslashes, newlines and tabs need escaping.
            var runStart = 0
            for i in 0..<text.count {
                let b = text[i]
                guard b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F else { continue }
                if runStart < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<i])) }
                runStart = i + 1
                switch b {
                case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, 0x22])
                case UInt8(ascii: "\\"): bytes.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]])
                }
            }
            if runStart < text.count {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<text.count]))
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
