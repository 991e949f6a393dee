import LiveBlogCore
import Testing

/// One small fixture per parsing rule, compared as a readable dump.
@Suite("Parser golden dumps")
struct ParserGoldenTests {
    // The title and standfirst are the first two lines; an untitled intro comes before the first headline.
    @Test("Title, standfirst, untitled intro, then headlined entries")
    func titleStandfirstIntro() {
        let text = """
            Harbour strike latest: ferries stop as talks fail
            Crews walk out after a night of talks
            Ferries between the islands stopped at dawn.
            Talks will resume on Friday.
            Unions say pay offer ‘an insult’
            The union said the offer was far below inflation.
            A spokesperson for the operator declined to comment.
            """
        #expect(
            dump(parse(text)) == """
                title: Harbour strike latest: ferries stop as talks fail
                standfirst: Crews walk out after a night of talks
                [1] (untitled)
                  ¶ Ferries between the islands stopped at dawn.
                  ¶ Talks will resume on Friday.
                [2] Unions say pay offer ‘an insult’
                  ¶ The union said the offer was far below inflation.
                  ¶ A spokesperson for the operator declined to comment.
                """)
    }

    // The donation appeal is dropped, and its last sentence is cut from the paragraph it is glued to.
    @Test("Donation appeal dropped, glued sentence cut from the first paragraph")
    func donationAppeal() {
        let text = """
            Storm live: gales close the coast road
            Winds of 90mph expected overnight
            Your support helps us to tell the story
            We are on the ground whenever the weather turns, and we need readers like you.
            Your donation keeps our reporters out on the coast.
            Your support makes all the difference.The coast road closed at noon as waves broke over the wall.
            Police asked drivers to avoid the area.
            """
        #expect(
            dump(parse(text)) == """
                title: Storm live: gales close the coast road
                standfirst: Winds of 90mph expected overnight
                [1] (untitled)
                  ¶ The coast road closed at noon as waves broke over the wall.
                  ¶ Police asked drivers to avoid the area.
                """)
    }

    // A "Read the full story below:" card becomes a related story of its entry, with its standfirst as summary.
    @Test("Story card kept as a related link with its summary")
    func storyCard() {
        let text = """
            Election night live
            Results from every seat
            Polls close in the north
            Voting ended at 10pm in the northern seats.
            Read the full story below:
            How the north voted last time
            A look back at the closest count in a generation
            Turnout falls in the capital
            Turnout in the capital was down four points.
            """
        #expect(
            dump(parse(text)) == """
                title: Election night live
                standfirst: Results from every seat
                [1] Polls close in the north
                  ¶ Voting ended at 10pm in the northern seats.
                  → story: How the north voted last time — A look back at the closest count in a generation
                [2] Turnout falls in the capital
                  ¶ Turnout in the capital was down four points.
                """)
    }

    // A promo card repeats its title; the reader shows it once, with the summary line under it.
    @Test("Echoed promo-card title shown once, gallery links kept")
    func echoedCardAndGalleries() {
        let text = """
            Flood live
            Rivers at record levels
            Town centre evacuated
            Residents were told to leave by noon.
            Volunteers fill sandbags through the night
            Volunteers fill sandbags through the night
            A reporter spent the night with the sandbag crews.
            Photos: the river bursts its banks
            In pictures: rescue boats on the high street
            Bridge closed to traffic
            The old bridge was closed after cracks were found.
            """
        #expect(
            dump(parse(text)) == """
                title: Flood live
                standfirst: Rivers at record levels
                [1] Town centre evacuated
                  ¶ Residents were told to leave by noon.
                  → story: Volunteers fill sandbags through the night — A reporter spent the night with the sandbag crews.
                  → gallery: Photos: the river bursts its banks
                  → gallery: In pictures: rescue boats on the high street
                [2] Bridge closed to traffic
                  ¶ The old bridge was closed after cracks were found.
                """)
    }

    // Subscribe, bookmark and comment lines at the end of the page are the footer.
    @Test("Subscribe and comments footer dropped")
    func footer() {
        let text = """
            Match live
            Updates from the final
            Kick-off delayed
            The start was delayed by twenty minutes.
            Subscribe to Daily Premium to bookmark this article
            Want to bookmark your favourite articles and stories to read or reference later? Start your subscription today.
            Join our commenting forum
            Join thought-provoking conversations, follow other readers and see their replies
            Comments
            """
        #expect(
            dump(parse(text)) == """
                title: Match live
                standfirst: Updates from the final
                [1] Kick-off delayed
                  ¶ The start was delayed by twenty minutes.
                """)
    }

    // A time line heads the entry after it; an untitled entry can be delimited by times alone.
    @Test("Time lines attach to the entry they head")
    func timeLines() {
        let text = """
            Launch live
            Countdown to lift-off
            14:05
            Fuelling complete
            Engineers finished loading the fuel.
            13:40
            The weather team gave a go for launch.
            """
        #expect(
            dump(parse(text)) == """
                title: Launch live
                standfirst: Countdown to lift-off
                [1] 14:05 Fuelling complete
                  ¶ Engineers finished loading the fuel.
                [2] 13:40 (untitled)
                  ¶ The weather team gave a go for launch.
                """)
    }

    // Headlines end without punctuation; a quote that closes a sentence ends a paragraph instead.
    @Test("Quoted headline versus a paragraph ending in a quote")
    func quotes() {
        let text = """
            Summit live
            Leaders meet in the capital
            Minister says deal ‘within reach’
            “We are close,” she said.
            “We will not sign anything tonight.”
            Talks end for the day, officials say
            Delegations left the venue at midnight.
            """
        #expect(
            dump(parse(text)) == """
                title: Summit live
                standfirst: Leaders meet in the capital
                [1] Minister says deal ‘within reach’
                  ¶ “We are close,” she said.
                  ¶ “We will not sign anything tonight.”
                [2] Talks end for the day, officials say
                  ¶ Delegations left the venue at midnight.
                """)
    }

    // Text that never reaches a headline or a title still gives a blog, and diagnostics say why.
    @Test("Messy input: blank lines, CRLF, tabs, no-break spaces and control bytes")
    func messyInput() {
        let text =
            "\u{FEFF}Rail live\r\n\r\n  Strike\u{00A0}day two  \r\n\u{1B}[31mSignals fail\u{1B}[0m\r\nTrains \u{07}were held outside the station\u{1B}]2;pwned\u{07}.\r\n"
        let blog = parse(text)
        #expect(
            dump(blog) == """
                title: Rail live
                standfirst: Strike day two
                [1] Signals fail
                  ¶ Trains were held outside the station.
                """)
        #expect(blog.diagnostics.contains { $0.kind == .note && $0.message.contains("escape sequences") })
    }

    // Dropped lines and related links are explained with their line numbers.
    @Test("Diagnostics name the line and the rule")
    func diagnostics() {
        let text = """
            Fire live
            Crews at the scene
            Sign up to our breaking news alerts
            Fire spreads to second building
            The fire spread across the roof at 3am.
            """
        let blog = parse(text)
        let dropped = blog.diagnostics.first { $0.kind == .dropped }
        #expect(dropped?.line == 3)
        #expect(dropped?.message.contains("prefix: Sign up to") == true)
        #expect(blog.entries.count == 1)
    }
}
