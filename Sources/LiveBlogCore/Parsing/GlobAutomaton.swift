/// The position automaton of a glob, run over a line with one bit per position (the shift-and method).
///
/// State `j` means the pattern's first `j` pieces have matched. A byte moves every state whose piece accepts it
/// one position on; a `*` or `#` just passed may take more bytes and so keeps its state; a `*` may also match
/// nothing, so reaching its state reaches the next one too. One step per byte, whatever the pattern.
struct GlobAutomaton: Sendable {
    /// One piece of a glob.
    enum Piece: Sendable, Equatable {
        case literal(UInt8)
        case anyRun, digits
    }

    /// 64-bit words per state set.
    private let words: Int
    /// The number of pieces: state `final` is a whole match.
    private let final: Int
    /// For each lower-cased byte, the pieces that are that literal (`words` words per byte).
    private let literalMasks: [UInt64]
    /// Pieces that are `#`, pieces that are `*`.
    private let digitPieces: [UInt64]
    private let anyPieces: [UInt64]
    /// States just after a `#` (stay on a digit) and just after a `*` (stay on anything).
    private let afterDigits: [UInt64]
    private let afterAny: [UInt64]
    /// Whether the pattern ends in `*`: once the final state is reached, the rest of the line cannot undo it.
    private let endsInAnyRun: Bool

    init(pieces: [Piece]) {
        final = pieces.count
        words = (pieces.count + 1 + 63) / 64
        var literal = [UInt64](repeating: 0, count: 256 * words)
        var digit = [UInt64](repeating: 0, count: words)
        var any = digit
        var afterDigit = digit
        var afterAnyRun = digit
        for (j, piece) in pieces.enumerated() {
            let word = j / 64
            let bit = UInt64(1) << UInt64(j % 64)
            let nextWord = (j + 1) / 64
            let nextBit = UInt64(1) << UInt64((j + 1) % 64)
            switch piece {
            case .literal(let b): literal[Int(b) * words + word] |= bit
            case .digits:
                digit[word] |= bit
                afterDigit[nextWord] |= nextBit
            case .anyRun:
                any[word] |= bit
                afterAnyRun[nextWord] |= nextBit
            }
        }
        literalMasks = literal
        digitPieces = digit
        anyPieces = any
        afterDigits = afterDigit
        afterAny = afterAnyRun
        endsInAnyRun = pieces.last == .anyRun
    }

    /// Whether the whole line matches (`anchoredEnd`), or some prefix of it does.
    func matches(_ line: UnsafeBufferPointer<UInt8>, anchoredEnd: Bool) -> Bool {
        if words == 1 { return matchesSingleWord(line, anchoredEnd: anchoredEnd) }
        var state = [UInt64](repeating: 0, count: words)
        var next = state
        state[0] = 1
        closeOverEmptyRuns(&state)
        let finalWord = final / 64
        let finalBit = UInt64(1) << UInt64(final % 64)
        for byte in line {
            if state[finalWord] & finalBit != 0 && (!anchoredEnd || endsInAnyRun) { return true }
            let b = Int(Glob.lower(byte))
            let isDigit = byte.isDigit
            var carry: UInt64 = 0
            var alive: UInt64 = 0
            for k in 0..<words {
                var accept = literalMasks[b * words + k] | anyPieces[k]
                var stay = afterAny[k]
                if isDigit {
                    accept |= digitPieces[k]
                    stay |= afterDigits[k]
                }
                let moved = state[k] & accept
                next[k] = (moved << 1) | carry | (state[k] & stay)
                carry = moved >> 63
                alive |= next[k]
            }
            if alive == 0 { return false }
            swap(&state, &next)
            closeOverEmptyRuns(&state)
        }
        return state[finalWord] & finalBit != 0
    }

    /// Patterns of up to 63 pieces (all in practice): the same steps on one machine word, without allocating.
    @inline(__always)
    private func matchesSingleWord(_ line: UnsafeBufferPointer<UInt8>, anchoredEnd: Bool) -> Bool {
        let finalBit = UInt64(1) << UInt64(final)
        let any = anyPieces[0]
        let digits = digitPieces[0]
        let stayAny = afterAny[0]
        let stayDigits = afterDigits[0]
        let canStop = !anchoredEnd || endsInAnyRun
        var state: UInt64 = 1
        state |= (state & any) << 1
        return literalMasks.withUnsafeBufferPointer { literal in
            for byte in line {
                if state & finalBit != 0 && canStop { return true }
                let isDigit = byte.isDigit
                let accept = literal[Int(Glob.lower(byte))] | any | (isDigit ? digits : 0)
                let stay = stayAny | (isDigit ? stayDigits : 0)
                state = ((state & accept) << 1) | (state & stay)
                if state == 0 { return false }
                state |= (state & any) << 1
            }
            return state & finalBit != 0
        }
    }

    /// Adds the states reached by letting each reached `*` match nothing (one step: `**` was collapsed).
    private func closeOverEmptyRuns(_ state: inout [UInt64]) {
        var carry: UInt64 = 0
        for k in 0..<words {
            let skipping = state[k] & anyPieces[k]
            let added = (skipping << 1) | carry
            carry = skipping >> 63
            state[k] |= added
        }
    }
}
