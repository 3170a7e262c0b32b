import Foundation
import PatronModels
import PatronPipeline
import PatronSupport
import PatronTable

/// `sentiment`: the language and sentiment of a text column, per row, and per customer.
///
/// ```yaml
/// sentiment:
///   use: sentiment
///   inputs: [clean]
///   with: {text: feedback, customer: customer_id}
/// ```
enum Sentiment: StageModule {
    struct Parameters: ModuleParameters {
        var text = "feedback"
        var customer = "customer_id"
        var language = LanguageChoice.auto
        var languages = Language.allCases.map(\.rawValue)
        var minLength = 1

        static let fields: [ParamField<Self>] = [
            ParamField("text", \.text, help: "the text column to score"),
            ParamField("customer", \.customer, help: "customer id column, for the `customers` port"),
            ParamField(
                "language", \.language,
                help:
                    "`auto` identifies each text's language; `en`, `sv`, `nl`, `de` or `pl` scores every text in that one"
            ),
            ParamField(
                "languages", \.languages, defaultText: "all five", help: "the languages identification may choose from"),
            ParamField("min_length", \.minLength, help: "texts with fewer letters are skipped (and counted as empty)"),
        ]
    }

    static let name = "sentiment"
    static let version = "41." + lexiconDigest
    static let summary =
        "Language (en, sv, nl, de, pl, or und) and sentiment (score −1…1, label pos/neg/neu) of a text column; mean per customer."
    static let inputs = ModuleSpec.Inputs.exactly(1)

    static func ports(_ params: Parameters) -> [String] { ["customers"] }

    static func validate(_ params: Parameters) -> [ParamProblem] {
        var problems = [ParamProblem]()
        for value in params.languages where Language(rawValue: value) == nil {
            problems.append(ParamProblem(\Parameters.languages, "takes en, sv, nl, de and pl; got '\(value)'"))
        }
        if params.minLength < 0 {
            problems.append(ParamProblem(\Parameters.minLength, "is a number of letters, 0 or more"))
        }
        return problems
    }

    static func inputColumns(_ params: Parameters) -> [String]? { [params.text, params.customer] }

    /// The lexicons are part of what the stage computes, so their content is part of its
    /// version (and so of every cache key): a changed lexicon reruns the stage.
    static let lexiconDigest: String = {
        var hash = SHA256()
        for name in LexiconStore.filesInUse {
            hash.update(name)
            hash.update(LexiconStore.contents(name) ?? [])
        }
        return String(hash.finalize().hex.prefix(12))
    }()

    /// The scorer and identifier, loaded once per process.
    static let models: Result<(SentimentScorer, LanguageIdentifier), Error> = Result {
        (try SentimentScorer(), try LanguageIdentifier())
    }

    static func run(_ context: StageContext, _ params: Parameters) async throws -> StageOutput {
        let input = context.inputs[0].table
        let textName = params.text, customerName = params.customer
        guard let textColumn = input[textName] else {
            throw StageFailure(
                "text: input '\(context.inputs[0].ref)' has no column '\(textName)'; it has: \(input.names.joined(separator: ", "))"
            )
        }
        guard case .string(let texts) = textColumn.storage else {
            throw StageFailure("text: column '\(textName)' is \(textColumn.type.rawValue), expected text or string")
        }
        let customers = input[customerName]
        let (scorer, identifier) = try models.get()
        let forced = Language(rawValue: params.language.rawValue)
        let allowed = LanguageSet(params.languages.compactMap(Language.init(rawValue:)))
        let minLength = params.minLength
        context.progress("scoring \(texts.count) texts")

        // Rows in fixed blocks on all cores, read as UTF-8 straight from the column's buffer;
        // each block keeps its rows in order. Language codes: 0…4 as `Language`, 5 `und`.
        // First each text's language (a short text leaning to English), then — in a column
        // mostly in one other language — short texts again, leaning to that one, then scores.
        let rows = texts.count
        let und = UInt8(Language.allCases.count)
        // The texts at positions `range` of `rows` (`rows[k]` is the column's row), with the
        // column's buffers taken once per block, not once per text.
        @Sendable func eachText(
            _ range: Range<Int>, of rows: [Int]?, _ body: (Int, UnsafeBufferPointer<UInt8>) -> Void
        ) {
            texts.bytes.withUnsafeBufferPointer { all in
                texts.offsets.withUnsafeBufferPointer { offsets in
                    for k in range {
                        let row = rows?[k] ?? k
                        body(k, UnsafeBufferPointer(rebasing: all[Int(offsets[row])..<Int(offsets[row + 1])]))
                    }
                }
            }
        }
        let identified = Scored(
            joining: ParallelBlocks.map(count: rows, block: 2048) { range -> Scored in
                var out = Scored()
                eachText(range, of: nil) { row, text in
                    guard !textColumn.isNull(row), SentimentScorer.letterCount(utf8: text, atLeast: max(1, minLength))
                    else { return }
                    out.rows.append(row)
                    if let forced {
                        out.languages.append(UInt8(forced.index))
                        out.short.append(false)
                    } else {
                        let found = identifier.identify(utf8: text, among: allowed, preferring: .en)
                        out.languages.append(found.language.map { UInt8($0.index) } ?? und)
                        out.short.append(found.short)
                    }
                }
                return out
            })
        var languages = identified.languages
        if forced == nil, let (lean, prior) = Self.mainLanguage(identified), lean != .en {
            context.progress("most texts are in \(lean.rawValue): short texts lean to it")
            let again = ParallelBlocks.map(count: identified.rows.count, block: 2048) { range -> [(Int, UInt8)] in
                var out = [(Int, UInt8)]()
                eachText(range, of: identified.rows) { k, text in
                    guard identified.short[k] else { return }
                    let found = identifier.identify(utf8: text, among: allowed, preferring: lean, by: prior)
                    out.append((k, found.language.map { UInt8($0.index) } ?? und))
                }
                return out
            }
            for (k, language) in again.joined() { languages[k] = language }
        }
        let picked = languages
        let scores = ParallelBlocks.map(count: identified.rows.count, block: 2048) { range -> [Double] in
            var out = [Double]()
            out.reserveCapacity(range.count)
            eachText(range, of: identified.rows) { k, text in
                // Unsure of the language: no lexicon to trust, so no score.
                out.append(picked[k] == und ? 0 : scorer.score(utf8: text, language: Language.allCases[Int(picked[k])]))
            }
            return out
        }
        var scored = identified
        scored.languages = picked
        scored.scores = Array(scores.joined())
        let skipped = rows - scored.rows.count
        context.progress("scored \(scored.rows.count) texts; building the tables")

        var columns: [Column] = [.int(scored.rows.map { Int64($0) })]
        var names = ["row"]
        if let customers {
            names.append("customer_id")
            columns.append(customers.gathering(scored.rows))
        }
        let labels = zip(scored.languages, scored.scores).map { $0 == und ? 2 : labelCode(SentimentScorer.label($1)) }
        names += ["language", "score", "label"]
        columns += [
            Self.codes(scored.languages, Language.allCases.map(\.rawValue) + ["und"]), .decimal(scored.scores),
            Self.codes(labels, ["pos", "neg", "neu"]),
        ]
        let main = try Table(names: names, columns: columns)

        context.progress("per customer")
        // Per customer: texts scored in a known language, and their mean score.
        var perCustomer = try Table(
            names: ["customer_id", "n", "mean_score"], columns: [.string([String]()), .int([]), .decimal([])])
        if let customers {
            let known = scored.languages.indices.filter { scored.languages[$0] != und }
            // Usually every scored text's language is known: then the main table's customer
            // column is the one to group, not a second gather of every id.
            let keyed =
                known.count == scored.rows.count
                ? main["customer_id"]! : customers.gathering(known.map { scored.rows[$0] })
            let groups = GroupIndex([keyed])
            var n = [Int64](repeating: 0, count: groups.count), sum = [Double](repeating: 0, count: groups.count)
            for (i, g) in groups.ids.enumerated() where g >= 0 {
                n[Int(g)] += 1
                sum[Int(g)] += scored.scores[known[i]]
            }
            let order = CustomerTransactions.sortedByID(
                Array(0..<groups.count), customers: keyed, firstRow: groups.firstRow)
            perCustomer = try Table(
                names: ["customer_id", "n", "mean_score"],
                columns: [
                    keyed.gathering(order.map { groups.firstRow[$0] }), .int(order.map { n[$0] }),
                    .decimal(order.map { sum[$0] / Double(n[$0]) }),
                ])
        }
        return StageOutput(
            main: main, other: [("customers", perCustomer)],
            counts: [
                "scored": scored.rows.count, "skipped_empty": skipped,
                "undetermined_language": scored.languages.count { $0 == und },
            ])
    }

    /// The language a column is mostly in — at least `mainShare` of its texts longer than a
    /// few words (and at least `mainMinimum` of them) identified as one language — and the
    /// prior odds of it against any one other language, in nats (at most `mainPriorCap`). A
    /// German shop's "Perfekt" or "Super Teil" is then read as German, not English.
    static func mainLanguage(_ identified: Scored) -> (Language, Double)? {
        var counts = [Int](repeating: 0, count: Language.allCases.count + 1)
        for (language, short) in zip(identified.languages, identified.short) where !short { counts[Int(language)] += 1 }
        let long = counts.reduce(0, +)
        guard long >= mainMinimum, let top = counts.indices.max(by: { counts[$0] < counts[$1] }),
            top < Language.allCases.count, Double(counts[top]) >= mainShare * Double(long)
        else { return nil }
        let others = Double(long - counts[top]) / Double(Language.allCases.count - 1)
        return (Language.allCases[top], min(mainPriorCap, log(Double(counts[top] + 1) / (others + 1))))
    }

    static let mainShare = 0.8, mainMinimum = 20, mainPriorCap = 4.0

    /// The scored rows of a block, or of all blocks joined in order.
    struct Scored: Sendable {
        var rows = [Int](), languages = [UInt8](), scores = [Double]()
        /// Whether each text is short (a few words), for the language identification.
        var short = [Bool]()

        init() {}

        init(joining blocks: [Scored]) {
            let total = blocks.reduce(0) { $0 + $1.rows.count }
            rows.reserveCapacity(total)
            languages.reserveCapacity(total)
            scores.reserveCapacity(total)
            for b in blocks {
                rows += b.rows
                languages += b.languages
                scores += b.scores
                short += b.short
            }
        }
    }

    static func labelCode(_ label: SentimentScorer.Label) -> UInt8 {
        switch label {
        case .pos: 0
        case .neg: 1
        case .neu: 2
        }
    }

    /// A string column of short codes, built straight into its buffer.
    static func codes(_ values: [UInt8], _ names: [String]) -> Column {
        var buffer = StringBuffer()
        buffer.reserve(rows: values.count, bytes: values.count * 3)
        let utf8 = names.map { Array($0.utf8) }
        for v in values { utf8[Int(v)].withUnsafeBufferPointer { buffer.append(bytesOf: $0) } }
        return Column(type: .string, storage: .string(buffer))
    }
}

/// `language:`: auto, or one of the languages Patron scores.
struct LanguageChoice: ParamChoice, Hashable {
    let rawValue: String

    init?(rawValue: String) {
        guard rawValue == "auto" || Language(rawValue: rawValue) != nil else { return nil }
        self.rawValue = rawValue
    }

    static let auto = LanguageChoice(rawValue: "auto")!
    static var allCases: [LanguageChoice] {
        [auto] + Language.allCases.compactMap { LanguageChoice(rawValue: $0.rawValue) }
    }
}
