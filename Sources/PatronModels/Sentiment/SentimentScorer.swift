import Foundation

/// Scores customer feedback in English, Swedish, Dutch, German and Polish: a compound score in
/// −1…1 and a label (pos ≥ 0.05, neg ≤ −0.05, neu between), in the spirit of VADER but per
/// language (its lexicon and `SentimentRules`).
///
/// Each sentence is scored on its own — valences of its words and emoji, boosted or damped by
/// intensifiers and capitals, negated within three words (or, in Swedish, Dutch and German,
/// after a verb), weighted around the contrast word, emphasised by exclamation marks — and
/// normalised to −1…1 as VADER does (S / √(S² + 15)). The text's score is the mean over its
/// sentences that carry sentiment, so a long text does not saturate, weighted towards the
/// closing sentence and against a sentence the next one contradicts ("… But it broke."); the
/// work is linear in its length. That is the lexicon layer; where a language ships a learned
/// layer (`model-LANG.bin`, see `SentimentModel`), the score is its logistic regression over
/// the text's hashed n-grams and the lexicon layer's reading, and `features(_:language:)`
/// gives what it sees.
///
/// ```swift
/// let scorer = try SentimentScorer()
/// scorer.score("Gar nicht schlecht!", language: .de)   // > 0.05: pos
/// ```
public struct SentimentScorer: Sendable {
    /// A score's label: positive (≥ 0.05), negative (≤ −0.05) or neutral.
    public enum Label: String, Sendable { case pos, neg, neu }

    let compiled: [CompiledLanguage]
    /// The learned layer of each language (by `Language.index`), nil where none is shipped.
    let models: [SentimentModel?]
    let scan = TextScanner.Tables()
    /// Emoji by their first scalar, and the smallest such scalar (below it none is looked up).
    let emoji: [UInt32: Double]
    let emojiFloor: UInt32
    /// Emoticons (two or three ASCII characters) packed as `PackedWordTable` keys.
    let emoticons: PackedWordTable<Double>

    /// Loads the lexicons and the emoji valences (a fraction of a second; load once, score many).
    public init() throws {
        var compiled = [CompiledLanguage]()
        for language in Language.allCases {
            var table = [String: Double]()
            let rules = SentimentRules.rules(for: language)
            if rules.usesLexicon {
                for (word, value) in try LexiconStore.pairs(language.rawValue + ".tsv") {
                    if let v = Double(value) { table[String(word)] = v }
                }
            }
            // The rules' vocabulary, then the customer vocabulary file where the rules say nothing.
            var vocabulary = rules.vocabulary
            for (word, v) in try SentimentRules.customerVocabulary(language) where vocabulary[word] == nil {
                vocabulary[word] = v
            }
            // "Too" and a measure ("zu kurz", "za ciasne"), where neither says otherwise.
            for (phrase, v) in SentimentRules.excessPhrases(language) where vocabulary[phrase] == nil {
                vocabulary[phrase] = v
            }
            // Faults ("lags", "rutscht"), where neither the lexicon nor the vocabulary scores them.
            for (word, v) in SentimentRules.problems(language) where vocabulary[word] == nil && table[word] == nil {
                vocabulary[word] = v
            }
            var phrases = [String: [(second: String, valence: Double)]]()
            var gapped = [String: [(second: String, valence: Double)]]()
            for (word, v) in vocabulary.sorted(by: { String.utf8Precedes($0.key, $1.key) }) {
                let parts = word.split(separator: " ")
                if parts.count == 2 {
                    phrases[String(parts[0]), default: []].append((String(parts[1]), v))
                } else if parts.count == 3 && parts[1] == "…" {
                    gapped[String(parts[0]), default: []].append((String(parts[2]), v))
                } else {
                    table[word] = v
                }
            }
            // Inflected forms the lexicons do not list take their base word's valence (a form
            // either lists itself wins; bases in sorted order, so the result is one table).
            if let inflections = rules.inflections {
                var forms = [String: Double]()
                for (word, v) in table.sorted(by: { String.utf8Precedes($0.key, $1.key) }) where v != 0 {
                    for form in inflections(word) where table[form] == nil && forms[form] == nil { forms[form] = v }
                }
                table.merge(forms) { listed, _ in listed }
            }
            // Function words carry no valence of their own, whatever a dictionary says of them:
            // negators, intensifiers ("wirklich", "heel" alone are not praise), contrast words
            // and clause joiners ("leider", "tyvärr" keep theirs: the vocabulary gives it).
            let functionWords = rules.neutral.union(rules.negators).union(rules.intensifiers.keys).union(rules.joiners)
                .union(rules.contrast).union(rules.concessive).union(rules.modals)
                .union(rules.ceilings.filter { $0.value == .measure }.keys).union(rules.irrealis.keys)
            for word in functionWords where vocabulary[word] == nil { table[word] = nil }
            compiled.append(CompiledLanguage(valences: table, phrases: phrases, gapped: gapped, rules: rules))
        }
        self.compiled = compiled
        models = try Language.allCases.map { language in
            let name = "model-\(language.rawValue).bin"
            return try LexiconStore.contents(name).map { try SentimentModel(bytes: $0, name: name) }
        }
        var emoji = [UInt32: Double]()
        for (symbol, value) in try LexiconStore.pairs("emoji.tsv") {
            if let first = symbol.unicodeScalars.first, let v = Double(value), emoji[first.value] == nil {
                emoji[first.value] = v
            }
        }
        self.emoji = emoji
        emojiFloor = emoji.keys.min() ?? .max
        emoticons = PackedWordTable(Self.emoticonValences)
    }

    /// Whether `text` has at least `minimum` letters (digits do not count).
    package static func letterCount(_ text: String, atLeast minimum: Int) -> Bool {
        TextScanner.withUTF8(text) { letterCount(utf8: $0, atLeast: minimum) }
    }

    /// `letterCount(_:atLeast:)` on UTF-8 bytes.
    package static func letterCount(utf8: UnsafeBufferPointer<UInt8>, atLeast minimum: Int) -> Bool {
        guard minimum > 0 else { return true }
        guard let p = utf8.baseAddress else { return false }
        return scanTables.withClassifier { scan in
            var n = 0, i = 0
            while i < utf8.count {
                let l = scan.classify(TextScanner.decode(p, &i, utf8.count)) & TextScanner.lowerMask
                if l != 0 && (l < 0x30 || l > 0x39) {
                    n += 1
                    if n >= minimum { return true }
                }
            }
            return false
        }
    }

    static let scanTables = TextScanner.Tables()

    /// The label of a score, by the thresholds VADER uses.
    public static func label(_ score: Double) -> Label { score >= 0.05 ? .pos : score <= -0.05 ? .neg : .neu }

    static let emoticonValences: [String: Double] = [
        ":)": 2.0, ":-)": 2.0, ":d": 2.3, ":D": 2.3, ";)": 1.5, ";-)": 1.5, ":(": -2.0,
        ":-(": -2.0, ":/": -1.2, ":'(": -2.2, "<3": 2.5, ":p": 1.2, ":P": 1.2, "xd": 1.8,
        "XD": 1.8, "=)": 1.8,
    ]

    /// The text's compound score in −1…1 (0 for a text with no sentiment).
    public func score(_ text: String, language: Language) -> Double {
        TextScanner.withUTF8(text) { score(utf8: $0, language: language) }
    }

    /// `score(_:language:)` on UTF-8 bytes, such as a row of a table's text column (invalid
    /// sequences read as U+FFFD): the learned layer's score where the language has one, else
    /// the lexicon's.
    public func score(utf8: UnsafeBufferPointer<UInt8>, language: Language) -> Double {
        guard let model = models[language.index] else { return lexiconScore(utf8: utf8, language: language) }
        var mean = SparseMean()
        let shift = UInt32(32 - model.bits)
        let reading = model.weights.withUnsafeBufferPointer { w in
            read(utf8: utf8, language: language) { sentence in
                var sum: Int64 = 0, count = 0
                Features.hash(sentence, shift: shift) {
                    sum += Int64(w[$0])
                    count += 1
                }
                mean.add(Double(sum), count: count)
            }
        }
        return model.score(sparse: mean.value, reading)
    }

    /// The lexicon layer's score alone (the rules over the lexicon, no learned layer).
    package func lexiconScore(utf8: UnsafeBufferPointer<UInt8>, language: Language) -> Double {
        read(utf8: utf8, language: language) { _ in }.score
    }

    /// The features the learned layer sees in `text`: the hashed n-gram buckets with their
    /// values (each sentence's counts over √(its feature count), averaged over sentences) and
    /// the dense features of the lexicon's reading. For training weights offline
    /// (`Training/sentiment/train.py`).
    public func features(_ text: String, language: Language) -> SentimentFeatures {
        var perSentence = [[Int]]()
        let shift = UInt32(32 - Features.bits)
        let reading = TextScanner.withUTF8(text) { utf8 in
            read(utf8: utf8, language: language) { sentence in
                var buckets = [Int]()
                Features.hash(sentence, shift: shift) { buckets.append($0) }
                if !buckets.isEmpty { perSentence.append(buckets) }
            }
        }
        var values = [Int: Double]()
        for buckets in perSentence {
            let weight = 1 / Double(buckets.count).squareRoot() / Double(perSentence.count)
            for b in buckets { values[b, default: 0] += weight }
        }
        return SentimentFeatures(
            sparse: values.keys.sorted().map { ($0, values[$0]!) }, bucketCount: 1 << Features.bits,
            dense: (0..<Features.denseCount).map(reading.dense))
    }

    /// Reads `utf8` in `language`: scores each sentence by the lexicon and rules, and shows
    /// each sentence's tokens to `sentence` (the learned layer hashes them).
    @inline(__always)
    func read(
        utf8: UnsafeBufferPointer<UInt8>, language: Language, _ sentence: (SentenceReader) -> Void
    ) -> Reading {
        let c = compiled[language.index]
        // A sentence has at most one token per scalar and two lower-case bytes per byte.
        return withUnsafeTemporaryAllocation(of: Token.self, capacity: utf8.count + 1) { tokens in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 * utf8.count + 8) { bytes in
                withUnsafeTemporaryAllocation(of: Info.self, capacity: utf8.count + 1) { info in
                    scan.withClassifier { scan in
                        var mean = WeightedMean()
                        var reading = Reading()
                        var promised = false
                        var started: TimePoint? = nil
                        read(
                            utf8, SentenceReader(tokens: tokens.baseAddress!, bytes: bytes.baseAddress!), scan,
                            ordinalDot: language == .de
                        ) {
                            reader in
                            sentence(reader)
                            reading.allSentences += 1
                            reading.exclamations += reader.exclamations
                            reading.questions += reader.question ? 1 : 0
                            guard
                                let s = scoreSentence(
                                    reader, c, info.baseAddress!, complaintBefore: reading.negative > 0,
                                    promised: &promised, started: &started)
                            else { return }
                            mean.add(s.score, opensWithContrast: s.opensWithContrast || s.remedy || s.broken)
                            reading.add(s)
                        }
                        reading.score = mean.value
                        return reading
                    }
                }
            }
        }
    }

    /// Splits a text into sentences (at . ! ? … before a space or the end, and at line
    /// breaks) of tokens, in one pass over its UTF-8, calling `sentence` at the end of each.
    /// With `ordinalDot` (German), a full stop after a number of one or two digits before a
    /// space and a letter is an ordinal ("am 4. Mai"), not a sentence's end.
    @inline(__always)
    func read(
        _ utf8: UnsafeBufferPointer<UInt8>, _ reader: SentenceReader, _ scan: TextScanner.Classifier,
        ordinalDot: Bool = false, _ sentence: (SentenceReader) -> Void
    ) {
        guard let p = utf8.baseAddress else { return }
        let end = utf8.count
        var r = reader
        var i = 0
        while i < end {
            let at = i
            let s = TextScanner.decode(p, &i, end)
            if s == 0x0A {
                r.endSentence(at: at, next: i, p, emoticons, sentence)
                continue
            }
            let kind = scan.classify(s)
            if kind & TextScanner.spaceBit != 0 {
                if r.pendingEnd && ordinalDot && i < end && p[at - 1] == 0x2E && r.endsWithOrdinalDot(p, i) {
                    r.pendingEnd = false
                }
                if r.pendingEnd {
                    r.endSentence(at: at, next: i, p, emoticons, sentence)
                } else {
                    r.endChunk(at: at, next: i, p, emoticons)
                }
                continue
            }
            r.pendingEnd = false
            let l = kind & TextScanner.lowerMask
            if l != 0 {
                r.letter(l, upper: kind & TextScanner.upperBit != 0)
                continue
            }
            if (s == 0x27 || s == 0x2019 || s == 0x2D) && r.byteCount > r.wordStart && r.pendingJoiner == 0 {
                r.pendingJoiner = s == 0x2D ? UInt8(ascii: "-") : UInt8(ascii: "'")
                continue
            }
            r.flushWord()
            if s >= emojiFloor, let v = emoji[s] {
                r.appendSymbol(v)
                continue
            }
            switch s {
            case 0x21:
                r.exclamations += 1
                r.pendingEnd = true  // !
            case 0x3F:
                r.question = true
                r.pendingEnd = true  // ?
            case _ where (s == 0x2C || s == 0x2E) && i < end && p[i] >= 0x30 && p[i] <= 0x39 && r.endsWithDigit:
                r.separatorNext = UInt8(s)  // "1,80", "2.000": one number
            case _ where (s == 0x2F || s == 0x3A) && i < end && p[i] >= 0x30 && p[i] <= 0x39 && r.endsWithDigit:
                r.separatorNext = UInt8(s)  // "3/10", "8:30": a date or a time of day
            case 0x24, 0xA3, 0x20AC:  // $ £ €
                if i < end && p[i] >= 0x30 && p[i] <= 0x39 {
                    r.currencyNext = true
                } else if r.endsWithDigit {
                    r.tokens[r.tokenCount - 1].currency = true
                }
            case 0x2E, 0x2026: r.pendingEnd = true  // . …
            case 0x2C, 0x3B: r.clauseBreak = r.tokenCount > 0  // , ;
            default: break
            }
        }
        r.endSentence(at: end, next: end, p, emoticons, sentence)
    }
}

/// The features of the learned layer for one text (`SentimentScorer.features(_:language:)`).
public struct SentimentFeatures: Sendable {
    /// The hashed n-gram buckets of the text with their values, by bucket.
    public let sparse: [(bucket: Int, value: Double)]
    /// How many buckets there are (2^18).
    public let bucketCount: Int
    /// The dense features: lexicon score, closing sentence's score, lowest and highest
    /// sentence score, negated words and contrasts per sentence, exclamation marks and
    /// questions per sentence, shares of positive and of negative words, and whether no word
    /// carried sentiment.
    public let dense: [Double]
}

/// The learned layer's n-gram term: the mean over sentences of each sentence's summed weights
/// over √(its feature count), so a sentence scores alike alone or in a long text.
struct SparseMean {
    private var total = 0.0, sentences = 0

    mutating func add(_ sum: Double, count: Int) {
        guard count > 0 else { return }
        total += sum / Double(count).squareRoot()
        sentences += 1
    }

    var value: Double { sentences == 0 ? 0 : total / Double(sentences) }
}

extension SentimentScorer {
    /// What the lexicon layer reads in a text: its score, and what the learned layer takes
    /// from it.
    package struct Reading {
        /// The lexicon layer's score of the text (weighted mean over its sentences).
        package var score = 0.0
        var last = 0.0, lowest = 0.0, highest = 0.0
        /// Sentences that carried sentiment, and all sentences.
        var sentences = 0, allSentences = 0
        var negated = 0, contrasts = 0, exclamations = 0, questions = 0, positive = 0, negative = 0

        /// Whether any sentence carried sentiment.
        var hasSentiment: Bool { sentences > 0 }

        mutating func add(_ s: SentenceScore) {
            lowest = sentences == 0 ? s.score : min(lowest, s.score)
            highest = sentences == 0 ? s.score : max(highest, s.score)
            last = s.score
            sentences += 1
            negated += s.negated
            contrasts += s.contrast || s.opensWithContrast ? 1 : 0
            positive += s.positive
            negative += s.negative
        }

        /// Dense feature `i` (see `SentimentFeatures.dense`): rates per sentence and shares,
        /// so a text repeated reads as the text once.
        @inline(__always) func dense(_ i: Int) -> Double {
            let scored = Double(max(1, sentences)), all = Double(max(1, allSentences))
            let words = Double(max(1, positive + negative))
            switch i {
            case 0: return score
            case 1: return last
            case 2: return lowest
            case 3: return highest
            case 4: return min(1, Double(negated) / scored)
            case 5: return Double(contrasts) / scored
            case 6: return min(1, Double(exclamations) / all)
            case 7: return Double(questions) / all
            case 8: return Double(positive) / words
            case 9: return Double(negative) / words
            default: return sentences == 0 ? 1 : 0
            }
        }
    }
}

/// The mean of a text's sentence scores, weighted around sentence-initial contrast words and
/// towards the closing sentence, in one pass (one sentence is held back until the next shows
/// whether it opens with a contrast word).
struct WeightedMean {
    private var total = 0.0, weights = 0.0, count = 0
    private var pending = 0.0, pendingWeight = 0.0

    mutating func add(_ score: Double, opensWithContrast: Bool) {
        var weight = 1.0
        if count > 0 {
            if opensWithContrast {
                pendingWeight *= SentimentRules.beforeContrast
                weight = SentimentRules.afterContrast
            }
            total += pending * pendingWeight
            weights += pendingWeight
        }
        pending = score
        pendingWeight = weight
        count += 1
    }

    /// The weighted mean (0 when no sentence carried sentiment).
    var value: Double {
        guard count > 0 else { return 0 }
        let last = pendingWeight * (count > 1 ? SentimentRules.closing : 1)
        return (total + pending * last) / (weights + last)
    }
}
