import ArgumentParser
import LiveBlogCore

@main
struct LiveblogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "liveblog", abstract: "A terminal reader for news live blogs.")
    func run() throws {}
}
