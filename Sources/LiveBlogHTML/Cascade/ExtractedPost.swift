import Foundation

/// A post as read from the page, before it becomes an `Entry`.
struct ExtractedPost {
    var ownID: String?
    var url: String?
    var headline: String?
    /// The time as the page shows it (a clock text, a relative age).
    var time: String?
    /// The moment, once `TimeAgreement` has weighed the shown time against the stamps.
    var timestamp: Date?
    /// Machine-readable times found for the post (`<time datetime>`, microdata, JSON-LD), in the order found.
    var stamps: [ISODate.Stamp] = []
    /// A moment stated as epoch seconds in an attribute: unambiguous, used when nothing shown or written disagrees.
    var absolute: Date?
    /// Where each field came from (`headline`, `time`, `paragraphs`), for `liveblog check`.
    var sources: [String: String] = [:]
    var blocks: [Block] = []
    /// Short lines above the first block that were dropped as labels ("Summary", a byline): shown on the page, so
    /// a headline JSON-LD gives for the post may be one of them.
    var leadLines: [String] = []
    var pinned = false
    var keyEvent = false
    /// The container element, when the post came from markup.
    var node: HTMLNode?
}
