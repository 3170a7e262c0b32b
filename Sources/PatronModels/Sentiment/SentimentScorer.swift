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

    /// One language's lexicon merged with its rules' vocabulary, and the rules.
    struct Compiled: Sendable {
        var valence: [String: Double]
        /// Two-word phrases by their first word.
        var phrases: [String: [(second: String, valence: Double)]]
        var rules: SentimentRules
    }

    let compiled: [Compiled]
    /// Emoji by their first scalar.
    let emoji: [UInt32: Double]

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
            var phrases = [String: [(second: String, valence: Double)]]()
            for (word, v) in rules.vocabulary {
                let parts = word.split(separator: " ")
                if parts.count == 2 { phrases[String(parts[0]), default: []].append((String(parts[1]), v)) } else { table[word] = v }
            }
            for word in rules.neutral.union(rules.negators) where rules.vocabulary[word] == nil { table[word] = nil }
            compiled.append(Compiled(valence: table, phrases: phrases, rules: rules))
        }
        self.compiled = compiled
        var emoji = [UInt32: Double]()
        for (symbol, value) in try LexiconStore.pairs("emoji.tsv") {
            if let first = symbol.unicodeScalars.first, let v = Double(value), emoji[first.value] == nil { emoji[first.value] = v }
        }
        self.emoji = emoji
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

    /// One token of a sentence: its lower-case form, whether it was written in capitals, and
    /// the valence of an emoji or emoticon.
    struct Token {
        var text: String
        var shouted: Bool
        var symbolValence: Double?
    }

    static let emoticons: [String: Double] = [":)": 2.0, ":-)": 2.0, ":d": 2.3, ":D": 2.3, ";)": 1.5, ";-)": 1.5, ":(": -2.0, ":-(": -2.0,
                                              ":/": -1.2, ":'(": -2.2, "<3": 2.5, ":p": 1.2, ":P": 1.2, "xd": 1.8, "XD": 1.8, "=)": 1.8]

    /// The text's compound score in −1…1 (0 for a text with no sentiment).
    public func score(_ text: String, language: Language) -> Double {
        let c = compiled[Language.allCases.firstIndex(of: language)!]
        var total = 0.0, scored = 0
        forEachSentence(text) { tokens, exclamations, question in
            guard let s = scoreSentence(tokens, exclamations: exclamations, question: question, c) else { return }
            total += s
            scored += 1
        }
        return scored == 0 ? 0 : total / Double(scored)
    }

    /// Splits a text into sentences (at . ! ? … before a space or the end, and at line
    /// breaks) of tokens, in one pass over its scalars.
    func forEachSentence(_ text: String, _ body: (inout [Token], _ exclamations: Int, _ question: Bool) -> Void) {
        var tokens = [Token]()
        var word = [UInt8]()
        word.reserveCapacity(32)
        var letters = 0, upper = 0
        var pendingJoiner: UInt8? = nil
        var exclamations = 0, question = false, pendingEnd = false
        // The current run of non-space scalars, while short enough to be an emoticon.
        var chunk = [UInt8](), chunkLength = 0, chunkTokenStart = 0
        chunk.reserveCapacity(16)
        func flushWord() {
            if !word.isEmpty {
                tokens.append(Token(text: String(decoding: word, as: UTF8.self), shouted: letters >= 2 && upper == letters, symbolValence: nil))
                word.removeAll(keepingCapacity: true)
            }
            letters = 0; upper = 0; pendingJoiner = nil
        }
        func endChunk() {
            flushWord()
            if chunkLength >= 2 && chunkLength <= 3, let v = Self.emoticons[String(decoding: chunk, as: UTF8.self)] {
                tokens.removeSubrange(chunkTokenStart...)
                tokens.append(Token(text: String(decoding: chunk, as: UTF8.self), shouted: false, symbolValence: v))
            }
            chunk.removeAll(keepingCapacity: true); chunkLength = 0; chunkTokenStart = tokens.count
        }
        func endSentence() {
            endChunk()
            if !tokens.isEmpty { body(&tokens, exclamations, question) }
            tokens.removeAll(keepingCapacity: true)
            chunkTokenStart = 0
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
            if let l = TextScanner.lowerWordScalar(s) {
                if let j = pendingJoiner { word.append(j); pendingJoiner = nil }
                TextScanner.appendUTF8(l, to: &word)
                if l.value < 0x30 || l.value > 0x39 { letters += 1 }
                if TextScanner.isUpper(s) { upper += 1 }
                continue
            }
            if TextScanner.isJoiner(s) && !word.isEmpty && pendingJoiner == nil { pendingJoiner = s == "-" ? UInt8(ascii: "-") : UInt8(ascii: "'"); continue }
            flushWord()
            if let v = emoji[s.value] { tokens.append(Token(text: String(s), shouted: false, symbolValence: v)); continue }
            switch s {
            case "!": exclamations += 1; pendingEnd = true
            case "?": question = true; pendingEnd = true
            case ".", "…": pendingEnd = true
            default: break
            }
        }
        endSentence()
    }

    /// The sentence's compound score, or nil when no word in it carries sentiment.
    func scoreSentence(_ toks: [Token], exclamations: Int, question: Bool, _ c: Compiled) -> Double? {
        let rules = c.rules
        let mixedCase = toks.contains { !$0.shouted && $0.symbolValence == nil }
        // Two-word phrases of the vocabulary first (they include their own negation).
        var valence = [Double](), phrase = [Bool](), kept = [Token]()
        valence.reserveCapacity(toks.count); phrase.reserveCapacity(toks.count); kept.reserveCapacity(toks.count)
        var i = 0
        while i < toks.count {
            if i + 1 < toks.count, let candidates = c.phrases[toks[i].text], let match = candidates.first(where: { $0.second == toks[i + 1].text }) {
                kept.append(Token(text: "", shouted: toks[i].shouted && toks[i + 1].shouted, symbolValence: nil))
                valence.append(match.valence); phrase.append(true)
                i += 2
                continue
            }
            kept.append(toks[i])
            valence.append(toks[i].symbolValence ?? c.valence[toks[i].text] ?? jättePrefix(toks[i].text, c.valence) ?? 0)
            phrase.append(false)
            i += 1
        }
        let n = kept.count
        // An intensifier right before a sentiment word boosts it instead of counting itself.
        for k in 0..<n where kept[k].symbolValence == nil && k + 1 < n && valence[k + 1] != 0 && rules.intensifiers[kept[k].text] != nil {
            valence[k] = 0
        }
        guard valence.contains(where: { $0 != 0 }) else { return nil }
        let isNegator = (0..<n).map { !phrase[$0] && rules.negators.contains(kept[$0].text) }
        var negated = [Bool](repeating: false, count: n)
        for k in 0..<n where valence[k] != 0 && !phrase[k] && kept[k].symbolValence == nil {
            var v = valence[k]
            // Boosters and dampeners up to three words before, fading with distance.
            for back in 1...3 where k - back >= 0 {
                if let b = rules.intensifiers[kept[k - back].text] {
                    let fade = [1.0, 0.95, 0.9][back - 1]
                    v += (v > 0 ? 1 : -1) * b * fade
                }
            }
            if kept[k].shouted && mixedCase { v += (v > 0 ? 1 : -1) * SentimentRules.capsBoost }
            for back in 1...3 where k - back >= 0 && isNegator[k - back] { negated[k] = true }
            valence[k] = v
        }
        if rules.negatesBackward {
            // A negator with no sentiment word after it in its clause negates the one before.
            for k in 0..<n where isNegator[k] {
                let clauseEnd = (k + 1..<n).first { rules.contrast.contains(kept[$0].text) } ?? n
                if (k + 1..<min(clauseEnd, k + 4)).contains(where: { valence[$0] != 0 }) { continue }
                if let target = stride(from: k - 1, through: max(0, k - 3), by: -1).first(where: { valence[$0] != 0 && !phrase[$0] }) {
                    negated[target] = true
                }
            }
        }
        for k in 0..<n where negated[k] { valence[k] *= SentimentRules.negation }
        // The clause after the (last) contrast word counts more than the one before.
        if let c = kept.lastIndex(where: { rules.contrast.contains($0.text) }), c > 0 {
            for k in 0..<c { valence[k] *= 0.5 }
            for k in (c + 1)..<n { valence[k] *= 1.5 }
        }
        var sum = valence.reduce(0, +)
        if sum != 0 { sum += (sum > 0 ? 1 : -1) * Double(min(4, exclamations)) * SentimentRules.exclamation }
        // A question asserts less: praise in a question is mostly neutral, a complaint stays one.
        if question { sum *= sum > 0 ? 0.2 : 0.9 }
        return sum / (sum * sum + 15).squareRoot()
    }

    /// Swedish "jätte-" compounds (jättesnabb, jättenöjd): the word after the prefix, boosted.
    func jättePrefix(_ word: String, _ valence: [String: Double]) -> Double? {
        guard word.hasPrefix("jätte"), word.unicodeScalars.count > 7, let v = valence[String(word.unicodeScalars.dropFirst(5))] else { return nil }
        return v + (v > 0 ? 1 : -1) * SentimentRules.boost
    }
}
