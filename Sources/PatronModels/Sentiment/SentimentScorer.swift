import Foundation

/// Scores customer feedback in English, Swedish, Dutch, German and Polish: a compound score in
/// −1…1 and a label (pos ≥ 0.05, neg ≤ −0.05, neu between), in the spirit of VADER but per
/// language (its lexicon and `SentimentRules`).
///
/// Each sentence is scored on its own — valences of its words and emoji, boosted or damped by
/// intensifiers and capitals, negated within three words (or, in Swedish, Dutch and German,
/// after a verb), weighted around the contrast word, emphasised by exclamation marks — and
/// normalised to −1…1 as VADER does (S / √(S² + 15)). The text's score is the mean over its
/// sentences that carry sentiment, so a long text does not saturate, and the work is linear
/// in its length.
///
/// ```swift
/// let scorer = try SentimentScorer()
/// scorer.score("Gar nicht schlecht!", language: .de)   // > 0.05: pos
/// ```
public struct SentimentScorer: Sendable {
    /// A score's label: positive (≥ 0.05), negative (≤ −0.05) or neutral.
    public enum Label: String, Sendable { case pos, neg, neu }

    let compiled: [CompiledLanguage]
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
            var phrases = [String: [(second: String, valence: Double)]]()
            for (word, v) in vocabulary.sorted(by: { $0.key < $1.key }) {
                let parts = word.split(separator: " ")
                if parts.count == 2 {
                    phrases[String(parts[0]), default: []].append((String(parts[1]), v))
                } else {
                    table[word] = v
                }
            }
            for word in rules.neutral.union(rules.negators) where vocabulary[word] == nil { table[word] = nil }
            compiled.append(CompiledLanguage(valences: table, phrases: phrases, rules: rules))
        }
        self.compiled = compiled
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
    /// sequences read as U+FFFD).
    public func score(utf8: UnsafeBufferPointer<UInt8>, language: Language) -> Double {
        let c = compiled[language.index]
        // A sentence has at most one token per scalar and two lower-case bytes per byte.
        return withUnsafeTemporaryAllocation(of: Token.self, capacity: utf8.count + 1) { tokens in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 * utf8.count + 8) { bytes in
                withUnsafeTemporaryAllocation(of: Info.self, capacity: utf8.count + 1) { info in
                    scan.withClassifier { scan in
                        var total = 0.0, scored = 0
                        read(utf8, SentenceReader(tokens: tokens.baseAddress!, bytes: bytes.baseAddress!), scan) {
                            reader in
                            guard let s = scoreSentence(reader, c, info.baseAddress!) else { return }
                            total += s
                            scored += 1
                        }
                        return scored == 0 ? 0 : total / Double(scored)
                    }
                }
            }
        }
    }

    /// Splits a text into sentences (at . ! ? … before a space or the end, and at line
    /// breaks) of tokens, in one pass over its UTF-8, calling `sentence` at the end of each.
    @inline(__always)
    func read(
        _ utf8: UnsafeBufferPointer<UInt8>, _ reader: SentenceReader, _ scan: TextScanner.Classifier,
        _ sentence: (SentenceReader) -> Void
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
            case 0x2E, 0x2026: r.pendingEnd = true  // . …
            default: break
            }
        }
        r.endSentence(at: end, next: end, p, emoticons, sentence)
    }
}
