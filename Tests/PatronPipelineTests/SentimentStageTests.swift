import Foundation
import PatronModels
import PatronPipeline
import PatronTable
import Testing

@testable import PatronStages

/// The `sentiment` stage's column-level language identification: in a column mostly in one
/// language, short lines lean to it, not to English.
@Suite struct SentimentStageTests {
    static let german = [
        "Die Lieferung kam pünktlich und alles war gut verpackt.",
        "Der Akku hält leider nur einen halben Tag durch.",
        "Sehr schöne Farbe, der Stoff fühlt sich angenehm an.",
        "Nach zwei Wochen ist der Griff abgebrochen, schade.",
        "Die Anleitung ist verständlich und der Aufbau ging schnell.",
    ]

    func languages(_ texts: [String]) async throws -> [String] {
        let table = try Table(
            names: ["customer_id", "feedback"],
            columns: [.string(texts.indices.map { "c\($0)" }), .string(texts)])
        let output = try await runStage(Sentiment.self, table, [:])
        let main = try #require(output.table("main"))
        let column = try #require(main["language"])
        return (0..<main.rowCount).map { ValueFormat.format(column, $0) }
    }

    @Test func shortLinesLeanToTheColumnsLanguage() async throws {
        // Alone, or among English reviews, a one-word line is read by its letters and the
        // English lean: "Perfekt" is not taken for German …
        let english = Array(repeating: "The delivery was quick and the parcel was well packed.", count: 25)
        #expect(try await languages(english + ["Perfekt"]).last != "de")
        #expect(try await languages(["Perfekt"]).last != "de")
        // … in a German shop's column it is German.
        let column = (0..<25).map { Self.german[$0 % Self.german.count] }
        #expect(try await languages(column + ["Perfekt"]).last == "de")
        #expect(try await languages(column + ["Super Teil"]).last == "de")
    }

    @Test func aMixedColumnHasNoLean() async throws {
        let mixed = (0..<12).flatMap { k in
            [Self.german[k % Self.german.count], "The delivery was quick and the parcel was well packed."]
        }
        #expect(try await languages(mixed + ["Perfekt"]).last == (try await languages(["Perfekt"]).last))
    }

    @Test func theLeanNeedsAClearMajority() {
        var scored = Sentiment.Scored()
        scored.languages = Array(repeating: UInt8(Language.de.index), count: 19) + [UInt8(Language.en.index)]
        scored.short = Array(repeating: false, count: 20)
        let found = Sentiment.mainLanguage(scored)
        #expect(found?.0 == .de)
        #expect(found.map { $0.1 > 2 && $0.1 <= Sentiment.mainPriorCap } == true)
        scored.languages[0] = UInt8(Language.en.index)
        scored.languages[1] = UInt8(Language.en.index)
        scored.languages[2] = UInt8(Language.en.index)
        scored.languages[3] = UInt8(Language.en.index)
        #expect(Sentiment.mainLanguage(scored) == nil)  // 16 of 20: under 80 %
        scored.languages = Array(repeating: UInt8(Language.de.index), count: 10)
        scored.short = Array(repeating: false, count: 10)
        #expect(Sentiment.mainLanguage(scored) == nil)  // too few texts to tell
    }
}
