/// Small pages written for these tests, one per structure the reader knows. Names, places and text are invented.
enum HTMLFixtures {
    /// JSON-LD inside `@graph`, visible posts whose ids carry the JSON-LD ids.
    static let jsonLD = """
        <!DOCTYPE html><html><head><meta charset="utf-8">
        <meta property="og:title" content="Harbour strike: live">
        <meta property="og:description" content="Ferries stop as crews walk out">
        <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},
        {"@type":"LiveBlogPosting","headline":"Harbour strike: live","liveBlogUpdate":[
          {"@type":"BlogPosting","@id":"https://example.test/live#p2","headline":"Talks to resume","datePublished":"2025-03-04T14:05:00+01:00","articleBody":"Talks will resume on Friday."},
          {"@type":"BlogPosting","@id":"https://example.test/live#p1","headline":"Ferries stop","datePublished":"2025-03-04T13:40:00+01:00","articleBody":"No ferry left port this morning."}]}]}</script>
        </head><body><nav><a href="/">Home</a><a href="/news">News</a></nav>
        <main><h1>Harbour strike: live</h1>
        <div class="feed">
        <article id="post-p2"><time datetime="2025-03-04T13:05:00Z">14:05</time><h2>Talks to resume</h2>
        <p>Talks will resume on Friday, the <a href="/union">union</a> said.</p>
        <div class="share-bar"><a href="#">Share</a></div></article>
        <article id="post-p1"><time datetime="2025-03-04T12:40:00Z">13:40</time><h2>Ferries stop</h2>
        <p>No ferry left port this morning.</p><figure><img src="x.jpg"><figcaption>The quay at dawn. Photograph: A N Other</figcaption></figure>
        <p>Passengers were told to wait.</p></article>
        </div></main><footer><p>Copyright notice for the whole site.</p></footer></body></html>
        """

    /// JSON-LD that repeats the blog's title as every headline, truncates bodies and has older times.
    static let lyingJSONLD = """
        <html><head><title>Budget day live</title>
        <script type="application/ld+json">[{"@type":"LiveBlogPosting","headline":"Budget day live","liveBlogUpdate":{"@type":"BlogPosting","@id":"b7","headline":"Budget day live","datePublished":"2025-11-26T11:58:00Z","articleBody":"The chancellor has"}}]</script>
        <script type="application/ld+json">{"@type":"NewsArticle","headline":"Something else"}</script>
        </head><body><h1>Budget day live</h1>
        <section class="blk"><header><span>12.05 GMT</span><span>Ann Writer</span></header><p>The chancellor has begun her statement.</p><p>She opened with growth figures.</p></section>
        <section class="blk"><header><span>11.58 GMT</span></header><p>MPs are filing into the chamber.</p></section>
        </body></html>
        """

    /// Microdata posts.
    static let microdata = """
        <html><head><meta property="og:title" content="Election night"></head><body>
        <div itemscope itemtype="https://schema.org/LiveBlogPosting">
        <div itemprop="liveBlogUpdate" itemscope itemtype="https://schema.org/BlogPosting" id="u2">
          <meta itemprop="datePublished" content="2025-05-01T23:10:00Z"><span>23:10</span>
          <h3 itemprop="headline">First result declared</h3><div itemprop="articleBody"><p>The first seat has been declared.</p></div></div>
        <div itemprop="liveBlogUpdate" itemscope itemtype="https://schema.org/BlogPosting" id="u1">
          <span>22:00</span><div itemprop="articleBody"><p>Polls have closed.</p></div></div>
        </div></body></html>
        """

    /// Repeated containers whose classes are hashes, a pinned copy above the feed, a key-event label.
    static let hashedContainers = """
        <html><head><meta property="og:title" content="Storm Ida latest"></head><body>
        <h1 class="x9f2">Storm Ida latest: rail lines closed</h1>
        <p>Storm Ida is crossing the north with gusts of over 90mph.</p>
        <div class="q7x">Pinned</div>
        <div class="k2d zz1"><span class="t8a">09:15</span><h3>Trains cancelled until noon</h3><p>All northern lines are closed.</p></div>
        <ul class="r5">
        <li class="k2d a1" id="e3"><div class="m0"><span class="t8a">10:02</span><b>KEY EVENT</b></div><h3>Bridge closed to traffic</h3><p>The river bridge has been shut.</p><p>Police are turning cars back.</p></li>
        <li class="k2d a1" id="e2"><div class="m0"><span class="t8a">09:15</span><b>Jo Reporter</b></div><h3>Trains cancelled until noon</h3><p>All northern lines are closed.</p></li>
        <li class="k2d a1" id="e1"><div class="m0"><span class="t8a">08:30</span></div><p>Good morning and welcome to our coverage.</p><div class="c4"><h4><a href="https://example.test/other">Storm names for this year revealed</a></h4><p>A short summary of another story.</p></div></li>
        </ul></body></html>
        """

    /// A flat stream: time and headline in one heading.
    static let headingStream = """
        <html><head><meta charset="utf-8"><meta property="og:title" content="Nahost-Ticker"></head><body>
        <h1>Nahost-Ticker</h1><div class="rich">
        <h2>12.31 Uhr: Gespräche in Kairo fortgesetzt</h2><p>Die Gespräche sollen am Abend weitergehen.</p>
        <h2>11.04 Uhr: Grenzübergang wieder offen</h2><p>Der Übergang ist seit dem Morgen geöffnet.</p><p>Lastwagen warten davor.</p>
        <h2>Hintergrund</h2><p>Ein kurzer Überblick über die Lage.</p>
        </div></body></html>
        """

    /// Paragraphs whose bold start is a clock.
    static let boldLeads = """
        <html><head><title>Marathon live</title></head><body><article><h1>City marathon live</h1>
        <p><strong>10:45</strong> The leaders have passed halfway.</p><p>The pace is quick.</p>
        <p><strong>10.15 – Race under way</strong></p><p>The elite field set off on time.</p>
        </article></body></html>
        """

    /// The wire-service format: a dateline, clock lines and `___` rules.
    static let ruleStream = """
        <html><head><title>The Latest: bridge fire</title></head><body><div class="story">
        <p>RIVERTON (AP) — The Latest on a fire on the Riverton bridge (all times local):</p>
        <p>10 p.m.</p><p>Officials say the fire is out.</p><p>No one was hurt.</p>
        <p>___</p>
        <p>4:14 p.m.</p><p>A fire has broken out on the Riverton bridge.</p>
        </div></body></html>
        """

    /// Posts that show only a relative age, and a stream of clock lines each followed by a headline.
    static let relativeAges = """
        <html><body><h1>Flood watch</h1><div>
        <div class="entry"><span>5 mins ago</span><p>Water is still rising at the weir.</p></div>
        <div class="entry"><span>1 hour ago</span><p>Sandbags are being handed out in the square.</p></div>
        </div></body></html>
        """

    static let clockLinesWithHeadings = """
        <html><body><h1>Count live</h1><div class="text">
        <p>22:40</p><h3>Turnout is high</h3><p>Officials report long queues.</p>
        <p>21:55</p><h3>Polls close soon</h3><p>Voting ends at ten.</p>
        </div></body></html>
        """

    /// Posts stamped only in an attribute, with no visible time (a script would have drawn it).
    static let attributeStamps = """
        <html><body><h1>Night shift</h1><section>
        <div class="u" data-timestamp="1717243200"><p>The late crew has arrived at the depot.</p></div>
        <div class="u" data-timestamp="1717239600000"><p>Gritters are loading salt for the night.</p></div>
        </section></body></html>
        """

    /// An article with no posts at all.
    static let noStructure = """
        <html><head><title>A quiet day</title></head><body><h1>A quiet day at the harbour</h1>
        <p>Nothing much happened at the harbour today.</p><p>The gulls were loud.</p></body></html>
        """
}
