import Foundation
import LiveBlogTestSupport

/// A live blog made of invented words, with known answers, and the page templates that lay it out: the same posts
/// in each layout must read back as the same entries.
struct GeneratedBlog {
    struct Post {
        var hour: Int
        var minute: Int
        var headline: String?
        var paragraphs: [String]
        /// "14:05"
        var clock: String { String(format: "%02d:%02d", hour, minute) }
        /// "14.05"
        var dotted: String { String(format: "%02d.%02d", hour, minute) }
        /// The moment, on the blog's day, in its zone (UTC+1).
        var iso: String { String(format: "2026-03-14T%02d:%02d:00+01:00", hour, minute) }
        var moment: Date {
            // 2026-03-14 00:00 UTC is 1_773_446_400.
            Date(timeIntervalSince1970: 1_773_446_400 + Double(hour * 3600 + minute * 60 - 3600))
        }
    }

    var title: String
    var standfirst: String
    var posts: [Post]

    static let syllables = [
        "ka", "lo", "mi", "ren", "tu", "sa", "vo", "nel", "pri", "da", "gor", "fe", "lin", "ba", "sto", "qui", "mar",
        "te",
    ]

    static func word<G: RandomNumberGenerator>(_ g: inout G) -> String {
        (0..<Int.random(in: 1...3, using: &g)).map { _ in syllables.randomElement(using: &g)! }.joined()
    }

    static func sentence<G: RandomNumberGenerator>(_ g: inout G, words: ClosedRange<Int>) -> String {
        let text = (0..<Int.random(in: words, using: &g)).map { _ in word(&g) }.joined(separator: " ")
        return text.prefix(1).uppercased() + text.dropFirst()
    }

    /// `count` posts, newest first, a headline on most; `headlines` forces every post to have one.
    init(seed: UInt64, count: Int, headlines: Bool = false) {
        var g = SeededRandom(seed: seed)
        title = "Live: " + Self.sentence(&g, words: 4...7)
        standfirst = Self.sentence(&g, words: 12...18) + "."
        var minutes = 20 * 60 + Int.random(in: 0...59, using: &g)
        var posts: [Post] = []
        for _ in 0..<count {
            let headline =
                headlines || Int.random(in: 0..<10, using: &g) < 7 ? Self.sentence(&g, words: 4...8) : nil
            let paragraphs = (0..<Int.random(in: 1...4, using: &g)).map { _ in
                Self.sentence(&g, words: 9...24) + "."
            }
            posts.append(Post(hour: minutes / 60, minute: minutes % 60, headline: headline, paragraphs: paragraphs))
            minutes -= Int.random(in: 3...40, using: &g)
        }
        self.posts = posts
    }

    /// The layouts, each with what it keeps of the posts.
    enum Template: String, CaseIterable {
        case article, microdata, jsonLD, flat, headingStream, components, dateOnly, firstPosts
    }

    /// The page; `firstPosts` keeps only the oldest one or two posts.
    func page(_ template: Template) -> String {
        var out = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>\(title) | Invented Gazette</title>"
        if template == .jsonLD { out += jsonLD() }
        out += "</head><body><header><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav></header><main>"
        out += "<h1>\(title)</h1><p class=\"lede\">\(standfirst)</p><p class=\"by\">By Ana Nobody</p>"
        switch template {
        case .article, .components, .dateOnly, .firstPosts:
            out += "<section class=\"feed\">"
            for (k, post) in shown(template).enumerated() {
                out += "<article class=\"entry\" id=\"entry-\(k)\">"
                switch template {
                case .dateOnly: out += "<time datetime=\"2026-03-14\">\(post.dotted) Uhr</time>"
                default: out += "<time datetime=\"\(post.iso)\">\(post.clock)</time>"
                }
                if let h = post.headline { out += "<h2>\(h)</h2>" }
                for (n, p) in post.paragraphs.enumerated() {
                    out += "<p>\(p)</p>"
                    if template == .components, n == 0 {
                        out +=
                            "<figure><img src=\"a.jpg\"><figcaption>A view of the square. Photograph: Agency</figcaption></figure>"
                        out += "<video src=\"b.mp4\"></video>"
                    }
                }
                out += "</article>"
            }
            out += "</section>"
        case .microdata:
            out += "<div itemscope itemtype=\"https://schema.org/LiveBlogPosting\">"
            for (k, post) in posts.enumerated() {
                out +=
                    "<div itemprop=\"liveBlogUpdate\" itemscope itemtype=\"https://schema.org/BlogPosting\" id=\"u\(k)\">"
                out += "<meta itemprop=\"datePublished\" content=\"\(post.iso)\"><span>\(post.clock)</span>"
                if let h = post.headline { out += "<h3 itemprop=\"headline\">\(h)</h3>" }
                out +=
                    "<div itemprop=\"articleBody\">" + post.paragraphs.map { "<p>\($0)</p>" }.joined() + "</div></div>"
            }
            out += "</div>"
        case .jsonLD:
            out += "<div>"
            for (k, post) in posts.enumerated() {
                out += "<div id=\"block-\(k)\"><div>\(post.clock)</div>"
                if let h = post.headline { out += "<div><b>\(h)</b></div>" }
                out += post.paragraphs.map { "<p>\($0)</p>" }.joined() + "</div>"
            }
            out += "</div>"
        case .flat:
            out += "<div class=\"body\">"
            for post in posts {
                out += "<p><strong>\(post.dotted)</strong> \(post.paragraphs[0])</p>"
                out += post.paragraphs.dropFirst().map { "<p>\($0)</p>" }.joined()
            }
            out += "</div>"
        case .headingStream:
            out += "<div class=\"body\">"
            for post in posts {
                out +=
                    "<h3>\(post.dotted) Uhr: \(post.headline ?? "")</h3>"
                    + post.paragraphs.map { "<p>\($0)</p>" }.joined()
            }
            out += "</div>"
        }
        out += "</main><footer><p>All rights reserved by nobody at all, ever.</p></footer></body></html>"
        return out
    }

    /// The posts a template shows.
    func shown(_ template: Template) -> [Post] {
        template == .firstPosts ? Array(posts.suffix(min(posts.count, 2))) : posts
    }

    /// The posts as the reader must give them: flat streams lose headlines (the bold lead is the clock).
    func expected(_ template: Template) -> [Post] {
        var result = shown(template)
        if template == .flat {
            for k in result.indices { result[k].headline = nil }
        }
        return result
    }

    private func jsonLD() -> String {
        var updates: [String] = []
        for (k, post) in posts.enumerated() {
            var fields = ["\"@type\":\"BlogPosting\"", "\"url\":\"https://example.test/live#block-\(k)\""]
            if let h = post.headline { fields.append("\"headline\":\"\(h)\"") }
            fields.append("\"datePublished\":\"\(post.iso)\"")
            updates.append("{" + fields.joined(separator: ",") + "}")
        }
        return
            "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"LiveBlogPosting\",\"liveBlogUpdate\":["
            + updates.joined(separator: ",") + "]}</script>"
    }
}
