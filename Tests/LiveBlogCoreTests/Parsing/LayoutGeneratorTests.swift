import Foundation
import LiveBlogTestSupport
import Testing

@testable import LiveBlogCore

/// A seeded generator of small live blogs, in the layout space the parser must read: every time style of the
/// grammar (clock shapes, labels, zones, dates in several languages) in every placement (own line, `TIME: Headline`,
/// `TIME – Headline`, `TIME Headline`, glued to the first paragraph, after the body, over an author line). The posts'
/// text never changes, only the layout, so each family must parse to the same posts. The sentences are invented.
@Suite("Generated layouts")
struct LayoutGeneratorTests {
    /// How a clock is written: `render(hour, minute, day)`, and the part of it the entry's time must show.
    struct TimeStyle: Sendable, CustomStringConvertible {
        let name: String
        let render: @Sendable (Int, Int, Int) -> String

        var description: String { name }
    }

    /// Where the time stands in the post.
    enum Placement: String, CaseIterable, Sendable {
        case above, colon, dash, space, glued, trailing, author
    }

    struct Family: Sendable, CustomStringConvertible {
        let style: TimeStyle
        let placement: Placement

        var description: String { "\(style.name) / \(placement.rawValue)" }
    }

    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    static let styles: [TimeStyle] = [
        TimeStyle(name: "hh:mm") { h, m, _ in "\(two(h)):\(two(m))" },
        TimeStyle(name: "hh.mm") { h, m, _ in "\(two(h)).\(two(m))" },
        TimeStyle(name: "hhhmm") { h, m, _ in "\(two(h))h\(two(m))" },
        TimeStyle(name: "hhumm") { h, m, _ in "\(two(h))u\(two(m))" },
        TimeStyle(name: "kl.") { h, m, _ in "kl. \(two(h)).\(two(m))" },
        TimeStyle(name: "Uhr") { h, m, _ in "\(h).\(two(m)) Uhr" },
        TimeStyle(name: "ore") { h, m, _ in "ore \(two(h)):\(two(m))" },
        TimeStyle(name: "godz.") { h, m, _ in "godz. \(two(h)):\(two(m))" },
        TimeStyle(name: "zone") { h, m, _ in "\(two(h)):\(two(m)) CET" },
        TimeStyle(name: "(zone)") { h, m, _ in "\(two(h)):\(two(m)) (IST)" },
        TimeStyle(name: "12h") { h, m, _ in "\(h % 12 == 0 ? 12 : h % 12):\(two(m)) \(h < 12 ? "AM" : "PM")" },
        TimeStyle(name: "p.m.") { h, m, _ in "\(h % 12 == 0 ? 12 : h % 12).\(two(m)) \(h < 12 ? "a.m." : "p.m.")" },
        TimeStyle(name: "d mon y") { h, m, d in "\(d) Mar 2027 \(two(h)):\(two(m))" },
        TimeStyle(name: "wd d mon") { h, m, d in "Sat \(d) Mar \(two(h)):\(two(m))" },
        TimeStyle(name: "12h / date") { h, m, d in
            "\(h % 12 == 0 ? 12 : h % 12):\(two(m)) \(h < 12 ? "AM" : "PM") / March \(d), 2027"
        },
        TimeStyle(name: "dd.mm.yyyy,") { h, m, d in "\(two(d)).03.2027, \(two(h)):\(two(m))" },
        TimeStyle(name: "nl short") { h, m, d in "za \(two(d)) mrt. \(two(h))u\(two(m))" },
        TimeStyle(name: "de short") { h, m, d in "Sa., \(d). März \(two(h)):\(two(m)) Uhr" },
        TimeStyle(name: "fr") { h, m, d in "samedi \(d) mars 2027 à \(two(h))h\(two(m))" },
        TimeStyle(name: "es") { h, m, d in "\(d) de marzo de 2027, \(two(h)):\(two(m))" },
        TimeStyle(name: "age + clock") { h, m, _ in "\(5 + m % 40) mins ago\(two(h)):\(two(m))" },
    ]

    static let families: [Family] = styles.flatMap { style in
        Placement.allCases.map { Family(style: style, placement: $0) }
    }

    /// Invented posts: a headline and one to three paragraphs each.
    static let headlines = [
        "Tram depot reopens after flood repairs", "Council names new harbour master",
        "Orchard growers count frost losses",
        "Library extends opening hours for exams", "Ferry timetable changes from Monday",
        "Bridge inspection finds worn bearings", "Volunteers plant a thousand hedgerow saplings",
        "Night buses return to the ring road", "Museum lends its clocks to a city abroad",
        "Water company lifts hosepipe ban",
    ]
    static let paragraphs = [
        "Engineers spent six weeks drying the pits and replacing the signalling cabinets under the yard.",
        "The first trams left the depot shortly after dawn, carrying a handful of early commuters.",
        "Residents said the new timetable would make the school run easier on winter mornings.",
        "A spokesperson for the operator said further checks would take place over the weekend.",
        "Growers on the southern slopes reported the worst damage, with blossom browned on most trees.",
        "The council said the appointment followed an open competition with eleven applicants.",
        "Students had asked for longer hours in a petition signed by more than two thousand people.",
        "Inspectors found that two of the bearings had worn beyond the limit set by the manufacturer.",
        "Volunteers from three villages planted the saplings along a stretch of the old drovers’ road.",
        "The buses will run every thirty minutes between midnight and five in the morning.",
        "Curators packed each clock in a padded crate built to the measurements of its case.",
        "Reservoir levels have recovered after a wet fortnight, the company said in a statement.",
        "Nobody was hurt.",
        "The work is due to finish by Friday.",
        "Shopkeepers on the quay, who had boarded up their windows when the water first rose, were back behind their "
            + "counters by lunchtime, and several said trade had been brisker than on an ordinary weekday.",
        "The mayor thanked the crews who had worked through two nights, and said the town would hold a small "
            + "reception for them once the last of the pumps had been taken away and the roads had been swept clean.",
    ]

    struct Post {
        var hour: Int
        var minute: Int
        var headline: String?
        var body: [String]
    }

    /// A page in the family's layout, and the posts it holds (newest first).
    static func page(_ family: Family, seed: UInt64) -> (text: String, posts: [Post]) {
        var random = SeededRandom(seed: seed)
        let count = 3 + random.below(4)
        var minutes = 17 * 60 + random.below(120)
        var posts: [Post] = []
        var used = Set<String>()
        for _ in 0..<count {
            var headline = random.pick(headlines)
            while used.contains(headline) { headline = random.pick(headlines) }
            used.insert(headline)
            var body: [String] = []
            for _ in 0..<(1 + random.below(3)) {
                var p = random.pick(paragraphs)
                while body.contains(p) { p = random.pick(paragraphs) }
                body.append(p)
            }
            posts.append(
                Post(
                    hour: minutes / 60, minute: minutes % 60,
                    headline: family.placement == .glued ? nil : headline, body: body))
            minutes -= 7 + random.below(50)
        }
        var lines = [
            "Harbour town live: repairs, timetables and the weather", "Updates through the evening from our newsroom",
        ]
        for post in posts {
            let time = family.style.render(post.hour, post.minute, 13)
            let h = post.headline ?? ""
            switch family.placement {
            case .above: lines += [time, h] + post.body
            case .colon: lines += ["\(time): \(h)"] + post.body
            case .dash: lines += ["\(time) – \(h)"] + post.body
            case .space: lines += ["\(time) \(h)"] + post.body
            case .glued: lines += ["\(time) \(post.body[0])"] + post.body.dropFirst()
            case .trailing: lines += [h] + post.body + [time]
            case .author:
                lines +=
                    [time, random.pick(["By Ines Marlow", "Posted by Teodor Halvik", "By Ruth Okonedo"]), h] + post.body
            }
        }
        lines += ["Share this page", "Back to top", "Newsletter sign-up", "Contact the newsroom"]
        return (lines.joined(separator: "\n") + "\n", posts)
    }

    // Every generated family parses to its posts: their headlines, paragraph counts and clocks.
    @Test("Each time style in each placement parses to the same posts", arguments: families)
    func family(_ family: Family) {
        for seed in 1...3 {
            let (text, posts) = Self.page(family, seed: UInt64(seed) &* 7919 &+ UInt64(family.description.utf8.count))
            let blog = LiveBlogParser().parse(text)
            let context = "\(family), seed \(seed):\n\(text)"
            #expect(blog.entries.count == posts.count, "\(context)")
            guard blog.entries.count == posts.count else { continue }
            for (entry, post) in zip(blog.entries, posts) {
                #expect(entry.headline == post.headline, "\(context)")
                #expect(entry.paragraphs.count == post.body.count, "\(context)")
                let time = entry.time ?? ""
                let minute = Self.two(post.minute)
                #expect(time.contains(minute), "time “\(time)” of \(post.headline ?? post.body[0]) in \(context)")
            }
        }
    }
}
