/// A set of entry positions as a bitset, for combining the postings of search terms cheaply.
public struct EntrySet: Equatable, Sendable {
    private(set) var words: [UInt64]
    /// Number of entries the set ranges over.
    public let capacity: Int

    /// An empty set, or a full one with `full: true`.
    public init(capacity: Int, full: Bool = false) {
        self.capacity = capacity
        let count = (capacity + 63) / 64
        words = [UInt64](repeating: full ? ~0 : 0, count: count)
        if full, capacity % 64 != 0, count > 0 { words[count - 1] = (1 << UInt64(capacity % 64)) - 1 }
    }

    @inline(__always)
    public mutating func insert(_ i: Int) { words[i >> 6] |= 1 << UInt64(i & 63) }

    @inline(__always)
    public func contains(_ i: Int) -> Bool { words[i >> 6] & (1 << UInt64(i & 63)) != 0 }

    public mutating func formUnion(_ other: EntrySet) {
        words.withUnsafeMutableBufferPointer { a in
            other.words.withUnsafeBufferPointer { b in for k in 0..<a.count { a[k] |= b[k] } }
        }
    }

    public mutating func formIntersection(_ other: EntrySet) {
        words.withUnsafeMutableBufferPointer { a in
            other.words.withUnsafeBufferPointer { b in for k in 0..<a.count { a[k] &= b[k] } }
        }
    }

    public mutating func subtract(_ other: EntrySet) {
        words.withUnsafeMutableBufferPointer { a in
            other.words.withUnsafeBufferPointer { b in for k in 0..<a.count { a[k] &= ~b[k] } }
        }
    }

    public var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    /// The members in ascending order.
    public var members: [Int] {
        var result: [Int] = []
        result.reserveCapacity(count)
        for (k, var word) in words.enumerated() {
            while word != 0 {
                let bit = word.trailingZeroBitCount
                result.append(k << 6 | bit)
                word &= word - 1
            }
        }
        return result
    }
}
