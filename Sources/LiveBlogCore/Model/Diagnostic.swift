/// A note from the parser about one source line: what it dropped and which calls it was unsure of.
public struct Diagnostic: Hashable, Sendable {
    /// The kind of note.
    public enum Kind: String, Sendable, CaseIterable {
        /// A line removed as page furniture; `rule` names the rule that matched.
        case dropped
        /// A line taken as a headline (or not) on weak evidence.
        case doubtfulHeadline = "doubtful-headline"
        /// A line turned into a related link rather than body text.
        case related
        /// Anything else worth knowing (normalised bytes, an empty input).
        case note
    }

    /// 1-based line number in the source, or 0 for the whole input.
    public var line: Int
    public var kind: Kind
    public var message: String

    public init(line: Int, kind: Kind, message: String) {
        self.line = line
        self.kind = kind
        self.message = message
    }
}
