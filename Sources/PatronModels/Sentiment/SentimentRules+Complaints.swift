/// Two kinds of complaint that customers state as facts, without a sentiment word, in every
/// language (issue 19, seventh round):
///
/// - **Too much of a measure**: "too small", "zu kurz", "te duur", "för trång", "za ciasne".
///   Size, length, weight, temperature, loudness and price are no verdict alone ("groß", "kurz",
///   "warm"), but too much of one is a complaint. Read as two-word phrases, so they are negated
///   like a word ("nicht zu groß" is faint praise).
/// - **How soon it failed**: "after a week", "nach zwei Monaten", "po pierwszym praniu", "efter
///   några dagar", "na een paar keer": a review that says how long something lasted is nearly
///   always a complaint about what happened then. A mild valence on the time word, so that any
///   sentiment word in the sentence still decides ("Nach einem Jahr immer noch wie neu").
extension SentimentRules {
    /// The valence of "too" and a measure: a plain complaint ("spät" is −1.5).
    static let excessValence = -1.6
    /// The valence of a span of time or use after "after": a mild lean, not a verdict.
    static let elapsedValence = -0.8
    /// The valence of a negator that negates nothing: a mild lean, like a span of time.
    static let danglingValence = -0.8

    /// The valence of what keeps happening ("keeps crashing"): a lean, like a span of time.
    static let persistenceValence = -1.0

    /// English "keep" words, read as a complaint before a word in "-ing" ("keeps crashing",
    /// "kept turning itself off") but for those that praise ("keeps going", "keep coming back").
    /// Other languages say it with an adverb the vocabulary lists ("ständig", "hela tiden",
    /// "ciągle").
    static func persistence(_ language: Language) -> [String] {
        language == .en ? ["keep", "keeps", "kept", "keeping"] : []
    }
    static let persistingPraise: Set<String> = ["going", "coming", "getting", "improving", "borrowing"]

    /// The words for "without" among the negators of `language`.
    static func without(_ language: Language) -> [String] {
        switch language {
        case .en: ["without"]
        case .de: ["ohne"]
        case .nl: ["zonder"]
        case .sv: ["utan"]
        case .pl: ["bez"]
        }
    }

    /// The "too" + measure phrases of `language`, every inflected form of the measure.
    static func excessPhrases(_ language: Language) -> [String: Double] {
        var out = [String: Double]()
        for (too, measures) in excess(language) {
            for measure in measures { out["\(too) \(measure)"] = excessValence }
        }
        return out
    }

    /// The words for "too" and the measures each reads as excess with.
    static func excess(_ language: Language) -> [(too: String, measures: [String])] {
        switch language {
        case .en:
            let measures = [
                "small", "big", "large", "tight", "loose", "short", "long", "heavy", "thin", "thick", "hard", "soft",
                "hot", "cold", "warm", "loud", "quiet", "slow", "bright", "dark", "dim", "weak", "narrow", "wide",
                "low",
                "high", "expensive", "pricey", "sweet", "salty", "spicy", "dry", "greasy", "oily", "complicated",
                "late",
                "little", "much", "many", "few", "stiff", "fragile", "flimsy", "bulky", "bitter", "sour", "cramped",
                "crowded", "strong",
            ]
            return [("too", measures)]
        case .de:
            let stems = [
                "klein", "groß", "eng", "weit", "kurz", "lang", "schwer", "dünn", "dick", "hart", "weich", "heiß",
                "kalt",
                "warm", "laut", "leise", "langsam", "hell", "schwach", "schmal", "breit", "niedrig", "süß", "salzig",
                "scharf", "trocken", "fettig", "kompliziert", "spät", "steif", "locker", "klobig", "knapp",
            ]
            var measures = stems.flatMap { stem in ["", "e", "en", "er", "es", "em"].map { stem + $0 } }
            // Stems that change before an ending ("teuer" → "teure", "hoch" → "hohe").
            for (plain, stem) in [("teuer", "teur"), ("hoch", "hoh"), ("dunkel", "dunkl")] {
                measures += [plain] + ["e", "en", "er", "es", "em"].map { stem + $0 }
            }
            measures += ["wenig", "wenige", "viel", "viele"]
            return [("zu", measures), ("allzu", measures)]
        case .nl:
            let pairs = [
                ("klein", "kleine"), ("groot", "grote"), ("krap", "krappe"), ("strak", "strakke"), ("wijd", "wijde"),
                ("kort", "korte"), ("lang", "lange"), ("zwaar", "zware"), ("dun", "dunne"), ("dik", "dikke"),
                ("hard", "harde"), ("zacht", "zachte"), ("heet", "hete"), ("koud", "koude"), ("warm", "warme"),
                ("luid", "luide"), ("traag", "trage"), ("langzaam", "langzame"), ("fel", "felle"),
                ("donker", "donkere"), ("zwak", "zwakke"), ("smal", "smalle"), ("breed", "brede"), ("laag", "lage"),
                ("hoog", "hoge"), ("duur", "dure"), ("zoet", "zoete"), ("zout", "zoute"), ("pittig", "pittige"),
                ("droog", "droge"), ("vet", "vette"), ("ingewikkeld", "ingewikkelde"), ("laat", "late"),
                ("stijf", "stijve"), ("los", "losse"), ("langdradig", "langdradige"),
            ]
            return [("te", pairs.flatMap { [$0.0, $0.1] } + ["weinig", "veel"])]
        case .sv:
            // Not "mycket" ("tack för mycket god mat" thanks for very good food) nor "låg"
            // ("för låga priser" is also "for low prices").
            let measures = [
                "liten", "litet", "små", "stor", "stort", "stora", "trång", "trångt", "trånga", "kort", "korta", "lång",
                "långt", "långa", "tung", "tungt", "tunga", "tunn", "tunt", "tunna", "tjock", "tjockt", "tjocka",
                "hård",
                "hårt", "hårda", "mjuk", "mjukt", "mjuka", "varm", "varmt", "varma", "kall", "kallt", "kalla", "het",
                "hett", "heta", "hög", "högt", "höga", "långsam", "långsamt", "långsamma", "ljus", "ljust", "ljusa",
                "mörk", "mörkt", "mörka", "svag", "svagt", "svaga", "smal", "smalt", "smala", "dyr", "dyrt", "dyra",
                "söt", "sött", "söta", "salt", "salta", "torr", "torrt", "torra", "krånglig", "krångligt", "krångliga",
                "sen", "sent", "sena", "lite", "få", "stel", "stelt", "stela", "lös", "löst", "lösa",
            ]
            return [("för", measures), ("alltför", measures)]
        case .pl:
            // "za" is also "for" ("dziękujemy za ciepłe przyjęcie", thanks for the warm
            // welcome): words that praise after "for" are read after "zbyt" only.
            let both: [(String, Bool)] = [
                ("mał", false), ("duż", false), ("ciasn", false), ("luźn", false), ("krótk", true), ("dług", true),
                ("ciężk", true), ("cienk", true), ("grub", false), ("tward", false), ("miękk", true), ("gorąc", false),
                ("zimn", false), ("głośn", false), ("ciemn", false), ("słab", false), ("wąsk", true), ("nisk", true),
                ("drog", true), ("słodk", true), ("słon", false), ("ostr", false), ("such", false), ("tłust", false),
                ("skomplikowan", false), ("sztywn", false),
            ]
            let zbytOnly: [(String, Bool)] = [
                ("ciepł", false), ("jasn", false), ("wysok", true), ("szerok", true), ("woln", false), ("cich", false),
            ]
            let adverbs = ["mało", "dużo", "późno", "drogo", "długo", "krótko", "głośno", "ciasno", "ciężko"]
            let forms = { (list: [(String, Bool)]) in list.flatMap { polishAdjective($0.0, iStem: $0.1) } }
            return [("za", forms(both) + adverbs), ("zbyt", forms(both) + forms(zbytOnly) + adverbs)]
        }
    }

    /// The words for "after" and the spans of time or use that, after one, tell how soon
    /// something failed (within three words: "nach zwei Wochen", "po pierwszym praniu"), and
    /// the words for "even" that, right before the "after", make the span one something held
    /// out for ("even after a whole day of walking", "inte ens efter", "selbst nach").
    static func elapsed(_ language: Language) -> (after: [String], spans: [String], even: [String]) {
        switch language {
        case .en:
            return (
                ["after"],
                [
                    "day", "days", "week", "weeks", "fortnight", "month", "months", "year", "years", "hour", "hours",
                    "minutes",
                    "use",
                    "uses", "wash", "washes", "washing", "times",
                ],
                ["even"]
            )
        case .de:
            return (
                ["nach"],
                [
                    "tag", "tagen", "woche", "wochen", "monat", "monaten", "jahr", "jahren", "stunde", "stunden",
                    "minuten", "zeit", "wäsche", "waschen", "waschgang", "benutzung", "gebrauch", "mal",
                ],
                ["selbst", "sogar", "auch"]
            )
        case .nl:
            return (
                ["na"],
                [
                    "dag", "dagen", "week", "weken", "maand", "maanden", "jaar", "uur", "minuten", "wasbeurt",
                    "wasbeurten", "keer", "gebruik",
                ],
                ["zelfs", "ook"]
            )
        case .sv:
            return (
                ["efter"],
                [
                    "dag", "dagar", "dagen", "vecka", "veckor", "veckan", "månad", "månader", "månaden", "år", "året",
                    "timme", "timmar", "minuter", "tvätt", "tvätten", "tvättar", "användning", "gången", "gånger",
                ],
                ["ens", "även", "också"]
            )
        case .pl:
            return (
                ["po"],
                [
                    "dniu", "dniach", "tygodniu", "tygodniach", "miesiącu", "miesiącach", "roku", "latach", "godzinie",
                    "godzinach", "minutach", "praniu", "praniach", "użyciu", "użyciach", "założeniu",
                ],
                ["nawet", "też"]
            )
        }
    }
}
