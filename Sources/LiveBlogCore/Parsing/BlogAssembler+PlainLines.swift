extension BlogAssembler {
    /// Set in `plainLineShapes` for a line on which no block or glued rule starts.
    static let noBlockBit: UInt8 = 4

    /// Marks, on all cores, the lines that `classify` would certainly call plain text and that change no state:
    /// no time, flag, card, heading, byline, credit, player or rule fits them. Most lines of a large blog are
    /// such paragraphs, so the sequential pass then classifies only the few lines left.
    ///
    /// Returns, per line, bits: 1 plain text, 2 plain headline-shaped text (0 when the sequential pass must look),
    /// and `noBlockBit` when no `block` or `glued` rule starts on the line; and the `lineHash` of each short line.
    func plainLineShapes() -> (shapes: [UInt8], hashes: [UInt64]) {
        let count = lines.count
        var result = [UInt8](repeating: 0, count: count)
        var hashes = [UInt64](repeating: 0, count: count)
        let lines = self.lines
        let rules = self.rules
        let text = SendableBuffer(readOnly: text)
        result.withUnsafeMutableBufferPointer { out in
            hashes.withUnsafeMutableBufferPointer { hashOut in
                let output = SendableBuffer(out)
                let hashOutput = SendableBuffer(hashOut)
                _ = Parallel.map(count, minimum: 20_000) { range in
                    for i in range {
                        let line = text.readable(lines[i].start..<lines[i].end)
                        if line.count <= BlogAssembler.maximumRecurringBytes {
                            hashOutput[i] = BlogAssembler.hash(line)
                        }
                        var flags: UInt8 = 0
                        if BlogAssembler.isCertainlyPlain(line, rules: rules) {
                            flags = LineShape.isHeadlineShaped(line) ? 2 : 1
                        }
                        if !rules.matches(.block, line) && !rules.matches(.glued, line) {
                            flags |= BlogAssembler.noBlockBit
                        }
                        output[i] = flags
                    }
                }
            }
        }
        return (result, hashes)
    }

    /// The checks of `classify`, in its order, without their effects: true when none of them fits the line.
    static func isCertainlyPlain(_ line: UnsafeBufferPointer<UInt8>, rules: BoilerplateRules) -> Bool {
        let count = line.count
        if count <= TimeLineRecognizer.maximumLength + 20 && rules.matches(.dateline, line) { return false }
        if count <= TimeLineRecognizer.maximumLength && TimeLineRecognizer.recognize(bytes: line) != nil {
            return false
        }
        if LineShape.isSeparator(line) { return false }
        if count <= 40 {
            for kind in [BoilerplateRules.Kind.keyEvent, .pinned, .card, .navigation, .promo]
            where rules.matches(kind, line) {
                return false
            }
        }
        if AuthorLine.byline(line, rules: rules) != nil { return false }
        if count <= 90 && AuthorLine.isLabelledByline(line) { return false }
        if count <= 64 && AuthorLine.gluedTime(line) != nil { return false }
        if count <= 120 && rules.matches(.player, line) { return false }
        if rules.matches(.gallery, line) || rules.matches(.video, line) { return false }
        if CaptionCredit.match(line, rules: rules) != nil { return false }
        if rules.matches(.line, line) || rules.matches(.prefix, line) || (count <= 300 && rules.matches(.pattern, line))
        {
            return false
        }
        if count <= 200 && (LineShape.isGluedLinks(line) || LineShape.isShoutedBanner(line)) { return false }
        return true
    }
}
