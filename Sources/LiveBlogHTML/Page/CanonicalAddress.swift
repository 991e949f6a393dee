import Foundation

/// The address a page says is its own, which names the blog for read marks wherever the page was read from.
enum CanonicalAddress {
    /// The first usable of `<link rel=canonical>`, `og:url` and the JSON-LD `url`, resolved against the page's
    /// address, without its fragment; nil when the page names none (or only something that is not a web address).
    static func choose(link: String?, openGraph: String?, jsonLD: String?, pageAddress: String?) -> String? {
        for candidate in [link, openGraph, jsonLD] {
            guard let text = candidate?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { continue }
            let base = pageAddress.flatMap { URL(string: $0) }
            guard let url = URL(string: text, relativeTo: base)?.absoluteURL,
                let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host != nil,
                var parts = URLComponents(url: url, resolvingAgainstBaseURL: false)
            else { continue }
            parts.fragment = nil
            parts.scheme = scheme
            parts.host = parts.host?.lowercased()
            if let address = parts.string { return address }
        }
        return nil
    }
}
