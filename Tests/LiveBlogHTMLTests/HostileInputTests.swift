import Foundation
import LiveBlogCore
import Testing

@testable import LiveBlogHTML

/// The hostile pages of issue 19 that concern the HTML reader: each holds, answers in time, and loses no text.
@Suite("HTML hostile input")
struct HostileInputTests {
    static func posts(_ n: Int, _ text: (Int) -> String) -> String {
        (0..<n).map { "<article class=\"p\"><time>1\($0):00</time><p>\(text($0))</p></article>" }.joined()
    }

    // One element with 100,000 attributes: libxml2 is given its first 128 and the page reads at once, with a note.
    @Test("An element with 100,000 attributes")
    func attributes() {
        let attributes = (0..<100_000).map { "a\($0)=1" }.joined(separator: " ")
        let html =
            "<html><body><h1>Wide</h1>" + Self.posts(2) { "Post \($0) has some words in it." }
            + "<article class=\"p\"><time>12:00</time><p>Third post.<span \(attributes)>tail</span></p></article></body></html>"
        let start = Date()
        let blog = read(html)
        #expect(Date().timeIntervalSince(start) < 5)
        #expect(blog.entries.count == 3)
        #expect(blog.diagnostics.contains { $0.message.contains("more than 128 attributes") })
        #expect(PageInput.limitAttributes(Array("<p a=1 b=\"x>y\" c>t</p>".utf8)).cutTags == 0)
    }

    // A UTF-8 page in Cyrillic with one stray byte: every post is read (the byte becomes U+FFFD), not one.
    @Test("One bad byte in a UTF-8 page")
    func strayByte() {
        let html =
            "<html><head><meta charset=\"utf-8\"></head><body><h1>Новости</h1>"
            + Self.posts(6) { "Сообщение номер \($0) о погоде на сегодня." } + "</body></html>"
        var bytes = Array(html.utf8)
        let cut = Array("номер 2".utf8)
        let at = (0..<bytes.count).first { bytes[$0..<min(bytes.count, $0 + cut.count)].elementsEqual(cut) }!
        bytes.insert(0xD0, at: at)
        let blog = HTMLBlogReader().read(bytes: bytes)
        #expect(blog.entries.count == 6)
        #expect(blog.entries.last?.paragraphs.first == "Сообщение номер 5 о погоде на сегодня.")
    }

    // windows-1252 bytes that windows-1252 leaves undefined (0x81, 0x8D) no longer stop the parse.
    @Test("Undefined windows-1252 bytes")
    func undefinedBytes() {
        let head = Array("<html><head><meta charset=\"windows-1252\"></head><body><h1>Caf".utf8) + [0xE9]
        let body = Array("</h1>".utf8) + Array(Self.posts(3) { "Text number \($0) in the list." }.utf8)
        var bytes = head + body + Array("</body></html>".utf8)
        bytes.insert(0x81, at: head.count + 8)
        bytes.insert(0x8D, at: bytes.count - 40)
        let blog = HTMLBlogReader().read(bytes: bytes)
        #expect(blog.title == "Café")
        #expect(blog.entries.count == 3)
    }

    // UTF-16 and UTF-32 pages with a byte-order mark are HTML and read in full; `<meta charset=utf-16>` on an
    // ASCII page is ignored.
    @Test("UTF-16 and UTF-32 byte-order marks; a false UTF-16 declaration")
    func unicodeMarks() {
        let html =
            "<html><head><title>Öffnung</title></head><body><h1>Öffnung</h1>"
            + Self.posts(2) { "Beitrag \($0) über die Brücke." } + "</body></html>"
        var le: [UInt8] = [0xFF, 0xFE]
        for unit in html.utf16 { le += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        var be32: [UInt8] = [0x00, 0x00, 0xFE, 0xFF]
        for scalar in html.unicodeScalars {
            let v = scalar.value
            be32 += [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)]
        }
        for bytes in [le, be32] {
            #expect(HTMLSniffer.looksLikeHTML(bytes))
            let blog = HTMLBlogReader().read(bytes: bytes)
            #expect(blog.title == "Öffnung")
            #expect(blog.entries.count == 2)
        }
        let ascii =
            "<html><head><meta charset=\"utf-16\"></head><body><h1>Plain</h1>"
            + Self.posts(2) { "Plain text \($0) here." } + "</body></html>"
        #expect(read(ascii).entries.first?.paragraphs == ["Plain text 0 here."])
    }

    // libxml2's errors go to the reader's counter (and so are never printed on the reader's screen).
    @Test("libxml2 errors are captured")
    func errorsCaptured() {
        let bytes = Array("<html><head></head><body><p>a</b></i><x:y <p>&#xFFFFFFF; <</body></html>".utf8)
        let page = HTMLPage(bytes: bytes)
        #expect(page.parserErrors > 0)
    }

    // Ids, links and text from the page reach the screen, the clipboard and exports: no escape, newline, C1
    // control, bidi control or line separator survives in a post's URL, its links or its text.
    @Test("Controls and bidi overrides from a page are removed")
    func controls() {
        let html = """
            <html><body><h1>Quiet</h1>
            <article class="p" id="p4&#27;[201~&#10;touch /tmp/x&#10;"><time>10:00</time><h2>&#x202e;txet&#x2066; ok</h2>
            <p>See <a href="/a&#x9b;b&#x2028;c">this link</a> for more about it.</p></article>
            <article class="p" id="p3"><time>09:00</time><p>Second post, plain and simple.</p></article></body></html>
            """
        let blog = read(html, baseURL: "https://example.test/live")
        let first = blog.entries[0]
        let strings = [first.url ?? "", first.headline ?? ""] + first.paragraphs + first.links.map(\.url)
        for string in strings {
            #expect(!string.unicodeScalars.contains(where: TextCleaner.isUnsafe), "\(string.debugDescription)")
        }
        #expect(first.headline == "txet ok")
        #expect(first.url?.hasPrefix("https://example.test/live#p4") == true)
    }
}

/// Lines inside posts that are not the post's text.
@Suite("HTML post furniture lines")
struct PostFurnitureTests {
    // A paragraph that is only an author line is dropped; a sentence that starts with "By" is not.
    @Test("Author lines inside a post")
    func bylines() {
        let filter = BlockFilter(rules: .bundled)
        #expect(filter.isByline("By Ana Lima"))
        #expect(filter.isByline("By Ana Lima and Jo Park"))
        #expect(!filter.isByline("By noon the square was full."))
        #expect(!filter.isByline("By 2030 the line will be finished"))
    }
}

/// Post addresses.
@Suite("HTML post addresses")
struct PostAddressTests {
    // Every post links to the same `#live` anchor: no post gets it as its address; a post with an id keeps its own.
    @Test("A fragment shared by every post names none")
    func sharedFragment() {
        let html = """
            <html><body><h1>Rail strike</h1>
            <div class="u"><span><a href="#live">10:00</a></span><p>Trains stopped at ten this morning.</p></div>
            <div class="u"><span><a href="#live">09:00</a></span><p>Unions confirmed the strike overnight.</p></div>
            <div class="u" id="u7"><span><a href="#live">08:00</a></span><p>Commuters were warned yesterday.</p></div>
            </body></html>
            """
        let blog = read(html, baseURL: "https://example.test/strike")
        #expect(blog.entries.map(\.url) == [nil, nil, "https://example.test/strike#u7"])
    }
}

/// Issue 19's size-scaling check for the HTML reader: doubling each hostile shape must not much more than double
/// the time (a quadratic step quadruples it).
@Suite("HTML size scaling")
struct ScalingTests {
    enum Shape: String, CaseIterable {
        case posts, attributes, nesting, jsonLDList
    }

    static func page(_ shape: Shape, _ n: Int) -> [UInt8] {
        var html = "<html><head>"
        switch shape {
        case .jsonLDList:
            html += "<script type=\"application/ld+json\">{\"@type\":\"LiveBlogPosting\",\"liveBlogUpdate\":["
            html += (0..<n).map { "{\"@id\":\"j\($0)\",\"headline\":\"Other \($0)\"}" }.joined(separator: ",")
            html += "]}</script></head><body><h1>List</h1>"
            html += (0..<n).map {
                "<article class=\"p\" id=\"a\($0)\"><time>10:00</time><p>Seen post \($0).</p></article>"
            }
            .joined()
        case .posts:
            html += "</head><body><h1>Posts</h1>"
            html += (0..<n).map {
                "<article class=\"p\"><time>10:00</time><h2>Head \($0)</h2><p>Body \($0).</p></article>"
            }
            .joined()
        case .attributes:
            html += "</head><body><h1>Wide</h1><article class=\"p\"><time>10:00</time><p>One.</p></article>"
            html += "<article class=\"p\"><time>09:00</time><p><span "
            html += (0..<n).map { "a\($0)=1" }.joined(separator: " ") + ">Two.</span></p></article>"
        case .nesting:
            html += "</head><body><h1>Deep</h1>" + String(repeating: "<div><span>", count: n) + "<p>Deep text.</p>"
        }
        return Array((html + "</body></html>").utf8)
    }

    static func seconds(_ bytes: [UInt8]) -> Double {
        var best = Double.infinity
        for _ in 0..<3 {
            let start = Date()
            _ = HTMLBlogReader().read(bytes: bytes)
            best = min(best, Date().timeIntervalSince(start))
        }
        return best
    }

    @Test("Doubling a hostile shape about doubles the time", arguments: Shape.allCases)
    func scaling(_ shape: Shape) {
        let base = shape == .attributes ? 20_000 : shape == .nesting ? 4_000 : 1_500
        let t1 = Self.seconds(Self.page(shape, base))
        let t2 = Self.seconds(Self.page(shape, base * 2))
        // 2× is linear; 4× is quadratic. A little slack for a busy machine, and for times too short to compare.
        #expect(t2 < t1 * 3 + 0.05, "\(shape): \(base) → \(t1) s, \(base * 2) → \(t2) s")
    }
}
