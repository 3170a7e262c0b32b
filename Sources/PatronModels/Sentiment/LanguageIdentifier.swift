import Foundation

/// Language identification by character n-grams (2 and 3 letters, words padded with spaces;
/// single letters added nothing on the evaluation sets and cost a third of the lookups)
/// under naive Bayes, over the five languages, with `und` when unsure.
///
/// Short texts get help from each language's most frequent function words, which are
/// decisive where n-gram statistics of a few words are not. Profiles are langdetect's
/// (Apache-2.0), converted to `langid.tsv`; grams are packed into 64-bit keys (three 21-bit
/// scalars) in an open-addressing table, so a text costs no allocation per gram.
///
/// ```swift
/// let id = try LanguageIdentifier()
/// id.identify("Die Lieferung kam pünktlich.")   // (.de, 0.99…)
/// ```
public struct LanguageIdentifier: Sendable {
    /// Open addressing: per slot, a key (0 = empty) and ln P(gram | language) for each language.
    let slots: [GramSlot]
    let mask: Int
    /// ln P for a gram not in the profiles, per language.
    let unseen: SIMD8<Double>
    let languages = Language.allCases
    let scan = TextScanner.Tables()
    /// Function words per language, as a bit mask over `languages` (bits 0–4), and the words
    /// of each language's sentiment vocabulary (bits 8–12).
    let functionWords: PackedWordTable<UInt16>
    /// Posterior below which the answer is `und`.
    public var threshold: Double = 0.7

    /// Loads the language profiles shipped with Patron.
    /// - Throws: when the resource bundle is missing (see `PATRON_LEXICONS`).
    public init() throws {
        let all = Language.allCases
        var counts = [UInt64: [Double]](), totals = [[Double]](repeating: [0, 0, 0], count: all.count)
        for (key, value) in try LexiconStore.pairs("langid.tsv") {
            let parts = key.split(separator: "\t", maxSplits: 1)
            guard parts.count == 2, let language = Language(rawValue: String(parts[0])),
                let index = all.firstIndex(of: language),
                let count = Double(value)
            else { continue }
            let gram = parts[1]
            if gram.hasPrefix("#words"), let n = Int(gram.dropFirst(6)), (1...3).contains(n) {
                totals[index][n - 1] = count
                continue
            }
            // Grams are matched on lower-case text: upper-case profile grams add to theirs.
            var packed: UInt64 = 0, n = 0
            var usable = true
            for s in gram.unicodeScalars {
                guard let l = s == " " ? s : TextScanner.lowerWordScalar(s) else {
                    usable = false
                    break
                }
                packed = packed << 21 | UInt64(l.value)
                n += 1
            }
            guard usable, (1...3).contains(n) else { continue }
            counts[packed, default: [Double](repeating: 0, count: all.count)][index] += count
        }
        var capacity = 1024
        while capacity < counts.count * 2 { capacity <<= 1 }
        // Key and values in one 32-byte slot (Float log-probabilities): a probe reads one cache
        // line, and the table (1 MiB) is half what Double values beside a key array took.
        var slots = [GramSlot](repeating: GramSlot(), count: capacity)
        for (packed, c) in counts.sorted(by: { $0.key < $1.key }) {
            let order = Self.order(packed) - 1
            var slot = packed.tableSlot(capacity - 1)
            while slots[slot].key != 0 { slot = (slot + 1) & (capacity - 1) }
            var logP = all.indices.map { log((c[$0] + 0.5) / (totals[$0][order] + 1)) }
            // A gram one language's (pruned) profile lacks costs it at most `gramCap` nats
            // against the best: one missing triple must not decide a short text.
            let best = logP.max()!
            logP = logP.map { max($0, best - Self.gramCap) }
            slots[slot] = GramSlot(key: packed, logP.map(Float.init))
        }
        self.slots = slots
        mask = capacity - 1
        var floor = SIMD8<Double>.zero
        for l in all.indices { floor[l] = log(0.5 / (totals[l][2] + 1)) }
        unseen = floor
        var words = [String: UInt16]()
        for (l, language) in all.enumerated() {
            for w in Self.functionWordLists[language]! { words[w, default: 0] |= 1 << l }
            for w in try Self.sentimentWords(language) { words[w, default: 0] |= 1 << (l + 8) }
        }
        functionWords = PackedWordTable(words)
    }

    /// How many scalars a packed gram holds (a space is 0x20, never 0).
    static func order(_ packed: UInt64) -> Int { packed >> 42 != 0 ? 3 : packed >> 21 != 0 ? 2 : 1 }

    /// A margin in log-likelihood (nats) at which the rest of a long text cannot plausibly
    /// change the answer: identification stops reading there (after 40 grams at least). A
    /// smaller margin (20 nats after 12 grams) changed 2 % of the English and German answers
    /// on the evaluation set: a sentence's first words can mislead.
    static let decisiveMargin = 40.0

    /// The leader's lead over the runner-up.
    @inline(__always) static func margin(_ sums: SIMD8<Double>, _ k: Int) -> Double {
        var best = -Double.infinity, second = -Double.infinity
        for l in 0..<k {
            if sums[l] > best {
                second = best
                best = sums[l]
            } else if sums[l] > second {
                second = sums[l]
            }
        }
        return best - second
    }

    /// Function words: a match adds this many nats to its language.
    static let functionWordBonus = 3.0
    /// A word of a language's sentiment vocabulary ("junk", "värdelöst", "Schrott") adds this
    /// many nats to it: in a two-word complaint the words themselves say more than a handful
    /// of letter triples (which read "Total junk" as Dutch).
    static let sentimentWordBonus = 2.0
    /// Texts of at most this many words are short (see `Likelihoods.combined`).
    static let shortText = 4
    /// Nats added to the preferred language in a short text, and the weight of its letter n-grams.
    static let shortTextPrior = 1.0, shortTextGramWeight = 0.5
    /// The most one letter n-gram can say against a language, in nats.
    static let gramCap = 4.0

    /// The words of `language`'s lexicon and rules that the packed table can hold (up to eight
    /// bytes, letters below U+0800, apostrophes and hyphens), in no particular order.
    static func sentimentWords(_ language: Language) throws -> [String] {
        let rules = SentimentRules.rules(for: language)
        var words = Set(rules.negators).union(rules.intensifiers.keys)
        // Phrases ("fell apart") by their words.
        for key in Array(rules.vocabulary.keys) + Array(try SentimentRules.customerVocabulary(language).keys) {
            for word in key.split(separator: " ") { words.insert(String(word)) }
        }
        if rules.usesLexicon {
            words.formUnion(try LexiconStore.pairs(language.rawValue + ".tsv").map { String($0.0) })
        }
        return words.filter { word in
            word.utf8.count <= 8
                && word.unicodeScalars.allSatisfy { s in
                    s.value < 0x800 && (s == "'" || s == "-" || TextScanner.lowerWordScalar(s) == s)
                }
        }
    }
    static let functionWordLists: [Language: [String]] = [
        .en: [
            "the", "and", "is", "was", "it", "not", "of", "to", "my", "with", "this", "for", "very", "but", "i", "you",
            "are", "have", "be", "on", "at", "no", "did", "does", "were",
            // Contractions and short words that open English complaints ("Don't buy", "Won't
            // order again"), rare in the other four languages.
            "don't", "won't", "didn't", "doesn't", "isn't", "wasn't", "can't", "couldn't", "wouldn't", "it's", "i'm",
            "i've", "that's", "would", "just", "again", "what", "do", "had", "has", "from", "too", "after", "never",
            "they", "we", "your", "our", "its", "been", "got", "than", "which", "any", "really",
        ],
        .sv: [
            "och", "är", "var", "det", "inte", "jag", "med", "för", "en", "ett", "att", "av", "på", "som", "mycket",
            "men", "har", "till", "om", "kom", "den", "de", "vi", "mitt", "min", "alls", "också",
        ],
        .nl: [
            "de", "het", "een", "en", "is", "was", "niet", "van", "ik", "met", "voor", "op", "zeer", "maar", "heb",
            "dat", "er", "te", "mijn", "geen", "erg", "wel", "ook", "zijn", "heel", "helemaal",
        ],
        .de: [
            "der", "die", "das", "und", "ist", "war", "nicht", "ich", "mit", "für", "ein", "eine", "sehr", "aber",
            "habe", "auf", "zu", "es", "mein", "kein", "keine", "gar", "auch", "wurde", "den", "dem", "ganz",
        ],
        .pl: [
            "i", "nie", "jest", "był", "była", "było", "to", "się", "na", "w", "z", "bardzo", "ale", "mam", "że", "do",
            "jak", "za", "wcale", "już", "też", "przez", "moje", "mój", "jestem",
        ],
    ]

    /// The most likely language and its posterior probability; nil (`und`) when the
    /// posterior is below `threshold` or the text has no letters.
    public func identify(
        _ text: String, among allowed: Set<Language>? = nil
    ) -> (language: Language?, confidence: Double) {
        identify(text, among: allowed.map { LanguageSet($0) } ?? .all)
    }

    /// `identify(_:among:)` with the allowed languages as a `LanguageSet` (what the stage uses:
    /// no hashing per text).
    package func identify(_ text: String, among allowed: LanguageSet) -> (language: Language?, confidence: Double) {
        TextScanner.withUTF8(text) { identify(utf8: $0, among: allowed) }
    }

    /// `identify(_:among:)` on UTF-8 bytes, such as a row of a table's text column (invalid
    /// sequences read as U+FFFD).
    public func identify(
        utf8 text: UnsafeBufferPointer<UInt8>, among allowed: LanguageSet = .all
    ) -> (language: Language?, confidence: Double) {
        let found = identify(utf8: text, among: allowed, preferring: .en)
        return (found.language, found.confidence)
    }

    /// `identify(utf8:among:)`, with the language a short text leans to when its words say
    /// little (`preferring`, by `prior` nats: English, the language short mixed-shop lines are
    /// most often in, or the language of the rest of a column that is mostly one language),
    /// and whether the text was short.
    package func identify(
        utf8 text: UnsafeBufferPointer<UInt8>, among allowed: LanguageSet, preferring: Language,
        by prior: Double = LanguageIdentifier.shortTextPrior
    ) -> (language: Language?, confidence: Double, short: Bool) {
        let state = likelihoods(text, stopEarly: allowed == .all)
        guard state.grams > 0 else { return (nil, 0, false) }
        let sums = state.combined(preferring: preferring, by: prior)
        let short = state.words <= LanguageIdentifier.shortText
        var best = -1
        for l in 0..<languages.count where allowed.contains(index: l) {
            if best < 0 || sums[l] > sums[best] { best = l }
        }
        guard best >= 0 else { return (nil, 0, short) }
        var total = 0.0
        for l in 0..<languages.count where allowed.contains(index: l) { total += exp(sums[l] - sums[best]) }
        let posterior = 1 / total
        return (posterior >= threshold ? languages[best] : nil, posterior, short)
    }

    /// The running log-likelihoods of one text: grams of " word " (a sliding window of the last
    /// three scalars of each word) and the function-word bonus at each word's end.
    struct Likelihoods {
        /// Letter n-grams' log-likelihoods, and the words' bonuses (kept apart: see `combined`).
        var total = SIMD8<Double>.zero, bonus = SIMD8<Double>.zero
        var grams = 0, words = 0

        /// The evidence of the whole text. In a text of a few words, naive Bayes over letter
        /// triples is overconfident (a profile that lacks "abb" makes "snabb" English by ten
        /// nats), so there the n-grams count half and the words themselves decide more; and
        /// `preferring` gets a prior (English, unless the caller knows better).
        func combined(preferring: Language, by prior: Double) -> SIMD8<Double> {
            guard words <= LanguageIdentifier.shortText else { return total + bonus }
            var out = total * LanguageIdentifier.shortTextGramWeight + bonus
            out[preferring.index] += prior
            return out
        }
        var window: UInt64 = 0x20, length = 1
        /// The word so far, lower case with its joiners, packed while it fits in eight bytes.
        var word: UInt64 = 0, wordBytes = 0

        @inline(__always) mutating func appendByte(_ b: UInt8) {
            if wordBytes < 8 { word |= UInt64(b) << (8 * UInt64(wordBytes)) }
            wordBytes += 1
        }

        @inline(__always) mutating func letter(_ l: UInt32, _ table: GramTable) {
            if l < 0x80 {
                appendByte(UInt8(l))
            } else if l < 0x800 {
                appendByte(UInt8(0xC0 | l >> 6))
                appendByte(UInt8(0x80 | l & 0x3F))
            } else {
                wordBytes += 9  // no function word has a letter beyond U+07FF: never looked up
            }
            window = (window << 21 | UInt64(l)) & (1 << 63 - 1)
            length += 1
            total += table[window & (1 << 42 - 1)]
            grams += 1
            if length >= 3 {
                total += table[window]
                grams += 1
            }
        }

        /// The closing space's grams, then the function-word bonus.
        @inline(__always) mutating func endWord(_ table: GramTable, _ functionWords: PackedWordTable<UInt16>) {
            window = (window << 21 | 0x20) & (1 << 63 - 1)
            total += table[window & (1 << 42 - 1)]
            grams += 1
            if length + 1 >= 3 {
                total += table[window]
                grams += 1
            }
            if wordBytes <= 8 {
                if let bits = functionWords.lookup(word) {
                    for l in 0..<Language.allCases.count {
                        if bits & (1 << l) != 0 { bonus[l] += LanguageIdentifier.functionWordBonus }
                        if bits & (1 << (l + 8)) != 0 { bonus[l] += LanguageIdentifier.sentimentWordBonus }
                    }
                }
            }
            words += 1
            word = 0
            wordBytes = 0
            window = 0x20
            length = 1
        }
    }

    /// One slot of the gram table: the packed gram (0: empty) and ln P(gram | language) of
    /// the five languages.
    struct GramSlot: Sendable {
        var key: UInt64 = 0
        var en: Float = 0, sv: Float = 0, nl: Float = 0, de: Float = 0, pl: Float = 0, padding: Float = 0

        init() {}

        init(key: UInt64, _ p: [Float]) {
            self.key = key
            (en, sv, nl, de, pl) = (p[0], p[1], p[2], p[3], p[4])
        }

        @inline(__always) var values: SIMD8<Double> {
            SIMD8(Double(en), Double(sv), Double(nl), Double(de), Double(pl), 0, 0, 0)
        }
    }

    /// The gram table, read through a pointer inside the identifier's loop.
    struct GramTable {
        let slots: UnsafePointer<GramSlot>
        let mask: Int
        let unseen: SIMD8<Double>

        @inline(__always) subscript(_ packed: UInt64) -> SIMD8<Double> {
            var slot = packed.tableSlot(mask)
            while true {
                let key = slots[slot].key
                if key == packed { return slots[slot].values }
                if key == 0 { return unseen }
                slot = (slot + 1) & mask
            }
        }
    }

    /// The per-language log-likelihoods of a text's UTF-8; with `stopEarly`, reading stops once
    /// one language is `decisiveMargin` ahead.
    func likelihoods(_ text: UnsafeBufferPointer<UInt8>, stopEarly: Bool) -> Likelihoods {
        guard let p = text.baseAddress else { return Likelihoods() }
        return slots.withUnsafeBufferPointer { slots in
            scan.withClassifier { scan in
                let table = GramTable(slots: slots.baseAddress!, mask: mask, unseen: unseen)
                return Self.likelihoods(p, text.count, table, scan, functionWords, stopEarly: stopEarly)
            }
        }
    }

    /// The loop of `likelihoods(_:stopEarly:)`, its state in locals (not captured by a closure).
    static func likelihoods(
        _ p: UnsafePointer<UInt8>, _ end: Int, _ table: GramTable, _ scan: TextScanner.Classifier,
        _ functionWords: PackedWordTable<UInt16>, stopEarly: Bool
    ) -> Likelihoods {
        var state = Likelihoods()
        var i = 0, inWord = false
        while i < end {
            let s = TextScanner.decode(p, &i, end)
            let l = scan.classify(s) & TextScanner.lowerMask
            // Digits belong to no language: "500 Mbps" is English or Swedish by its letters.
            if l != 0 && (l < 0x30 || l > 0x39) {
                inWord = true
                state.letter(l, table)
                continue
            }
            guard inWord else { continue }
            // Joiners (' and -) belong to the word for the function-word check only.
            if s == 0x27 || s == 0x2019 || s == 0x2D {
                state.appendByte(s == 0x2D ? UInt8(ascii: "-") : UInt8(ascii: "'"))
                continue
            }
            state.endWord(table, functionWords)
            inWord = false
            // Decided: the leader is `decisiveMargin` nats ahead of every other language.
            if stopEarly && state.grams >= 40
                && margin(state.total + state.bonus, Language.allCases.count) >= decisiveMargin
            {
                break
            }
        }
        if inWord { state.endWord(table, functionWords) }
        return state
    }
}
