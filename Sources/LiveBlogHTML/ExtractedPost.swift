import Foundation

/// A post as read from the page, before it becomes an `Entry`.
struct ExtractedPost {
    var ownID: String?
    var url: String?
    var headline: String?
    var time: String?
    var timestamp: Date?
    var blocks: [Block] = []
    var pinned = false
    var keyEvent = false
    /// The container element, when the post came from markup.
    var node: HTMLNode?
}
