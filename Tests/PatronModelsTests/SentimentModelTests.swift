import Foundation
import PatronSupport
import Testing

@testable import PatronModels

/// The learned layer (model-LANG.bin over hashed n-grams and the lexicon's reading) and the
/// language identifier's short-text rules.
@Suite struct SentimentModelTests {
    static let scorer = try! SentimentScorer()
    static let identifier = try! LanguageIdentifier()

    @Test func everyLanguageShipsALearnedLayer() {
        for language in Language.allCases {
            let model = Self.scorer.models[language.index]
            #expect(model != nil, "no model-\(language.rawValue).bin")
            guard let model else { continue }
            #expect(model.bits == Features.bits)
            #expect(model.weights.count == 1 << Features.bits)
            // Trained, not empty: thousands of buckets carry weight, and the lexicon's sentence
            // scores (text, last, lowest, highest) together count for praise.
            #expect(model.weights.count { $0 != 0 } > 5000)
            #expect(model.dense[0..<4].reduce(0, +) > 0.5)
        }
    }

    /// Each shipped model was trained at the point pinned for its language in
    /// Training/sentiment/grid.tsv (the neutral band is written into the model; the rest of the
    /// point shows in its weights): `make train-sentiment` reproduces the shipped models only if
    /// the pins and the models agree.
    @Test func theShippedModelsWereTrainedAtThePinnedPoint() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("Training/sentiment/grid.tsv"), encoding: .utf8)
        var pinned = [String: Double]()
        for line in text.split(separator: "\n") where !line.hasPrefix("#") && !line.hasPrefix("lang\t") {
            let fields = line.split(separator: "\t")
            try #require(fields.count == 5, "grid.tsv: \(line)")
            pinned[String(fields[0])] = Double(fields[4])
        }
        for language in Language.allCases {
            let band = try #require(pinned[language.rawValue], "grid.tsv has no line for \(language)")
            let model = try #require(Self.scorer.models[language.index])
            #expect(
                abs(model.neutralBand - band) < 1e-9, "\(language): model band \(model.neutralBand), pinned \(band)")
        }
    }

    @Test(arguments: [
        ("The delivery was fast and the jacket is lovely.", Language.en, SentimentScorer.Label.pos),
        ("Broke after two days, waste of money.", .en, .neg),
        ("Snabb leverans och mycket nöjd.", .sv, .pos), ("Gick sönder direkt, usel kvalitet.", .sv, .neg),
        ("Prachtig boek, echt een aanrader.", .nl, .pos), ("Saai en voorspelbaar boek.", .nl, .neg),
        ("Tolles Produkt, funktioniert einwandfrei.", .de, .pos), ("Nach einer Woche kaputt. Nicht kaufen.", .de, .neg),
        ("Świetny produkt, polecam.", .pl, .pos), ("Tandetny i zepsuty, nie polecam.", .pl, .neg),
    ])
    func clearTextsKeepTheirLabel(_ text: String, _ language: Language, _ label: SentimentScorer.Label) {
        let s = Self.scorer.score(text, language: language)
        #expect(SentimentScorer.label(s) == label, "\(text): \(s)")
    }

    /// A text with no word of sentiment and nothing the model is sure of is neutral.
    @Test func factualTextsAreNeutral() {
        #expect(Self.scorer.score("Die Ware war am Montag da.", language: .de) == 0)
        #expect(Self.scorer.score("Slutligen kom paketet.", language: .sv) == 0)
    }

    @Test func theSameTextScoresToTheBit() async {
        let texts = [
            "Great phone, but the battery died after a month. Would not recommend.", "Nicht kaufen!!!",
            "Świetny produkt, polecam.", String(repeating: "Snel geleverd, goed product. ", count: 300),
        ]
        let first = texts.map { Self.scorer.score($0, language: .en).bitPattern }
        // Concurrently, as the stage scores blocks on all cores.
        let again = await withTaskGroup(of: (Int, UInt64).self) { group in
            for (i, t) in texts.enumerated() { group.addTask { (i, Self.scorer.score(t, language: .en).bitPattern) } }
            var out = [UInt64](repeating: 0, count: texts.count)
            for await (i, bits) in group { out[i] = bits }
            return out
        }
        #expect(first == again)
    }

    /// A long text of one sentence repeated scores as the sentence does: the n-gram term is a
    /// mean over sentences, as the lexicon's is.
    @Test func longTextsDoNotSaturate() {
        let sentence = "The delivery was late but the jacket is lovely. "
        let one = Self.scorer.score(sentence, language: .en)
        let long = Self.scorer.score(String(repeating: sentence, count: 5_000), language: .en)
        #expect(abs(long - one) < 1e-9, "\(one) vs \(long)")
    }

    /// What `features` reports is what scoring adds up: the logit from the features and the
    /// model's weights gives the same score.
    @Test(arguments: Language.allCases)
    func featuresAreWhatScoringSees(_ language: Language) throws {
        let text = "Fast delivery. But the box was damaged, and it stopped working!"
        let model = try #require(Self.scorer.models[language.index])
        let f = Self.scorer.features(text, language: language)
        #expect(f.dense.count == Features.denseCount && f.bucketCount == 1 << 18)
        var z = model.bias
        for (b, v) in f.sparse { z += model.scale * Double(model.weights[b]) * v }
        for i in 0..<f.dense.count { z += model.dense[i] * f.dense[i] }
        let s = tanh(z / 2)
        let silent = f.dense[Features.denseCount - 1] > 0.5
        let expected = silent && abs(s) < model.neutralBand ? 0 : abs(s) >= 0.05 ? s : s < 0 ? -0.05 : 0.05
        #expect(abs(Self.scorer.score(text, language: language) - expected) < 1e-9)
    }

    @Test func aDamagedModelFileIsAnErrorThatSaysWhatToDo() {
        #expect {
            _ = try SentimentModel(bytes: Array("PSM1".utf8) + [18, 0, 0, 0], name: "model-xx.bin")
        } throws: { error in
            "\(error)".contains("model-xx.bin") && "\(error)".contains("Training/sentiment/train.py")
        }
        #expect(throws: SentimentModel.FormatError.self) { _ = try SentimentModel(bytes: [1, 2, 3], name: "x") }
    }

    /// Two-to-four-word English complaints and praise are English (they read as Dutch or
    /// Swedish by letter triples alone), and short lines in the other languages keep theirs.
    @Test func shortLinesAreIdentified() {
        let english = [
            "Waste of money.", "Don't buy.", "Never again.", "Total junk.", "Broke fast.", "Stopped working.",
            "Arrived broken.", "Fell apart.", "Rude staff.", "Overpriced garbage.", "Won't order again.",
            "Cheap and flimsy.", "Would not recommend.",
        ]
        for text in english {
            #expect(Self.identifier.identify(text).language == .en, "\(text): \(Self.identifier.identify(text))")
        }
        let others: [(String, Language)] = [
            ("Helt värdelöst.", .sv), ("Inte bra.", .sv), ("Slutade fungera.", .sv), ("Niet kopen.", .nl),
            ("Werkt niet.", .nl), ("Slecht boek.", .nl), ("Nicht kaufen.", .de), ("Funktioniert nicht.", .de),
            ("Schnelle Lieferung.", .de), ("Nie polecam.", .pl), ("Nie działa.", .pl), ("Strata pieniędzy.", .pl),
        ]
        for (text, language) in others {
            #expect(Self.identifier.identify(text).language == language, "\(text): \(Self.identifier.identify(text))")
        }
    }

    /// The frozen evaluation sets (Benchmarks/sentiment/frozen-reviews*.tsv) are never edited: a
    /// set that changed after the work it judges no longer judges it.
    @Test(arguments: [
        ("frozen-reviews.tsv", "0f78e6d9ff53fe635ae42808f53a450949500f0e12f7f1f697381cfd4b5edda3"),
        ("frozen-reviews-2.tsv", "28e13ef804b6cd2a444d10a0d567ee9148dc95b3ef3cd546f539aafc87c72ab0"),
        ("frozen-reviews-3.tsv", "f13028a235d89e87142b25ce890a1c47967b542fd544e475d612eb106d2f5eb7"),
        ("frozen-reviews-4.tsv", "fb72a82d10704dc831ce921f51cf9c0ec1c62332d11f07a0978687f0c380b4be"),
        ("frozen-reviews-5.tsv", "9b0f29d13e475ce6fe4f93a04b6ffdbd8cde0cff7a197f8f6479ba54c96a7833"),
        ("frozen-reviews-6.tsv", "b94e15793d69584281ae7c207672ca87280b84ee1479b2ffba0f4f80f1fe4a14"),
        ("frozen-reviews-7.tsv", "882c29881b7ee1b5c197eaa85abdf9a492af0e2d0f125a444c0d5563ea692c1d"),
        ("frozen-reviews-8.tsv", "d5077cf553070810ad7f47012ed32d0935be2047eb57e369a0018ea665949671"),
        ("frozen-reviews-9.tsv", "28d449ae641849ab0df5b6b95c1c082ae9f5123dd3311c13785c5239b8798799"),
        ("frozen-reviews-10.tsv", "fa87ab409d778a1b71c23d9a2042bb00e418be82f1e61ee670e05a8c72fb5b62"),
        ("frozen-reviews-11.tsv", "e872decbbc6ee1c695b66bb4037ae1a0d632240c5d5dc98d52ee407d462a5176"),
        ("frozen-reviews-12.tsv", "8fecfa99629a564f2ca46b3a2b189f6fba615ad8a24b30a979d27a90c6c99119"),
        ("frozen-reviews-13.tsv", "b9d60873c79e1f47565f407941b85741c3dcd63c7a8cc18454c9b4aafadf8367"),
        ("frozen-reviews-14.tsv", "48f5c1edc83cf86376537f7af8a1aabe3b25fa4953c22358fee455338a469d02"),
        ("frozen-reviews-15.tsv", "6b8d43ce83deb27427f50b45eacfef487939df0bae671bcc9f5f9b5c6cdaf8b6"),
        ("frozen-reviews-16.tsv", "a715be1b1d86e4300ec0cb7a2c9a4739a9b567cb68a02aee3c500062b7192daa"),
        ("frozen-reviews-17.tsv", "8b35564185fac528dadf4bd1e52ad4c6f15a6512c6192588f8695c179aac4cb0"),
        ("frozen-reviews-18.tsv", "045682f1ab2e5b83d57caa45a8d90b633740875839eddc78202f1c4de9c88693"),
        ("frozen-reviews-19.tsv", "5c7c23c355fbd956602df2b38ff19ee4b2e704fc63870550d20f829d897afc41"),
        ("frozen-reviews-20.tsv", "a318838c5b4f8a8fa5457d090a86b470d0e50f8a9f6038954673f61d113dc845"),
        ("frozen-reviews-21.tsv", "d313d63cb61dfd62f0406dda8629dc3b6e956b21bb58f526395d12a98ad1c516"),
        ("frozen-reviews-22.tsv", "d6f3455a87e5e1fdf8154ea542c0e1bd6853abcbea07d10286d6d29b51719259"),
        ("frozen-reviews-23.tsv", "9bf5d2574b030609976b6266b6c68521202d46560980432fc35e55c6f9284aff"),
        ("frozen-reviews-24.tsv", "84e8601111796b11760c2eef1a898a501fb0e555a77da6e3b478e08521061e29"),
        ("frozen-reviews-25.tsv", "cfd008ba571e80f52c40ea357be836be50c4728f1c0cf3d1a29b0c69e98c6cd8"),
        ("frozen-reviews-26.tsv", "3be1cec430e02b92ba25b1d698b635f5235f56d7bce4d0111b47cc8c4d4032d5"),
        ("frozen-reviews-27.tsv", "cb3c9900b9e81e843a755b0d5cf326d57e447d7dd5b5bcdbfc7e882a9ff0c297"),
        ("frozen-reviews-28.tsv", "3b7ca5e5d53f9f3af7225cbcfd13955504aae45b330f06878deec9eeeaf5637a"),
        ("frozen-reviews-29.tsv", "450a6d4a897fc1e7477ce50e3df1af7e9a8e881789005cf202171eb143473a20"),
        ("frozen-reviews-30.tsv", "159356eacfa819df53e3bf71d2669e2d48667824f8e83ad8b88558735dd8f07f"),
        ("frozen-reviews-31.tsv", "94df2daf964d6c959ebc6a069bb8a7d5937fb5cc9fad347f0a8a5926a7fdc5d0"),
        ("frozen-reviews-32.tsv", "1097284fc6b78a96a835f6ca80abf7c07e6e93b399ba25f2b74d9acd55abdeb8"),
        ("frozen-reviews-33.tsv", "6abaa7cae417477af4f5a5ea4ffcb8aebc62ba1c22e3eb946635b16151b15fb7"),
        ("frozen-reviews-34.tsv", "334fc65a2983dd800b4bf72b1e5173adb11ae1ab87f2aee8c38dc3268722952b"),
        ("frozen-reviews-35.tsv", "3d3c1e5413b34649f08135d93f8c2c1c8af6ab6e6e1adb1794511d9cd1243e65"),
        ("frozen-reviews-36.tsv", "900a70b718d5bfebbb7f76c3631e3ea1d2f54e588f188d310fa090abb3ae71be"),
        ("frozen-reviews-37.tsv", "b4b0d962d89707e1fc676591f722b605aa471fd8d3c9efca305279712de32441"),
        ("frozen-reviews-38.tsv", "492cf4c85d812b1870795e823ed3cddd78f5962405be15a18a471f7ac1b864b0"),
        ("frozen-reviews-39.tsv", "725c3406684c4389389270b173b1ac6c388ed5d3859e2a7e313f9e1a3fe097cc"),
        ("frozen-reviews-40.tsv", "f3464c8835520c7c636a0a5aabdaad602c6cbbfc9f5d937642197bdd2fa3ba20"),
        ("frozen-reviews-41.tsv", "e0ad0b774d18013b85793deca6395810ee9a2983db420abb3b2b8de1f5cd39a8"),
        ("frozen-reviews-42.tsv", "eecab045cd2464faa314fd5c0e6e81beae20afb07ace673c446e04ce372cdbd6"),
        ("frozen-reviews-43.tsv", "f16ab25238a7008e311a4785e304f853b49c9135c04298eda852ef2876bd0183"),
    ])
    func theFrozenEvaluationSetIsUnchanged(file: String, sha256: String) throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let path = root.appendingPathComponent("Benchmarks/sentiment/\(file)").path
        let bytes = try #require(FileManager.default.contents(atPath: path))
        #expect(SHA256.hash(bytes: [UInt8](bytes)).hex == sha256)
    }
}
