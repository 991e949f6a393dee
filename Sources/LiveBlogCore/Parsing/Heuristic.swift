/// The parser's named heuristics: the one list that `liveblog check`, the comments and the README use.
///
/// A diagnostic names the heuristic that made a call as `(\(Heuristic.x))`, which prints `(x heuristic)`.
public enum Heuristic: String, CaseIterable, Sendable, CustomStringConvertible {
    case hardWrap = "hard-wrap"
    case repeatedLine = "repeated-line"
    case spacerLayout = "spacer-layout"
    case postTemplate = "post-template"
    case trailingTime = "trailing-time"
    case dayHeader = "day-header"
    case gluedTime = "glued-time"
    case timePrefix = "time-prefix"
    case authorLine = "author-line"
    case authorAboveTime = "author-above-time"
    case header
    case headerFurniture = "header-furniture"
    case footer
    case gluedAppeal = "glued-appeal"
    case navigationList = "navigation-list"
    case promoPitch = "promo-pitch"
    case caption
    case videoPlayer = "video-player"
    case linkFurniture = "link-furniture"
    case headline
    case questionHeadline = "question-headline"
    case echoCard = "echo-card"
    case closingCard = "closing-card"
    case pinnedCopy = "pinned-copy"
    case neverNothing = "never-nothing"
    case imageOnlyPost = "image-only-post"
    case bodyFurniture = "body-furniture"

    public var description: String { "\(rawValue) heuristic" }

    /// One line on what the heuristic decides, for the README and `check --heuristics`.
    public var summary: String {
        switch self {
        case .hardWrap:
            "text wrapped at one width (lynx, w3m, a terminal copy) is joined back into one line per paragraph"
        case .repeatedLine: "a short line that recurs many times on the page, outside the post template, is furniture"
        case .spacerLayout:
            "on a page that puts one spacer line between every two blocks, a run of three or more lines with no spacer among them is a widget (a paywall, a sign-up form), and what stands above the first spacer is the page's header"
        case .postTemplate:
            "the header every post repeats (time, then a recurring name or label) is read from the page: a name after times is an author, never a headline"
        case .trailingTime:
            "where the page prints each post's time after its body, that time belongs to the post above it"
        case .dayHeader:
            "a date without a year between posts (\"Monday 14 August\", \"Montag, 14. August\") heads the day's posts and is not a post"
        case .gluedTime: "a time glued to the headline after it is split from it"
        case .timePrefix:
            "a line opening with a post time, then a separator and text (`14:05: Headline`, `14:05 – Headline`, `14:05 First paragraph…`), is the post's time and its headline or first paragraph, where the page shows that layout twice (or has no other time line)"
        case .authorLine: "a byline, or an author's name glued to a time, is metadata"
        case .authorAboveTime: "a name line right above a time line is the post's author"
        case .header:
            "the first text line is the title, a long sentence under it the standfirst (or, under the page's dateline, a line introducing the posts with a colon); on a page whose posts open with a time, only prose (and a short sentence closing it) stays between the standfirst and the first post"
        case .headerFurniture: "short lines between the standfirst and the first post are page furniture"
        case .footer:
            "below the last post, from the first run of lines that are not prose to the end, the page footer is dropped, with a short label over it"
        case .gluedAppeal: "an appeal sentence glued to the start of a paragraph is cut off"
        case .navigationList:
            "a heading such as \"Key events\" and the list of links under it are dropped (a list of times each with one title, with the short label over it)"
        case .promoPitch: "a promo heading and its pitch line are dropped"
        case .caption: "photo captions and credits are dropped"
        case .videoPlayer: "video-player text and the video's title are dropped"
        case .linkFurniture:
            "link texts a scrape glued together without spaces (a tag list), and a notice shouted in capitals ending with a full stop, are page furniture"
        case .headline:
            "a short, unpunctuated line followed by a paragraph is a headline where a post starts: after its time on a page whose posts open with one, after the time closing the post above on a page that prints times after bodies, anywhere a paragraph ended on others"
        case .questionHeadline:
            "a short question where a post starts, followed by its answer, is the headline (not a labelled one on a page of headless posts)"
        case .echoCard: "a title printed twice, then a summary, is a story card kept as a related link"
        case .closingCard:
            "a headline-shaped line of a headline's length and one line under it closing a post, on a page whose posts open with a time, is a linked story card"
        case .pinnedCopy: "a pinned post shown twice is kept once"
        case .neverNothing:
            "when every candidate post would be dropped, the page's time-headed blocks are the posts, and the list and repetition calls are overruled"
        case .imageOnlyPost:
            "a time whose block holds nothing but a captioned or credited picture is a post of its own (a picture without text), not dropped"
        case .bodyFurniture:
            "below a finished paragraph, a run of three or more short lines that none ends like a sentence (related links, a share bar, video titles, a poll under its colon-ended question) is furniture inside a post, dropped as a whole"
        }
    }
}
