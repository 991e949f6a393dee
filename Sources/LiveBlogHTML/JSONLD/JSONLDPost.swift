import Foundation

/// One `liveBlogUpdate` of a page's JSON-LD: what the page's machine-readable copy says about a post.
struct JSONLDPost {
    /// `@id`, or the fragment of `url` when that is unique to the post.
    var ownID: String?
    var url: String?
    var headline: String?
    /// `articleBody` as written (entities and spacing untouched): most are never used, so they are cleaned on demand,
    /// and until then they share the script's text.
    var body: Substring?
    var published: String?
    var modified: String?
}
