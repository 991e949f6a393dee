import Foundation

/// Finds `LiveBlogPosting` objects in a page's JSON-LD (inside `@graph`, arrays, nested values) and reads their
/// `liveBlogUpdate` posts.
enum JSONLDReader {
    struct Result {
        var posts: [JSONLDPost] = []
        /// The blog's own headline and description.
        var headline: String?
        var description: String?
        /// The blog's own `url` (or `mainEntityOfPage`), for its identity.
        var url: String?
        /// The blog's own `datePublished` and `dateModified`.
        var published: String?
        var modified: String?
        var foundLiveBlog = false
    }

    static func read(_ scripts: [String]) -> Result {
        var result = Result()
        let parsed = scripts.filter { contains($0, "LiveBlogPosting") }.compactMap(JSONValue.parse)
        // Objects named by `@id` anywhere in these scripts (a `@graph` lists posts once and refers to them).
        var named: [String: JSONValue] = [:]
        for json in parsed { collectNamed(json, into: &named, depth: 0) }
        for json in parsed { visit(json, into: &result, named: named, depth: 0) }
        // A fragment shared by every post (`#live`) identifies nothing.
        let fragments = result.posts.compactMap { $0.url.flatMap(fragment) }
        let repeated = Dictionary(grouping: fragments, by: { $0 }).filter { $0.value.count > 1 }
        for k in result.posts.indices where result.posts[k].ownID == nil {
            if let f = result.posts[k].url.flatMap(fragment), repeated[f] == nil { result.posts[k].ownID = f }
        }
        return result
    }

    /// Every object with an `@id` and something besides it, by that id.
    private static func collectNamed(_ value: JSONValue, into named: inout [String: JSONValue], depth: Int) {
        guard depth < 40 else { return }
        switch value {
        case .array(let items):
            for item in items { collectNamed(item, into: &named, depth: depth + 1) }
        case .object(let members):
            if members.count > 1, case .string(let id)? = value["@id"], named[String(id)] == nil {
                named[String(id)] = value
            }
            for member in members {
                switch member.value {
                case .array, .object: collectNamed(member.value, into: &named, depth: depth + 1)
                default: continue
                }
            }
        default:
            return
        }
    }

    /// An `articleBody` or `headline` given as a list of strings: joined, one a line.
    private static func text(_ value: JSONValue?) -> Substring? {
        switch value {
        case .string(let text)?: return text
        case .array(let items)?:
            let parts = items.compactMap { item -> Substring? in
                if case .string(let text) = item { return text }
                return nil
            }
            return parts.isEmpty ? nil : Substring(parts.joined(separator: "\n"))
        default: return nil
        }
    }

    private static func visit(
        _ value: JSONValue, into result: inout Result, named: [String: JSONValue], depth: Int
    ) {
        guard depth < 40 else { return }
        switch value {
        case .array(let items):
            for item in items { visit(item, into: &result, named: named, depth: depth + 1) }
        case .object(let members):
            if types(of: value).contains("LiveBlogPosting") {
                result.foundLiveBlog = true
                if result.headline == nil { result.headline = string(value["headline"]) ?? string(value["name"]) }
                if result.description == nil { result.description = string(value["description"]) }
                if result.published == nil { result.published = string(value["datePublished"]) }
                if result.modified == nil { result.modified = string(value["dateModified"]) }
                if result.url == nil {
                    result.url =
                        string(value["url"]) ?? string(value["mainEntityOfPage"])
                        ?? string(value["mainEntityOfPage"]?["@id"])
                }
                var updates: [JSONValue] = []
                if case .array(let list)? = value["liveBlogUpdate"] {
                    updates = list
                } else if let one = value["liveBlogUpdate"] {
                    updates = [one]
                }
                for reference in updates {
                    var post = reference
                    // A reference (`{"@id": "#p4"}`) stands for the object of that name.
                    if case .object(let members) = reference, members.count == 1,
                        case .string(let id)? = reference["@id"],
                        let target = named[String(id)]
                    {
                        post = target
                    }
                    // A string is a reference too.
                    if case .string(let id) = reference, let target = named[String(id)] { post = target }
                    guard case .object = post else { continue }
                    let headline = text(post["headline"]).map(String.init)
                    result.posts.append(
                        JSONLDPost(
                            ownID: string(post["@id"]).map(lastPathPart), url: string(post["url"]),
                            headline: headline.map { TextCleaner.collapse(TextCleaner.decodeEntities($0)) }.flatMap {
                                $0.isEmpty ? nil : $0
                            }, body: text(post["articleBody"]) ?? text(post["text"]),
                            published: string(post["datePublished"]), modified: string(post["dateModified"])))
                }
            }
            // A repeated name counts once, with its last value (a lookup table where objects are large).
            let last =
                members.count > 16
                ? Dictionary(members.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { max($0, $1) }) : nil
            for (k, member) in members.enumerated() where member.key != "liveBlogUpdate" {
                guard last.map({ $0[member.key] == k }) ?? isLast(k, of: members) else { continue }
                switch member.value {
                case .array, .object: visit(member.value, into: &result, named: named, depth: depth + 1)
                default: continue
                }
            }
        default:
            return
        }
    }

    /// Whether member `k` is the last of its name.
    private static func isLast(_ k: Int, of members: [JSONValue.Member]) -> Bool {
        let key = members[k].key
        return !members[(k + 1)...].contains(where: { $0.key == key })
    }

    /// A byte search, so that scripts describing anything else (breadcrumbs, organisations) are never parsed.
    private static func contains(_ text: String, _ word: StaticString) -> Bool {
        let needle = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        var copy = text
        return copy.withUTF8 { haystack in
            guard haystack.count >= needle.count, let first = needle.first else { return false }
            var k = 0
            while k <= haystack.count - needle.count {
                if haystack[k] == first, memcmp(haystack.baseAddress! + k, needle.baseAddress!, needle.count) == 0 {
                    return true
                }
                k += 1
            }
            return false
        }
    }

    private static func types(of object: JSONValue) -> [String] {
        switch object["@type"] {
        case .string(let type)?: return [String(type)]
        case .array(let items)?:
            var types: [String] = []
            for item in items {
                guard case .string(let type) = item else { return [] }
                types.append(String(type))
            }
            return types
        default: return []
        }
    }

    private static func string(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let s)?:
            let text = TextCleaner.collapse(TextCleaner.decodeEntities(String(s)))
            return text.isEmpty ? nil : text
        case .number(let written)?:
            // As a number would print: no trailing fraction on a whole number.
            if let whole = Int(written) { return String(whole) }
            guard let n = Double(written) else { return written }
            return n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
        case .bool(let flag)?:
            return flag ? "1" : "0"
        default:
            return nil
        }
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
