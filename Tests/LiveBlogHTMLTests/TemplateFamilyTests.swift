import Foundation
import LiveBlogCore
import Testing

@testable import LiveBlogHTML

/// The same invented posts laid out in each page template must read back as the same entries: headlines,
/// paragraphs, shown clocks, and a timestamp exactly where the template fixes the moment.
@Suite("HTML template families")
struct TemplateFamilyTests {
    static let seeds: [UInt64] = Array(1...12)

    @Test("Every template gives back the posts", arguments: GeneratedBlog.Template.allCases)
    func family(_ template: GeneratedBlog.Template) {
        for seed in Self.seeds {
            let needsTwo = template == .flat || template == .headingStream
            let count = template == .firstPosts ? 1 + Int(seed % 2) : needsTwo ? 2 + Int(seed % 7) : 1 + Int(seed % 8)
            let blog = GeneratedBlog(seed: seed, count: count, headlines: template == .headingStream)
            let read = HTMLBlogReader(baseURL: "https://example.test/live").read(bytes: Array(blog.page(template).utf8))
            let expected = blog.expected(template)
            let context = "\(template) seed \(seed)\n" + dump(read)
            #expect(read.title == blog.title, "\(context)")
            #expect(read.standfirst == blog.standfirst, "\(context)")
            #expect(read.entries.count == expected.count, "\(context)")
            for (entry, post) in zip(read.entries, expected) {
                #expect(entry.headline == post.headline, "\(context)")
                #expect(entry.paragraphs == post.paragraphs, "\(context)")
                let digits = (entry.time ?? "").filter(\.isNumber)
                #expect(digits.hasSuffix(post.clock.filter(\.isNumber)), "\(context)")
                switch template {
                case .article, .microdata, .jsonLD, .components, .firstPosts:
                    #expect(entry.timestamp == post.moment, "\(context)")
                case .flat, .headingStream, .dateOnly:
                    // A clock with no zone on the page: shown as printed, no moment.
                    #expect(entry.timestamp == nil, "\(context)")
                }
            }
        }
    }

    // Each post's own id gives it its own URL fragment.
    @Test("Posts keep their own fragments")
    func fragments() {
        let blog = GeneratedBlog(seed: 7, count: 4)
        let read = HTMLBlogReader(baseURL: "https://example.test/live").read(bytes: Array(blog.page(.article).utf8))
        #expect(read.entries.map(\.url) == (0..<4).map { "https://example.test/live#entry-\($0)" })
    }
}
