import Foundation

/// Finds `LiveBlogPosting` objects in a page's JSON-LD (inside `@graph`, arrays, nested values) and reads their
/// `liveBlogUpdate` posts, with Foundation's JSON parser.
enum JSONLDReader {
    struct Result {
        var posts: [JSONLDPost] = []
        /// The blog's own headline and description.
        var headline: String?
        var description: String?
        /// The blog's own `url` (or `mainEntityOfPage`), for its identity.
        var url: String?
        var foundLiveBlog = false
    }

    static func read(_ scripts: [String]) -> Result {
        var result = Result()
        for script in scripts where contains(script, "LiveBlogPosting") {
            // The parser skips surrounding white space itself; trimming a large script first only copies it.
            guard let json = try? JSONSerialization.jsonObject(with: Data(script.utf8), options: [.fragmentsAllowed]) else {
                continue
            }
            visit(json, into: &result, depth: 0)
        }
        // A fragment shared by every post (`#live`) identifies nothing.
        let fragments = result.posts.compactMap { $0.url.flatMap(fragment) }
        let repeated = Dictionary(grouping: fragments, by: { $0 }).filter { $0.value.count > 1 }
        for k in result.posts.indices where result.posts[k].ownID == nil {
            if let f = result.posts[k].url.flatMap(fragment), repeated[f] == nil { result.posts[k].ownID = f }
        }
        return result
    }

    private static func visit(_ value: Any, into result: inout Result, depth: Int) {
        guard depth < 40 else { return }
        if let array = value as? [Any] {
            for item in array { visit(item, into: &result, depth: depth + 1) }
            return
        }
        guard let object = value as? [String: Any] else { return }
        if types(of: object).contains("LiveBlogPosting") {
            result.foundLiveBlog = true
            if result.headline == nil { result.headline = string(object["headline"]) ?? string(object["name"]) }
            if result.description == nil { result.description = string(object["description"]) }
            if result.url == nil {
                result.url = string(object["url"]) ?? string(object["mainEntityOfPage"])
                    ?? string((object["mainEntityOfPage"] as? [String: Any])?["@id"])
            }
            var updates: [Any] = []
            if let list = object["liveBlogUpdate"] as? [Any] { updates = list } else if let one = object["liveBlogUpdate"] { updates = [one] }
            for update in updates {
                guard let post = update as? [String: Any] else { continue }
                result.posts.append(JSONLDPost(
                    ownID: string(post["@id"]).map(lastPathPart), url: string(post["url"]),
                    headline: string(post["headline"]), body: post["articleBody"] as? String,
                    published: string(post["datePublished"]), modified: string(post["dateModified"])))
            }
        }
        for (key, child) in object where key != "liveBlogUpdate" {
            if child is [Any] || child is [String: Any] { visit(child, into: &result, depth: depth + 1) }
        }
    }

    /// A byte search, so that scripts describing anything else (breadcrumbs, organisations) are never parsed.
    private static func contains(_ text: String, _ word: StaticString) -> Bool {
        let needle = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        var copy = text
        return copy.withUTF8 { haystack in
            guard haystack.count >= needle.count, let first = needle.first else { return false }
            var k = 0
            while k <= haystack.count - needle.count {
                if haystack[k] == first, memcmp(haystack.baseAddress! + k, needle.baseAddress!, needle.count) == 0 { return true }
                k += 1
            }
            return false
        }
    }

    private static func types(of object: [String: Any]) -> [String] {
        if let t = object["@type"] as? String { return [t] }
        return object["@type"] as? [String] ?? []
    }

    private static func string(_ value: Any?) -> String? {
        if let s = value as? String {
            let text = TextCleaner.collapse(TextCleaner.decodeEntities(s))
            return text.isEmpty ? nil : text
        }
        if let n = value as? NSNumber { return n.stringValue }
        return nil
    }

    /// An `@id` may be a URL with a fragment: the fragment is the post's id.
    private static func lastPathPart(_ id: String) -> String {
        if let hash = id.lastIndex(of: "#") { return String(id[id.index(after: hash)...]) }
        return id
    }

    static func fragment(_ url: String) -> String? {
        guard let hash = url.lastIndex(of: "#") else { return nil }
        let f = String(url[url.index(after: hash)...])
        return f.isEmpty ? nil : f
    }
}
