import Foundation
import Testing

@testable import PatronModels

/// The byte-level entry points the stage uses (a table's text column read in place) against
/// the `String` ones, and what they do with bytes that are not UTF-8.
@Suite struct SentimentBytesTests {
    static let scorer = SentimentTests.scorer
    static let identifier = SentimentTests.identifier

    func bytesAgree(_ bytes: [UInt8], _ context: String) {
        let text = String(decoding: bytes, as: UTF8.self)
        bytes.withUnsafeBufferPointer { utf8 in
            let byBytes = Self.identifier.identify(utf8: utf8), byString = Self.identifier.identify(text)
            #expect(
                byBytes.language == byString.language && byBytes.confidence == byString.confidence,
                "\(context): \(text)")
            for language in Language.allCases {
                let score = Self.scorer.score(utf8: utf8, language: language)
                #expect(score == Self.scorer.score(text, language: language), "\(context) \(language): \(text)")
                #expect(score.isFinite && abs(score) <= 1)
            }
            #expect(
                SentimentScorer.letterCount(utf8: utf8, atLeast: 3) == SentimentScorer.letterCount(text, atLeast: 3))
        }
    }

    @Test func bytesAndStringsGiveTheSameAnswers() {
        for item in EvaluationItem.all + EvaluationItem.heldOut { bytesAgree(Array(item.text.utf8), "evaluation item") }
    }

    /// Broken UTF-8 inside real sentences (stray continuation bytes, truncated sequences,
    /// overlong forms, surrogates, values beyond U+10FFFF) reads as U+FFFD, as `String` repairs
    /// it: same language, same score, nothing out of range.
    @Test func brokenUTF8ScoresAsItsRepairedString() {
        let broken: [[UInt8]] = [
            [0x80], [0xBF, 0xBF], [0xC3], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0xC0, 0x81], [0xC1, 0xBF],
            [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80], [0xFF], [0xFE, 0x41],
        ]
        var rng = RandomSource(seed: 7)
        for item in EvaluationItem.all.prefix(200) {
            var bytes = Array(item.text.utf8)
            for _ in 0..<3 {
                let at = Int(rng.next() % UInt64(bytes.count + 1))
                bytes.insert(contentsOf: broken[Int(rng.next() % UInt64(broken.count))], at: at)
            }
            bytesAgree(bytes, "broken")
            bytesAgree(bytes + [0xF0], "truncated at the end")
        }
    }

    @Test func languageSetsRestrictIdentification() {
        #expect(LanguageSet(Language.allCases) == .all)
        #expect(
            LanguageSet([.sv, .de]).contains(LanguageSet(.de)) && !LanguageSet([.sv, .de]).contains(LanguageSet(.en)))
        let german = "Die Lieferung kam pünktlich und die Ware ist sehr gut."
        #expect(Self.identifier.identify(german, among: .all).language == .de)
        #expect(Self.identifier.identify(german, among: Set([.de, .nl])).language == .de)
        // Among languages it is not in, it is never given one it is not allowed.
        let restricted = Self.identifier.identify(german, among: LanguageSet([.en, .pl])).language
        #expect(restricted == nil || restricted == .en || restricted == .pl)
        #expect(Self.identifier.identify(german, among: LanguageSet()).language == nil)
    }

    @Test func functionWordsFitThePackedTable() {
        for (language, words) in LanguageIdentifier.functionWordLists {
            for word in words { #expect(word.utf8.count <= 8, "\(language): \(word)") }
        }
    }
}
