import Foundation
import Testing

@testable import LiveBlogCore

/// The page-level heuristics (`BlogAssembler+PageEvidence.swift`, `+Header.swift`, `+Passes.swift`): calls the parser
/// makes from what the whole page shows, one small invented page per behaviour.
@Suite("Page evidence heuristics")
struct PageEvidenceTests {
    // MARK: Helpers

    /// Every text the entries keep: headlines, paragraphs, related titles and summaries.
    func keptTexts(_ blog: LiveBlog) -> [String] {
        blog.entries.flatMap { entry in
            [entry.headline].compactMap { $0 } + entry.paragraphs
                + entry.related.flatMap { [$0.title] + [$0.summary].compactMap { $0 } }
        }
    }

    /// Whether any kept text (or the title or standfirst) holds `fragment`.
    func keeps(_ blog: LiveBlog, _ fragment: String) -> Bool {
        blog.title.contains(fragment) || (blog.standfirst?.contains(fragment) ?? false)
            || keptTexts(blog).contains { $0.contains(fragment) }
    }

    /// The diagnostics that name `heuristic` ("(x heuristic" in the message).
    func diagnostics(_ blog: LiveBlog, naming heuristic: Heuristic) -> [Diagnostic] {
        blog.diagnostics.filter { $0.message.contains("(\(heuristic.description)") }
    }

    /// The dropped-line diagnostic whose quoted preview holds `fragment`.
    func dropped(_ blog: LiveBlog, _ fragment: String) -> Diagnostic? {
        blog.diagnostics.first { $0.kind == .dropped && $0.message.contains(fragment) }
    }

    /// Whether the line holding `fragment` was dropped by `heuristic`.
    func droppedBy(_ blog: LiveBlog, _ fragment: String, _ heuristic: Heuristic) -> Bool {
        dropped(blog, fragment)?.message.contains("\(heuristic.description)") ?? false
    }

    /// The heuristic that drops a widget between spacers: `spacer-layout` where the registry has it, else the
    /// repeated-line heuristic it was part of.
    let spacerLayout = Heuristic(rawValue: "spacer-layout") ?? .repeatedLine
    /// The heuristic that drops the footer below a time-led feed: `footer` where the registry has it, else header.
    let footer = Heuristic(rawValue: "footer") ?? .header

    // MARK: Repeated line

    @Test("Repeated line: a spacer between every block is dropped, and so is a widget run between two spacers")
    func spacerAndWidget() {
        let blocks = [
            """
            Harbour festival: tall ships arrive in Port Elwen
            Twelve sailing ships are due at the quay this weekend, and crowds are expected along the seafront.
            """,
            "The first ships were sighted off Carrow Point shortly after dawn on Saturday.",
            "Fog holds the schooners outside the breakwater",
            "The harbour master, Delyth Morcombe, said the fleet would wait until visibility improved.",
            """
            GAZETTE MEMBERS
            Unlock every story from the Elwen Gazette
            Create a free account today
            """,
            "Crowds gather on the north quay",
            "Police estimated that about four thousand people had arrived by mid-morning.",
            "The brigantine Morwenna leads the parade",
            "The oldest ship in the fleet, built in 1911, entered the harbour at noon to applause.",
            "Road closures around the seafront",
            "Marine Parade will stay closed to traffic until Sunday evening, the council said.",
            "Fireworks planned for Saturday night",
            "The display over the outer harbour will start at ten o'clock and last twenty minutes.",
            "Ferry timetable changes for Sunday",
            "Extra sailings to Carrow Island will leave every half hour from nine in the morning.",
        ]
        let spacer = "Story continues below"
        let blog = parse(blocks.joined(separator: "\n\(spacer)\n") + "\n\(spacer)\n")
        #expect(blog.title == "Harbour festival: tall ships arrive in Port Elwen")
        #expect(
            blog.entries.map(\.headline) == [
                nil, "Fog holds the schooners outside the breakwater", "Crowds gather on the north quay",
                "The brigantine Morwenna leads the parade", "Road closures around the seafront",
                "Fireworks planned for Saturday night", "Ferry timetable changes for Sunday",
            ])
        #expect(blog.entries.allSatisfy { $0.paragraphs.count == 1 })
        #expect(!keeps(blog, spacer))
        for widget in ["GAZETTE MEMBERS", "Unlock every story", "Create a free account"] {
            #expect(!keeps(blog, widget), "\(widget)")
            #expect(droppedBy(blog, widget, spacerLayout), "\(widget)")
        }
        let spacers = blog.diagnostics.filter { $0.message.contains(spacer) }
        #expect(spacers.count == blocks.count)
        #expect(spacers.allSatisfy { $0.kind == .dropped && $0.message.contains("(\(Heuristic.repeatedLine))") })
    }

    @Test("Repeated line: the same headline over every post, always followed by a paragraph, is kept")
    func repeatedHeadlineKept() {
        let blog = parse(
            """
            Valley storm live: power cuts across Dunmore
            Engineers are working to restore supply to homes in the upper valley.
            Update
            About 2,000 homes in Dunmore and Kilbride are without power after the overnight gale.
            Update
            The power company says its crews will reach the worst-hit villages by lunchtime.
            Update
            Schools in Kilbride will stay closed on Tuesday, the council has confirmed.
            """)
        #expect(blog.entries.count == 3)
        #expect(blog.entries.map(\.headline) == ["Update", "Update", "Update"])
        #expect(blog.entries.map(\.paragraphs.count) == [1, 1, 1])
        #expect(diagnostics(blog, naming: .repeatedLine).isEmpty)
    }

    // MARK: Post template

    @Test("Post template: time, recurring author, headline, paragraphs: the author is dropped, the headline kept")
    func postTemplateAuthors() {
        let blog = parse(
            """
            Mountain rescue live: climbers missing on Ben Corrach
            Teams from three stations are searching the north face after two climbers failed to return.
            09:40
            Isla Brannock
            Helicopter joins the search
            The coastguard helicopter from Port Ardle has been sent to the mountain.
            It will search the gullies below the summit ridge first.
            09:15
            Tomas Feld
            Weather closes in on the summit
            Cloud has come down to 600 metres, the rescue team leader said.
            08:50
            Isla Brannock
            Search resumes at first light
            Twenty volunteers set out from the Glen Sorn car park at dawn.
            08:30
            Tomas Feld
            Climbers reported missing overnight
            The pair had planned to descend by the east ridge on Sunday afternoon, police said.
            """)
        #expect(blog.entries.map(\.time) == ["09:40", "09:15", "08:50", "08:30"])
        #expect(
            blog.entries.map(\.headline) == [
                "Helicopter joins the search", "Weather closes in on the summit", "Search resumes at first light",
                "Climbers reported missing overnight",
            ])
        #expect(blog.entries.map(\.paragraphs.count) == [2, 1, 1, 1])
        #expect(!keeps(blog, "Isla Brannock"))
        #expect(!keeps(blog, "Tomas Feld"))
        #expect(diagnostics(blog, naming: .postTemplate).filter { $0.kind == .dropped }.count == 4)
    }

    @Test("Post template: a name the byline above the feed gives is the author under a time, over a headless post")
    func postTemplateBylineName() {
        let blog = parse(
            """
            Election night live: counting under way in Marrowby
            Results from all six wards are expected before three in the morning.
            By Ruth Okafor and Daniel Pryce
            23:50
            Turnout in the harbour ward was 61 percent, up from 54 percent at the last election.
            23:20
            Ruth Okafor
            The first ballot boxes have arrived at the leisure centre in Marrowby by police van.
            22:45
            Polls have closed across the borough and staff are sealing the ballot boxes for the count.
            """)
        #expect(blog.entries.map(\.time) == ["23:50", "23:20", "22:45"])
        #expect(blog.entries.map(\.headline) == [nil, nil, nil])
        #expect(blog.entries.count == 3)
        if blog.entries.count == 3 {
            #expect(
                blog.entries[1].paragraphs == [
                    "The first ballot boxes have arrived at the leisure centre in Marrowby by police van."
                ])
        }
        #expect(droppedBy(blog, "“Ruth Okafor”", .postTemplate))
    }

    @Test("Post template: `Ana Ruiz` over `Ana Ruiz reports from …` is the post's byline, not its headline")
    func postTemplateNameOverReport() {
        let blog = parse(
            """
            Wildfire live: evacuations near Sierra Alta
            Firefighters are battling three fronts in the hills above Valdemora.
            14:10
            Ana Ruiz
            Ana Ruiz reports from the evacuation centre in Valdemora, where families spent the night on camp beds.
            13:30
            Western flank contained
            Firefighters say the western flank of the fire is now under control after the wind dropped.
            12:55
            Roads closed around Sierra Alta
            The regional government has closed four roads into the hills and asked drivers to stay away.
            """)
        #expect(blog.entries.map(\.time) == ["14:10", "13:30", "12:55"])
        #expect(blog.entries.first?.headline == nil)
        #expect(blog.entries.first?.paragraphs.first?.hasPrefix("Ana Ruiz reports from") == true)
        #expect(!keptTexts(blog).contains("Ana Ruiz"))
        #expect(droppedBy(blog, "“Ana Ruiz”", .postTemplate))
    }

    // MARK: Trailing time

    @Test("Trailing time: an epoch before each post and `Name Surname14 August 2023 10:01` after its body")
    func trailingTimes() {
        let blog = parse(
            """
            Cycling live: Tour of Calder, stage four
            Riders face three categorised climbs on the longest day of the race.
            1692007260
            Breakaway forms on the first climb
            Six riders have gone clear on the Moss Hill ascent, with a lead of forty seconds over the bunch.
            Petra Lindholm14 August 2023 10:01
            1692005400
            Crash in the neutral zone
            Two riders went down before the flag dropped, but both have remounted and rejoined the peloton.
            Petra Lindholm14 August 2023 09:30
            1692003600
            Stage four gets under way in Halbury
            The peloton rolled out of the town square under grey skies and a light drizzle this morning.
            Petra Lindholm14 August 2023 09:00
            Stage three as it happened
            Calder newsletter
            """)
        #expect(
            blog.entries.map(\.headline) == [
                "Breakaway forms on the first climb", "Crash in the neutral zone",
                "Stage four gets under way in Halbury",
            ])
        #expect(blog.entries.map { $0.time?.hasSuffix("10:01") ?? false } == [true, false, false])
        #expect(blog.entries.map { $0.time?.hasSuffix("09:30") ?? false } == [false, true, false])
        #expect(blog.entries.map { $0.time?.hasSuffix("09:00") ?? false } == [false, false, true])
        #expect(blog.entries.map(\.paragraphs.count) == [1, 1, 1])
        #expect(!keeps(blog, "Petra Lindholm"))
        #expect(!keeps(blog, "Stage three as it happened"))
        #expect(!keeps(blog, "Calder newsletter"))
        #expect(diagnostics(blog, naming: .trailingTime).count == 3)
    }

    // MARK: Navigation list without a heading

    @Test("Navigation list: three `Nh ago` and title pairs above the feed are links, not posts")
    func timedLinkListAtTop() {
        let blog = parse(
            """
            Transport strike live: trains and buses halted across Corvale
            Unions say the walkout will last 48 hours, and talks are due to resume on Thursday.
            1h ago
            Talks to resume on Thursday
            2h ago
            Commuters queue for replacement coaches
            3h ago
            Ferry operators add extra sailings
            10:40
            Talks to resume on Thursday
            Union leaders and the transport authority will meet again at the labour office on Thursday morning.
            10:05
            Commuters queue for replacement coaches
            Long queues formed at the Vennor Street stop as the first replacement coaches left for the city centre.
            09:30
            Ferry operators add extra sailings
            The Corvale ferry company said it would run boats every twenty minutes until the strike ends.
            """)
        #expect(blog.entries.map(\.time) == ["10:40", "10:05", "09:30"])
        #expect(
            blog.entries.map(\.headline) == [
                "Talks to resume on Thursday", "Commuters queue for replacement coaches",
                "Ferry operators add extra sailings",
            ])
        #expect(blog.entries.map(\.paragraphs.count) == [1, 1, 1])
        #expect(diagnostics(blog, naming: .navigationList).count == 6)
        for age in ["“1h ago”", "“2h ago”", "“3h ago”"] { #expect(droppedBy(blog, age, .navigationList), "\(age)") }
    }

    @Test("Navigation list: a title-first list of links below the last post goes, its first title and last time too")
    func titleFirstLinkListAtBottom() {
        let blog = parse(
            """
            Heatwave live: temperatures pass 38C in Maravel
            The weather office has extended its red warning for the plain and the coast to Sunday.
            15:10
            Water restrictions in the hill villages
            Tankers are supplying four villages above Maravel after their reservoir ran dry overnight.
            14:40
            Beaches packed along the south coast
            Lifeguards at Playa Serena said it was the busiest day of the year so far, with three rescues.
            14:05
            Red warning extended to Sunday
            The warning covers the whole of the Maravel plain and the coast south of Toral until Sunday night.
            Heat records tumble across the region
            4h ago
            Hospitals open cooling rooms
            5h ago
            Farmers start the harvest at night
            6h ago
            Night trains added to the coast
            7h ago
            """)
        #expect(blog.entries.map(\.time) == ["15:10", "14:40", "14:05"])
        #expect(blog.entries.map(\.paragraphs.count) == [1, 1, 1])
        for line in [
            "Heat records tumble", "Hospitals open cooling rooms", "Farmers start the harvest", "Night trains added",
        ] {
            #expect(!keeps(blog, line), "\(line)")
            #expect(droppedBy(blog, line, .navigationList), "\(line)")
        }
        #expect(droppedBy(blog, "“7h ago”", .navigationList))
    }

    // MARK: Header and footer

    @Test("Header: on a time-led page, names, dates, labels and links above the first post go; the intro stays")
    func headerAboveFeed() {
        let blog = parse(
            """
            Flood warnings live: River Tamsin bursts its banks at Eldersford
            Residents in low-lying streets have been told to move valuables upstairs as the river keeps rising.
            Mara Quillan and Joss Everitt
            Tuesday 3 March 2026
            Flood Watch
            Bridge Street reopens after clean-up
            Council opens emergency shelter at St Anne's
            River levels chart: how high will it go?
            The Environment Office has issued a severe flood warning for the lower town, the highest level of alert, meaning there is a danger to life.
            17:45
            Sandbags run out at the depot
            Volunteers say the depot on Mill Lane handed out its last sandbags at five o'clock this afternoon.
            17:20
            Trains halted at Eldersford
            Rail services between Eldersford and Carrow have been suspended because the line is under water.
            16:55
            Schools to close on Wednesday
            The county council says all schools in the lower town will stay shut tomorrow as a precaution.
            """)
        #expect(blog.standfirst?.hasPrefix("Residents in low-lying streets") == true)
        #expect(blog.entries.map(\.time) == [nil, "17:45", "17:20", "16:55"])
        #expect(blog.entries.first?.headline == nil)
        #expect(
            blog.entries.first?.paragraphs == [
                "The Environment Office has issued a severe flood warning for the lower town, the highest level of alert, meaning there is a danger to life."
            ])
        for line in [
            "Mara Quillan and Joss Everitt", "Tuesday 3 March 2026", "Flood Watch", "Bridge Street reopens",
            "Council opens emergency shelter", "River levels chart",
        ] {
            #expect(!keeps(blog, line), "\(line)")
            #expect(droppedBy(blog, line, .header) || droppedBy(blog, line, .headerFurniture), "\(line)")
        }
    }

    @Test("Header: a pinned post above the feed ends the header and is kept, flagged")
    func pinnedAboveFeed() {
        let blog = parse(
            """
            Flood warnings live: River Tamsin bursts its banks at Eldersford
            Residents in low-lying streets have been told to move valuables upstairs as the river keeps rising.
            Mara Quillan
            The Environment Office has issued a severe flood warning for the lower town, meaning there is a danger to life.
            Pinned
            Where to get help tonight
            Call the flood line on 0800 555 0199 if water is coming into your home, or 999 if you are in danger.
            17:45
            Sandbags run out at the depot
            Volunteers say the depot on Mill Lane handed out its last sandbags at five o'clock this afternoon.
            17:20
            Trains halted at Eldersford
            Rail services between Eldersford and Carrow have been suspended because the line is under water.
            16:55
            Schools to close on Wednesday
            The county council says all schools in the lower town will stay shut tomorrow as a precaution.
            """)
        #expect(
            blog.entries.map(\.headline) == [
                nil, "Where to get help tonight", "Sandbags run out at the depot", "Trains halted at Eldersford",
                "Schools to close on Wednesday",
            ])
        #expect(blog.entries.map(\.flags) == [[], .pinned, [], [], []])
        #expect(blog.entries.count == 5)
        if blog.entries.count == 5 {
            #expect(blog.entries[1].paragraphs.first?.hasPrefix("Call the flood line") == true)
            #expect(blog.entries[0].paragraphs.first?.hasPrefix("The Environment Office") == true)
        }
        #expect(!keeps(blog, "Mara Quillan"))
    }

    @Test("Footer: below the last post, a run of four lines that are not prose and everything after it are dropped")
    func footerBelowFeed() {
        let blog = parse(
            """
            Marathon live: a record field sets off in Dunmore
            More than 12,000 runners are taking part in the city's biggest race of the year.
            11:45
            Winner crosses the line
            Local runner Amos Leteipa won in two hours and nine minutes, a new course record for Dunmore.
            11:20
            Leaders reach the river path
            The lead group of five passed the 35km mark on the Tamsin towpath together, a minute ahead.
            10:30
            Runners set off from Castle Square
            The elite field left on time in cool, dry conditions, with a light wind from the west.
            Dunmore Marathon
            Running
            Athletics
            Newsletter sign-up
            You can unsubscribe at any time, and we will never share your details with third parties without your consent.
            """)
        #expect(blog.entries.map(\.time) == ["11:45", "11:20", "10:30"])
        #expect(
            blog.entries.last?.paragraphs == [
                "The elite field left on time in cool, dry conditions, with a light wind from the west."
            ])
        for line in ["Dunmore Marathon", "“Running”", "“Athletics”", "Newsletter sign-up", "You can unsubscribe"] {
            #expect(droppedBy(blog, line, footer), "\(line)")
        }
        #expect(!keeps(blog, "unsubscribe"))
    }

    // MARK: Headline slots on time-led pages

    /// Three ordinary posts under the one being tested, so that the page is time-led.
    func timeLedPage(firstPost: String) -> String {
        """
        Flood warnings live: River Tamsin bursts its banks at Eldersford
        Residents in low-lying streets have been told to move valuables upstairs as the river keeps rising.
        \(firstPost)
        17:20
        Trains halted at Eldersford
        Rail services between Eldersford and Carrow have been suspended because the line is under water.
        16:55
        Schools to close on Wednesday
        The county council says all schools in the lower town will stay shut tomorrow as a precaution.
        16:30
        Severe warning issued
        The Environment Office has raised its warning for the lower town to the highest level this afternoon.
        """
    }

    @Test("Headline slot: a headline-shaped quote lead-in inside a body stays a paragraph")
    func quoteLeadInIsParagraph() {
        let blog = parse(
            timeLedPage(
                firstPost: """
                    17:45
                    Minister tours the flood barrier
                    Hal Okonkwo arrived at the barrier on Quay Road shortly after four o'clock this afternoon.
                    Okonkwo told reporters on the bank: “We will not leave Eldersford to face the river alone”
                    He promised that extra pumps would arrive from the coast by Wednesday morning.
                    The minister will chair a meeting of the county's emergency committee at six o'clock.
                    """))
        #expect(blog.entries.map(\.time) == ["17:45", "17:20", "16:55", "16:30"])
        #expect(blog.entries.first?.headline == "Minister tours the flood barrier")
        #expect(blog.entries.first?.paragraphs.count == 4)
        #expect(blog.entries.first?.paragraphs[safe: 1]?.hasPrefix("Okonkwo told reporters") == true)
    }

    @Test("Headline slot: a tweet's text line inside a body stays a paragraph")
    func tweetLineIsParagraph() {
        let blog = parse(
            timeLedPage(
                firstPost: """
                    17:45
                    Council warns drivers away from Mill Lane
                    The council has asked drivers to avoid the lower town for the rest of the evening.
                    Eldersford Council (@EldersfordCC)
                    Mill Lane is now closed at the bridge. Please use the bypass and keep clear of the crews #EldersfordFlood
                    Police officers are turning back cars at both ends of the street, and more closures are likely.
                    The bypass itself is slow, with queues back to the Carrow roundabout at the edge of town.
                    """))
        #expect(blog.entries.map(\.time) == ["17:45", "17:20", "16:55", "16:30"])
        #expect(blog.entries.first?.headline == "Council warns drivers away from Mill Lane")
        #expect(
            blog.entries.first?.paragraphs.contains {
                $0.hasPrefix("Mill Lane is now closed at the bridge")
            } == true)
    }

    @Test("Headline slot: the one-sentence tweet quoted after a lead-in ending with a colon stays a paragraph")
    func tweetAfterColonLeadInIsParagraph() {
        let blog = parse(
            timeLedPage(
                firstPost: """
                    17:45
                    Council warns drivers away from Mill Lane
                    The council has asked drivers to avoid the lower town for the rest of the evening.
                    In a post on social media a few minutes ago, the council wrote:
                    Mill Lane is closed between the bridge and the church, please use the bypass instead
                    — Eldersford Council (@EldersfordCC) March 3, 2026
                    Police officers are turning back cars at both ends of the street, and more closures are likely.
                    The bypass itself is slow, with queues back to the Carrow roundabout at the edge of town.
                    """))
        #expect(blog.entries.map(\.time) == ["17:45", "17:20", "16:55", "16:30"])
        #expect(blog.entries.first?.headline == "Council warns drivers away from Mill Lane")
        #expect(
            blog.entries.first?.paragraphs.contains {
                $0.hasPrefix("Mill Lane is closed between the bridge")
            } == true)
    }

    @Test("Headline slot: a line ending with a link is never a headline, even right under a time")
    func linkEndingLineIsNoHeadline() {
        let blog = parse(
            timeLedPage(
                firstPost: """
                    17:45
                    Water is now over the wall at Mill Lane, stay away from the river tonight pic.twitter.com/abc
                    Residents of the lower streets have been told to go to the church hall on Castle Hill.
                    """))
        #expect(blog.entries.map(\.time) == ["17:45", "17:20", "16:55", "16:30"])
        #expect(blog.entries.first?.headline == nil)
        #expect(blog.entries.first?.paragraphs.first?.hasSuffix("pic.twitter.com/abc") == true)
        #expect(blog.entries.first?.paragraphs.count == 2)
    }

    // MARK: Day headers and times in other languages

    @Test("Day header: `Montag, 14. August` between posts is dropped; `11.04 Uhr` times attach")
    func germanDayHeader() {
        let blog = parse(
            """
            Hochwasser im Lautertal: der Liveticker
            Die Pegel steigen weiter, mehrere Orte im oberen Tal sind von der Außenwelt abgeschnitten.
            11.04 Uhr
            Brücke in Altenweiler gesperrt
            Die Polizei hat die Brücke über die Lauter am Vormittag für den gesamten Verkehr gesperrt.
            10.30 Uhr
            Feuerwehr pumpt Keller aus
            In Unterhaid sind seit dem frühen Morgen mehr als achtzig Einsatzkräfte der Feuerwehr unterwegs.
            Montag, 14. August
            21.15 Uhr
            Regen setzt am Abend ein
            Der Wetterdienst warnt vor Starkregen im ganzen Lautertal bis zum Dienstagmorgen um sechs Uhr.
            """)
        #expect(blog.entries.map(\.time) == ["11.04 Uhr", "10.30 Uhr", "21.15 Uhr"])
        #expect(
            blog.entries.map(\.headline) == [
                "Brücke in Altenweiler gesperrt", "Feuerwehr pumpt Keller aus", "Regen setzt am Abend ein",
            ])
        #expect(blog.entries.map(\.paragraphs.count) == [1, 1, 1])
        #expect(!keeps(blog, "Montag"))
        #expect(droppedBy(blog, "Montag, 14. August", .dayHeader))
    }

    @Test("Italian times: `ore 16:56` attaches to its post; a match minute `95'` is not a time")
    func italianTimesAndMatchMinute() {
        let blog = parse(italianMatch)
        #expect(blog.entries.count == 3)
        #expect(blog.entries.map { $0.time?.contains("16:56") ?? false } == [true, false, false])
        #expect(blog.entries.map { $0.time?.contains("16:40") ?? false } == [false, true, false])
        #expect(blog.entries.map { $0.time?.contains("16:10") ?? false } == [false, false, true])
        #expect(!blog.entries.contains { $0.time?.contains("95") ?? false })
        // The minute line stays in its post (see `headlineOverMatchMinute` for where).
        #expect(
            blog.entries.first.map { keptTexts(LiveBlog(title: "", entries: [$0])) }?.contains { $0.hasPrefix("95'") }
                == true)
        #expect(TimeLineRecognizer.recognize("95'") == nil)
    }

    @Test("Italian times: a headline over a match minute `95'` stays the headline; the minute opens the body")
    func headlineOverMatchMinute() {
        let blog = parse(italianMatch)
        #expect(
            blog.entries.map(\.headline) == ["Finisce la partita", "Gol del Vallombrosa", "Comincia il secondo tempo"])
        #expect(blog.entries.first?.paragraphs.first == "95'")
        #expect(blog.entries.first?.paragraphs.count == 2)
    }

    let italianMatch = """
        Vallombrosa-Pietrasanta in diretta: la cronaca della partita
        La cronaca minuto per minuto della sfida di campionato allo stadio Comunale di Vallombrosa.
        ore 16:56
        Finisce la partita
        95'
        Vallombrosa batte Pietrasanta due a uno davanti a ottomila spettatori, gli ospiti protestano.
        ore 16:40
        Gol del Vallombrosa
        Ferretti segna di testa su calcio d'angolo al novantesimo e lo stadio esplode di gioia.
        ore 16:10
        Comincia il secondo tempo
        Le squadre tornano in campo senza cambi, il Pietrasanta conduce ancora per uno a zero.
        """

    // MARK: Captions

    @Test("Caption: a caption whose bracketed credit is split over lines (`… (` / `Image:` / `Agency)`) is dropped")
    func bracketSplitCaption() {
        let blog = parse(
            timeLedPage(
                firstPost: """
                    17:45
                    Boats on Mill Lane
                    Rescue crews used inflatable boats to reach houses on the lower part of Mill Lane this afternoon.
                    Crews launch a boat from the church steps on Mill Lane (
                    Image:
                    Tamsin Valley Press)
                    The fire service said that eleven people had been brought to safety, none of them badly hurt.
                    """))
        #expect(blog.entries.first?.headline == "Boats on Mill Lane")
        #expect(blog.entries.first?.paragraphs.count == 2)
        for line in ["Crews launch a boat", "“Image:”", "Tamsin Valley Press)"] {
            #expect(droppedBy(blog, line, .caption), "\(line)")
            #expect(!keeps(blog, line.trimmingCharacters(in: CharacterSet(charactersIn: "“”"))), "\(line)")
        }
    }

    @Test("Caption: a long caption ending `… in 2021. Photograph: A/B/C` is dropped")
    func longCaptionWithCredit() {
        let caption =
            "Volunteers from the Eldersford rowing club fill sandbags outside the fire station on Quay Road "
            + "on Tuesday afternoon, as the river rose past the markers painted on the harbour wall after the floods "
            + "that swept through the lower town in 2021. Photograph: Lena Marsh/Tamsin Press/Eldermoor Pictures"
        #expect(caption.utf8.count > CaptionCredit.maximumCaptionBytes)
        let blog = parse(
            timeLedPage(
                firstPost: """
                    17:45
                    Sandbag drive at the fire station
                    Hundreds of people answered the call for help at the fire station on Quay Road this afternoon.
                    \(caption)
                    The fire service said it had filled more than four thousand bags since midday on Tuesday.
                    """))
        #expect(blog.entries.first?.headline == "Sandbag drive at the fire station")
        #expect(blog.entries.first?.paragraphs.count == 2)
        #expect(!keeps(blog, "Photograph:"))
        #expect(droppedBy(blog, "Volunteers from the Eldersford rowing club", .caption))
    }

    @Test("Caption: a short unpunctuated line closing a post, right before the next time, is a caption")
    func closingCaption() {
        let blog = parse(
            timeLedPage(
                firstPost: """
                    17:45
                    Sandbag drive at the fire station
                    Hundreds of people answered the call for help at the fire station on Quay Road this afternoon.
                    Sandbags stacked outside the bakery on Bridge Street
                    """))
        #expect(blog.entries.map(\.time) == ["17:45", "17:20", "16:55", "16:30"])
        #expect(
            blog.entries.first?.paragraphs == [
                "Hundreds of people answered the call for help at the fire station on Quay Road this afternoon."
            ])
        #expect(droppedBy(blog, "Sandbags stacked outside the bakery", .caption))
    }

    // MARK: Closing card

    @Test("Closing card: a headline-shaped line and a longer line ending a post before the next time are a story link")
    func closingCard() {
        let blog = parse(
            timeLedPage(
                firstPost: """
                    17:45
                    Pumping station fails at Quay Road
                    The station's main pump stopped working at three o'clock, engineers said, and a spare is on its way.
                    How the Tamsin flood barrier was built
                    The barrier cost forty million and was finished in 2019 after a decade of campaigning by residents.
                    """))
        #expect(blog.entries.map(\.time) == ["17:45", "17:20", "16:55", "16:30"])
        let first = blog.entries.first
        #expect(first?.headline == "Pumping station fails at Quay Road")
        #expect(first?.paragraphs.count == 1)
        #expect(
            first?.related == [
                RelatedLink(
                    kind: .story, title: "How the Tamsin flood barrier was built",
                    summary:
                        "The barrier cost forty million and was finished in 2019 after a decade of campaigning by residents."
                )
            ])
        #expect(diagnostics(blog, naming: .closingCard).count == 1)
    }

    // MARK: Headless pages

    @Test("Headless page: `Key question: when …?` under a time is the post's first paragraph, not its headline")
    func headlessPageLabelledQuestion() {
        let blog = parse(
            """
            Budget day live: the finance minister sets out her spending plans in Corvale
            The assembly is sitting for the annual budget statement, followed by the opposition's reply.
            14:20
            The minister has sat down after speaking for 52 minutes, to cheers from her own benches.
            Opposition leader Bram Visser called the plans timid and said they would not fix the roads.
            14:05
            Key question: when will the new bridge tolls start?
            The minister said the tolls would begin in April next year, with discounts for residents.
            13:50
            Spending on schools will rise by four percent in real terms next year, the minister said.
            13:30
            The minister has begun her statement in the assembly, with a warning about the debt.
            """)
        #expect(blog.entries.map(\.time) == ["14:20", "14:05", "13:50", "13:30"])
        #expect(blog.entries.map(\.headline) == [nil, nil, nil, nil])
        #expect(
            blog.entries[safe: 1]?.paragraphs == [
                "Key question: when will the new bridge tolls start?",
                "The minister said the tolls would begin in April next year, with discounts for residents.",
            ])
    }

    // MARK: Hard wrap

    @Test("Hard wrap: the same blog wrapped at 72 columns, a blank line between blocks, parses to the same entries")
    func hardWrappedBlog() {
        let text = """
            Ferry disaster inquiry live: captain of the Saint Morwen gives evidence in Port Ardle
            The captain of the ferry that ran aground off Carrow Island last winter is giving evidence to the public inquiry for the first time today, and families of the passengers are in the hall.
            15:40
            Captain says the radar was switched off
            Captain Elin Varga told the inquiry that the ship's second radar had been switched off for repairs two days before the voyage, and that the company knew about it and had approved the sailing.
            She said she had raised the matter with the harbour office twice but had been told that one working radar was enough for a crossing of less than an hour in good weather.
            15:05
            Families walk out of the hall
            Several relatives of the passengers left the hall in protest when the company's lawyer suggested that the weather forecast had been clear enough for the crossing to go ahead as planned.
            14:30
            Inquiry resumes after lunch
            The chair of the inquiry, Judge Maren Osei, said the afternoon session would hear from the captain and from the first officer, who was on the bridge when the ship struck the rocks.
            13:10
            What the inquiry has heard so far
            Over the past three weeks the inquiry has heard from coastguard staff, harbour officials and passengers, many of whom described a crossing that was rough from the moment the ferry left the harbour.
            """
        let blocks = text.split(separator: "\n").map(String.init)
        let wrapped = blocks.map { HardWrapTests.wrap($0, width: 72).joined(separator: "\n") }.joined(separator: "\n\n")
        #expect(wrapped.split(separator: "\n").count > blocks.count + 10)
        let plain = parse(text)
        let joined = parse(wrapped)
        #expect(plain.entries.count == 4)
        #expect(joined.title == plain.title)
        #expect(joined.standfirst == plain.standfirst)
        #expect(joined.entries.map(\.time) == plain.entries.map(\.time))
        #expect(joined.entries.map(\.headline) == plain.entries.map(\.headline))
        #expect(joined.entries.map(\.paragraphs) == plain.entries.map(\.paragraphs))
        #expect(joined.entries.map(\.related) == plain.entries.map(\.related))
        #expect(joined.entries.map(\.flags) == plain.entries.map(\.flags))
        #expect(joined.diagnostics.contains { $0.message.contains("hard-wrapped text at 72 columns") })
    }

    // MARK: Diagnostics

    @Test("Every diagnostic for a dropped line names a heuristic or a line of the rules file")
    func droppedLinesAreExplained() {
        let blog = parse(
            """
            Flood warnings live: River Tamsin bursts its banks at Eldersford
            Residents in low-lying streets have been told to move valuables upstairs as the river keeps rising.
            By Mara Quillan and Joss Everitt
            Tuesday 3 March 2026
            Flood Watch
            Share
            The Environment Office has issued a severe flood warning for the lower town, the highest level of alert, meaning there is a danger to life.
            17:45
            Isla Brannock
            Sandbags run out at the depot
            Volunteers say the depot on Mill Lane handed out its last sandbags at five o'clock this afternoon.
            Volunteers fill sandbags outside the fire station on Quay Road. Photograph: Lena Marsh/Tamsin Press
            Advertisement
            17:20
            Tomas Feld
            Trains halted at Eldersford
            Rail services between Eldersford and Carrow have been suspended because the line is under water.
            Sandbags stacked outside the bakery on Bridge Street
            Montag, 14. August
            16:55
            Isla Brannock
            Schools to close on Wednesday
            The county council says all schools in the lower town will stay shut tomorrow as a precaution.
            16:30
            Tomas Feld
            Severe warning issued
            The Environment Office has raised its warning for the lower town to the highest level this afternoon.
            Flooding
            Eldersford
            Weather
            More flood coverage
            Sign up to our morning briefing and get the day's most important stories from the valley in your inbox.
            """)
        let droppedDiagnostics = blog.diagnostics.filter { $0.kind == .dropped }
        #expect(droppedDiagnostics.count >= 15)
        var named: Set<Heuristic> = []
        var ruleLines = 0
        for d in droppedDiagnostics {
            let heuristics = Heuristic.allCases.filter { d.message.contains("(\($0.description)") }
            named.formUnion(heuristics)
            let rule = d.message.range(of: #"boilerplate-rules\.txt:[0-9]+"#, options: .regularExpression) != nil
            if rule { ruleLines += 1 }
            #expect(!heuristics.isEmpty || rule, "line \(d.line): \(d.message)")
        }
        #expect(ruleLines >= 2)
        #expect(named.isSuperset(of: [.postTemplate, .caption, .dayHeader, .authorLine]), "\(named)")
        #expect(named.count >= 6, "\(named)")
        #expect(blog.entries.map(\.time) == [nil, "17:45", "17:20", "16:55", "16:30"])
    }
}

extension Array {
    fileprivate subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
