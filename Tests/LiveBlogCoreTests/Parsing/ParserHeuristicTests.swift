import Foundation
import Testing

@testable import LiveBlogCore

/// One small page per named heuristic, compared as a readable dump (see `dump` in TestSupport.swift),
/// plus direct checks of the shape functions behind them.
@Suite("Parser heuristics for many publishers")
struct ParserHeuristicTests {
    func bytes<R>(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var s = s
        return s.withUTF8(body)
    }

    func droppedLines(_ blog: LiveBlog) -> [Int] {
        blog.diagnostics.filter { $0.kind == .dropped }.map(\.line)
    }

    // MARK: Author lines

    // Bylines and author lines are dropped; a date glued to the byline dates the page's posts.
    @Test("Bylines, with a glued date that dates the page")
    func bylines() throws {
        let blog = parse(
            """
            Quake live: rescuers search collapsed blocks
            Live coverage of the aftermath
            By Priya Okonjo5 August 2024
            20:49
            Strong quake strikes the north
            A magnitude 6.8 earthquake struck on Monday evening.
            20:30
            From Reuters’ Tomas Achterberg
            The first tremor was felt in the capital.
            """)
        #expect(
            dump(blog) == """
                title: Quake live: rescuers search collapsed blocks
                standfirst: Live coverage of the aftermath
                [1] 20:49 Strong quake strikes the north
                  ¶ A magnitude 6.8 earthquake struck on Monday evening.
                [2] 20:30 (untitled)
                  ¶ The first tremor was felt in the capital.
                """)
        // The byline dates the page but names no zone: the clock floats, shown as printed, with no timestamp.
        #expect(blog.entries[0].timestamp == nil)
        #expect(droppedLines(blog) == [3, 8])
    }

    // The author's biography under a byline goes with it.
    @Test("Author biography under the byline")
    func biography() {
        let blog = parse(
            """
            Festival live: gates open early
            Traffic, weather and set times for the first day
            By Bethan Morrow14 July 2023
            Bethan Morrow is the Gazette’s What’s On reporter.
            Updated at 15.42 BST
            Headliner closes the main stage
            The set is expected to run for 90 minutes.
            """)
        #expect(droppedLines(blog) == [3, 4])
        #expect(blog.entries.map(\.headline) == ["Headliner closes the main stage"])
        #expect(blog.diagnostics.contains { $0.line == 4 && $0.message.contains("biography") })
    }

    // A sentence that starts with "By" is not a byline.
    @Test("A sentence starting with By is kept")
    func bySentence() {
        #expect(bytes("By Tuesday the river had risen two metres.") { AuthorLine.byline($0, rules: .bundled) } == nil)
        #expect(
            bytes("By Dana Whitfield, Marcus Ortega and Renée Lafleur, CBN") { AuthorLine.byline($0, rules: .bundled) }
                != nil)
        #expect(bytes("From CBN staff") { AuthorLine.byline($0, rules: .bundled) } != nil)
        let blog = parse(
            """
            Flood live
            Rivers rise across the county
            By Tuesday the river had risen two metres.
            The council opened a rest centre.
            """)
        #expect(blog.entries.first?.paragraphs.count == 2)
    }

    // The shape test behind author lines: capitalised names joined by a few small words.
    @Test("Names-shaped lines")
    func namesShape() {
        for yes in [
            "Hamid Ashworth (now) and Clara Boateng (earlier)", "Ingrid Falk and Tomasz Wren in Aldmark",
            "Nadia Ferreira at Carlow Coroner’s Court", "Élodie Marchand, Paris",
        ] {
            #expect(bytes(yes) { AuthorLine.isNames($0) }, "\(yes)")
        }
        for no in [
            "Countdown to lift-off", "Strike day two", "Council opens second rest centre", "Mr Levesque paused.",
            "Road closed at 10:45",
        ] {
            #expect(!bytes(no) { AuthorLine.isNames($0) }, "\(no)")
        }
    }

    // An author's name glued to the post time: the time is the entry's, the name is dropped.
    @Test("Author name glued to the time")
    func authorGluedToTime() {
        let blog = parse(
            """
            Markets live: krona slides
            Governor signals no cuts
            Ingrid Falk15:10
            Bank shares lead the index higher
            Lenders were the best performers this afternoon.
            Tomasz Wren14:48
            A useful note from an analyst, who thinks the market is wrong:
            “We now expect the first cut next year.”
            """)
        #expect(
            dump(blog) == """
                title: Markets live: krona slides
                standfirst: Governor signals no cuts
                [1] 15:10 Bank shares lead the index higher
                  ¶ Lenders were the best performers this afternoon.
                [2] 14:48 (untitled)
                  ¶ A useful note from an analyst, who thinks the market is wron…
                  ¶ “We now expect the first cut next year.”
                """)
        #expect(blog.diagnostics.contains { $0.line == 3 && $0.message.contains("author-line heuristic") })
        // Live-blog platforms set the name beside the time with a separator.
        for line in ["Sam Okoro · 19:42", "Sam Okoro | 19:42", "Sam Okoro – 7.42pm", "Sam Okoro, 19:42"] {
            #expect(bytes(line) { AuthorLine.gluedTime($0)?.hour } == 19, "\(line)")
        }
        #expect(bytes("Liverpool 2-1 Everton") { AuthorLine.gluedTime($0) } == nil)
        #expect(bytes("Talks resume - 10:00") { AuthorLine.gluedTime($0) } == nil)
    }

    // Lines of names or labels between the standfirst and the first post are furniture; so is a badge that
    // stands where the standfirst would be.
    @Test("Header furniture above the first post")
    func headerFurniture() {
        let blog = parse(
            """
            Bridge inquest: engineer says he warned of cracks
            Sentinel Live
            Nadia Ferreira at Carlow Coroner’s Court
            * * *
            Mon 15 May 2023 15.42 BST
            The coroner has adjourned the hearing until tomorrow.
            """)
        #expect(
            dump(blog) == """
                title: Bridge inquest: engineer says he warned of cracks
                standfirst: -
                [1] Mon 15 May 2023 15.42 BST (untitled)
                  ¶ The coroner has adjourned the hearing until tomorrow.
                """)
        #expect(droppedLines(blog) == [2, 3])
    }

    // A reporter's name (and "Reporting from …") right above a post time is the post's author line.
    @Test("Author lines above post times")
    func authorsAboveTimes() {
        let blog = parse(
            """
            Live Updates: Flooding in the valley
            Rivers crested overnight across three counties.
            Ana Ruiz
            Reporting from Millbrook, Ohio
            Sept. 14, 2024, 8:47 p.m. ET
            Levee near Dunmore holds, for now
            Engineers said the levee was seeping but intact.
            Tom Baxter
            Sept. 14, 2024, 7:15 p.m. ET
            Shelters in Millbrook are nearly full, the Red Cross said.
            Thank You Millbrook
            """)
        #expect(
            dump(blog) == """
                title: Live Updates: Flooding in the valley
                standfirst: Rivers crested overnight across three counties.
                [1] Sept. 14, 2024, 8:47 p.m. ET Levee near Dunmore holds, for now
                  ¶ Engineers said the levee was seeping but intact.
                [2] Sept. 14, 2024, 7:15 p.m. ET (untitled)
                  ¶ Shelters in Millbrook are nearly full, the Red Cross said.
                  ¶ Thank You Millbrook
                """)
        #expect(droppedLines(blog) == [3, 4, 8])
    }

    // Bylines, datelines and navigation sit under the standfirst: a line below them is not the standfirst, and a
    // relative "Updated 1 hour ago" above the feed is the page's dateline, not a post time.
    @Test("Standfirst only right under the title; relative page dateline")
    func standfirstPlace() {
        let blog = parse(
            """
            Live: Bushfire warnings issued as heat peaks
            By Kate Simmons and Liam O'Hara
            Updated 1 hour ago
            Look back at how the day unfolded
            Posted 23m ago
            That's where we'll leave it
            Thanks for following along today.
            """)
        #expect(
            dump(blog) == """
                title: Live: Bushfire warnings issued as heat peaks
                standfirst: -
                [1] 23m ago That's where we'll leave it
                  ¶ Thanks for following along today.
                """)
    }

    // MARK: Captions and credits

    // A caption above a credit line goes with it; the first paragraph under a headline is never taken for one.
    @Test("Captions and credits")
    func captions() {
        let blog = parse(
            """
            Hurricane live
            The storm moves inland
            Shrimp boat pushed onto highway
            A 60-foot shrimp boat came to rest across two lanes of Highway 14.
            A shrimp boat sits on Highway 14 on Thursday evening.
            Jamal Greer/Getty Images
            No one was aboard, according to the sheriff’s office.
            Phone gets a bigger battery
            The new phone has a bigger battery and a smaller camera notch than last year’s model.
            Image: Kaiyō Systems
            Prices start at $799 in the US.
            Rest centre opens at school
            The council says its first rest centre is now full.
            Volunteers set out camp beds on Monday morning. Photograph: Idris Fenwick/PA
            Rescue workers search the rubble, August 5, 2024. WORLDLINE/Anouk Brandt
            About 230 people had registered by late morning.
            Gates open early
            Organisers opened the main gate half an hour early.
            Festivalgoers queue at the main gate on Friday morning after
            organisers opened early to ease congestion (Image: Owen Tull/Westcombe Gazette)
            Security checks took about ten minutes.
            """)
        #expect(
            dump(blog) == """
                title: Hurricane live
                standfirst: The storm moves inland
                [1] Shrimp boat pushed onto highway
                  ¶ A 60-foot shrimp boat came to rest across two lanes of Highw…
                  ¶ No one was aboard, according to the sheriff’s office.
                [2] Phone gets a bigger battery
                  ¶ The new phone has a bigger battery and a smaller camera notc…
                  ¶ Prices start at $799 in the US.
                [3] Rest centre opens at school
                  ¶ The council says its first rest centre is now full.
                  ¶ About 230 people had registered by late morning.
                [4] Gates open early
                  ¶ Organisers opened the main gate half an hour early.
                  ¶ Security checks took about ten minutes.
                """)
        #expect(
            blog.diagnostics.filter { $0.message.contains("caption heuristic") }.map(\.line) == [
                5, 6, 10, 14, 15, 19, 20,
            ])
    }

    // The credit shapes on their own.
    @Test("Credit shapes")
    func creditShapes() {
        let rules = BoilerplateRules.bundled
        #expect(bytes("Photo by Karim Haddad / AFP") { CaptionCredit.match($0, rules: rules) } == .credit)
        #expect(bytes("Image source, Calum Dunn") { CaptionCredit.match($0, rules: rules) } == .credit)
        #expect(bytes("Jamal Greer/Getty Images") { CaptionCredit.match($0, rules: rules) } == .credit)
        #expect(
            bytes("Crowds on the pier. Photograph: Idris Fenwick/PA") { CaptionCredit.match($0, rules: rules) }
                == .captionWithCredit)
        #expect(bytes("The 50/50 split was agreed on Monday.") { CaptionCredit.match($0, rules: rules) } == nil)
        #expect(bytes("Ashford/Corran derby moved to Sunday") { CaptionCredit.match($0, rules: rules) } == nil)
        // A quotation that ends with an agency's name is a paragraph, not a caption.
        #expect(bytes("“We have lost everything,” she said (Reuters)") { CaptionCredit.match($0, rules: rules) } == nil)
        #expect(
            bytes("Crowds on the quay at dawn (Reuters)") { CaptionCredit.match($0, rules: rules) }
                == .captionWithCredit)
        #expect(bytes("Credit...Leah Ortiz for The Daily Ledger") { CaptionCredit.match($0, rules: rules) } == .credit)
        // An outlet's name and its credit word: all credit, so the caption above goes too.
        #expect(bytes("ABC News: Supplied") { CaptionCredit.match($0, rules: rules) } == .credit)
        // A credit word written in lower case inside a headline is not a credit.
        #expect(bytes("Shelters: food supplied by volunteers") { CaptionCredit.match($0, rules: rules) } == nil)
    }

    // MARK: Navigation, pinned posts, promos

    // "Key events" lists repeat later headlines: dropped, while the posts they repeat are kept.
    @Test("Key events list dropped, its posts kept")
    func keyEvents() {
        let blog = parse(
            """
            Storm live
            Harbour evacuated as the river bursts its banks
            Key events
            1h ago
            Council opens second rest centre
            3h ago
            Harbour evacuation ordered
            Show key events only
            12.50
            The warning is now at its highest level.
            Key event
            11.52
            Council opens second rest centre
            The first rest centre is full.
            Key event
            09.47
            Harbour evacuation ordered
            Police have ordered residents to leave.
            """)
        #expect(
            dump(blog) == """
                title: Storm live
                standfirst: Harbour evacuated as the river bursts its banks
                [1] 12.50 (untitled)
                  ¶ The warning is now at its highest level.
                [2] 11.52 Council opens second rest centre {key-event}
                  ¶ The first rest centre is full.
                [3] 09.47 Harbour evacuation ordered {key-event}
                  ¶ Police have ordered residents to leave.
                """)
    }

    // A key-events item for an untitled post shows the post's opening words cut short: it goes too.
    @Test("Truncated key-event items")
    func truncatedKeyEvents() {
        let blog = parse(
            """
            Storm live
            Harbour evacuated as the river bursts its banks
            Key events
            1h ago
            The Environment Office has upgraded its warning…
            12.50
            The Environment Office has upgraded its warning to the highest level it issues.
            """)
        #expect(
            dump(blog) == """
                title: Storm live
                standfirst: Harbour evacuated as the river bursts its banks
                [1] 12.50 (untitled)
                  ¶ The Environment Office has upgraded its warning to the highe…
                """)
    }

    // A navigation heading with nothing repeated under it is not navigation: "Summary" can head a post.
    @Test("A navigation word with no list under it stays a headline")
    func navigationWithoutItems() {
        let blog = parse(
            """
            Election live
            Counting continues overnight
            Summary
            Turnout was the highest for three decades.
            """)
        #expect(blog.entries.map(\.headline) == ["Summary"])
    }

    // "Jump to" tables of contents and "Key points" lists are the same family.
    @Test("Jump to and Key points lists")
    func jumpTo() {
        let blog = parse(
            """
            Festival live
            Gates open early for the first day
            Jump to
            Headliner closes the main stage
            Gates open early as queues build
            Show all
            Updated at 15.42 BST
            Headliner closes the main stage
            The set is expected to run for 90 minutes.
            Updated at 11.20 BST
            Gates open early as queues build
            Organisers opened the gate at 10.30am.
            """)
        #expect(
            blog.entries.map(\.headline) == ["Headliner closes the main stage", "Gates open early as queues build"])
        #expect(blog.entries.map(\.time) == ["15.42 BST", "11.20 BST"])
    }

    // A pinned post shown above the feed and again in it is one entry, flagged pinned, at its feed position.
    @Test("Pinned copy merged into the post in the feed")
    func pinned() {
        let blog = parse(
            """
            Election results live
            Live updates from election night
            Pinned
            How to follow tonight’s results
            Results are posted as each precinct reports.
            4m ago
            Lead grows to 6 points
            With 81% reporting, the mayor leads.
            2h ago
            How to follow tonight’s results
            Results are posted as each precinct reports.
            """)
        #expect(
            dump(blog) == """
                title: Election results live
                standfirst: Live updates from election night
                [1] 4m ago Lead grows to 6 points
                  ¶ With 81% reporting, the mayor leads.
                [2] 2h ago How to follow tonight’s results {pinned}
                  ¶ Results are posted as each precinct reports.
                """)
    }

    // A video player's title ("Watch: …" beside "Play video" or "Video duration") is player text; a "Watch:" line
    // on its own is a related video.
    @Test("Video-player text dropped, a lone video link kept")
    func videoPlayer() {
        let blog = parse(
            """
            Ferry crisis live
            Islanders stranded as the last vessel is withdrawn
            Minister promises action
            The minister said every option was being examined.
            Play video
            Watch: Islanders confront the minister at the pier
            Video duration 02:14
            Opposition members said the same promise had been made in the spring.
            Watch: How the ferry network works
            """)
        #expect(
            dump(blog) == """
                title: Ferry crisis live
                standfirst: Islanders stranded as the last vessel is withdrawn
                [1] Minister promises action
                  ¶ The minister said every option was being examined.
                  ¶ Opposition members said the same promise had been made in th…
                  → video: Watch: How the ferry network works
                """)
        #expect(blog.diagnostics.contains { $0.line == 6 && $0.message.contains("video-player heuristic") })
    }

    // "Get in touch" and its one-line pitch are dropped together.
    @Test("Promo heading and its pitch")
    func promo() {
        let blog = parse(
            """
            Ferry crisis: islanders stranded
            Get in touch
            Are you stuck on the island? Tell us about it.
            Posted at 16:40
            That’s all from us for today
            We are ending our live coverage for now.
            """)
        #expect(
            dump(blog) == """
                title: Ferry crisis: islanders stranded
                standfirst: -
                [1] 16:40 That’s all from us for today
                  ¶ We are ending our live coverage for now.
                """)
    }

    // Newsletter promos, one-line "Read more:" links, reporting credits, sources, paywall blocks repeated
    // through the page, "Most Popular" and copyright lines are furniture; a "Read the full story below:" card
    // is still a related link.
    @Test("Furniture lines from the rules file")
    func furnitureRules() {
        let blog = parse(
            """
            Budget live
            The chancellor sets out spending cuts
            1.20pm
            Fuel duty frozen for another year
            The 5p cut will stay in place until next September.
            Read more: Why the freeze could cost more than the Treasury admits
            Subscribe to unlock this article
            Try unlimited access
            Then €69 per month. Complete digital access to quality journalism on any device.
            Sign up to the Front Page newsletter for free: your guide to the day’s agenda.
            1.05pm
            Tobacco duty to rise
            Duty on cigarettes will rise from 6pm tonight.
            Source: Courier and news agencies
            Reporting by Ann Lee in London; Editing by Hugh Carver
            Subscribe to unlock this article
            Try unlimited access
            Then €69 per month. Complete digital access to quality journalism on any device.
            Read the full story below:
            What the budget means for you
            Our guide to every change announced today
            Most Popular
            Copyright The Courier Ltd 2024. All rights reserved.
            """)
        #expect(
            dump(blog) == """
                title: Budget live
                standfirst: The chancellor sets out spending cuts
                [1] 1.20pm Fuel duty frozen for another year
                  ¶ The 5p cut will stay in place until next September.
                [2] 1.05pm Tobacco duty to rise
                  ¶ Duty on cigarettes will rise from 6pm tonight.
                  → story: What the budget means for you — Our guide to every change announced today
                """)
    }

    // MARK: Times and headlines

    // A time glued to the headline after it is split off: the time heads the entry, the rest is its headline.
    @Test("Time glued to a headline")
    func gluedTime() {
        let blog = parse(
            """
            Dam talks live
            Leaders meet as drought grips the valley
            13:40 GMTQuessa offers to share dam flow data
            Quessa has offered downstream neighbours real-time data.
            """)
        #expect(
            dump(blog) == """
                title: Dam talks live
                standfirst: Leaders meet as drought grips the valley
                [1] 13:40 GMT Quessa offers to share dam flow data
                  ¶ Quessa has offered downstream neighbours real-time data.
                """)
        #expect(bytes("10:45 Harcourt want a loan move") { GluedTime.split($0) } == nil)
        #expect(bytes("13:40Quessa offers data") { GluedTime.split($0)?.textStart } == 5)
        #expect(bytes("1.32pmHaldane sits down") { GluedTime.split($0)?.textStart } == 6)
    }

    // Short questions head posts where a post starts, or after a finished paragraph; not inside a quote, and
    // not when no longer answer follows.
    @Test("Question headlines")
    func questions() {
        let blog = parse(
            """
            Dam talks live
            Leaders meet as drought grips the valley
            13:12 GMT
            What is at stake?
            The river supplies about 80 percent of the fresh water used downstream.
            The two sides disagree on three issues.
            What are the sticking points?
            The two sides remain far apart on three main issues:
            • the status of the salient
            Is this the end of the talks? Not yet, say diplomats.
            Why does it matter?
            It matters.
            """)
        #expect(
            dump(blog) == """
                title: Dam talks live
                standfirst: Leaders meet as drought grips the valley
                [1] 13:12 GMT What is at stake?
                  ¶ The river supplies about 80 percent of the fresh water used …
                  ¶ The two sides disagree on three issues.
                [2] What are the sticking points?
                  ¶ The two sides remain far apart on three main issues:
                  ¶ • the status of the salient
                  ¶ Is this the end of the talks? Not yet, say diplomats.
                  ¶ Why does it matter?
                  ¶ It matters.
                """)
        #expect(!bytes("“What now?” she asked.") { LineShape.isQuestionHeadlineShaped($0) })
        #expect(
            !bytes("Why, after all these years of promises and reports and inquiries, has nothing at all been done?") {
                LineShape.isQuestionHeadlineShaped($0)
            })
    }

    // An embedded social post keeps its name line, its text and its date line as paragraphs of the entry.
    @Test("Embedded post: handle line and date line are paragraphs")
    func embeddedPost() {
        let blog = parse(
            """
            Deadline day live
            The window shuts at 11pm
            11:48
            Done deal: Marchand joins Holloway Park
            Holloway Park have completed the signing of Théo Marchand.
            Holloway Park FC @HollowayParkFC
            Bienvenue, Théo! ✍️ Our new No 8 has signed until 2029.
            August 30, 2024
            11:20
            Oduya not training with Corran squad
            Kelechi Oduya was absent from training this morning.
            """)
        #expect(
            dump(blog) == """
                title: Deadline day live
                standfirst: The window shuts at 11pm
                [1] 11:48 Done deal: Marchand joins Holloway Park
                  ¶ Holloway Park have completed the signing of Théo Marchand.
                  ¶ Holloway Park FC @HollowayParkFC
                  ¶ Bienvenue, Théo! ✍️ Our new No 8 has signed until 2029.
                  ¶ August 30, 2024
                [2] 11:20 Oduya not training with Corran squad
                  ¶ Kelechi Oduya was absent from training this morning.
                """)
    }

    // MARK: Appeals

    // An appeal in other words than the sample's, glued to the first paragraph, is dropped the same way.
    @Test("Glued appeal found by its words")
    func gluedAppeal() {
        let blog = parse(
            """
            Ceasefire latest: talks stall
            Mediators say both delegations will stay
            Help us keep reporting from the front line
            Your contribution pays for correspondents and translators.
            Every contribution, however big or small, makes a difference.Ceasefire talks stalled on Tuesday.
            Mediators said both teams would stay for a third day.
            """)
        #expect(
            dump(blog) == """
                title: Ceasefire latest: talks stall
                standfirst: Mediators say both delegations will stay
                [1] (untitled)
                  ¶ Ceasefire talks stalled on Tuesday.
                  ¶ Mediators said both teams would stay for a third day.
                """)
        #expect(bytes("Every contribution makes a difference.Ceasefire talks") { GluedAppeal.join($0) } == 38)
        #expect(bytes("Officials from the U.S. and the U.K. met on Monday.") { GluedAppeal.join($0) } == nil)
    }

    // A glued sentence without appeal words is left alone.
    @Test("A typo-glued sentence in the intro is not an appeal")
    func gluedWithoutAppeal() {
        let blog = parse(
            """
            Storm live
            Winds of 90mph expected
            The coast road closed at noon.Waves broke over the wall all afternoon.
            Police asked drivers to avoid the area.
            """)
        #expect(blog.entries.first?.paragraphs.count == 2)
    }

    // MARK: Dates

    // A dropped "First published" or "Updated" dateline still dates the posts, in its zone; a feed that crosses
    // midnight moves the older posts to the day before.
    @Test("Page dateline dates the posts, across midnight")
    func pageDateline() throws {
        let blog = parse(
            """
            Hurricane live
            The storm pushes inland
            Updated 1:32 a.m. EDT, Fri September 13, 2024
            1:10 a.m.
            Curfew extended
            The mayor extended the curfew.
            11:40 p.m.
            Storm weakens
            Winds have dropped to 105 mph.
            """)
        #expect(blog.entries.map(\.time) == ["1:10 a.m.", "11:40 p.m."])
        let stamps = try blog.entries.map { BlogExporter.iso8601(try #require($0.timestamp)) }
        #expect(stamps == ["2024-09-13T05:10:00Z", "2024-09-13T03:40:00Z"])
        #expect(blog.diagnostics.contains { $0.line == 3 && $0.message.contains("dateline") })
    }

    // "First published" dates the oldest post of a newest-first feed.
    @Test("First-published dateline anchors the oldest post")
    func firstPublished() throws {
        let blog = parse(
            """
            Night count live
            Results through the night
            First published on Mon 15 May 2023 22.05 BST
            00.40 BST
            Final seat declared
            The last count finished after midnight.
            22.05 BST
            Counting begins
            Ballot boxes arrive at the hall.
            """)
        let stamps = try blog.entries.map { BlogExporter.iso8601(try #require($0.timestamp)) }
        #expect(stamps == ["2023-05-15T23:40:00Z", "2023-05-15T21:05:00Z"])
    }

    // Combining time lines that describe one post: the clock time written last wins, dates and epochs are kept.
    @Test("Time lines combined for one post")
    func combine() throws {
        func t(_ s: String) throws -> PostTime { try #require(TimeLineRecognizer.recognize(Substring(s))) }
        let ageThenClock = EntryListBuilder.combine(try t("1h ago"), try t("11.52 BST"))
        #expect(ageThenClock.text == "11.52 BST" && ageThenClock.age == 3600)
        let clockThenAge = EntryListBuilder.combine(try t("11.52 BST"), try t("1h ago"))
        #expect(clockThenAge.text == "11.52 BST")
        let datelineThenEpoch = EntryListBuilder.combine(try t("5 August 2024, 20:49"), try t("1722887340"))
        #expect(datelineThenEpoch.text == "5 August 2024, 20:49" && datelineThenEpoch.epoch == 1_722_887_340)
        let headerThenClock = EntryListBuilder.combine(try t("Mon 15 May 2023 12.50 BST"), try t("12.50 BST"))
        #expect(headerThenClock.text == "12.50 BST" && headerThenClock.hasDate)
    }

    // MARK: Speed guards

    // Plain paragraphs take the cheap paths: no credit, time, byline or glued-time work on a sentence line.
    @Test("Prefilters reject plain paragraphs cheaply")
    func prefilters() {
        let paragraph =
            "The council says its first rest centre, at the leisure pool, is now full and a second has opened."
        #expect(!bytes(paragraph) { CaptionCredit.mightEndWithCredit($0) })
        #expect(!bytes(paragraph) { TimeLineRecognizer.mightBeTime($0) })
        #expect(bytes(paragraph) { GluedTime.split($0) } == nil)
        #expect(bytes(paragraph) { AuthorLine.gluedTailStart($0) } == nil)
    }
}
