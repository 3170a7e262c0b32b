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
    public enum Label: String, Sendable { case pos, neg, neu }

    /// One language's lexicon merged with its rules' vocabulary, and the rules, as byte tables.
    struct Compiled: Sendable {
        var valence: ByteTable<Double>
        /// Two-word phrases by their first word.
        var phrases: ByteTable<[(second: [UInt8], valence: Double)]>
        var intensifier: ByteTable<Double>
        var negator: ByteTable<Bool>
        var contrast: ByteTable<Bool>
        var negatesBackward: Bool
    }

    let compiled: [Compiled]
    let scan = TextScanner.Tables()
    /// Emoji by their first scalar.
    let emoji: [UInt32: Double]
    let emoticons: ByteTable<Double>

    /// Loads the lexicons and the emoji valences (a fraction of a second; load once, score many).
    public init() throws {
        var compiled = [Compiled]()
        for language in Language.allCases {
            var table = [String: Double]()
            let rules = SentimentRules.rules(for: language)
            if rules.usesLexicon {
                for (word, value) in try LexiconStore.pairs(language.rawValue + ".tsv") {
                    if let v = Double(value) { table[String(word)] = v }
                }
            }
            var phrases = [String: [(second: [UInt8], valence: Double)]]()
            for (word, v) in rules.vocabulary.sorted(by: { $0.key < $1.key }) {
                let parts = word.split(separator: " ")
                if parts.count == 2 { phrases[String(parts[0]), default: []].append((Array(parts[1].utf8), v)) } else { table[word] = v }
            }
            for word in rules.neutral.union(rules.negators) where rules.vocabulary[word] == nil { table[word] = nil }
            compiled.append(Compiled(valence: ByteTable(table), phrases: ByteTable(phrases), intensifier: ByteTable(rules.intensifiers),
                                     negator: ByteTable(Dictionary(uniqueKeysWithValues: rules.negators.map { ($0, true) })),
                                     contrast: ByteTable(Dictionary(uniqueKeysWithValues: rules.contrast.map { ($0, true) })),
                                     negatesBackward: rules.negatesBackward))
        }
        self.compiled = compiled
        var emoji = [UInt32: Double]()
        for (symbol, value) in try LexiconStore.pairs("emoji.tsv") {
            if let first = symbol.unicodeScalars.first, let v = Double(value), emoji[first.value] == nil { emoji[first.value] = v }
        }
        self.emoji = emoji
        emoticons = ByteTable(Self.emoticonValences)
    }

    /// Whether `text` has at least `minimum` letters (digits do not count).
    public static func letterCount(_ text: String, atLeast minimum: Int) -> Bool {
        var n = 0
        for s in text.unicodeScalars {
            if let l = TextScanner.lowerWordScalar(s), l.value < 0x30 || l.value > 0x39 {
                n += 1
                if n >= minimum { return true }
            }
        }
        return minimum <= 0
    }

    public static func label(_ score: Double) -> Label { score >= 0.05 ? .pos : score <= -0.05 ? .neg : .neu }

    /// One token of a sentence: where its lower-case bytes are in the sentence's buffer,
    /// whether it was written in capitals, and the valence of an emoji or emoticon.
    struct Token {
        var start: Int, end: Int
        var shouted: Bool
        var symbolValence: Double?
    }

    static let emoticonValences: [String: Double] = [":)": 2.0, ":-)": 2.0, ":d": 2.3, ":D": 2.3, ";)": 1.5, ";-)": 1.5, ":(": -2.0,
                                                     ":-(": -2.0, ":/": -1.2, ":'(": -2.2, "<3": 2.5, ":p": 1.2, ":P": 1.2, "xd": 1.8,
                                                     "XD": 1.8, "=)": 1.8]

    /// The text's compound score in −1…1 (0 for a text with no sentiment).
    public func score(_ text: String, language: Language) -> Double {
        let c = compiled[language.index]
        var total = 0.0, scored = 0
        var info = [Info]()
        forEachSentence(text) { tokens, bytes, exclamations, question in
            guard let s = scoreSentence(tokens, bytes, exclamations: exclamations, question: question, c, &info) else { return }
            total += s
            scored += 1
        }
        return scored == 0 ? 0 : total / Double(scored)
    }

    /// Splits a text into sentences (at . ! ? … before a space or the end, and at line
    /// breaks) of tokens, in one pass over its scalars.
    func forEachSentence(_ text: String, _ body: (_ tokens: [Token], _ bytes: [UInt8], _ exclamations: Int, _ question: Bool) -> Void) {
        var tokens = [Token]()
        var bytes = [UInt8]()
        bytes.reserveCapacity(256)
        var wordStart = 0, letters = 0, upper = 0
        var pendingJoiner: UInt8? = nil
        var exclamations = 0, question = false, pendingEnd = false
        // The current run of non-space scalars, while short enough to be an emoticon.
        var chunk = [UInt8](), chunkLength = 0, chunkTokenStart = 0
        chunk.reserveCapacity(16)
        func flushWord() {
            if bytes.count > wordStart {
                tokens.append(Token(start: wordStart, end: bytes.count, shouted: letters >= 2 && upper == letters, symbolValence: nil))
            }
            wordStart = bytes.count
            letters = 0; upper = 0; pendingJoiner = nil
        }
        func endChunk() {
            flushWord()
            if chunkLength >= 2 && chunkLength <= 3, let v = emoticons.lookup(chunk) {
                tokens.removeSubrange(chunkTokenStart...)
                tokens.append(Token(start: bytes.count, end: bytes.count, shouted: false, symbolValence: v))
            }
            chunk.removeAll(keepingCapacity: true); chunkLength = 0; chunkTokenStart = tokens.count
        }
        func endSentence() {
            endChunk()
            if !tokens.isEmpty { body(tokens, bytes, exclamations, question) }
            tokens.removeAll(keepingCapacity: true)
            bytes.removeAll(keepingCapacity: true)
            wordStart = 0; chunkTokenStart = 0
            exclamations = 0; question = false; pendingEnd = false
        }
        for s in text.unicodeScalars {
            let space = s.value < 0x80 ? (s == " " || s == "\t" || s == "\r") : s.properties.isWhitespace
            if s == "\n" { endSentence(); continue }
            if space {
                if pendingEnd { endSentence() } else { endChunk() }
                continue
            }
            pendingEnd = false
            if chunkLength < 4 { TextScanner.appendUTF8(s, to: &chunk) }
            chunkLength += 1
            if let l = scan.lowerWordScalar(s) {
                if let j = pendingJoiner { bytes.append(j); pendingJoiner = nil }
                TextScanner.appendUTF8(l, to: &bytes)
                if l.value < 0x30 || l.value > 0x39 { letters += 1 }
                if scan.isUpper(s) { upper += 1 }
                continue
            }
            if TextScanner.isJoiner(s) && bytes.count > wordStart && pendingJoiner == nil {
                pendingJoiner = s == "-" ? UInt8(ascii: "-") : UInt8(ascii: "'")
                continue
            }
            flushWord()
            if let v = emoji[s.value] { tokens.append(Token(start: bytes.count, end: bytes.count, shouted: false, symbolValence: v)); continue }
            switch s {
            case "!": exclamations += 1; pendingEnd = true
            case "?": question = true; pendingEnd = true
            case ".", "…": pendingEnd = true
            default: break
            }
        }
        endSentence()
    }

    /// What scoring needs to know of one kept token (a two-word phrase of the vocabulary is
    /// one token, carrying its own negation; an emoji or emoticon is "fixed" too).
    struct Info {
        var valence: Double
        var booster: Double
        var negator: Bool, contrast: Bool, shouted: Bool, fixed: Bool, phrase: Bool, negated: Bool
    }

    /// The sentence's compound score, or nil when no word in it carries sentiment. `info` is
    /// scratch space reused from sentence to sentence.
    func scoreSentence(_ toks: [Token], _ bytes: [UInt8], exclamations: Int, question: Bool, _ c: Compiled, _ info: inout [Info]) -> Double? {
        info.removeAll(keepingCapacity: true)
        bytes.withUnsafeBufferPointer { all in
            func word(_ t: Token) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: all[t.start..<t.end]) }
            var i = 0
            while i < toks.count {
                let t = toks[i]
                if t.symbolValence == nil, i + 1 < toks.count, let candidates = c.phrases.lookup(word(t)) {
                    let next = word(toks[i + 1])
                    if let match = candidates.first(where: { $0.second.elementsEqual(next) }) {
                        info.append(Info(valence: match.valence, booster: 0, negator: false, contrast: false,
                                         shouted: t.shouted && toks[i + 1].shouted, fixed: true, phrase: true, negated: false))
                        i += 2
                        continue
                    }
                }
                if let v = t.symbolValence {
                    info.append(Info(valence: v, booster: 0, negator: false, contrast: false, shouted: false, fixed: true, phrase: false, negated: false))
                } else {
                    let w = word(t)
                    info.append(Info(valence: c.valence.lookup(w) ?? jättePrefix(w, c.valence) ?? 0, booster: c.intensifier.lookup(w) ?? 0,
                                     negator: c.negator.lookup(w) ?? false, contrast: c.contrast.lookup(w) ?? false,
                                     shouted: t.shouted, fixed: false, phrase: false, negated: false))
                }
                i += 1
            }
        }
        let n = info.count
        var mixedCase = false, any = false
        for t in toks where !t.shouted && t.symbolValence == nil { mixedCase = true; break }
        // An intensifier right before a sentiment word boosts it instead of counting itself.
        for k in 0..<n {
            if !info[k].fixed && info[k].booster != 0 && k + 1 < n && info[k + 1].valence != 0 { info[k].valence = 0 }
        }
        for k in 0..<n where info[k].valence != 0 { any = true; break }
        guard any else { return nil }
        for k in 0..<n where info[k].valence != 0 && !info[k].fixed {
            var v = info[k].valence
            // Boosters and dampeners up to three words before, fading with distance.
            for back in 1...3 where k - back >= 0 && info[k - back].booster != 0 {
                v += (v > 0 ? 1 : -1) * info[k - back].booster * (1.05 - 0.05 * Double(back))
            }
            if info[k].shouted && mixedCase { v += (v > 0 ? 1 : -1) * SentimentRules.capsBoost }
            for back in 1...3 where k - back >= 0 && info[k - back].negator { info[k].negated = true }
            info[k].valence = v
        }
        if c.negatesBackward {
            // A negator with no sentiment word after it in its clause negates the one before.
            for k in 0..<n where info[k].negator {
                var clauseEnd = n
                for j in (k + 1)..<max(k + 1, n) where info[j].contrast { clauseEnd = j; break }
                var later = false
                for j in (k + 1)..<max(k + 1, min(clauseEnd, k + 4)) where info[j].valence != 0 { later = true; break }
                if later { continue }
                for j in stride(from: k - 1, through: max(0, k - 3), by: -1) where info[j].valence != 0 && !info[j].phrase {
                    info[j].negated = true
                    break
                }
            }
        }
        var lastContrast = -1
        for k in 0..<n where info[k].contrast { lastContrast = k }
        var sum = 0.0
        for k in 0..<n {
            var v = info[k].valence
            if info[k].negated { v *= SentimentRules.negation }
            // The clause after the (last) contrast word counts more than the one before.
            if lastContrast > 0 { v *= k < lastContrast ? 0.5 : k > lastContrast ? 1.5 : 1 }
            sum += v
        }
        if sum != 0 { sum += (sum > 0 ? 1 : -1) * Double(min(4, exclamations)) * SentimentRules.exclamation }
        // A question asserts less: praise in a question is mostly neutral, a complaint stays one.
        if question { sum *= sum > 0 ? 0.2 : 0.9 }
        return sum / (sum * sum + 15).squareRoot()
    }

    static let jätte = Array("jätte".utf8)

    /// Swedish "jätte-" compounds (jättesnabb, jättenöjd): the word after the prefix, boosted.
    func jättePrefix(_ word: UnsafeBufferPointer<UInt8>, _ valence: ByteTable<Double>) -> Double? {
        let prefix = Self.jätte
        guard word.count > prefix.count + 2, word.starts(with: prefix),
              let v = valence.lookup(UnsafeBufferPointer(rebasing: word[prefix.count...])) else { return nil }
        return v + (v > 0 ? 1 : -1) * SentimentRules.boost
    }
}
