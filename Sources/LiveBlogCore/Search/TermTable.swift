#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Interns folded words: gives each distinct byte string a number, in first-seen order.
///
/// An open-addressing table over one byte arena, because hashing `[UInt8]` keys in a `Dictionary` costs a
/// hasher call per byte and dominated index building.
struct TermTable {
    /// All terms' bytes, back to back.
    private(set) var arena: [UInt8] = []
    /// Where each term starts in `arena`; term `t` ends at `starts[t + 1]` (or the arena's end).
    private(set) var starts: [Int32] = []
    private var slots: [Int32]
    private var hashes: [UInt64] = []
    private var mask: Int

    init(expectedTerms: Int = 1 << 14) {
        var size = 16
        while size < expectedTerms * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
        arena.reserveCapacity(expectedTerms * 8)
    }

    var count: Int { starts.count }

    /// Where term `term`'s bytes lie in `arena`.
    func range(of term: Int) -> Range<Int> {
        let start = Int(starts[term])
        let end = term + 1 < starts.count ? Int(starts[term + 1]) : arena.count
        return start..<end
    }

    /// Orders terms `a` and `b` by their bytes (a prefix first), reading the arena only inside its own scope.
    func precedes(_ a: Int, _ b: Int) -> Bool {
        let x = range(of: a)
        let y = range(of: b)
        return arena.withUnsafeBufferPointer { bytes in
            let common = min(x.count, y.count)
            let c =
                common == 0 ? 0 : memcmp(bytes.baseAddress! + x.lowerBound, bytes.baseAddress! + y.lowerBound, common)
            return c != 0 ? c < 0 : x.count < y.count
        }
    }

    @inline(__always)
    static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in word {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01B3
        }
        return h ^ (h >> 29)
    }

    /// The number of `word`, adding it if it is new.
    mutating func intern(_ word: UnsafeBufferPointer<UInt8>) -> Int {
        let h = TermTable.hash(word)
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let t = Int(slots[slot])
            if t < 0 { break }
            if hashes[t] == h && equals(t, word) { return t }
            slot = (slot + 1) & mask
        }
        let term = starts.count
        starts.append(Int32(arena.count))
        arena.append(contentsOf: word)
        hashes.append(h)
        slots[slot] = Int32(term)
        if starts.count * 2 > slots.count { grow() }
        return term
    }

    /// The number of `word`, or nil.
    func lookUp(_ word: UnsafeBufferPointer<UInt8>) -> Int? {
        let h = TermTable.hash(word)
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let t = Int(slots[slot])
            if t < 0 { return nil }
            if hashes[t] == h && equals(t, word) { return t }
            slot = (slot + 1) & mask
        }
    }

    private func equals(_ term: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let r = range(of: term)
        guard r.count == word.count else { return false }
        if r.isEmpty { return true }
        return arena.withUnsafeBufferPointer { memcmp($0.baseAddress! + r.lowerBound, word.baseAddress!, r.count) == 0 }
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
        for t in 0..<starts.count {
            var slot = Int(truncatingIfNeeded: hashes[t]) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(t)
        }
    }
}
