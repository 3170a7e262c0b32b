// The per-text work of the sentiment stage — language identification, then scoring in that
// language — on texts already in memory, one thread: what vaderSentiment's
// `polarity_scores` is timed doing in Benchmarks/sentiment.py, on the same texts.
//
//     SentimentThroughput TEXTS_FILE [ROUNDS]
//
// TEXTS_FILE holds one text per line. Prints one JSON object: the number of texts, the best
// and median seconds of ROUNDS (default 5) passes over all of them, and how many texts came
// out positive, negative, neutral and of undetermined language (the same in every round).
import Foundation
import PatronModels

let arguments = CommandLine.arguments
guard arguments.count >= 2, let data = FileManager.default.contents(atPath: arguments[1]) else {
    FileHandle.standardError.write(
        "usage: SentimentThroughput TEXTS_FILE [ROUNDS] (one text per line)\n".data(using: .utf8)!)
    exit(2)
}
let rounds = arguments.count > 2 ? max(1, Int(arguments[2]) ?? 5) : 5
let texts = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true).map { [UInt8]($0) }
let identifier = try LanguageIdentifier()
let scorer = try SentimentScorer()

func seconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

var times = [Double]()
var counts = [String: Int]()
for round in 0..<rounds {
    var tally = [0, 0, 0, 0]  // pos, neg, neu, und
    let start = seconds()
    for text in texts {
        text.withUnsafeBufferPointer { utf8 in
            guard let language = identifier.identify(utf8: utf8).language else {
                tally[3] += 1
                return
            }
            switch SentimentScorer.label(scorer.score(utf8: utf8, language: language)) {
            case .pos: tally[0] += 1
            case .neg: tally[1] += 1
            case .neu: tally[2] += 1
            }
        }
    }
    times.append(seconds() - start)
    if round == 0 { counts = ["pos": tally[0], "neg": tally[1], "neu": tally[2], "und": tally[3]] }
}
let sorted = times.sorted()
let result: [String: Any] = [
    "texts": texts.count, "rounds": rounds, "best_seconds": sorted[0],
    "median_seconds": sorted[sorted.count / 2], "labels": counts,
]
let json = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])
print(String(decoding: json, as: UTF8.self))
