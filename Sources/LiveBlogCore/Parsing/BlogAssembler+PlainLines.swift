import Dispatch
import Foundation

extension BlogAssembler {
    /// Set in `plainLineShapes` for a line on which no block or glued rule starts.
    static let noBlockBit: UInt8 = 4

    /// Marks, on all cores, the lines that `classify` would certainly call plain text and that change no state:
    /// no time, flag, card, heading, byline, credit, player or rule fits them. Most lines of a large blog are
    /// such paragraphs, so the sequential pass then classifies only the few lines left.
    ///
    /// Returns, per line, bits: 1 plain text, 2 plain headline-shaped text (0 when the sequential pass must look),
    /// and `noBlockBit` when no `block` or `glued` rule starts on the line.
    func plainLineShapes() -> [UInt8] {
        let count = lines.count
        var result = [UInt8](repeating: 0, count: count)
        let chunks = ParallelChunks.count(for: count, minimum: 20_000)
        let shared = UnsafeLines(lines: lines, text: text, rules: rules)
        result.withUnsafeMutableBufferPointer { out in
            let output = UnsafeShapes(buffer: out)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                for i in (count * chunk / chunks)..<(count * (chunk + 1) / chunks) {
                    let line = shared.bytes(i)
                    var flags: UInt8 = 0
                    if BlogAssembler.isCertainlyPlain(line, rules: shared.rules) {
                        flags = LineShape.isHeadlineShaped(line) ? 2 : 1
                    }
                    if !shared.rules.matches(.block, line) && !shared.rules.matches(.glued, line) {
                        flags |= BlogAssembler.noBlockBit
                    }
                    output.buffer[i] = flags
                }
            }
        }
        return result
    }

    /// The checks of `classify`, in its order, without their effects: true when none of them fits the line.
    static func isCertainlyPlain(_ line: UnsafeBufferPointer<UInt8>, rules: BoilerplateRules) -> Bool {
        let count = line.count
        if count <= TimeLineRecognizer.maximumLength + 20 && rules.matches(.dateline, line) { return false }
        if count <= TimeLineRecognizer.maximumLength && TimeLineRecognizer.recognize(bytes: line) != nil { return false }
        if LineShape.isSeparator(line) { return false }
        if count <= 40 {
            for kind in [BoilerplateRules.Kind.keyEvent, .pinned, .card, .navigation, .promo] where rules.matches(kind, line) {
                return false
            }
        }
        if AuthorLine.byline(line, rules: rules) != nil { return false }
        if count <= 64 && AuthorLine.gluedTime(line) != nil { return false }
        if count <= 120 && rules.matches(.player, line) { return false }
        if rules.matches(.gallery, line) || rules.matches(.video, line) { return false }
        if CaptionCredit.match(line, rules: rules) != nil { return false }
        if rules.matches(.line, line) || rules.matches(.prefix, line) || (count <= 300 && rules.matches(.pattern, line)) {
            return false
        }
        return true
    }
}

/// The lines and text the parallel pass reads; nothing writes them while it runs.
private struct UnsafeLines: @unchecked Sendable {
    let lines: [BlogAssembler.Line]
    let text: UnsafeBufferPointer<UInt8>
    let rules: BoilerplateRules

    func bytes(_ i: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: text[lines[i].start..<lines[i].end])
    }
}

/// The output of the parallel pass; each chunk writes only its own lines.
private struct UnsafeShapes: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<UInt8>
}
