import Foundation

/// A web address checked before any request is made for it: the one gate for the user's address and every redirect.
///
/// The HTTP stack traps on what it cannot represent (a port above 65535 ends the process with SIGILL), so
/// nothing reaches it unchecked: scheme http or https, a host, a port from 1 to 65535, only characters a URL
/// may hold, and a bounded length.
public struct WebAddress: Sendable, Equatable, CustomStringConvertible {
    /// The address as it will be requested.
    public let text: String
    public let host: String
    /// The explicit port, when the address names one.
    public let port: Int?

    /// Longer addresses are a mistake or an attack; browsers and servers refuse well before this too.
    public static let maximumLength = 8192

    public var description: String { text }

    /// Checks `text`; the error is one line naming what is wrong with the address.
    public init(_ text: String) throws(FetchError) {
        let shown = Self.shown(text)
        guard text.utf8.count <= Self.maximumLength else {
            throw FetchError(.badURL, "\(shown): the web address is longer than \(Self.maximumLength) characters")
        }
        guard text.unicodeScalars.allSatisfy(Self.isAllowed) else {
            throw FetchError(
                .badURL, "\(shown): not a web address (it holds a space, a control or a non-URL character)")
        }
        self = try Self.parse(text, shown: shown)
    }

    /// Resolves a redirect's `Location` (absolute, or relative to `self`) and checks the result.
    public func resolving(_ location: String) throws(FetchError) -> WebAddress {
        let shown = Self.shown(location)
        guard location.utf8.count <= Self.maximumLength else {
            throw FetchError(
                .redirects, "\(text): redirected to an address longer than \(Self.maximumLength) characters")
        }
        let trimmed = location.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.unicodeScalars.allSatisfy(Self.isAllowed),
            let base = URL(string: text), let target = URL(string: trimmed, relativeTo: base)?.absoluteString
        else {
            throw FetchError(.redirects, "\(text): redirected to \(shown), which is not a web address")
        }
        do {
            return try WebAddress(target)
        } catch {
            throw FetchError(.redirects, "\(text): redirected to \(error.description)")
        }
    }

    /// The address as quoted in a message: one line, controls shown as `?`, cut at 200 characters.
    static func shown(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for (count, scalar) in text.unicodeScalars.enumerated() {
            if count == 200 {
                out.append("…")
                break
            }
            let v = scalar.value
            let unsafe =
                v < 0x20 || (v >= 0x7F && v < 0xA0) || (0x2028...0x202E).contains(v) || (0x2066...0x2069).contains(v)
            out.append(unsafe ? "?" : scalar)
        }
        return String(out)
    }

    /// Printable ASCII but for the characters RFC 3986 never allows unencoded (space, quotes, angle brackets…).
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        guard v > 0x20, v < 0x7F else { return false }
        return !"\"<>\\^`{}".unicodeScalars.contains(scalar)
    }

    /// Splits off scheme and authority by hand: Foundation's `URL` accepts ports the socket layer cannot.
    private static func parse(_ text: String, shown: String) throws(FetchError) -> WebAddress {
        let lower = text.lowercased()
        let rest: Substring
        if lower.hasPrefix("http://") {
            rest = text.dropFirst(7)
        } else if lower.hasPrefix("https://") {
            rest = text.dropFirst(8)
        } else {
            throw FetchError(.badURL, "\(shown): not a web address (only http:// and https:// are read)")
        }
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let hostAndPort = authority.split(separator: "@", omittingEmptySubsequences: false).last ?? ""
        var host: Substring
        var portText: Substring?
        if hostAndPort.hasPrefix("[") {
            guard let close = hostAndPort.firstIndex(of: "]") else {
                throw FetchError(.badURL, "\(shown): not a web address (an unclosed [ in the host)")
            }
            host = hostAndPort[hostAndPort.index(after: hostAndPort.startIndex)..<close]
            let after = hostAndPort[hostAndPort.index(after: close)...]
            if after.hasPrefix(":") {
                portText = after.dropFirst()
            } else if !after.isEmpty {
                throw FetchError(.badURL, "\(shown): not a web address (text after the host's ])")
            }
        } else if let colon = hostAndPort.lastIndex(of: ":") {
            host = hostAndPort[..<colon]
            portText = hostAndPort[hostAndPort.index(after: colon)...]
        } else {
            host = hostAndPort
        }
        guard !host.isEmpty else { throw FetchError(.badURL, "\(shown): not a web address (no host name)") }
        var port: Int?
        if let portText, !portText.isEmpty {
            // Digits only, and at most six of them, so no overflow reaches the range check.
            guard portText.count <= 6, portText.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(portText),
                (1...65535).contains(value)
            else {
                throw FetchError(.badURL, "\(shown): the port must be a number from 1 to 65535")
            }
            port = value
        }
        guard URL(string: text) != nil else { throw FetchError(.badURL, "\(shown): not a web address") }
        return WebAddress(text: text, host: String(host), port: port)
    }

    private init(text: String, host: String, port: Int?) {
        self.text = text
        self.host = host
        self.port = port
    }
}
