/// A verdict told by sound (issue 19, thirty-fourth round): what can or cannot be heard, and
/// the noise a thing makes. "We no longer hear the trams at night", "Kollegorna hör inte att
/// jag skriver", "De wekker is zelfs onder de douche goed te horen", and "Die Bremsen
/// quietschen an jeder Kreuzung", "Mikrofalówka piszczy tak głośno, że budzi cały dom". No word
/// in them says good or bad: the verdict is in who hears what.
///
/// - **Hearing** ("hear", "hör", "horen", "hören", "słychać") is read by what is heard and by
///   whom. A bystander who hears ("the neighbours", "the whole carriage", "hela trapphuset",
///   "die Kollegen", "cały wagon") or a person named before the verb ("my husband can hear it")
///   makes hearing a complaint; so does a noise heard ("the trams", "typing", "die
///   Straßenbahn", "tramwajów"). A signal heard ("the alarm", "Väckarklockan", "de wekker",
///   "my podcast", "each other", "varandra", a person named after the verb, "clearly") makes
///   it praise. Negated, each turns: not hearing the trams is praise, not hearing each other a
///   complaint. With "only" ("bara", "alleen", "nur", "tylko") a signal decides over a noise.
/// - **A noise the thing makes** is a fault ("squeaks", "creaks", "crackle", "gnisslar",
///   "piept", "quietschen", "skrzypi"), negated praise ("doesn't squeak"); not where a person
///   or an animal makes it ("the kids squealed").
/// - **Waking** a bystander or a person ("wakes the whole house", "hela huset vaknar", "das
///   ganze Haus aufwacht", "budzi cały dom") is a complaint, negated praise ("zonder dat mijn
///   vriend wakker wordt").
/// - **"So quiet that …"** is praise and **"so loud that …" / "too loud"** a complaint, and
///   the words of the "that" clause tell how quiet or loud, counting nothing of their own ("so
///   quiet that the cat doesn't even leave").
extension SentimentRules {
    /// What a word does in a verdict told by sound.
    enum Sound: Sendable, Equatable {
        case none
        /// "hear", "hör", "horen", "hören", "słychać", "verstaan": a hearing.
        case hear
        /// "alarm", "doorbell", "podcast", "voice", "wekker", "Wecker", "budzik": wanted heard.
        case signal
        /// "trams", "traffic", "typing", "footsteps", "Straßenbahn", "tramwajów": not wanted.
        case noise
        /// "music", "musik", "muziek", "Musik", "muzykę": a signal after `mine` (someone else's
        /// music may be wanted or not).
        case music
        /// "my", "min", "mijn", "meine", "moją", "swoją": see `music`.
        case mine
        /// "neighbours", "colleagues", "everyone", "grannarna", "iedereen", "Kollegen",
        /// "sąsiedzi": one who should not have to hear.
        case bystander
        /// "whole", "hela", "hele", "ganze", "cały": before a `place`, a bystander ("the whole
        /// house"; not "the whole time").
        case whole
        /// "house", "carriage", "office", "huset", "coupé", "Treppenhaus", "dom", "wagon": see
        /// `whole`.
        case place
        /// "husband", "baby", "granddaughter", "barnbarnet", "Enkelin", "wnuczkę": heard after
        /// the verb, a signal; named before it, a bystander.
        case person
        /// "varandra", "elkaar", "einander", "uns", "nawzajem": heard, a signal.
        case reciprocal
        /// "other": after `each`, a `reciprocal`.
        case other
        /// "each": before `other`.
        case each
        /// "clearly", "tydligt", "duidelijk", "deutlich", "wyraźnie": heard clearly, praise.
        case clear
        /// "only", "bara", "alleen", "nur", "tylko": a signal decides over a noise.
        case only
        /// "squeaks", "creaks", "gnisslar", "piept", "quietschen", "skrzypi": a fault.
        case noisy
        /// "kids", "dog", "birds", "crowd", "ungarna", "Hund", "ptaki": a noisy word of theirs
        /// is no fault of the thing.
        case creature
        /// "with", "of": after a `noisy` word, a figure of speech ("crackles with energy", "buzzes
        /// with ideas"). (Nouns such as "crackle" are not listed: "no wiseacre crackle".)
        case figure
        /// "I", "we", "jag", "ik", "ich", "ja": a creature, and a person named after it in the
        /// clause is heard, not a bystander.
        case speaker
        /// "wakes", "vaknar", "wakker", "aufwacht", "budzi": with a bystander or a person near,
        /// a complaint.
        case wake
        /// "quiet", "tyst", "stil", "leise", "cichy": after `so`, before `that`, praise.
        case quiet
        /// "loud", "högt", "luid", "laut", "głośno": after `so` and before `that`, or after
        /// `too`, a complaint.
        case loud
        /// "so", "så", "zo", "so", "tak": before `quiet` or `loud`.
        case so
        /// "too", "för", "te", "zu", "za": before `loud`.
        case too
        /// "that", "att", "dat", "dass", "że": opens the clause that tells how quiet or loud.
        case that
    }

    /// The valence of a verdict told by sound, before its own negation.
    static let soundValence = 1.2

    /// The words of `language`'s verdicts told by sound.
    static func sound(_ language: Language) -> [String: Sound] {
        var out = [String: Sound]()
        switch language {
        case .en:
            out.assign(["hear", "hears", "heard", "hearing"], .hear)
            out.assign(
                [
                    "alarm", "doorbell", "bell", "ringtone", "podcast", "podcasts", "audiobook", "caller", "dialogue",
                    "announcements", "announcement",
                ], .signal)
            out.assign(
                [
                    "trams", "tram", "traffic", "trains", "typing", "footsteps", "walking", "snoring", "engine",
                    "motor",
                    "compressor", "road", "street", "planes", "party",
                ], .noise)
            out.assign(["music"], .music)
            out.assign(["my", "our"], .mine)
            out.assign(
                ["neighbours", "neighbors", "colleagues", "everyone", "everybody"], .bystander)
            out.assign(["whole", "entire"], .whole)
            out.assign(["house", "carriage", "office", "building", "stairwell", "family", "street", "floor"], .place)
            out.assign(
                [
                    "husband", "wife", "partner", "baby", "granddaughter", "grandson", "grandchildren", "daughter",
                    "son", "mum", "mom", "dad", "boyfriend", "girlfriend",
                ], .person)
            out.assign(["other"], .other)
            out.assign(["each"], .each)
            out.assign(["clearly", "perfectly"], .clear)
            out.assign(["only", "all"], .only)
            out.assign(
                [
                    "squeaks", "squeak", "squeal", "squeaking", "squeaky", "squeals", "squealing", "creaks", "creak",
                    "creaky",
                    "creaking", "crackles", "rattles", "hisses", "whistles", "buzzes", "grinds", "clunks",
                ], .noisy)
            out.assign(
                [
                    "kids", "children", "child", "dog", "dogs", "cat", "cats", "birds", "crowd", "audience", "he",
                    "she", "they", "bells", "puppy", "toddler",
                ], .creature)
            out.assign(["i", "we"], .speaker)
            out.assign(["with", "of"], .figure)
            out.assign(["wake", "wakes", "woke", "waking", "wakened"], .wake)
            out.assign(["quiet", "silent"], .quiet)
            out.assign(["loud", "noisy"], .loud)
            out.assign(["so"], .so)
            out.assign(["too"], .too)
            out.assign(["that"], .that)
        case .sv:
            out.assign(["hör", "höra", "hörs", "hördes", "hörde", "hört", "hörts"], .hear)
            out.assign(
                [
                    "väckarklockan", "larmet", "dörrklockan", "ringsignalen", "podden", "podcasten", "ljudboken",
                    "utropen",
                ], .signal)
            out.assign(
                [
                    "spårvagnarna", "spårvagnen", "trafiken", "tågen", "tåget", "tangentbordet", "stegen",
                    "snarkningarna", "motorn", "kompressorn", "vägen", "gatan", "flygplanen", "festen",
                ], .noise)
            out.assign(["musik", "musiken"], .music)
            out.assign(["min", "vår"], .mine)
            out.assign(["grannarna", "grannen", "kollegorna", "alla"], .bystander)
            out.assign(["hela"], .whole)
            out.assign(["huset", "vagnen", "kontoret", "trapphuset", "familjen", "kvarteret", "bussen"], .place)
            out.assign(
                [
                    "barnbarnet", "barnbarnen", "mannen", "maken", "frun", "sambon", "bebisen", "dottern", "sonen",
                    "mamma", "pappa", "pojkvännen", "flickvännen",
                ], .person)
            out.assign(["varandra"], .reciprocal)
            out.assign(["tydligt", "perfekt"], .clear)
            out.assign(["bara", "endast"], .only)
            out.assign(
                [
                    "gnisslar", "gnisslade", "gnisslande", "knarrar", "knarrade", "knarrande", "sprakar", "spraka",
                    "sprakade", "skramlar", "skramlade", "väser", "visslar", "visslade", "surrar", "brummar",
                    "tjuter", "knäpper", "pep", "piper",
                ], .noisy)
            out.assign(
                ["barnen", "ungarna", "hunden", "katten", "fåglarna", "publiken", "han", "hon", "de"],
                .creature)
            out.assign(["jag", "vi"], .speaker)
            out.assign(["vaknar", "vaknade", "väcker", "väckte", "väcka"], .wake)
            out.assign(["tyst", "tysta"], .quiet)
            out.assign(["högt", "högljudd", "bullrig"], .loud)
            out.assign(["så"], .so)
            out.assign(["för"], .too)
            out.assign(["att"], .that)
        case .nl:
            out.assign(
                ["hoor", "hoort", "horen", "hoorde", "hoorden", "gehoord", "verstaan", "versta", "verstond"], .hear)
            out.assign(
                [
                    "wekker", "alarm", "deurbel", "bel", "ringtone", "podcast", "luisterboek", "omroepberichten",
                ], .signal)
            out.assign(
                [
                    "tram", "trams", "verkeer", "treinen", "trein", "typen", "voetstappen", "lopen", "gesnurk", "motor",
                    "compressor", "weg", "straat", "vliegtuigen", "feest",
                ], .noise)
            out.assign(["muziek"], .music)
            out.assign(["mijn", "onze", "ons"], .mine)
            out.assign(["buren", "onderburen", "bovenburen", "collega's", "iedereen"], .bystander)
            out.assign(["hele"], .whole)
            out.assign(["huis", "coupé", "kantoor", "trappenhuis", "gebouw", "familie", "buurt", "straat"], .place)
            out.assign(
                [
                    "kleindochter", "kleinzoon", "kleinkinderen", "man", "vrouw", "partner", "baby", "dochter", "zoon",
                    "moeder", "vader", "vriend", "vriendin",
                ], .person)
            out.assign(["elkaar"], .reciprocal)
            out.assign(["duidelijk", "perfect"], .clear)
            out.assign(["alleen", "enkel"], .only)
            out.assign(
                [
                    "piept", "piepen", "piepte", "piepende", "kraakt", "kraken", "kraakte", "krakende", "ratelt",
                    "rammelt", "rammelen", "sist", "fluit", "zoemt", "zoemen", "bromt", "brommen", "knettert",
                    "knispert", "jankt",
                ], .noisy)
            out.assign(
                ["kinderen", "kids", "hond", "kat", "vogels", "publiek", "hij", "zij", "ze"],
                .creature)
            out.assign(["ik", "we", "wij"], .speaker)
            out.assign(["wakker"], .wake)
            out.assign(["stil", "stille"], .quiet)
            out.assign(["luid", "lawaaierig", "hard"], .loud)
            out.assign(["zo"], .so)
            out.assign(["te"], .too)
            out.assign(["dat"], .that)
        case .de:
            out.assign(
                [
                    "hören", "höre", "hört", "hörte", "hörten", "gehört", "mitbekommen", "mitbekommt",
                ], .hear)
            out.assign(
                [
                    "wecker", "alarm", "türklingel", "klingel", "klingelton", "podcast", "hörbuch", "durchsagen",
                ], .signal)
            out.assign(
                [
                    "straßenbahn", "tram", "verkehr", "züge", "zug", "tippen", "schritte", "laufen", "schnarchen",
                    "motor", "kompressor", "straße", "flugzeuge", "party",
                ], .noise)
            out.assign(["musik"], .music)
            out.assign(["meine", "meinen", "meiner", "unsere"], .mine)
            out.assign(["nachbarn", "nachbar", "kollegen"], .bystander)
            out.assign(["ganze", "ganzen"], .whole)
            out.assign(["haus", "abteil", "büro", "treppenhaus", "gebäude", "familie", "viertel"], .place)
            out.assign(
                [
                    "enkelin", "enkel", "enkelkinder", "mann", "frau", "partner", "baby", "tochter", "sohn", "mutter",
                    "vater", "freund", "freundin",
                ], .person)
            out.assign(["einander", "uns"], .reciprocal)
            out.assign(["deutlich", "klar", "perfekt"], .clear)
            out.assign(["nur"], .only)
            out.assign(
                [
                    "quietscht", "quietschen", "quietschte", "knarzt", "knarzen", "knarrt", "knistert",
                    "knistern", "rauscht", "pfeift", "piept", "piepen", "piepst", "brummt", "summt", "surrt",
                    "klappert", "klappern", "scheppert", "knackt", "fiept", "fiepen",
                ], .noisy)
            out.assign(
                ["kinder", "hund", "katze", "vögel", "publikum", "er", "sie"], .creature)
            out.assign(["ich", "wir"], .speaker)
            out.assign(["aufwacht", "aufwachen", "weckt", "weckte", "wecken", "aufweckt"], .wake)
            out.assign(["leise", "still"], .quiet)
            out.assign(["laut"], .loud)
            out.assign(["so"], .so)
            out.assign(["zu"], .too)
            out.assign(["dass"], .that)
        case .pl:
            out.assign(
                [
                    "słychać", "słyszę", "słyszy", "słyszą", "słyszymy", "słyszał", "słyszała", "słyszeli",
                    "słyszeć", "usłyszeć",
                ], .hear)
            out.assign(
                ["budzik", "budzika", "alarm", "dzwonek", "dzwonka", "podcast", "audiobook", "komunikaty"],
                .signal)
            out.assign(
                [
                    "tramwajów", "tramwaju", "tramwaje", "ruchu", "pociągów", "pociągu", "pisania", "kroków",
                    "chrapania", "silnika", "sprężarki", "ulicy", "drogi", "samolotów", "imprezy",
                ], .noise)
            out.assign(["muzykę", "muzyki", "muzyka"], .music)
            out.assign(["moją", "swoją", "mojej", "swojej", "naszą"], .mine)
            out.assign(["sąsiedzi", "sąsiad", "sąsiadów", "koledzy", "wszyscy"], .bystander)
            out.assign(["cały", "cała", "całe"], .whole)
            out.assign(["dom", "wagon", "biuro", "klatka", "budynek", "rodzina", "osiedle", "piętro"], .place)
            out.assign(
                [
                    "wnuczkę", "wnuczka", "wnuka", "wnuki", "męża", "mąż", "żonę", "żona", "dziecko", "córkę", "syna",
                    "mamę", "tatę",
                ], .person)
            out.assign(["nawzajem"], .reciprocal)
            out.assign(["wyraźnie", "doskonale"], .clear)
            out.assign(["tylko", "jedynie"], .only)
            out.assign(
                [
                    "piszczy", "piszczą", "piszczał", "piszczała", "skrzypi", "skrzypią", "skrzypiał", "skrzypiała",
                    "trzeszczy", "trzeszczeć", "trzeszczą", "gwiżdże", "gwiżdżą", "buczy", "buczą", "brzęczy",
                    "szumi", "terkocze", "grzechocze", "syczy", "klekocze", "huczy", "stuka",
                ], .noisy)
            out.assign(
                ["dzieci", "dzieciaki", "pies", "kot", "ptaki", "publiczność", "on", "ona", "oni"],
                .creature)
            out.assign(["ja", "my"], .speaker)
            out.assign(["budzi", "budzą", "obudził", "obudziła", "obudzić", "budzić", "budząc"], .wake)
            out.assign(["cichy", "cicha", "ciche", "cicho"], .quiet)
            out.assign(["głośno", "głośny", "głośna", "głośne"], .loud)
            out.assign(["tak"], .so)
            out.assign(["za", "zbyt"], .too)
            out.assign(["że"], .that)
        }
        return out
    }
}

extension SentimentScorer {
    /// Reads a verdict told by sound (`SentimentRules+Sound`): runs after collateral and before
    /// negation. A hearing and a waking read their own negation; a noise the thing makes is
    /// left for the negation to turn.
    func markSound(_ info: UnsafeMutablePointer<Info>, _ n: Int, negatesBackward: Bool) {
        let any = anyIndex(n) { info[$0].sound.decides }
        guard any else { return }
        func role(_ j: Int) -> SentimentRules.Sound { j >= 0 && j < n ? info[j].sound : .none }
        func decide(_ k: Int, praise: Bool, _ parts: [Int]) {
            decidePerception(k, praise: praise, parts, info, n, negatesBackward: negatesBackward)
        }
        var decided = false
        // "So quiet that …", "so loud that …", "too loud": the "that" clause tells how much.
        for k in 0..<n where !info[k].fixed && (info[k].sound == .quiet || info[k].sound == .loud) {
            let quiet = info[k].sound == .quiet
            if role(k - 1) == .so && role(k + 1) == .that || role(k - 1) == .so && role(k + 2) == .that {
                var end = k + 1
                while end < n && !info[end].contrast { end += 1 }
                for j in (k + 1)..<end where !info[j].fixed {
                    info[j].valence = 0
                    if info[j].negator {
                        info[j].negatedSomething = true
                        info[j].mayDangle = false
                    }
                }
                info[k].valence = quiet ? SentimentRules.soundValence : -SentimentRules.soundValence
                info[k].fixed = true
                decided = true
            } else if !quiet && role(k - 1) == .too {
                decide(k, praise: false, [k - 1])
                decided = true
            }
        }
        for k in 0..<n where info[k].sound == .hear && !info[k].fixed {
            if let (praise, parts) = hearing(k, info, n) {
                decide(k, praise: praise, parts)
                decided = true
            }
        }
        for k in 0..<n where info[k].sound == .wake && !info[k].fixed {
            let clause = clause(of: k, info, n)
            var parts = [Int]()
            for j in max(clause.lowerBound, k - 4)..<min(clause.upperBound, k + 5)
            where isBystander(j, info, n) || info[j].sound == .person {
                parts.append(j)
            }
            if !parts.isEmpty {
                decide(k, praise: false, parts)
                decided = true
            }
        }
        guard !decided else { return }
        for k in 0..<n where info[k].sound == .noisy && !info[k].fixed {
            // "The kids squealed", "bells and whistles": theirs, not the thing's; "crackles with
            // energy": not a noise.
            let clause = clause(of: k, info, n)
            var theirs = false
            for j in clause.lowerBound..<k where info[j].sound == .creature || info[j].sound == .speaker {
                theirs = true
            }
            if !theirs && role(k + 1) != .figure { setLean(k, -SentimentRules.soundValence, fault: true, info) }
        }
    }

    /// A negator (or a phrase with its own, "niet meer") one to three words before `k` in its
    /// clause ("without" up to six), or, where negation reaches back, after it in its clause.
    func perceptionNegator(of k: Int, _ info: UnsafeMutablePointer<Info>, _ n: Int, negatesBackward: Bool) -> Int? {
        let clause = clause(of: k, info, n)
        for j in stride(from: k - 1, through: max(clause.lowerBound, k - 6), by: -1)
        where info[j].negator && (k - j <= 3 || info[j].without) || info[j].ownNegation && k - j <= 3 {
            return j
        }
        if negatesBackward {
            // (Not "without": it negates only what follows, "kan läsa … utan att hålla frun vaken".)
            for j in (k + 1)..<max(k + 1, min(clause.upperBound, k + 8))
            where info[j].negator && !info[j].without || info[j].ownNegation {
                return j
            }
        }
        return nil
    }

    /// Sets the reading of a hearing or a seeing at `k` (`SentimentRules+Sound`,
    /// `SentimentRules+Sight`) with its own negation: the words that told it count nothing.
    func decidePerception(
        _ k: Int, praise: Bool, _ parts: [Int], _ info: UnsafeMutablePointer<Info>, _ n: Int, negatesBackward: Bool
    ) {
        var praise = praise
        if let j = perceptionNegator(of: k, info, n, negatesBackward: negatesBackward) {
            praise.toggle()
            takeNegator(j, info)
        }
        // (A phrase among them, "nothing but", counts nothing either.)
        for j in parts where (!info[j].fixed || info[j].phrase) && j != k { info[j].valence = 0 }
        info[k].valence = praise ? SentimentRules.soundValence : -SentimentRules.soundValence
        info[k].fixed = true
    }

    /// Marks the negator at `j` as read by a reading: it negated something, it does not dangle,
    /// and it counts nothing of its own.
    func takeNegator(_ j: Int, _ info: UnsafeMutablePointer<Info>) {
        info[j].negatedSomething = true
        info[j].mayDangle = false
        if !info[j].fixed || info[j].ownNegation { info[j].valence = 0 }
    }

    /// Sets a reading at `at` (praise or a complaint, fixed) that decides `span`: no word of it
    /// but a negator counts what leans the other way (`SentimentRules+Touch`, `+Smell`,
    /// `+Handling`).
    func settle(_ at: Int, praise: Bool, over span: Range<Int>, _ info: UnsafeMutablePointer<Info>) {
        for j in span where j != at && !info[j].negator && (praise ? info[j].valence < 0 : info[j].valence > 0) {
            info[j].valence = 0
        }
        info[at].valence = praise ? SentimentRules.soundValence : -SentimentRules.soundValence
        info[at].fixed = true
    }

    /// Whether hearing at `k` is praise (before its negation), and the words that tell it, or
    /// nil when nothing tells who hears what.
    private func hearing(_ k: Int, _ info: UnsafeMutablePointer<Info>, _ n: Int) -> (Bool, [Int])? {
        var clause = clause(of: k, info, n)
        // "hoor ik in de trein alleen nog mijn podcast": "alleen" is read as a contrast, but
        // after a hearing it says what alone is heard.
        if clause.upperBound < n && info[clause.upperBound].sound == .only {
            clause = clause.lowerBound..<self.clause(of: clause.upperBound, info, n).upperBound
        }
        var bystander = [Int](), signal = [Int](), noise = [Int](), clear = false, only = false, speaker = false
        // A bystander may be named in the clause before ("sąsiedzi z dołu mówią, że nie słyszą").
        for j in max(0, k - 8)..<min(clause.upperBound, k + 5) where j != k {
            switch info[j].sound {
            case _ where isBystander(j, info, n): bystander.append(j)
            case .person where j < k: bystander.append(j)
            case .speaker where j < k && j >= clause.lowerBound: speaker = true
            default: break
            }
        }
        for j in clause where j != k {
            switch info[j].sound {
            case .signal: signal.append(j)
            // "kan ik mijn kleindochter weer verstaan": after the speaker, heard.
            case .person where j > k && j - k <= 3 || j < k && speaker: signal.append(j)
            case .reciprocal: signal.append(j)
            case .other where j > 0 && info[j - 1].sound == .each: signal.append(j)
            case .music where j > 0 && info[j - 1].sound == .mine: signal.append(j)
            case .noise: noise.append(j)
            case .clear: clear = true
            case .only: only = true
            default: break
            }
        }
        if speaker { bystander.removeAll { info[$0].sound == .person } }
        if only && !signal.isEmpty { return (true, signal + noise) }
        if !bystander.isEmpty && !clear { return (false, bystander + noise) }
        if !signal.isEmpty && (only || noise.isEmpty) { return (true, signal + noise) }
        if !noise.isEmpty { return (false, noise) }
        if clear { return (true, []) }
        return nil
    }
}

extension SentimentScorer {
    /// Whether word `j` names a bystander: "the neighbours", or "whole" before a place ("the
    /// whole house", "hela trapphuset").
    fileprivate func isBystander(_ j: Int, _ info: UnsafeMutablePointer<Info>, _ n: Int) -> Bool {
        switch info[j].sound {
        case .bystander: true
        case .whole: j + 1 < n && info[j + 1].sound == .place || j + 2 < n && info[j + 2].sound == .place
        default: false
        }
    }
}

extension SentimentRules.Sound {
    /// Whether the word is one a reading can be decided on (the rest only tell it).
    var decides: Bool {
        switch self {
        case .hear, .noisy, .wake, .quiet, .loud: true
        default: false
        }
    }
}
