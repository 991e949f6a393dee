/// Turns the plain text of a live blog into a `LiveBlog`. Never fails: odd input gives a blog plus diagnostics.
///
/// The text is one block element per line, as a scrape renders a page. The parser drops furniture by the
/// boilerplate rules, finds times, flags, cards and headlines, and groups the rest into entries.
public struct LiveBlogParser: Sendable {
    public var rules: BoilerplateRules
    /// Whether the assembler uses its parallel plain-line pre-pass (`BlogAssembler.plainLineShapes`); tests turn it
    /// off to prove that it never changes the result.
    var usesPlainPrepass = true

    public init(rules: BoilerplateRules = .bundled) {
        self.rules = rules
    }

    /// Parses text that is already a `String`.
    public func parse(_ text: String) -> LiveBlog {
        parse(bytes: Array(text.utf8))
    }

    /// Parses raw bytes as read from a file: any bytes at all.
    /// Takes ownership of the bytes so that normalising works in place, without a second copy of a large file.
    public func parse(bytes: consuming [UInt8]) -> LiveBlog {
        parseSource(bytes: bytes).materialize()
    }

    /// Parses raw bytes but keeps the texts as spans of the normalised bytes; see `ParsedSource`.
    public func parseSource(bytes: consuming [UInt8]) -> ParsedSource {
        var bytes = bytes
        let report = TextNormalizer.normalize(&bytes)
        var diagnostics: [Diagnostic] = []
        if report.invalidUTF8 {
            diagnostics.append(Diagnostic(line: 0, kind: .note, message: "invalid UTF-8 replaced with U+FFFD"))
        }
        if report.removedControls + report.removedEscapeSequences > 0 {
            diagnostics.append(
                Diagnostic(
                    line: 0, kind: .note,
                    message:
                        "removed \(report.removedControls) control characters and \(report.removedEscapeSequences) escape sequences"
                ))
        }
        let wrap = HardWrap.unwrap(&bytes)
        if let width = wrap.width {
            diagnostics.append(
                Diagnostic(
                    line: 0, kind: .note,
                    message:
                        "hard-wrapped text at \(width) columns: joined \(wrap.joined) line breaks (\(Heuristic.hardWrap))"
                ))
        }
        let result = bytes.withUnsafeBufferPointer { buffer in
            var assembler = BlogAssembler(text: buffer, rules: rules)
            assembler.joinOffsets = wrap.joinOffsets
            assembler.usesPlainPrepass = usesPlainPrepass
            return assembler.run()
        }
        return ParsedSource(
            bytes: bytes, spans: result.entries, title: result.title, standfirst: result.standfirst,
            diagnostics: diagnostics + result.diagnostics)
    }
}
