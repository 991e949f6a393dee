/// Decides which elements are page furniture: navigation, share bars, ads, forms, captions, hidden text.
///
/// Only generic evidence: the element's tag, its ARIA role, `hidden`, and words that class names and ids are
/// built from by convention everywhere ("share", "newsletter", "ad", "caption"). A class name's *first* word
/// decides (`share-bar`, `ad-slot`), so that a post container named `live-match-comment` is not a comment box.
enum Furniture {
    static let tags: Set<String> = ["nav", "aside", "footer", "form", "button", "figcaption", "input", "textarea",
                                    "label", "dialog", "menu", "audio", "video", "picture", "img", "amp-img",
                                    "amp-ad", "amp-sidebar", "gu-island-placeholder"]
    static let roles: Set<String> = ["navigation", "complementary", "banner", "contentinfo", "search", "dialog",
                                     "menu", "menubar", "toolbar", "alert"]
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
    static let anywhereWords = ["caption", "credit", "visually-hidden", "sr-only", "screen-reader", "visuallyhidden",
                                "newsletter", "copyright", "trending", "paywall", "player"]

    static func isFurniture(_ node: HTMLNode) -> Bool {
        if tags.contains(node.tag) { return true }
        if node.attributes["hidden"] != nil { return true }
        if node.attributes["aria-hidden"]?.lowercased() == "true" { return true }
        if let role = node.attributes["role"]?.lowercased(), roles.contains(role) { return true }
        if let style = node.attributes["style"]?.lowercased().replacingOccurrences(of: " ", with: ""),
           style.contains("display:none") || style.contains("visibility:hidden") { return true }
        var tokens = node.classTokens
        if let id = node.attributes["id"]?.lowercased() { tokens.append(Substring(id)) }
        for token in tokens {
            let first = token.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == ":" }).first.map(String.init) ?? ""
            if leadingWords.contains(first) || hidingTokens.contains(String(token)) { return true }
            if anywhereWords.contains(where: { token.contains($0) }) { return true }
        }
        return false
    }
}
