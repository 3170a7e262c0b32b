/// A verdict told by what was asked for and what came (issue 19, fortieth round). "I asked for
/// the engraving in italics and it came in italics", "Jag bad om en kvinnlig läkare och fick en",
/// "Bestellt in Größe 42, geliefert in Größe 38", "Zamówiłem materac w wersji twardej, a przyszedł
/// miękki". No word in them says good or bad: the verdict is whether what came is what was asked
/// for. A request ("asked for", "ordered", "wanted", "bad om", "beställde", "vroeg om",
/// "bestelde", "bat um", "bestellte", "poprosiłam o", "zamówiłem") is read with the part after
/// the next "and" ("och", "en", "und", "i", or Polish "a", a contrast) as what came; the request's
/// own words then count nothing ("asked for a quiet table" is no praise).
///
/// - **The same** is praise: a word of the request again in what came ("in italics … in
///   italics", "twardej … twardy": the first five bytes of a word of four or more), the same
///   number, "exactly" ("precis", "precies", "genau", "dokładnie"), got with a pronoun ("got
///   one", "fick en", "kreeg ze", "bekam sie", "je wypisał"), or a "there" ("and there it was",
///   "där låg det", "dort fand ich es", "i tam ją odebrałem"). Asked for none ("no onions",
///   "kein Eis"), the same is a complaint.
/// - **Another** is a complaint: a different number ("Größe 42 … Größe 38"), "instead" ("i
///   stället", "in plaats daarvan", "stattdessen", "zamiast"), got or came with an article and no
///   word of the request ("got a bill", "fick en manlig", "kreeg een slap exemplaar", "es kam ein
///   Teller"), or, in Polish, what came after "a" ("a przyszedł granatowy").
///
/// What came is read only where no word of it already leans ("and it was properly hot", "and
/// nobody rang" are the lexicon's and the negation's).
extension SentimentRules {
    /// What a word does in a verdict told by what was asked for and what came.
    enum Request: Sendable, Equatable {
        case none
        /// "asked", "ordered", "wanted", "requested", "bad", "beställde", "vroeg", "bestelde",
        /// "bat", "baten", "bestellte", "gebeten", "poprosiłam", "zamówiłem".
        case ask
        /// "got", "received", "fick", "kreeg", "bekam", "dostałam": what came, received.
        case got
        /// "came", "arrived", "kom", "kwam", "kam", "przyszedł": what came, as its subject (a
        /// pronoun beside it is no "the same": "it came out grey").
        case came
        /// "with", "that", "från", "voor", "nicht", "przez": words of four bytes or more that say
        /// nothing of what was asked for.
        case function
        /// "instead", "stället", "stattdessen", "zamiast".
        case instead
        /// "exactly", "precis", "precies", "genau", "dokładnie".
        case exactly
        /// "one", "it", "them", "den", "det", "ze", "sie", "es", "ihn", "ją", "je", "go", "taki":
        /// what was asked for, again.
        case pronoun
        /// "a", "an", "another", "een", "ein", "eine": something else.
        case article
        /// German "die", "den", "das", Dutch "het", "die": a pronoun before no word of its own
        /// ("bekam sie", "kreeg het snel"), else an article ("bekam die weiche").
        case determiner
        /// "en", "ett": a pronoun at the end of what came ("fick en."), else an article.
        case enPronoun
        /// "where", "där", "daar", "dort", "tam": where it was.
        case there
        /// English "there": where it was only before "it" ("and there it was"; not "and there was
        /// a hair in it").
        case thereIt
        /// "and", "i": where what came begins (the languages' joiners do too).
        case and
        /// Polish "a": what came begins, and is another.
        case but
    }

    /// The words of `language`'s verdicts told by what was asked for and what came.
    static func requests(_ language: Language) -> [String: Request] {
        var out = [String: Request]()
        switch language {
        case .en:
            out.assign(["asked", "ordered", "requested", "wanted"], .ask)
            out.assign(["got", "received"], .got)
            out.assign(["came", "arrived", "brought"], .came)
            out.assign(
                ["with", "that", "this", "from", "have", "were", "what", "when", "they", "their", "some"], .function)
            out.assign(["instead"], .instead)
            out.assign(["exactly"], .exactly)
            out.assign(["one", "it", "them"], .pronoun)
            out.assign(["a", "an", "another"], .article)
            out.assign(["where"], .there)
            out.assign(["there"], .thereIt)
            out.assign(["and"], .and)
        case .sv:
            out.assign(["bad", "beställde", "ville", "önskade", "begärde"], .ask)
            out.assign(["fick"], .got)
            out.assign(["kom", "levererades"], .came)
            out.assign(["från", "till", "efter", "inte", "var", "hade", "skulle", "innan"], .function)
            out.assign(["stället", "istället"], .instead)
            out.assign(["precis", "exakt"], .exactly)
            out.assign(["den", "det", "dem"], .pronoun)
            out.assign(["en", "ett"], .enPronoun)
            out.assign(["där"], .there)
        case .nl:
            out.assign(["vroeg", "vroegen", "bestelde", "bestelden", "besteld", "wilde", "wilden", "gevraagd"], .ask)
            out.assign(["kreeg", "kregen"], .got)
            out.assign(["kwam", "kwamen", "geleverd"], .came)
            out.assign(["voor", "naar", "maar", "zijn", "hebben", "werd", "waren", "voordat"], .function)
            out.assign(["plaats"], .instead)
            out.assign(["precies", "exact"], .exactly)
            out.assign(["ze", "dat", "hem"], .pronoun)
            out.assign(["het", "die"], .determiner)
            out.assign(["een"], .enPronoun)
            out.assign(["daar"], .there)
        case .de:
            out.assign(["bat", "baten", "bestellte", "bestellt", "bestellten", "wollte", "wollten", "gebeten"], .ask)
            out.assign(["bekam", "bekamen", "bekommen"], .got)
            out.assign(["kam", "kamen", "geliefert"], .came)
            out.assign(["dass", "sich", "nach", "auch", "wurde", "habe", "hatte", "mich", "mir"], .function)
            out.assign(["stattdessen"], .instead)
            out.assign(["genau", "exakt"], .exactly)
            out.assign(["sie", "es", "ihn"], .pronoun)
            out.assign(["die", "den", "das"], .determiner)
            out.assign(["ein", "eine", "einen", "einem", "eines"], .article)
            out.assign(["dort", "da"], .there)
        case .pl:
            out.assign(
                [
                    "poprosiłam", "poprosiłem", "prosiłam", "prosiłem", "prosiliśmy", "poprosiliśmy", "zamówiłam",
                    "zamówiłem", "zamówiliśmy", "chciałam", "chciałem", "chcieliśmy",
                ], .ask)
            out.assign(["dostałam", "dostałem", "dostaliśmy", "otrzymałam", "otrzymałem"], .got)
            out.assign(["przyszedł", "przyszła", "przyszło", "przyszły"], .came)
            out.assign(["przez", "jest", "było", "żeby", "mnie", "tylko", "przed"], .function)
            out.assign(["zamiast"], .instead)
            out.assign(["dokładnie"], .exactly)
            out.assign(["ją", "je", "go", "taki", "taką", "takie"], .pronoun)
            out.assign(["tam"], .there)
            out.assign(["i"], .and)
            out.assign(["a"], .but)
        }
        return out
    }
}

extension SentimentScorer {
    /// The first five bytes of `word` as a number (not zero), or zero for a word shorter than
    /// four bytes: the same for "twardej" and "twardy", "italics" and "italics".
    static func stem(_ word: UnsafeBufferPointer<UInt8>) -> UInt32 {
        guard word.count >= 4 else { return 0 }
        var h: UInt32 = 2_166_136_261
        for b in word.prefix(5) { h = (h ^ UInt32(b)) &* 16_777_619 }
        return h | 1
    }

    /// Reads a verdict told by what was asked for and what came (`SentimentRules+Requests`):
    /// runs after learning and before negation. Not in a question.
    func markRequests(_ info: UnsafeMutablePointer<Info>, _ n: Int, question: Bool) {
        let any = !question && anyIndex(n) { info[$0].request == .ask && !info[$0].fixed }
        guard any else { return }
        func role(_ j: Int) -> SentimentRules.Request { j >= 0 && j < n ? info[j].request : .none }
        func opens(_ j: Int) -> Bool {
            info[j].joiner || info[j].contrast || role(j) == .and || role(j) == .but
        }
        var k = 0
        while k < n {
            defer { k += 1 }
            guard role(k) == .ask, !info[k].fixed else { continue }
            // What was asked for runs to the next "and"; what came, from there to the next.
            guard let b = ((k + 2)..<max(k + 2, n)).first(where: opens), b + 1 < n else { continue }
            let asked = (k + 1)..<b
            let came = (b + 1)..<(((b + 2)..<max(b + 2, n)).first(where: opens) ?? n)
            guard !came.isEmpty else { continue }
            let noneAsked = asked.contains { info[$0].negator }
            let askedAmount = asked.first { info[$0].amount >= 0 }.map { info[$0].amount }
            let cameAmount = came.first { info[$0].amount >= 0 }.map { info[$0].amount }
            let stems = Set(asked.compactMap { info[$0].stem != 0 && role($0) == .none ? info[$0].stem : nil })
            func isRepeated(_ j: Int) -> Bool { info[j].stem != 0 && role(j) == .none && stems.contains(info[j].stem) }
            let repeated = came.contains(where: isRepeated)
            // (A lean of a word asked for is the request's: "extra spicy … properly spicy".)
            let quiet = !came.contains {
                (info[$0].valence != 0 || info[$0].fixed) && !isRepeated($0) || info[$0].negator
            }
            let got = came.first { role($0) == .got || role($0) == .came }
            func pronounBeside(_ g: Int) -> Bool {
                guard role(g) == .got else { return false }
                if came.contains(g - 1) && role(g - 1) == .pronoun { return true }
                // After it, a pronoun ends what came or comes before no word of its own ("got one
                // in writing", "kreeg ze de volgende dag"; not "bekam die weiche").
                let j = g + 1
                guard came.contains(j) else { return false }
                if role(j) == .pronoun { return true }
                guard role(j) == .enPronoun || role(j) == .determiner else { return false }
                return j + 1 == came.upperBound || info[j + 1].stem == 0 || role(j + 1) != .none
                    || isRepeated(j + 1)
            }
            // "and there it was", "och där låg det", "that's where I found it": at its start.
            func there(_ came: Range<Int>) -> Bool {
                for j in came.prefix(2) where role(j) == .there || role(j) == .thereIt {
                    return role(j) == .there || role(j + 1) == .pronoun
                }
                return false
            }
            // Got or came before an article, or a determiner before a word of its own: another thing.
            let articleAfter =
                got.map { g in
                    g + 2 < came.upperBound
                        && (role(g + 1) == .article
                            || (role(g + 1) == .enPronoun || role(g + 1) == .determiner) && info[g + 2].stem != 0
                                && role(g + 2) == .none)
                } ?? false
            var same: Bool
            if let a = askedAmount, let c = cameAmount {
                same = a == c
            } else if came.contains(where: { role($0) == .instead }) {
                same = false
            } else if role(b) == .but
                && !came.contains(where: { role($0) == .pronoun || role($0) == .exactly || role($0) == .there })
            {
                // Polish "a": what came is set against what was asked for.
                same = false
            } else if !quiet {
                continue
            } else if repeated || came.contains(where: { role($0) == .exactly }) || there(came)
                || got.map(pronounBeside) == true
            {
                same = true
            } else if articleAfter {
                same = false
            } else {
                continue
            }
            // Asked for none: the same is a complaint ("asked for no onions … covered in them").
            let praise = same && !noneAsked
            for j in asked where !info[j].fixed {
                info[j].valence = 0
                if info[j].negator { takeNegator(j, info) }
            }
            for j in came where info[j].negator { takeNegator(j, info) }
            settle(got ?? came.lowerBound, praise: praise, over: came, info)
            k = came.upperBound - 1
        }
    }
}
