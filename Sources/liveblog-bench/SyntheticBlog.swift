/// Writes a deterministic synthetic live blog of N entries in the style of the user's sample: appeal glued to the
/// intro, short headlines, timestamps on some posts, story cards, galleries and a footer.
struct SyntheticBlog {
    let entries: Int
    let seed: UInt64

    /// About 50,000 distinct words with a Zipf-like spread, so that the vocabulary looks like news text.
    private static let common = """
        the of and to in a is that for on was with he it as at by from his an were are which this be has had not
        they but have who after their been more one its said will would there when up out into over also two new
        people government minister president forces officials city war talks peace region country police court
        report week monday tuesday wednesday thursday friday saturday sunday morning evening night military aid
        troops attack ceasefire election vote border island coast ferry harbour ash cloud eruption volcano flights
        council spokesperson statement reporters security emergency hospital patients rescue workers residents
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)

    private static let syllables = [
        "ka", "ro", "mi", "ten", "sar", "vel", "dor", "an", "is", "gra", "lu", "pe",
        "chi", "mon", "tra", "el", "ost", "vin", "qua", "zer", "bel", "fa", "nor", "rik",
    ]

    private typealias Random = SplitMixRandom

    private let rare: [String]

    init(entries: Int, seed: UInt64 = 2024) {
        self.entries = entries
        self.seed = seed
        var random = Random(seed: seed ^ 0xABCDEF)
        var words: [String] = []
        words.reserveCapacity(50_000)
        for _ in 0..<50_000 {
            var w = ""
            for _ in 0..<(2 + random.below(3)) { w += Self.syllables[random.below(Self.syllables.count)] }
            words.append(w)
        }
        rare = words
    }

    private func word(_ random: inout Random) -> String {
        // Half the words from the common list, the rest Zipf-like from the rare list.
        if random.below(2) == 0 { return Self.common[random.below(Self.common.count)] }
        let r = Double(random.below(1_000_000) + 1) / 1_000_000
        let rank = Int(pow2(r * 15.6)) % rare.count
        return rare[rank]
    }

    private func pow2(_ x: Double) -> Double {
        var result = 1.0
        var k = 0.0
        while k + 1 <= x {
            result *= 2
            k += 1
        }
        return result * (1 + (x - k) * 0.69)
    }

    private func sentence(_ random: inout Random, words count: Int) -> String {
        var parts: [String] = []
        for i in 0..<count {
            var w = word(&random)
            if i == 0 { w = w.prefix(1).uppercased() + w.dropFirst() }
            if random.below(40) == 0 { w = "“" + w + "”" }
            if random.below(60) == 0 { w += "’s" }
            parts.append(w)
        }
        return parts.joined(separator: " ")
    }

    /// The whole blog as text.
    func text() -> String {
        var random = Random(seed: seed)
        var out = ""
        out.reserveCapacity(entries * 1150 + 4096)
        out += "Synthetic crisis latest: \(sentence(&random, words: 8)) as talks ‘resume’\n"
        out += "\(sentence(&random, words: 14))\n"
        out += "Your support helps us to tell the story\n"
        out += "\(sentence(&random, words: 40)).\n"
        out += "Your support makes all the difference.\(sentence(&random, words: 25)).\n"
        out += "\(sentence(&random, words: 30)).\n"
        var minutes = 23 * 60 + 59
        for e in 0..<entries {
            if e % 3 == 0 {
                out += String(format2(minutes / 60)) + ":" + format2(minutes % 60) + "\n"
                minutes = (minutes + 24 * 60 - 1) % (24 * 60)
            }
            out += sentence(&random, words: 5 + random.below(7)) + "\n"
            let paragraphs = 2 + random.below(4)
            for p in 0..<paragraphs {
                let ending = random.below(8) == 0 ? ",” he said." : "."
                out += sentence(&random, words: 18 + random.below(30)) + ending + "\n"
                if p == 0 && random.below(25) == 0 {
                    out += "Read the full story below:\n"
                    out += sentence(&random, words: 8) + "\n"
                    out += sentence(&random, words: 14) + "\n"
                }
            }
            if random.below(30) == 0 { out += "Photos: \(sentence(&random, words: 6))\n" }
        }
        out += "Subscribe to Synthetic Premium to bookmark this article\n"
        out += "Join our commenting forum\n"
        out += "Comments\n"
        return out
    }

    private func format2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
