/// Decides which elements are page furniture: navigation, share bars, ads, forms, captions, hidden text.
///
/// Only generic evidence: the element's tag, its ARIA role, `hidden`, and words that class names and ids are
/// built from by convention everywhere ("share", "newsletter", "ad", "caption"). A class name's *first* word
/// decides (`share-bar`, `ad-slot`), so that a post container named `live-match-comment` is not a comment box.
enum Furniture {
    static let tags: Set<String> = [
        "nav", "aside", "footer", "form", "button", "figcaption", "input", "textarea",
        "label", "dialog", "menu", "audio", "video", "picture", "img", "amp-img",
        "amp-ad", "amp-sidebar", "gu-island-placeholder",
    ]
    static let roles: Set<String> = [
        "navigation", "complementary", "banner", "contentinfo", "search", "dialog",
        "menu", "menubar", "toolbar", "alert",
    ]
    /// Words that make an element furniture when a class token or id starts with them.
    static let leadingWords: Set<String> = [
        "share", "sharing", "sharebar", "social", "newsletter", "newsletters", "ad", "ads", "advert", "adverts",
        "advertisement", "adslot", "adunit", "promo", "promotion", "comment", "comments", "related", "recommended",
        "outbrain", "taboola", "breadcrumb", "breadcrumbs", "subscribe", "subscription", "signup", "paywall",
        "cookie", "cookies", "sidebar", "nav", "navigation", "menu", "footer", "byline", "author", "tags", "topics",
        "popup", "modal", "skip", "trending", "most", "sponsored", "teaser", "toolbar", "tooltip",
        "tooltiptext", "banner", "masthead", "sr", "visually", "more", "video", "jwplayer", "player", "gallery",
        "dont", "whatsapp", "telegram", "donate", "donation",
    ]
    /// Utility classes that hide an element outright.
    static let hidingTokens: Set<String> = ["hidden", "hide", "d-none", "is-hidden", "invisible", "offscreen"]
    /// Words that make an element furniture wherever they appear in a class token.
    static let anywhereWords = [
        "caption", "credit", "visually-hidden", "sr-only", "screen-reader", "visuallyhidden",
        "newsletter", "copyright", "trending", "paywall", "player",
    ].map { Array($0.utf8) }

    static func isFurniture(_ node: HTMLNode) -> Bool {
        if tags.contains(node.tag) { return true }
        if node.attributes["hidden"] != nil { return true }
        if node.attributes["aria-hidden"]?.lowercased() == "true" { return true }
        if let role = node.attributes["role"]?.lowercased(), roles.contains(role) { return true }
        if let style = node.attributes["style"] {
            // Spaces ignored: `display: none` too.
            let squeezed = Array(style.lowercased().utf8.lazy.filter { $0 != 0x20 })
            if contains(squeezed[...], Self.displayNone) || contains(squeezed[...], Self.visibilityHidden) {
                return true
            }
        }
        var tokens = node.classTokens
        if let id = node.attributes["id"]?.lowercased() { tokens.append(Substring(id)) }
        for token in tokens {
            // The first word of the token, separators at its start skipped.
            let start = token.firstIndex(where: { !isSeparator($0) }) ?? token.endIndex
            let first = token[start...].prefix(while: { !isSeparator($0) })
            if leadingWords.contains(String(first)) || hidingTokens.contains(String(token)) { return true }
            let bytes = Array(token.utf8)[...]
            if anywhereWords.contains(where: { contains(bytes, $0) }) { return true }
        }
        return false
    }

    private static let displayNone = Array("display:none".utf8)
    private static let visibilityHidden = Array("visibility:hidden".utf8)

    private static func isSeparator(_ c: Character) -> Bool { c == "-" || c == "_" || c == ":" }

    /// A byte search: class tokens are short, and Foundation's `contains` bridges every call.
    private static func contains(_ haystack: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return needle.isEmpty }
        var k = haystack.startIndex
        let last = haystack.endIndex - needle.count
        while k <= last {
            if haystack[k] == needle[0], haystack[k..<(k + needle.count)].elementsEqual(needle) { return true }
            k += 1
        }
        return false
    }
}
