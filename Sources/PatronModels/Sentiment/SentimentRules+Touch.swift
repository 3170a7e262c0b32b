/// A verdict told by touch (issue 19, thirty-sixth round): how a thing feels on the body. "The
/// gloves keep my fingers warm on the bike", "Sandalerna skaver inte", "De waterkoker blijft
/// aan de buitenkant koel", and "Die Wollsocken kratzen so sehr …", "Pokrowiec na kierownicę
/// robi się lepki w upale". Words such as "cool", "kühl", "weich" or "rub" carry a dictionary
/// sense that is wrong here, or none: the verdict is in what the body feels.
///
/// - **A discomfort the thing causes** is a complaint, negated praise ("doesn't itch at all",
///   "spricker knogarna inte längre", "verbrennt mir der Laptop nicht mehr die Oberschenkel").
///   Chafing and itching ("rub", "itch", "skaver", "kliar", "schuren", "kriebelen", "scheuern",
///   "kratzen", "obcierają", "gryzą") decide alone; burning, pinching and cracking ("burn",
///   "bränner", "brandt", "verbrennt", "parzy", "pęka") only with a part of the body or a person
///   in the clause ("burn your fingers"; not "burn a CD"), and Dutch "springen" and German
///   "reißen" only with "open"/"auf" ("reißen meine Knöchel nicht mehr auf"). In English
///   "keeps … from" before it negates it ("keeps my laptop from burning my legs").
/// - **A state felt on the body** is a complaint, negated praise: sticky, slimy, clammy,
///   sweaty, numb, damp ("kladdigt", "svettig", "plakkerig", "bezweet", "klebrig",
///   "verschwitzt", "lepki", "spocony"; "without waking up clammy" is praise).
/// - **Comfort** ("warm", "cool", "soft", "dry", "sval", "koel", "kühl", "weich", "chłodny") is
///   praise where a verb says the thing keeps, stays or feels so ("keeps my fingers warm",
///   "blijft koel", "känns svala"), "to the touch" says so ("chłodne w dotyku"), or a part of
///   the body is named ("weich am Hals"); "dry" only with a part of the body. Negated, with
///   the negation on the verb ("doesn't keep my feet warm", "hält die Füße nicht warm"), it is
///   a complaint.
///
/// Each reading counts nothing else of its own part of the clause (up to "and") that leans the
/// other way: "rub a blister on my heel within an hour" is no quick delivery, "bränner
/// fingrarna" after "så varm" no praise of warmth.
extension SentimentRules {
    /// What a word does in a verdict told by touch.
    enum Touch: Sendable, Equatable {
        case none
        /// "rub", "chafe", "itch", "skaver", "kliar", "schuren", "kriebelt", "scheuern", "kratzt",
        /// "obcierają", "gryzą": a discomfort by itself.
        case chafe
        /// "burn", "pinch", "crack", "bränner", "spricker", "brandt", "verbrennt", "drückt",
        /// "parzy", "pęka": a discomfort where a part of the body or a person is named.
        case hurt
        /// Dutch "springen", German "reißen", "springen": a discomfort with `open` ("springen
        /// … open", "reißen … auf") and a part of the body.
        case split
        /// Dutch "open", German "auf": see `split`.
        case open
        /// "sticky", "slimy", "clammy", "sweaty", "numb", "damp", "kladdig", "svettig",
        /// "plakkerig", "klebrig", "taub", "lepki", "spocony": a state felt, a complaint.
        case clammy
        /// "warm", "cool", "soft", "varm", "sval", "mjuk", "koel", "zacht", "kühl", "weich",
        /// "ciepło", "chłodny", "miękki": comfort where something says it is felt.
        case comfort
        /// "dry", "torra", "droog", "trocken", "suche": comfort only with a part of the body
        /// ("a dry cake" is no comfort).
        case dry
        /// "keeps", "stays", "feels", "håller", "förblir", "känns", "houdt", "blijft", "voelt",
        /// "hält", "bleibt", "fühlt", "trzyma", "pozostaje": says a comfort is felt.
        case keep
        /// "touch", "dotyku": "cool to the touch".
        case touch
        /// "fingers", "feet", "neck", "skin", "fingrarna", "huden", "vingers", "Haut", "palce",
        /// "skóra": a part of the body.
        case body
        /// "me", "you", "mig", "mich", "mir", "mi", "mnie": a person, for `hurt`.
        case person
        /// English "from" after "keeps", "stops" or "prevents": negates what follows.
        case from
        /// "stops", "prevents": see `from`.
        case stop
        /// "and", "och", "en", "und", "i", "oraz": ends the part of the clause a reading reads.
        case and
        /// English "up", "open", "to", "for" one or two words after a discomfort: an idiom
        /// ("burns me up", "crack it open", "an itch to explore").
        case up
        /// "even", "ens", "zelfs", "einmal", "nawet": a negation repeated with it echoes the one
        /// before (`echoNegation`).
        case even
    }

    /// The words of `language`'s verdicts told by touch.
    static func touch(_ language: Language) -> [String: Touch] {
        var out = [String: Touch]()
        switch language {
        case .en:
            out.assign(["rub", "rubs", "chafe", "chafes", "itch", "itches"], .chafe)
            out.assign(
                ["burn", "burns", "burning", "burned", "burnt", "scald", "scalds", "pinch", "pinches", "crack"],
                .hurt)
            out.assign(
                ["sticky", "slimy", "clammy", "sweaty", "numb", "damp", "soggy", "blister", "blisters"], .clammy)
            out.assign(["warm", "cool", "soft", "smooth"], .comfort)
            out.assign(["dry"], .dry)
            out.assign(
                ["keep", "keeps", "kept", "stay", "stays", "stayed", "remain", "remains", "feel", "feels", "felt"],
                .keep)
            out.assign(
                [
                    "finger", "fingers", "hand", "hands", "foot", "feet", "toe", "toes", "heel", "heels", "neck",
                    "skin",
                    "leg", "legs", "thigh", "thighs", "knuckle", "knuckles", "lip", "lips", "ear", "ears", "knee",
                    "knees", "arm", "arms", "shoulder", "shoulders", "wrist", "wrists", "palm", "palms", "underfoot",
                ], .body)
            out.assign(["me", "you", "yourself", "myself", "him", "her", "us"], .person)
            out.assign(["from"], .from)
            out.assign(["up", "open", "to", "for"], .up)
            out.assign(["stops", "stop", "prevents", "prevent"], .stop)
            out.assign(["and"], .and)
            out.assign(["even"], .even)
        case .sv:
            out.assign(["skaver", "skavde", "skava", "kliar", "kliade", "klia", "kliig", "kliiga"], .chafe)
            out.assign(["bränner", "brände", "bränna", "spricker", "nyper", "nöp"], .hurt)
            out.assign(
                [
                    "kladdig", "kladdigt", "kladdiga", "slemmig", "slemmigt", "slemmiga", "klibbig", "klibbigt",
                    "klibbiga", "svettig", "svettiga", "fuktig", "fuktigt", "fuktiga", "domnar", "domnade", "blåsa",
                    "blåsor", "genomblöt", "genomvåt",
                ], .clammy)
            out.assign(
                ["varm", "varma", "varmt", "sval", "svala", "svalt", "mjuk", "mjuka", "mjukt", "len", "lena"], .comfort)
            out.assign(["torr", "torra", "torrt"], .dry)
            out.assign(["håller", "höll", "förblir", "förblev", "känns", "kändes", "behåller"], .keep)
            out.assign(["beröring"], .touch)
            out.assign(
                [
                    "fingrarna", "fingrar", "händerna", "händer", "fötterna", "fötter", "tårna", "hälen", "hälarna",
                    "halsen", "huden", "benen", "låren", "knogarna", "läpparna", "öronen", "knäna", "armarna",
                    "axlarna", "handlederna",
                ], .body)
            out.assign(["mig", "dig", "oss", "henne", "honom"], .person)
            out.assign(["och"], .and)
            out.assign(["ens"], .even)
        case .nl:
            out.assign(
                ["schuren", "schuurt", "schuurden", "kriebelen", "kriebelt", "jeuken", "jeukt", "knellen", "knelt"],
                .chafe)
            out.assign(["brandt", "branden", "verbrandt", "verbranden"], .hurt)
            out.assign(["springen", "springt", "sprongen"], .split)
            out.assign(["open"], .open)
            out.assign(
                [
                    "plakkerig", "plakkerige", "glibberig", "glibberige", "klam", "klamme", "bezweet", "vochtig",
                    "vochtige", "gevoelloos", "blaar", "blaren", "doorweekt", "kletsnat",
                ], .clammy)
            out.assign(["warm", "warme", "koel", "koele", "zacht", "zachte"], .comfort)
            out.assign(["droog", "droge"], .dry)
            out.assign(
                ["houden", "houdt", "hield", "hielden", "blijft", "blijven", "bleef", "voelt", "voelen", "voelde"],
                .keep)
            out.assign(["aanraking"], .touch)
            out.assign(
                [
                    "vingers", "handen", "voeten", "tenen", "hiel", "hielen", "nek", "huid", "benen", "dijen",
                    "knokkels",
                    "lippen", "oren", "knieën", "armen", "schouders", "polsen",
                ], .body)
            out.assign(["me", "mij", "ons", "hem"], .person)
            out.assign(["en"], .and)
            out.assign(["zelfs"], .even)
        case .de:
            out.assign(
                ["scheuern", "scheuert", "scheuerten", "kratzen", "kratzt", "kratzte", "juckt", "jucken"], .chafe)
            out.assign(["verbrennt", "verbrennen", "verbrannt", "drückt", "drücken"], .hurt)
            out.assign(["reißen", "reißt", "springen", "springt"], .split)
            out.assign(["auf"], .open)
            out.assign(
                [
                    "klebrig", "klebrige", "schleimig", "schleimige", "verschwitzt", "feucht", "taub", "klamm",
                    "durchnässt",
                ], .clammy)
            out.assign(["warm", "warme", "kühl", "kühle", "weich", "weiche"], .comfort)
            out.assign(["trocken"], .dry)
            out.assign(["halten", "hält", "hielt", "bleibt", "bleiben", "blieb", "fühlt", "fühlen", "fühlte"], .keep)
            out.assign(
                [
                    "finger", "hände", "händen", "füße", "füßen", "zehen", "ferse", "fersen", "hals", "haut", "beine",
                    "beinen", "oberschenkel", "knöchel", "lippen", "ohren", "knie", "arme", "schultern", "handgelenk",
                ], .body)
            out.assign(["mir", "mich", "dich", "dir"], .person)
            out.assign(["und"], .and)
            out.assign(["einmal", "selbst", "sogar"], .even)
        case .pl:
            out.assign(
                [
                    "obcierają", "obciera", "obcierały", "gryzą", "gryzie", "swędzi", "swędzą", "drapie", "drapią",
                    "uwiera", "uwierają",
                ],
                .chafe)
            out.assign(["parzy", "parzą", "poparzyć", "oparzyć", "pęka", "pękają", "pękała"], .hurt)
            out.assign(
                [
                    "lepki", "lepkie", "lepka", "śliski", "śliskie", "śliska", "spocony", "spocona", "spocone",
                    "wilgotny", "wilgotne", "wilgotna", "drętwieją", "drętwieje", "przemoczony", "przemoczone",
                    "przemoczona",
                ], .clammy)
            out.assign(
                [
                    "ciepło", "cieple", "ciepłe", "ciepły", "ciepła", "chłodny", "chłodne", "chłodna", "chłodno",
                    "miękki", "miękka", "miękkie",
                ], .comfort)
            out.assign(["suche", "suchy", "sucha", "sucho"], .dry)
            out.assign(["trzyma", "trzymają", "trzymał", "trzymały", "pozostaje", "pozostają", "utrzymuje"], .keep)
            out.assign(["dotyku"], .touch)
            out.assign(
                [
                    "palce", "palcach", "palców", "dłonie", "ręce", "rąk", "stopy", "stopach", "piętę", "pięty", "szyi",
                    "szyję", "skóra", "skórę", "skórze", "nogi", "nogach", "uda", "ud", "udach", "knykcie",
                    "knykciach", "usta", "uszy", "kolana", "ramiona",
                ], .body)
            out.assign(["mi", "mnie", "cię", "ci"], .person)
            out.assign(["i", "oraz"], .and)
            out.assign(["nawet"], .even)
        }
        return out
    }
}

extension SentimentScorer {
    /// Reads a verdict told by touch (`SentimentRules+Touch`): runs after sight and before
    /// negation; each reading reads its own negation.
    /// Not in a question ("Kannst Du mir den Rücken kratzen?").
    func markTouch(_ info: UnsafeMutablePointer<Info>, _ n: Int, question: Bool, negatesBackward: Bool) {
        let any = !question && anyIndex(n) { info[$0].touch.decides && !info[$0].fixed }
        guard any else { return }
        for k in 0..<n where !info[k].fixed {
            let kind = info[k].touch
            guard kind.decides else { continue }
            let idiom =
                (kind == .chafe || kind == .hurt)
                && (k + 1 < n && info[k + 1].touch == .up || k + 2 < n && info[k + 2].touch == .up)
            if idiom { continue }
            let span = touchSpan(of: k, info, n)
            var body = false, person = false, open = false, keep = -1, touch = false
            for j in span where j != k {
                switch info[j].touch {
                case .body: body = true
                case .person: person = true
                case .open where j > k: open = true
                case .keep where j < k && keep < 0: keep = j
                case .touch: touch = true
                default: break
                }
            }
            switch kind {
            case .chafe:
                decideTouch(k, praise: false, k, span, info, n, negatesBackward: negatesBackward)
            case .clammy:
                // A state may be said of a person ("the sweaty guy was nicer"): it counts nothing
                // only of the words next to it ("wache verschwitzt auf", "sticky sweet").
                // Warmth in its clause is when it happens ("plakkerig als het warm is").
                let near = max(span.lowerBound, k - 2)..<min(span.upperBound, k + 3)
                decideTouch(k, praise: false, k, near, info, n, negatesBackward: negatesBackward, within: span)
                for j in span where info[j].touch == .comfort && !info[j].fixed && info[j].valence > 0 {
                    info[j].valence = 0
                }
            case .hurt where body || person, .split where body && open:
                // "keeps my laptop from burning my legs": kept from, no discomfort.
                var kept = false
                if k >= 2 && info[k - 1].touch == .from {
                    for j in span.lowerBound..<(k - 1) where info[j].touch == .keep || info[j].touch == .stop {
                        kept = true
                    }
                }
                decideTouch(k, praise: kept, k, span, info, n, negatesBackward: negatesBackward && !kept)
            case .comfort where keep >= 0 || touch || body, .dry where body:
                // The verb that says it is kept or felt carries the reading and its negation
                // ("doesn't keep my feet warm"); the comfort words count nothing of their own.
                let at = keep >= 0 ? keep : k
                decideTouch(at, praise: true, k, span, info, n, negatesBackward: negatesBackward)
                for j in span where info[j].touch == .comfort || info[j].touch == .dry {
                    info[j].fixed = true
                    if j != at { info[j].valence = 0 }
                }
            default: break
            }
        }
    }

    /// The part of `k`'s clause up to the word for "and" on either side.
    private func touchSpan(of k: Int, _ info: UnsafeMutablePointer<Info>, _ n: Int) -> Range<Int> {
        span(of: k, info, n) { info[$0].touch == .and }
    }

    /// Sets a touch reading at `at` for the word at `k` with its own negation (within `within`,
    /// or else `span`), and counts nothing in `span` that leans the other way.
    private func decideTouch(
        _ at: Int, praise: Bool, _ k: Int, _ span: Range<Int>, _ info: UnsafeMutablePointer<Info>, _ n: Int,
        negatesBackward: Bool, within: Range<Int>? = nil
    ) {
        var praise = praise
        if let j = perceptionNegator(of: at, info, n, negatesBackward: negatesBackward), (within ?? span).contains(j) {
            // "Don't burn yourself": a warning, no verdict.
            if j == 0 && info[j].negator && !info[j].without { return }
            praise.toggle()
            takeNegator(j, info)
            echoNegation(after: j, info, n)
        }
        if k != at { info[k].valence = 0 }
        settle(at, praise: praise, over: span, info)
    }
}

extension SentimentScorer {
    /// A clause right after a negated reading that repeats the negation with "even" ("don't
    /// rub, not even after a whole day", "skaver inte, inte ens efter en hel dag", "schuren
    /// niet, zelfs niet na een hele dag"): its negator tells the same, it does not dangle, and a
    /// span after "after" in it is how long the thing held, not how soon it failed.
    func echoNegation(after negator: Int, _ info: UnsafeMutablePointer<Info>, _ n: Int) {
        let end = clause(of: negator, info, n).upperBound
        guard end < n else { return }
        let next = clause(of: end, info, n)
        var echo = -1, even = false
        for j in next.lowerBound..<min(next.upperBound, next.lowerBound + 3) {
            if info[j].negator && !info[j].without && echo < 0 { echo = j }
            if info[j].touch == .even { even = true }
        }
        guard echo >= 0 && even else { return }
        info[echo].mayDangle = false
        info[echo].negatedSomething = true
        for j in next where info[j].elapsed && info[j].valence < 0 { info[j].valence = 0 }
    }
}

extension SentimentRules.Touch {
    /// Whether the word is one a reading can be decided on (the rest only tell it).
    var decides: Bool {
        switch self {
        case .chafe, .hurt, .split, .clammy, .comfort, .dry: true
        default: false
        }
    }
}
