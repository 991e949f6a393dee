import Foundation
import LiveBlogCore
import LiveBlogHTML
import LiveBlogHTTP

/// Reads a source for following and builds its follower: a web address is polled, a file watched with
/// inotify (with `--follow` or the `F` key), a pipe on standard input read as it grows (with `--follow`).
struct FollowSetup {
    let source: BlogSource
    let blog: LiveBlog
    /// Builds a follower for the source; nil when it cannot be followed (the bundled sample, a finished pipe).
    let makeFollower: (() -> SourceFollower)?
    /// Whether following starts at once.
    let followsAtStart: Bool

    /// Loads the blog the usual way, except that a followed standard input is read only as far as it goes now.
    static func load(_ options: SourceOptions, _ follow: FollowOptions) throws -> FollowSetup {
        let interval = try follow.interval()
        // Decided once, here, by the same rule as every other command: a pipe or a file on standard input is
        // the blog when no source is named (it was the bundled sample here, so `cat blog.txt | liveblog` showed it).
        let source = BlogSource.implicit(options.source)
        let maxSize = try options.inputLimit.bytes()
        let parse = try options.parser()
        switch source.kind {
        case .standardInput where follow.follow:
            let (bytes, ended) = try StandardInputFollower.readAvailable(maxSize: maxSize)
            let blog = parse(BlogSource.Content(bytes: bytes))
            let make: (() -> SourceFollower)? =
                ended
                ? nil
                : {
                    StandardInputFollower(received: bytes, maxSize: maxSize, parse: parse)
                }
            return FollowSetup(source: source, blog: blog, makeFollower: make, followsAtStart: !ended)
        case .web(let address):
            var limits = FetchLimits()
            limits.maximumBytes = min(limits.maximumBytes, maxSize)
            // The first read goes through the poller's fetcher, so that the first poll already sends validators.
            let fetcher = ConditionalFetcher(address: address, userAgent: LiveblogVersion.userAgent, limits: limits)
            let page: FetchedPage
            let maxAge: Double?
            do {
                let answer = try fetcher.pollBlocking()
                maxAge = answer.maxAge
                guard let first = answer.page else {
                    throw CLIError("cannot fetch \(address): the server answered 304 Not Modified to a first request")
                }
                page = first
            } catch let error as FetchError {
                throw CLIError("cannot fetch \(error.message(verbose: options.verbose))")
            }
            let blog = parse(
                BlogSource.Content(bytes: page.bytes, contentType: page.contentType, address: page.finalURL))
            let schedule = PollSchedule(interval: interval)
            return FollowSetup(
                source: source, blog: blog,
                makeFollower: {
                    URLFollower(fetcher: fetcher, schedule: schedule, firstMaxAge: maxAge, parse: parse)
                }, followsAtStart: true)
        case .file(let path):
            let blog = try options.loader().loadBlog(from: source)
            return FollowSetup(
                source: source, blog: blog,
                makeFollower: {
                    FileFollower(path: path, maxSize: maxSize, parse: parse)
                }, followsAtStart: follow.follow)
        case .standardInput, .bundledSample:
            let blog = try options.loader().loadBlog(from: source)
            return FollowSetup(source: source, blog: blog, makeFollower: nil, followsAtStart: false)
        }
    }
}

extension SourceOptions {
    /// How each new version of the source is parsed: the same rules and HTML sniffing as the first.
    func parser() throws -> @Sendable (BlogSource.Content) -> LiveBlog {
        let rules = try RuleLoader.rules(extraFile: rulesFile)
        return { content in
            if SourceLoader.isHTML(content) {
                return HTMLBlogReader(rules: rules, baseURL: content.address).read(
                    bytes: content.bytes, contentType: content.contentType)
            }
            return LiveBlogParser(rules: rules).parse(bytes: content.bytes)
        }
    }
}
