import Foundation

/// A piece of the normalised source text, as a byte range: entries point into the text until `String`s are needed,
/// so a one-shot command never builds a string for text it does not print.
struct TextSpan: Hashable, Sendable {
    var start: Int
    var end: Int

    init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = end
    }

    var count: Int { end - start }

    func bytes(in text: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: text[start..<end])
    }

    func string(in text: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: bytes(in: text), as: UTF8.self)
    }

    /// Byte-for-byte equality of two spans' texts.
    static func sameText(_ a: TextSpan, _ b: TextSpan, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        a.count == b.count
            && (a.count == 0 || memcmp(text.baseAddress! + a.start, text.baseAddress! + b.start, a.count) == 0)
    }
}

/// A related link whose title and summary are still spans of the source.
struct RelatedSpan: Hashable, Sendable {
    var kind: RelatedLink.Kind
    var title: TextSpan
    var summary: TextSpan?
}

/// An entry whose texts are still spans of the source: everything but the strings.
struct EntrySpans: Sendable {
    var id: EntryID
    var time: PostTime?
    var timestamp: Date?
    var headline: TextSpan?
    var paragraphs: [TextSpan]
    var related: [RelatedSpan]
    var flags: EntryFlags
    var line: Int

    /// The entry with its texts as strings.
    func materialize(in text: UnsafeBufferPointer<UInt8>) -> Entry {
        Entry(
            id: id,
            time: time.map { $0.text.isEmpty ? nil : $0.text } ?? nil,
            timestamp: timestamp,
            headline: headline?.string(in: text),
            paragraphs: paragraphs.map { $0.string(in: text) },
            related: related.map {
                RelatedLink(kind: $0.kind, title: $0.title.string(in: text), summary: $0.summary?.string(in: text))
            },
            flags: flags,
            line: line)
    }

    /// Calls `visit` with each searchable field's bytes, in the order `EntryMatcher` expects.
    func forEachField(in text: UnsafeBufferPointer<UInt8>, _ visit: EntryMatcher.FieldVisitor) {
        if let headline { visit(headline.bytes(in: text), .headline, nil) }
        for (i, p) in paragraphs.enumerated() { visit(p.bytes(in: text), .paragraph, i) }
        for (i, link) in related.enumerated() {
            visit(link.title.bytes(in: text), .relatedTitle, i)
            if let summary = link.summary { visit(summary.bytes(in: text), .relatedSummary, i) }
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
