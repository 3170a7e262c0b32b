/// What a language needs beyond its lexicon: negators, boosters and dampeners, the contrast
/// word, words the lexicon must not score, and the customer-experience vocabulary general
/// lexicons miss (valences on VADER's −4…4 scale; a key with a space is a two-word phrase, and
/// "verb … particle" a split phrase: the verb, then the particle that ends its clause, as in
/// "Die App stürzt ständig ab" or "Het einde stelt teleur").
package struct SentimentRules: Sendable {
    package let negators: Set<String>
    /// Added to the magnitude of the next sentiment word: positive boosts, negative dampens.
    package let intensifiers: [String: Double]
    /// The clause after a contrast word counts 1.5×, the one before 0.5×.
    package let contrast: Set<String>
    /// Words never scored (function words some lexicons give a valence, and negators).
    package let neutral: Set<String>
    /// Valences that replace or extend the lexicon's.
    package let vocabulary: [String: Double]
    /// Verb-second languages put the negator after a finite verb ("Das funktioniert nicht"):
    /// a negator with no sentiment word after it in its clause negates the one before.
    package let negatesBackward: Bool
    /// Whether the general lexicon is used at all (the vocabulary always is).
    package var usesLexicon = true
    /// Words that join clauses ("und", "en", "och"): backward negation stops at them.
    package var joiners: Set<String> = []
    /// Prefixes that intensify the word they are written onto ("jättebra", "stinksauer",
    /// "doodsaai", "superschnell"): such a compound reads as the word after the prefix, boosted.
    package var intensifyingPrefixes: [String] = ["super", "mega", "ultra"]
    /// The inflected forms of a lexicon word that the lexicon does not list itself (Swedish
    /// adjectives: "trasig" gives "trasigt", "trasiga"); `nil` where the lexicons list them.
    package var inflections: (@Sendable (String) -> [String])? = nil
    /// How a word is spelled on a keyboard without the language's letters ("świetny" typed as
    /// "swietny", "schön" as "schoen"), where that spelling is common in customer text and
    /// seldom another word; `nil` where it is not (Swedish "vänligt" without dots is
    /// "vanligt", and "schön" without them is "schon"). The scorer reads such a spelling as the
    /// word it stands for when nothing else is spelled that way.
    package var keyboardForm: (@Sendable (String) -> String)? = nil
    /// Heads that keep their sense in any compound written as one word ("Pixelfehler",
    /// "Totalschaden", "geldverspilling", "pengaslöseri"): a word the lexicon lacks that ends in
    /// one, after three bytes or more, reads as it. A list, not any lexicon word: Swedish
    /// "tillräckligt" ends in "äckligt" and "misslyckats" in "lyckats", German "gemeinsam" in
    /// "einsam" — derivations, not compounds.
    package var compoundHeads: [String] = []
    /// Words for the numbers of a rating ("five" in "five stars"), 0 to 5.
    package var ratingNumbers: [String: Int] = [:]
    /// The words for a rating's stars, each with whether it is plural: "5 star hotel" names a
    /// class of hotel, so a singular counts only after "one" or at the end of its sentence.
    package var starWords: [String: Bool] = [:]
    /// Another spelling of the lexicons' words that texts use, looked up too: German's lexicon
    /// writes "ss" for "ß" ("grossartig", "spass", "süss"), as Swiss German does, where most
    /// writers use "ß" ("großartig", "Spaß", "süß").
    package var spellingVariant: (@Sendable (String) -> String)? = nil
    /// The words for "after", the spans of time or use read after them ("nach zwei Wochen") and
    /// the words for "even" that make the span one something held out for, and the words for
    /// "without" among the negators: see `SentimentRules+Complaints.swift`.
    package var elapsed: (after: [String], spans: [String], even: [String]) = ([], [], [])
    package var withoutWords: [String] = []
    /// Faults whose negation is praise, and words that open a concession: see
    /// `SentimentRules+Problems.swift`.
    package var problemWords: [String] = []
    package var concessive: [String] = []
    /// "keeps" before a word in "-ing" (`SentimentRules+Complaints.swift`).
    package var persistence: [String] = []
    /// "can" words and what cannot be exceeded after them, negated
    /// (`SentimentRules+Ceilings.swift`).
    var modals: [String] = []
    var ceilings: [String: Ceiling] = [:]
    /// The words of counterfactuals ("could have been great"; `SentimentRules+Irrealis.swift`).
    var irrealis: [String: Irrealis] = [:]
    var irrealisReach = 64
    /// The words of waits told with their length (`SentimentRules+Waiting.swift`).
    var waiting: [String: Waiting] = [:]
    /// The words of regrets for not having done it sooner (`SentimentRules+Regret.swift`).
    var regret: [String: Regret] = [:]
    var speakerEndings: [String] = []
    /// The words of verdicts said by comparison (`SentimentRules+Comparison.swift`).
    var comparison: [String: Comparison] = [:]
    /// The words of expectations and problems that went away (`SentimentRules+Expectation.swift`).
    var expectation: [String: Expectation] = [:]
    /// The words of verdicts told as measured facts (`SentimentRules+Measures.swift`).
    var measures: [String: Measure] = [:]
    /// The words of numbers against what was promised, paid or usual
    /// (`SentimentRules+Figures.swift`).
    var figures: [String: Figure] = [:]
    /// The words of problems and what was done about them (`SentimentRules+Remedies.swift`).
    var remedies: [String: Remedy] = [:]
    /// A service told as its steps (`SentimentRules+Process`).
    var process: [String: Process] = [:]
    /// What was charged and what was not (`SentimentRules+Charges`).
    var charges: [String: Charge] = [:]
    /// A verdict told by the timeline (`SentimentRules+Timeline`).
    var timeline: [String: Timeline] = [:]
    /// A verdict told by the price (`SentimentRules+Prices`).
    var prices: [String: Price] = [:]
    /// A verdict told by coming back or by leaving (`SentimentRules+Custom`).
    var custom: [String: Custom] = [:]
    /// A verdict told by how the staff treated the customer (`SentimentRules+Treatment`).
    var treatment: [String: Treatment] = [:]
    /// A verdict told by how other people reacted (`SentimentRules+Reactions`).
    var reactions: [String: Reaction] = [:]
    /// A verdict told by fit (`SentimentRules+Fit`).
    var fit: [String: Fit] = [:]
    /// A verdict told by what a thing did to what was around it (`SentimentRules+Collateral`).
    var collateral: [String: Collateral] = [:]
    /// A verdict told by sound (`SentimentRules+Sound`).
    var sound: [String: Sound] = [:]
    /// A verdict told by sight (`SentimentRules+Sight`).
    var sight: [String: Sight] = [:]
    /// A verdict told by touch (`SentimentRules+Touch`).
    var touch: [String: Touch] = [:]
    /// A verdict told by smell or taste (`SentimentRules+Smell`).
    var smell: [String: Smell] = [:]
    /// A verdict told by weight and handling (`SentimentRules+Handling`).
    var handling: [String: Handling] = [:]
    /// A verdict told by what was understood, learned or could be done (`SentimentRules+Learning`).
    var learning: [String: Learning] = [:]
    /// A verdict told by what was asked for and what came (`SentimentRules+Requests`).
    var requests: [String: Request] = [:]
    /// A verdict told as advice to the reader (`SentimentRules+Advice`).
    var advice: [String: Advice] = [:]
    /// A verdict told by how it matched what the seller showed or said (`SentimentRules+Listings`).
    var listings: [String: Listing] = [:]
    /// Whether the language names what was shown in compounds ("katalogbilden", "productpagina",
    /// "Produktfotos"): Swedish, Dutch and German; the others are not looked at for them.
    var shownCompounds = false

    /// VADER's empirically derived constants (Hutto & Gilbert 2014).
    static let boost = 0.293, negation = -0.74, capsBoost = 0.733, exclamation = 0.292
    /// A negated negative word is faint praise at most: "not bad" is not "good".
    static let negatedNegative = -0.3
    /// Sentence weights in a text's mean: the sentence before one that opens with a contrast
    /// word ("… But it broke.") counts `beforeContrast`, that one `afterContrast`; the closing
    /// sentence of a text of several counts `closing` (the verdict usually comes last).
    static let beforeContrast = 0.5, afterContrast = 1.5, closing = 1.5

    /// Polish as it is often typed, without its diacritics ("nie działa" as "nie dziala"): no
    /// undotted form of a sentiment word is a common word of its own.
    static func polishWithoutDiacritics(_ word: String) -> String {
        respelled(word) { scalar in
            switch scalar {
            case "ą": "a"
            case "ć": "c"
            case "ę": "e"
            case "ł": "l"
            case "ń": "n"
            case "ó": "o"
            case "ś": "s"
            case "ź", "ż": "z"
            default: nil
            }
        }
    }

    /// `word` with each scalar `spelling` gives a spelling for replaced by it; an ASCII word
    /// (most of a lexicon) is returned as it is without looking further. Called for every word
    /// of a lexicon when the scorer loads, so it works on scalars, not `Character`s.
    static func respelled(_ word: String, _ spelling: (Unicode.Scalar) -> String?) -> String {
        guard word.utf8.contains(where: { $0 >= 0x80 }) else { return word }
        var out = String.UnicodeScalarView()
        for scalar in word.unicodeScalars {
            if let replacement = spelling(scalar) {
                out.append(contentsOf: replacement.unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// German typed without umlauts, as German spells them then ("zurück" as "zurueck", "Größe"
    /// as "Groesse"); dropping the dots instead would make other words ("schön" → "schon").
    static func germanTransliteration(_ word: String) -> String {
        respelled(word) { scalar in
            switch scalar {
            case "ä": "ae"
            case "ö": "oe"
            case "ü": "ue"
            case "ß": "ss"
            default: nil
            }
        }
    }

    /// The lexicon's Swiss "ss" written "ß", as most German writers spell it ("grossartig" →
    /// "großartig"): every "ss" pair, left to right.
    static func germanEszett(_ word: String) -> String {
        let bytes = Array(word.utf8)
        guard bytes.count >= 2, zip(bytes, bytes.dropFirst()).contains(where: { $0 == 0x73 && $1 == 0x73 }) else {
            return word
        }
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if i + 1 < bytes.count && bytes[i] == 0x73 && bytes[i + 1] == 0x73 {
                out += [0xC3, 0x9F]  // ß
                i += 2
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A Polish adjective's forms from its stem: every gender, number and case ("i" stems —
    /// in -k, -g and soft consonants — take i where the others take y).
    static func polishAdjective(_ stem: String, iStem: Bool) -> [String] {
        let endings =
            iStem
            ? ["i", "a", "ie", "iego", "iej", "ich", "im", "imi", "ą", "iemu"]
            : ["y", "a", "e", "ego", "ej", "ych", "ym", "ymi", "ą", "emu", "i"]
        return endings.map { stem + $0 }
    }

    /// A Swedish adjective's neuter and plural/definite forms, for words whose ending marks them
    /// as adjectives or participles (-ig, -lig, -isk, -iv, -ös, -ell, -bar, -sam, -full, -lös,
    /// -rik, -ad, and -en of seven letters or more): "besviken" → "besviket", "besvikna";
    /// "försenad" → "försenat", "försenade"; "långsam" → "långsamt", "långsamma". Other
    /// endings are left alone: short words and nouns would collide with unrelated words ("lik"
    /// gives "lika", "hopp" gives "hoppa").
    static func swedishAdjective(_ word: String) -> [String] {
        let letters = Array(word)
        guard letters.count >= 4, letters.allSatisfy(\.isLetter) else { return [] }
        let stem = { (n: Int) in String(letters.dropLast(n)) }
        if word.hasSuffix("ad") { return [stem(2) + "at", stem(2) + "ade"] }
        if word.hasSuffix("en") { return letters.count >= 7 ? [stem(2) + "et", stem(2) + "na"] : [] }
        if word.hasSuffix("sam") { return [word + "t", word + "ma"] }
        let suffixes = ["ig", "isk", "iv", "ös", "ell", "bar", "full", "lös", "rik"]
        return suffixes.contains(where: word.hasSuffix) ? [word + "t", word + "a"] : []
    }

    /// Verbs that judge, whose conjugated forms the German lexicon lacks: it lists verbs in the
    /// infinitive only, so "Mein Hund liebt es", "Das nervt", "Es lohnt sich" had no sentiment
    /// word. A list, not every infinitive: the lexicon's "-en" words include adjectives' forms
    /// and nouns whose made-up conjugations are other words ("preisen" would make "Preise",
    /// "nahen" "Naht", "passen" "passt").
    static let germanJudgingVerbs: Set<String> = [
        "lieben", "hassen", "nerven", "ärgern", "verärgern", "freuen", "begeistern", "enttäuschen", "überzeugen",
        "beeindrucken", "loben", "jubeln", "glänzen", "empfehlen", "bereuen", "bedauern", "klagen", "meckern",
        "beschweren", "schimpfen", "fluchen", "verzweifeln", "versagen", "täuschen", "betrügen", "stören",
        "genießen", "lohnen", "taugen", "verschwenden", "scheitern",
    ]

    /// A judging verb's present and weak past forms, and its participle when it has no prefix
    /// ("lieben" → "liebe", "liebst", "liebt", "liebte", "liebten", "geliebt"; "ärgern" →
    /// "ärgere", "ärgert", "ärgerte", "geärgert"). Strong verbs' changed vowels ("empfiehlt",
    /// "gefällt") are listed in the vocabulary instead.
    static func germanVerb(_ word: String) -> [String] {
        guard germanJudgingVerbs.contains(word) else { return [] }
        let stem = word.hasSuffix("ern") || word.hasSuffix("eln") ? String(word.dropLast()) : String(word.dropLast(2))
        let last = stem.last!
        let linking = "td".contains(last) ? "e" : ""  // "täuschen" → "täuscht", "leiden" → "leidet"
        let second = "szßx".contains(last) ? stem + "t" : stem + linking + "st"  // "hasst", not "hassst"
        var forms = [stem + "e", second, stem + linking + "t", stem + linking + "te", stem + linking + "ten"]
        let prefixes = ["be", "ver", "ent", "emp", "über", "zer", "er"]
        if !prefixes.contains(where: { word.hasPrefix($0) }) { forms.append("ge" + stem + linking + "t") }
        return forms
    }

    /// The customer vocabulary file of `language` (`customer-LANG.tsv` among the lexicons):
    /// words, two-word phrases and split phrases with valences; in Polish, "stem~y" and "stem~i" are adjectives
    /// given by their stem.
    static func customerVocabulary(_ language: Language) throws -> [String: Double] {
        var out = [String: Double]()
        for (key, value) in try LexiconStore.pairs("customer-" + language.rawValue + ".tsv") {
            guard !key.hasPrefix("#"), let v = Double(value) else { continue }
            let word = String(key)
            if word.hasSuffix("~y") || word.hasSuffix("~i") {
                for form in polishAdjective(String(word.dropLast(2)), iStem: word.hasSuffix("~i"))
                where out[form] == nil { out[form] = v }
            } else {
                out[word] = v
            }
        }
        return out
    }

    package static func rules(for language: Language) -> SentimentRules {
        var rules =
            switch language {
            case .en: english
            case .sv: swedish
            case .nl: dutch
            case .de: german
            case .pl: polish
            }
        rules.elapsed = elapsed(language)
        rules.withoutWords = without(language)
        rules.problemWords = problems(language).keys.sorted()
        rules.concessive = concessive(language)
        rules.persistence = persistence(language)
        rules.modals = modals(language)
        rules.ceilings = ceilings(language)
        rules.irrealis = irrealis(language)
        rules.irrealisReach = irrealisReach(language)
        rules.waiting = waiting(language)
        rules.regret = regret(language)
        rules.speakerEndings = speakerEndings(language)
        rules.comparison = comparison(language)
        rules.expectation = expectation(language)
        rules.measures = measures(language)
        rules.figures = figures(language)
        rules.remedies = remedies(language)
        rules.process = process(language)
        rules.charges = charges(language)
        rules.timeline = timeline(language)
        rules.prices = prices(language)
        rules.custom = custom(language)
        rules.treatment = treatment(language)
        rules.reactions = reactions(language)
        rules.fit = fit(language)
        rules.collateral = collateral(language)
        rules.sound = sound(language)
        rules.sight = sight(language)
        rules.touch = touch(language)
        rules.smell = smell(language)
        rules.handling = handling(language)
        rules.learning = learning(language)
        rules.requests = requests(language)
        rules.advice = advice(language)
        rules.listings = listings(language)
        rules.shownCompounds = language == .sv || language == .nl || language == .de
        return rules
    }

    static let english = SentimentRules(
        negators: [
            "not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "nowhere", "cannot", "can't", "cant",
            "don't", "dont",
            "doesn't", "doesnt", "didn't", "didnt", "isn't", "isnt", "wasn't", "wasnt", "aren't", "arent", "weren't",
            "werent",
            "won't", "wont", "wouldn't", "wouldnt", "shouldn't", "couldn't", "couldnt", "hasn't", "hasnt", "haven't",
            "havent",
            "hadn't", "without", "ain't", "lacks", "lacking", "lacked", "barely", "hardly",
        ],
        intensifiers: [
            "very": 0.293, "really": 0.293, "extremely": 0.293, "so": 0.293, "totally": 0.293, "absolutely": 0.293,
            "incredibly": 0.293, "super": 0.293, "highly": 0.293, "completely": 0.293, "most": 0.293, "truly": 0.293,
            "utterly": 0.293, "exceptionally": 0.293, "amazingly": 0.293, "too": 0.2, "such": 0.2, "remarkably": 0.293,
            "slightly": -0.293, "somewhat": -0.293, "barely": -0.293, "hardly": -0.293, "fairly": -0.2, "rather": -0.2,
            "bit": -0.293, "kinda": -0.293, "little": -0.2, "marginally": -0.293, "almost": -0.2,
        ],
        contrast: ["but", "however", "yet", "unfortunately"],
        neutral: [
            "no", "like", "please", "ok", "kind", "sort", "well", "pretty", "yes",
            // Topics, titles and payment words of shop feedback, not judgements.
            "gift", "gifts", "credit", "care", "killer", "war", "wars", "kill", "fire", "dead", "death", "sale", "free",
            "save",
            "warning", "weather", "heavy", "matter", "thanks", "grey", "gray", "black", "blue", "green", "red", "white",
        ],
        vocabulary: [
            "late": -1.6, "delayed": -1.6, "delay": -1.4, "broken": -2.4, "damaged": -2.2, "defective": -2.4,
            "faulty": -2.2,
            "crash": -2.0, "crashes": -2.0, "crashed": -2.0, "slow": -1.5, "fast": 1.5, "quick": 1.5, "quickly": 1.4,
            "helpful": 2.0, "refund": -0.6, "missing": -1.6, "wrong": -2.0, "scam": -3.0, "fake": -2.2, "rude": -2.3,
            "unusable": -2.5, "overpriced": -2.0, "cheap": -0.5, "works": 1.2, "worked": 1.0, "work": 0.6,
            "recommend": 1.6,
            "recommended": 1.6, "flawless": 2.8, "smooth": 1.3, "leaking": -1.8, "leaks": -1.8, "ripped": -2.0,
            "cancelled": -1.2, "canceled": -1.2, "complaint": -1.8, "waiting": -0.8, "worth": 1.2, "fits": 0.8,
            "sturdy": 1.5,
            "flimsy": -1.8, "expensive": -1.0, "affordable": 1.3, "scratched": -1.8, "lost": -1.7,
            "on time": 1.6, "as described": 1.3, "never arrived": -2.6, "not arrived": -2.2, "still waiting": -2.2,
            "stopped working": -2.6, "ran out": -0.8, "no problems": 1.4, "no issues": 1.4, "fell apart": -2.6,
            "went wrong": -1.8, "arrived": 0, "at work": 0, "well made": 2.0, "well packed": 1.8,
            "quicker": 1.4, "faster": 1.4, "five stars": 2.2, "buy again": 1.8, "order again": 1.8, "unhelpful": -2.0,
            "no answer": -1.8, "hung up": -2.0, "cheaply": -1.2, "plastic": -0.3, "ignored": -1.6, "coming apart": -2.2,
            "returned": 0, "return": 0,
        ],
        negatesBackward: false,
        ratingNumbers: ["zero": 0, "no": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5],
        starWords: ["star": false, "stars": true])

    static let swedish = SentimentRules(
        negators: [
            "inte", "ej", "icke", "aldrig", "ingen", "inget", "inga", "varken", "utan", "ingenting", "ingenstans",
            "knappast", "knappt",
        ],
        intensifiers: [
            "mycket": 0.293, "väldigt": 0.293, "jätte": 0.293, "riktigt": 0.293, "extremt": 0.293, "otroligt": 0.293,
            "helt": 0.293, "super": 0.293, "så": 0.25, "verkligen": 0.293, "oerhört": 0.293, "fruktansvärt": 0.293,
            "enormt": 0.293, "jättemycket": 0.293, "särskilt": 0.2, "för": 0.15, "rent": 0.293,
            "lite": -0.293, "ganska": -0.2, "något": -0.2, "relativt": -0.2, "aningen": -0.293, "hyfsat": -0.2,
            "nästan": -0.2,
        ],
        contrast: ["men", "fast", "dock", "däremot", "tyvärr"],
        neutral: [
            "slut", "slutligen", "ok", "okej", "tack", "blå", "blåa", "grå", "svart", "svarta", "krig", "present",
            "rea",
        ],
        vocabulary: [
            "sen": -1.5, "sent": -1.4, "försenad": -1.7, "försenat": -1.7, "försenade": -1.7, "försening": -1.5,
            "trasig": -2.4, "trasigt": -2.4, "trasiga": -2.4, "skadad": -2.2, "skadat": -2.2, "skadade": -2.2,
            "snabb": 1.5, "snabbt": 1.5, "snabba": 1.5, "långsam": -1.5, "långsamt": -1.5, "långsamma": -1.5,
            "hjälpsam": 2.0, "hjälpsamma": 2.0, "hjälpsamt": 2.0, "återbetalning": -0.6, "saknas": -1.6,
            "saknades": -1.6,
            "fel": -1.8, "felaktig": -2.0, "kraschar": -2.0, "kraschade": -2.0, "bluff": -3.0, "oförskämd": -2.3,
            "fungerar": 1.2, "fungerade": 1.0, "funkar": 1.2, "funkade": 1.0, "rekommenderar": 1.6, "rekommendera": 1.6,
            "smidigt": 1.5, "smidig": 1.5, "prisvärd": 1.5, "prisvärt": 1.5, "dyr": -1.0, "dyrt": -1.0, "dyra": -1.0,
            "perfekt": 2.8, "perfekta": 2.8, "toppen": 2.5, "bra": 1.9, "dålig": -1.9, "dåligt": -1.9, "dåliga": -1.9,
            "nöjd": 2.0, "nöjda": 2.0, "missnöjd": -2.0, "missnöjda": -2.0, "besviken": -2.0, "besvikna": -2.0,
            "jättebra": 2.5, "värdelös": -2.8, "värdelöst": -2.8, "värdelösa": -2.8, "urusel": -2.8, "uruselt": -2.8,
            "kass": -2.0, "kasst": -2.0, "grym": 2.2, "grymt": 2.2, "trevlig": 1.8, "trevligt": 1.8, "trevliga": 1.8,
            "klagomål": -1.8, "stämmer": 0.5, "rätt": 0.8, "hemsk": -2.5, "hemskt": -2.5, "fantastisk": 3.0,
            "fantastiskt": 3.0,
            "i tid": 1.6, "kom aldrig": -2.6, "aldrig kom": -2.6, "inte kommit": -2.2, "väntar fortfarande": -2.2,
            "slutade fungera": -2.6, "gick sönder": -2.6, "kom fram": 0, "levererades": 0, "kom": 0, "paketet": 0,
        ],
        negatesBackward: true, joiners: ["och", "eller"],
        intensifyingPrefixes: ["jätte", "super", "mega", "skit", "kanon"],
        inflections: swedishAdjective,
        compoundHeads: [
            "problem", "problemen", "katastrof", "slöseri", "skräp", "fiasko", "besvikelse", "bedrägeri", "smärtor",
            "smärta", "värk",
        ],
        ratingNumbers: ["noll": 0, "ingen": 0, "inga": 0, "en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5],
        starWords: ["stjärna": false, "stjärnor": true])

    static let dutch = SentimentRules(
        // "weinig spanning", "weinig diepgang": little of a good thing is a complaint.
        negators: [
            "niet", "geen", "nooit", "niets", "niemand", "nergens", "zonder", "noch", "nauwelijks", "amper", "weinig",
        ],
        intensifiers: [
            "heel": 0.293, "erg": 0.293, "zeer": 0.293, "echt": 0.293, "super": 0.293, "ontzettend": 0.293,
            "enorm": 0.293,
            "bijzonder": 0.293, "hartstikke": 0.293, "waanzinnig": 0.293, "zo": 0.25, "totaal": 0.293, "extreem": 0.293,
            "uiterst": 0.293,
            "ongelooflijk": 0.293, "helemaal": 0.2, "veel": 0.15, "te": 0.15,
            "beetje": -0.293, "enigszins": -0.293, "vrij": -0.2, "redelijk": -0.2, "nogal": -0.2, "wat": -0.1,
            "bijna": -0.2,
        ],
        contrast: ["maar", "echter", "toch", "alleen", "helaas"],
        neutral: [
            "ok", "oké", "bedankt", "blauw", "blauwe", "grijs", "grijze", "zwart", "zwarte", "oorlog", "cadeau",
            "katoen",
            "werkmail", "factuur", "verzending", "vervanging", "oude", "oud", "dinsdag", "pakket", "verkrijgbaar",
            "sturen", "stuur",
        ],
        vocabulary: [
            "laat": -1.5, "te laat": -1.8, "vertraagd": -1.6, "vertraging": -1.5, "kapot": -2.4, "beschadigd": -2.2,
            "defect": -2.3,
            "snel": 1.5, "snelle": 1.5, "traag": -1.5, "langzaam": -1.4, "behulpzaam": 2.0, "behulpzame": 2.0,
            "terugbetaling": -0.6,
            "ontbreekt": -1.6, "ontbrak": -1.6, "fout": -1.8, "verkeerd": -2.0, "verkeerde": -2.0, "crasht": -2.0,
            "oplichting": -3.0,
            "onbeschoft": -2.3, "werkt": 1.2, "werkte": 1.0, "aanrader": 2.2, "aanbevelen": 1.6, "raad": 0.5,
            "te raden": 1.8,
            "goed": 1.9, "goede": 1.9, "slecht": -1.9, "slechte": -1.9, "prima": 2.0, "perfect": 2.8, "perfecte": 2.8,
            "tevreden": 2.0, "ontevreden": -2.0, "teleurgesteld": -2.0, "teleurstellend": -2.0, "waardeloos": -2.8,
            "waardeloze": -2.8,
            "duur": -1.0, "dure": -1.0, "betaalbaar": 1.3, "vriendelijk": 1.8, "vriendelijke": 1.8, "klacht": -1.8,
            "top": 2.4,
            "geweldig": 3.0, "geweldige": 3.0, "fantastisch": 3.0, "blij": 2.0, "mooi": 2.0, "mooie": 2.0,
            "lelijk": -2.0,
            "op tijd": 1.6, "nooit aangekomen": -2.6, "niet aangekomen": -2.2, "nog steeds": -0.6, "wacht nog": -2.0,
            "ging kapot": -2.6, "werkt niet": -1.8, "aangekomen": 0, "geleverd": 0,
            "sneller": 1.4, "probleem": -1.5, "problemen": -1.5, "slechtste": -2.8, "beste": 2.6, "stinkt": -2.0,
            "kriebelt": -1.2,
            "haat": -2.7, "goedkoop": -0.6, "goedkope": -0.8, "niet meer": -1.5, "laten los": -1.8, "hing op": -1.8,
            "op dinsdag": 0,
            "neemt de": 0, "neemt op": 0, "onvriendelijk": -2.0, "mislukte": -1.8, "onduidelijk": -1.5,
            "negeerde": -1.6,
            "drama": -2.0, "oncomfortabel": -1.8, "vreselijke": -2.8, "vreselijk": -2.8, "heerlijk": 2.5,
            "soepele": 1.3,
            "beleefd": 1.8, "voorzichtig": 1.0, "makkelijk": 1.5, "makkelijke": 1.5, "comfortabel": 1.8, "stevig": 1.5,
            "uitstekend": 3.0, "uitstekende": 3.0, "prachtige": 2.8, "fijn": 2.0, "lief": 1.8,
        ],
        negatesBackward: true, joiners: ["en", "of"],
        intensifyingPrefixes: ["super", "mega", "dood", "oer", "kei", "reuze", "bloed", "hyper", "ultra"],
        compoundHeads: [
            "verspilling", "probleem", "problemen", "ramp", "drama", "ellende", "teleurstelling", "oplichterij",
            "aanrader", "plezier",
        ],
        ratingNumbers: ["nul": 0, "geen": 0, "een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5],
        starWords: ["ster": false, "sterren": true, "sterretje": false, "sterretjes": true])

    static let german = SentimentRules(
        negators: [
            "nicht", "kein", "keine", "keinen", "keinem", "keiner", "keines", "keinerlei", "nie", "niemals", "nichts",
            "niemand", "ohne",
            "weder", "nirgends", "kaum", "wenig", "höchstens",
        ],
        intensifiers: [
            "sehr": 0.293, "extrem": 0.293, "total": 0.293, "wirklich": 0.293, "echt": 0.293, "super": 0.293,
            "äußerst": 0.293,
            "besonders": 0.293, "so": 0.25, "absolut": 0.293, "völlig": 0.293, "richtig": 0.25, "unglaublich": 0.293,
            "enorm": 0.293, "voll": 0.2, "zu": 0.15, "ganz": 0.2, "höchst": 0.293,
            "etwas": -0.293, "bisschen": -0.293, "leicht": -0.2, "ziemlich": -0.1, "eher": -0.2, "relativ": -0.2,
            "fast": -0.2,
        ],
        contrast: ["aber", "jedoch", "doch", "allerdings", "trotzdem", "sondern", "leider"],
        neutral: [
            "die", "war", "da", "ok", "okay", "danke", "bitte", "gar", "blau", "blaue", "blauen", "blauer", "grau",
            "graue", "grauen",
            "schwarz", "schwarze", "schwarzen", "rot", "rote", "grün", "grüne", "weiß", "weiße", "krieg", "kriegen",
            "geschenk",
            "sale", "ausverkauf", "rabatt", "kredit", "kreditkarte", "version", "größe",
        ],
        vocabulary: [
            "spät": -1.5, "verspätet": -1.7, "verspätung": -1.6, "verzögert": -1.6, "kaputt": -2.4, "beschädigt": -2.2,
            "defekt": -2.3, "schnell": 1.5, "schnelle": 1.5, "schneller": 1.3, "langsam": -1.5, "hilfsbereit": 2.0,
            "rückerstattung": -0.6, "fehlt": -1.6, "fehlte": -1.6, "falsch": -2.0, "falsche": -2.0, "falschen": -2.0,
            "abgestürzt": -2.0, "stürzt": -1.5, "betrug": -3.0, "unhöflich": -2.3, "funktioniert": 1.2,
            "funktionierte": 1.0,
            "empfehlen": 1.6, "empfehlenswert": 2.0, "weiterempfehlen": 2.0, "gut": 1.9, "gute": 1.9, "guter": 1.9,
            "gutes": 1.9,
            "guten": 1.9, "schlecht": -1.9, "schlechte": -1.9, "schlechter": -1.9, "schlechten": -1.9, "perfekt": 2.8,
            "zufrieden": 2.0, "unzufrieden": -2.0, "enttäuscht": -2.0, "enttäuschend": -2.0, "toll": 2.5, "tolle": 2.5,
            "teuer": -1.0, "günstig": 1.3, "freundlich": 1.8, "freundliche": 1.8, "beschwerde": -1.8, "super": 2.4,
            "prima": 2.0,
            "mangelhaft": -2.4, "miserabel": -2.8, "schrecklich": -2.8, "hervorragend": 3.0, "ausgezeichnet": 3.0,
            "pünktlich": 1.6, "nie angekommen": -2.6, "nicht angekommen": -2.2, "warte immer": -1.6, "noch immer": -0.6,
            "ging kaputt": -2.6, "angekommen": 0, "geliefert": 0, "ware": 0, "paket": 0,
            "beste": 2.6, "bester": 2.6, "besten": 2.6, "bestes": 2.6, "schlechteste": -2.8, "schlechtester": -2.8,
            "schlechtesten": -2.8, "miserabler": -2.8, "miserable": -2.8, "problem": -1.5, "probleme": -1.5,
            "problemen": -1.5,
            "fünf sterne": 2.2, "gern wieder": 1.8, "gerne wieder": 1.8, "billig": -0.5, "billige": -1.0,
            "billiges": -1.0,
            "billigen": -1.0, "überteuert": -2.0, "aufgehört": -1.2, "warm": 1.0, "hasse": -2.7, "hasst": -2.7,
            "lösen sich": -1.8, "aufgelegt": -1.5, "nutzlos": -2.5, "unbequem": -1.8, "fehlgeschlagen": -1.8,
            "verwirrend": -1.5, "ignoriert": -1.6, "kratzt": -1.2, "albtraum": -2.5, "qualität": 0,
            // Judging verbs the lexicon lacks (their forms: `germanVerb`).
            "stören": -1.5, "genießen": 2.0, "lohnen": 1.5, "taugen": 1.5, "verschwenden": -2.0, "scheitern": -2.0,
        ],
        negatesBackward: true, joiners: ["und", "oder"],
        intensifyingPrefixes: ["super", "mega", "hyper", "ultra", "stink", "sau", "tod", "grotten", "mords", "riesen"],
        inflections: germanVerb, keyboardForm: germanTransliteration,
        compoundHeads: [
            "fehler", "schaden", "mangel", "mängel", "ausfall", "problem", "probleme", "katastrophe", "schrott", "müll",
            "schmerzen", "schmerz",
            "ärger", "enttäuschung", "betrug", "abzocke", "reinfall", "desaster", "empfehlung", "freundlichkeit",
        ],
        ratingNumbers: [
            "null": 0, "kein": 0, "keinen": 0, "keine": 0, "ein": 1, "einen": 1, "eine": 1, "einem": 1, "zwei": 2,
            "drei": 3, "vier": 4, "fünf": 5,
        ],
        starWords: ["stern": false, "sterne": true, "sternen": true, "sternchen": true],
        spellingVariant: germanEszett)

    /// Polish uses its own vocabulary only: polVADER's valences disagree with plain readings
    /// of common words (uwielbiam "I adore" 0.04, niewygodne "uncomfortable" +2.5, najgorszy
    /// "the worst" −0.26, siostry "sister's" +2.9), so it is not converted.
    static let polish: SentimentRules = {
        var vocabulary: [String: Double] = [
            "dobrze": 1.8, "świetnie": 3.0, "idealnie": 2.8, "wspaniale": 3.0, "szybko": 1.5, "ładnie": 1.8,
            "przyjemnie": 1.8,
            "wygodnie": 1.5, "sprawnie": 1.5, "źle": -1.9, "słabo": -1.8, "fatalnie": -2.8, "brzydko": -1.8,
            "niedobrze": -1.9,
            "tandetnie": -2.0, "wolno": -1.0, "późno": -1.5, "polecam": 2.2, "polecić": 1.6, "uwielbiam": 2.8,
            "uwielbia": 2.8,
            "uwielbiają": 2.8, "kocham": 2.8, "cieszę": 2.0, "nienawidzę": -2.8, "szkoda": -1.5, "koszmar": -2.5,
            "rozczarowanie": -2.0,
            "rozczarowujące": -2.0, "reklamacja": -1.2, "reklamację": -1.2, "zignorował": -1.6, "zignorowała": -1.6,
            "zawiesza": -1.8,
            "zawiesił": -1.8, "spóźnia": -1.5, "drapie": -1.2, "psuje": -2.0, "zepsuł": -2.2, "zepsuła": -2.2,
            "zepsuło": -2.2,
            "rozpadła": -2.2, "rozpadł": -2.2, "prują": -1.8, "rozłączyła": -1.5, "rozłączył": -1.5, "działa": 1.2,
            "działał": 1.0,
            "działała": 1.0, "problem": -1.5, "problemu": -1.5, "problemów": -1.5, "problemy": -1.5, "super": 2.4,
            "rewelacja": 3.0,
            "oszustwo": -3.0, "błąd": -1.8, "zwrot": -0.3, "opóźnienie": -1.6, "warta": 1.5, "warty": 1.5, "warte": 1.5,
            "na czas": 1.6, "w terminie": 1.6, "nie dotarła": -2.2, "nie dotarło": -2.2, "nie dotarł": -2.2,
            "nadal czekam": -2.2,
            "wciąż czekam": -2.2, "przestał działać": -2.6, "przestała działać": -2.6, "nie działa": -1.8,
            "nie powiodła": -1.8,
            "pięć gwiazdek": 2.2, "kupię ponownie": 1.8, "dobra robota": 2.5, "bez problemu": 1.5, "bez problemów": 1.5,
            "dotarła": 0, "dotarło": 0, "dotarł": 0, "paczka": 0, "przesyłka": 0,
        ]
        // Adjectives by stem, all genders, numbers and cases; "i" stems (-k, -g, soft) decline with i.
        let adjectives: [(stem: String, iStem: Bool, valence: Double)] = [
            ("dobr", false, 1.9), ("świetn", false, 3.0), ("wspaniał", false, 3.0), ("doskonał", false, 3.0),
            ("idealn", false, 2.8),
            ("piękn", false, 2.8), ("ładn", false, 1.8), ("wygodn", false, 1.8), ("solidn", false, 1.5),
            ("szybk", true, 1.5),
            ("pomocn", false, 2.0), ("uprzejm", false, 1.8), ("mił", false, 1.8), ("przyjemn", false, 1.8),
            ("zadowolon", false, 2.0),
            ("fajn", false, 2.0), ("rewelacyjn", false, 3.0), ("najlepsz", false, 2.8), ("łatw", false, 1.5),
            ("prost", false, 0.8),
            ("sprawn", false, 1.5), ("jasn", false, 1.0), ("bezproblemow", false, 2.0), ("cudown", false, 3.0),
            ("niezawodn", false, 2.0),
            ("trwał", false, 1.5), ("tan", true, 0.6), ("ciepł", false, 1.0), ("zł", false, -2.0),
            ("słab", false, -1.8),
            ("okropn", false, -2.8), ("fataln", false, -2.8), ("beznadziejn", false, -2.8), ("kiepsk", true, -2.0),
            ("tandetn", false, -2.2), ("niewygodn", false, -1.8), ("uszkodzon", false, -2.2), ("zepsut", false, -2.4),
            ("wadliw", false, -2.3), ("bezużyteczn", false, -2.5), ("niegrzeczn", false, -2.3),
            ("nieuprzejm", false, -2.0),
            ("powoln", false, -1.5), ("spóźnion", false, -1.7), ("rozczarowan", false, -2.0),
            ("niezadowolon", false, -2.0),
            ("najgorsz", false, -2.8), ("nieczyteln", false, -1.5), ("brudn", false, -1.8), ("drog", true, -0.8),
            ("zmęczon", false, -1.0),
        ]
        for (stem, iStem, valence) in adjectives {
            for form in polishAdjective(stem, iStem: iStem) where vocabulary[form] == nil { vocabulary[form] = valence }
        }
        var rules = SentimentRules(
            negators: [
                "nie", "nigdy", "żaden", "żadna", "żadne", "żadnego", "żadnej", "żadnych", "żadnym", "bez", "ani",
                "nic", "nikt",
                "niczego", "nikogo", "brak", "brakuje", "mało", "ledwo", "ledwie",
            ],
            intensifiers: [
                "bardzo": 0.293, "naprawdę": 0.293, "niezwykle": 0.293, "totalnie": 0.293, "absolutnie": 0.293,
                "całkowicie": 0.293, "strasznie": 0.293, "mega": 0.293, "ogromnie": 0.293, "niesamowicie": 0.293,
                "zupełnie": 0.293, "tak": 0.25, "wyjątkowo": 0.293, "okropnie": 0.293, "za": 0.15, "wcale": 0.1,
                "trochę": -0.293, "nieco": -0.293, "dość": -0.2, "raczej": -0.2, "lekko": -0.2, "całkiem": -0.1,
                "prawie": -0.2,
            ],
            contrast: ["ale", "jednak", "lecz", "natomiast", "niestety"],
            neutral: [],
            vocabulary: vocabulary,
            negatesBackward: false)
        rules.usesLexicon = false
        rules.intensifyingPrefixes = ["super", "mega", "hiper", "arcy"]
        rules.keyboardForm = polishWithoutDiacritics
        rules.ratingNumbers = [
            "zero": 0, "jedna": 1, "jedną": 1, "jeden": 1, "jedno": 1, "dwie": 2, "dwa": 2, "trzy": 3, "cztery": 4,
            "pięć": 5,
        ]
        rules.starWords = [
            "gwiazdka": false, "gwiazdkę": false, "gwiazda": false, "gwiazdkami": true, "gwiazdki": true,
            "gwiazdek": true, "gwiazdy": true,
        ]
        return rules
    }()
}

extension Dictionary where Key == String {
    /// Gives each of `words` the role `value`: how a rule's word lists are written (a word in
    /// two lists keeps the later one).
    mutating func assign(_ words: [String], _ value: Value) { for word in words { self[word] = value } }
}
