/// One language's lexicon merged with its rules' vocabulary into one byte table, so the scorer
/// learns a word's valence, booster and roles (negator, contrast word, first word of a phrase)
/// in one lookup.
final class CompiledLanguage: Sendable {
    /// What a word is in this language.
    struct Entry: Sendable {
        /// Its valence, when the lexicon or the vocabulary gives one (0 is a valence too).
        var valence: Double?
        var booster = 0.0
        var negator = false, contrast = false, joiner = false
        /// The two-word phrases it starts, in `phraseSeconds`.
        var phrases = 0..<0
        /// The split phrases it starts, in `gappedEnds`.
        var gapped = 0..<0
        /// The number it gives a rating ("five" in "five stars"), or -1.
        var rating = -1
        /// "after", "nach", "po": a span of time or use after it tells how soon something failed.
        var after = false
        /// "even", "ens", "zelfs", "sogar", "nawet": before an "after" word, a span is how long
        /// something held ("doesn't rub, even after a whole day of walking"), not how soon it failed.
        var even = false
        /// A span of time or use ("weeks", "Wäsche", "praniu"), read after an "after" word.
        var span = false
        /// "keeps": before a word in "-ing", what keeps happening ("keeps crashing").
        var persists = false
        /// "without", "ohne", "bez": a negator that, negating nothing, is no complaint ("ohne
        /// Umstände ersetzt", replaced without fuss).
        var without = false
        /// A fault ("lags", "rutscht", "rysy"): negated, it is praise (`SentimentRules+Problems`).
        var problem = false
        /// "although", "obwohl", "chociaż": the clause it opens counts less.
        var concessive = false
        /// "can", "kann", "mogę": a negation near it may say that nothing could exceed what
        /// follows (`SentimentRules+Ceilings`).
        var modal = false
        /// "enough", "genug", "happier": what cannot be exceeded after a negated modal.
        var ceiling = SentimentRules.Ceiling.none
        /// "could … been", "had … kunnen": a counterfactual (`SentimentRules+Irrealis`).
        var irrealis = SentimentRules.Irrealis.none
        /// "waited", "hours", "forty": a wait told with its length (`SentimentRules+Waiting`).
        var waiting = SentimentRules.Waiting.none
        /// "sooner", "I": a regret for not having done it sooner (`SentimentRules+Regret`).
        var regret = SentimentRules.Regret.none
        /// "better", "old", "than", "used": a verdict said by comparison
        /// (`SentimentRules+Comparison`).
        var comparison = SentimentRules.Comparison.none
        /// "worried", "but now", "gone": an expectation, or a problem that went away
        /// (`SentimentRules+Expectation`).
        var expectation = SentimentRules.Expectation.none
        /// "lasted", "years", "still": a verdict told as a measured fact
        /// (`SentimentRules+Measures`).
        var measure = SentimentRules.Measure.none
        /// "promised", "price", "half", "six": a number against what was promised, paid or
        /// usual (`SentimentRules+Figures`).
        var figure = SentimentRules.Figure.none
        /// "replaced", "same": a problem and what was done about it (`SentimentRules+Remedies`).
        var remedy = SentimentRules.Remedy.none
        /// "transferred", "in progress", "ago": a service told as its steps
        /// (`SentimentRules+Process`).
        var process = SentimentRules.Process.none
        /// "fee", "charged", "free", "deposit": what was charged and what was not
        /// (`SentimentRules+Charges`).
        var charge = SentimentRules.Charge.none
        /// "Monday", "ordered", "at": a verdict told by the timeline (`SentimentRules+Timeline`).
        var timeline = SentimentRules.Timeline.none
        /// "kronor", "only", "included": a verdict told by the price (`SentimentRules+Prices`).
        var price = SentimentRules.Price.none
        /// "third", "again", "used": a verdict told by coming back or by leaving
        /// (`SentimentRules+Custom`).
        var custom = SentimentRules.Custom.none
        /// "offered", "waited", "sighed", "as if": a verdict told by how the staff treated the
        /// customer (`SentimentRules+Treatment`).
        var treatment = SentimentRules.Treatment.none
        /// "bought", "same", "pushed", "away": a verdict told by how other people reacted
        /// (`SentimentRules+Reactions`).
        var reaction = SentimentRules.Reaction.none
        /// "ring", "spins", "stays", "without": a verdict told by fit (`SentimentRules+Fit`).
        var fit = SentimentRules.Fit.none
        /// "fluff", "smells", "paint", "before": a verdict told by what a thing did to what was
        /// around it (`SentimentRules+Collateral`).
        var collateral = SentimentRules.Collateral.none
        /// "hear", "squeaks", "wakes", "quiet": a verdict told by sound (`SentimentRules+Sound`).
        var sound = SentimentRules.Sound.none
        /// "see", "read", "shows", "readable": a verdict told by sight (`SentimentRules+Sight`).
        var sight = SentimentRules.Sight.none
        /// "rub", "sticky", "keeps … warm": a verdict told by touch (`SentimentRules+Touch`).
        var touch = SentimentRules.Touch.none
        /// "smells", "tastes", "lukt", "cardboard": a verdict told by smell or taste
        /// (`SentimentRules+Smell`).
        var smell = SentimentRules.Smell.none
        /// "light enough", "one arm", "stays put", "slides": a verdict told by weight and
        /// handling (`SentimentRules+Handling`).
        var handling = SentimentRules.Handling.none
        /// "after the course", "still can't", "explained each": a verdict told by what was
        /// understood, learned or could be done (`SentimentRules+Learning`).
        var learning = SentimentRules.Learning.none
        /// "asked for", "got", "instead": a verdict told by what was asked for and what came
        /// (`SentimentRules+Requests`).
        var request = SentimentRules.Request.none
        /// "order", "check", "bring", "elsewhere", "before you": a verdict told as advice to the
        /// reader (`SentimentRules+Advice`).
        var advice = SentimentRules.Advice.none
        /// "photo", "like", "matched", "mine": a verdict told by how it matched what the seller
        /// showed or said (`SentimentRules+Listings`).
        var listing = SentimentRules.Listing.none
    }

    let words: ByteTable<Entry>
    /// Second words of the phrases and their valences, grouped by first word.
    let phraseSeconds: [(bytes: [UInt8], valence: Double)]
    /// Last words of the split phrases ("stürzt … ab") and their valences, grouped by first word.
    let gappedEnds: [(bytes: [UInt8], valence: Double)]
    let negatesBackward: Bool
    /// `SentimentRules.irrealisReach` of the language.
    let irrealisReach: Int
    /// Whether an imperative of advice must come before an object (`SentimentRules+Advice`:
    /// English, where "Order was wrong" is no advice).
    let adviceNeedsObject: Bool
    /// `SentimentRules.shownCompounds` of the language.
    let shownCompounds: Bool
    /// `SentimentRules.speakerEndings` as bytes.
    let speakerEndings: [[UInt8]]
    /// `SentimentRules.intensifyingPrefixes` as bytes.
    let prefixes: [[UInt8]]
    /// `SentimentRules.compoundHeads` and their valences (those the table gives one).
    let compoundHeads: ByteTable<Double>
    /// Bit k: some compound head is k bytes long (0: the language has none).
    let compoundHeadLengths: UInt64
    /// `SentimentRules.starWords` (with their keyboard forms); the rating numbers are entries.
    let starWords: ByteTable<Bool>

    /// - Parameters:
    ///   - valences: single words and their valences (lexicon and vocabulary merged).
    ///   - phrases: two-word phrases by their first word, in the order they are tried.
    ///   - gapped: split phrases (a verb and the particle that ends its clause) by their first word.
    init(
        valences: [String: Double], phrases: [String: [(second: String, valence: Double)]],
        gapped: [String: [(second: String, valence: Double)]], rules: SentimentRules
    ) {
        var entries = [String: Entry]()
        for (word, v) in valences { entries[word, default: Entry()].valence = v }
        for (word, b) in rules.intensifiers { entries[word, default: Entry()].booster = b }
        for word in rules.negators { entries[word, default: Entry()].negator = true }
        for word in rules.contrast { entries[word, default: Entry()].contrast = true }
        for word in rules.joiners { entries[word, default: Entry()].joiner = true }
        for (word, n) in rules.ratingNumbers { entries[word, default: Entry()].rating = n }
        for word in rules.elapsed.after { entries[word, default: Entry()].after = true }
        for word in rules.elapsed.spans { entries[word, default: Entry()].span = true }
        for word in rules.elapsed.even { entries[word, default: Entry()].even = true }
        for word in rules.withoutWords { entries[word, default: Entry()].without = true }
        for word in rules.problemWords { entries[word, default: Entry()].problem = true }
        for word in rules.concessive { entries[word, default: Entry()].concessive = true }
        for word in rules.persistence { entries[word, default: Entry()].persists = true }
        for word in rules.modals { entries[word, default: Entry()].modal = true }
        for (word, role) in rules.irrealis { entries[word, default: Entry()].irrealis = role }
        for (word, kind) in rules.ceilings { entries[word, default: Entry()].ceiling = kind }
        for (word, role) in rules.waiting { entries[word, default: Entry()].waiting = role }
        for (word, role) in rules.regret { entries[word, default: Entry()].regret = role }
        for (word, role) in rules.comparison { entries[word, default: Entry()].comparison = role }
        for (word, role) in rules.expectation { entries[word, default: Entry()].expectation = role }
        for (word, role) in rules.measures { entries[word, default: Entry()].measure = role }
        for (word, role) in rules.figures { entries[word, default: Entry()].figure = role }
        for (word, role) in rules.remedies { entries[word, default: Entry()].remedy = role }
        for (word, role) in rules.process { entries[word, default: Entry()].process = role }
        for (word, role) in rules.charges { entries[word, default: Entry()].charge = role }
        for (word, role) in rules.timeline { entries[word, default: Entry()].timeline = role }
        for (word, role) in rules.prices { entries[word, default: Entry()].price = role }
        for (word, role) in rules.custom { entries[word, default: Entry()].custom = role }
        for (word, role) in rules.treatment { entries[word, default: Entry()].treatment = role }
        for (word, role) in rules.reactions { entries[word, default: Entry()].reaction = role }
        for (word, role) in rules.fit { entries[word, default: Entry()].fit = role }
        for (word, role) in rules.collateral { entries[word, default: Entry()].collateral = role }
        for (word, role) in rules.sound { entries[word, default: Entry()].sound = role }
        for (word, role) in rules.sight { entries[word, default: Entry()].sight = role }
        for (word, role) in rules.touch { entries[word, default: Entry()].touch = role }
        for (word, role) in rules.smell { entries[word, default: Entry()].smell = role }
        for (word, role) in rules.handling { entries[word, default: Entry()].handling = role }
        for (word, role) in rules.learning { entries[word, default: Entry()].learning = role }
        for (word, role) in rules.requests { entries[word, default: Entry()].request = role }
        for (word, role) in rules.advice { entries[word, default: Entry()].advice = role }
        for (word, role) in rules.listings { entries[word, default: Entry()].listing = role }
        let typed = rules.keyboardForm, variant = rules.spellingVariant
        func group(
            _ byFirst: [String: [(second: String, valence: Double)]], _ range: WritableKeyPath<Entry, Range<Int>>
        ) -> [(bytes: [UInt8], valence: Double)] {
            var seconds = [(bytes: [UInt8], valence: Double)]()
            for (first, list) in byFirst.sorted(by: { String.utf8Precedes($0.key, $1.key) }) {
                let start = seconds.count
                for (second, valence) in list {
                    seconds.append((Array(second.utf8), valence))
                    // The second word as typed without the language's letters, or in the
                    // other spelling, matches too.
                    for form in [typed?(second), variant?(second)] {
                        if let form, form != second { seconds.append((Array(form.utf8), valence)) }
                    }
                }
                entries[first, default: Entry()][keyPath: range] = start..<seconds.count
            }
            return seconds
        }
        phraseSeconds = group(phrases, \.phrases)
        gappedEnds = group(gapped, \.gapped)
        if let variant { CompiledLanguage.addKeyboardForms(&entries, variant) }
        if let typed { CompiledLanguage.addKeyboardForms(&entries, typed) }
        words = ByteTable(entries)
        negatesBackward = rules.negatesBackward
        irrealisReach = rules.irrealisReach
        adviceNeedsObject = rules.advice.values.contains(.object)
        shownCompounds = rules.shownCompounds
        prefixes = rules.intensifyingPrefixes.map { Array($0.utf8) }
        speakerEndings = rules.speakerEndings.map { Array($0.utf8) }
        var heads = [String: Double]()
        for head in rules.compoundHeads { if let v = entries[head]?.valence, v != 0 { heads[head] = v } }
        compoundHeads = ByteTable(heads)
        compoundHeadLengths = heads.keys.reduce(0) { $0 | 1 << UInt64(min($1.utf8.count, 63)) }
        starWords = ByteTable(
            rules.starWords.merging(rules.starWords.map { (typed?($0.key) ?? $0.key, $0.value) }) { written, _ in
                written
            })
    }

    /// Each word's keyboard form ("dziala" for "działa") as the word itself, where the form is
    /// not a word of the table already and the words typed alike agree on their valence's sign
    /// and roles (else the form is left out: it could be either).
    static func addKeyboardForms(_ entries: inout [String: Entry], _ typed: (String) -> String) {
        var forms = [String: [(word: String, entry: Entry)]]()
        for (word, entry) in entries {
            let form = typed(word)
            if form != word && entries[form] == nil { forms[form, default: []].append((word, entry)) }
        }
        for (form, words) in forms {
            // The first word in byte order stands for the rest: the same whatever the
            // dictionary's order (only the few words typed alike are compared).
            let first = words.min { String.utf8Precedes($0.word, $1.word) }!.entry
            let alike = words.map(\.entry)
            let agree = alike.allSatisfy {
                ($0.valence ?? 0).sign == (first.valence ?? 0).sign && ($0.valence == 0) == (first.valence == 0)
                    && $0.negator == first.negator && $0.contrast == first.contrast && $0.joiner == first.joiner
                    && ($0.booster == 0) == (first.booster == 0) && $0.phrases == first.phrases
                    && $0.gapped == first.gapped && $0.rating == first.rating && $0.after == first.after
                    && $0.even == first.even
                    && $0.span == first.span && $0.without == first.without && $0.problem == first.problem
                    && $0.concessive == first.concessive && $0.persists == first.persists
                    && $0.modal == first.modal && $0.ceiling == first.ceiling && $0.irrealis == first.irrealis
                    && $0.waiting == first.waiting && $0.regret == first.regret
                    && $0.comparison == first.comparison && $0.expectation == first.expectation
                    && $0.measure == first.measure && $0.figure == first.figure
                    && $0.remedy == first.remedy && $0.process == first.process
                    && $0.charge == first.charge && $0.timeline == first.timeline && $0.price == first.price
                    && $0.custom == first.custom && $0.treatment == first.treatment
                    && $0.reaction == first.reaction && $0.fit == first.fit
                    && $0.collateral == first.collateral && $0.sound == first.sound
                    && $0.sight == first.sight && $0.touch == first.touch
                    && $0.smell == first.smell && $0.handling == first.handling
                    && $0.learning == first.learning && $0.request == first.request
                    && $0.advice == first.advice && $0.listing == first.listing
            }
            if agree { entries[form] = first }
        }
    }

    /// The number `word` (with its `entry`) gives a rating: one or two digits, or a number
    /// word of the language; -1 for any other word.
    @inline(__always) static func ratingNumber(_ word: UnsafeBufferPointer<UInt8>, _ entry: Entry?) -> Int {
        if let first = word.first, first >= 0x30 && first <= 0x39, word.count <= 2 {
            return word.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } ? word.reduce(0) { $0 * 10 + Int($1 - 0x30) } : -1
        }
        return entry?.rating ?? -1
    }

    /// Whether `word` is a verb in the first person by its ending (`SentimentRules.speakerEndings`).
    @inline(__always) func isSpeakerVerb(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        !speakerEndings.isEmpty
            && speakerEndings.contains { word.count > $0.count + 1 && word.suffix($0.count).elementsEqual($0) }
    }

    /// The valence of the phrase `entry`'s word starts with `second`, if it is one.
    @inline(__always) func phrase(_ entry: Entry, then second: UnsafeBufferPointer<UInt8>) -> Double? {
        for k in entry.phrases where phraseSeconds[k].bytes.elementsEqual(second) { return phraseSeconds[k].valence }
        return nil
    }
}
