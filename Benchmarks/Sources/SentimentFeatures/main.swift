// Patron's sentiment scorer from the command line, for training and auditing:
//
//     SentimentFeatures score LANG      one text per line on stdin: score<TAB>label<TAB>text
//     SentimentFeatures explain LANG    the same, with the lexicon's own score before the text
//     SentimentFeatures identify any     one text per line on stdin: language<TAB>confidence<TAB>text
//     SentimentFeatures features LANG   one text per line on stdin: one line of features per
//                                       text, "bucket:value ... | dense dense ..." (the
//                                       learned layer's input; Training/sentiment/train.py)
//
// Reads UTF-8, writes UTF-8; a text is read in LANG (en, sv, nl, de, pl).
import Foundation
import PatronModels

func fail(_ message: String) -> Never {
    FileHandle.standardError.write((message + "\n").data(using: .utf8)!)
    exit(2)
}

let arguments = CommandLine.arguments
let mode = arguments.count >= 3 ? arguments[1] : ""
guard ["score", "explain", "features", "identify"].contains(mode),
    let language = mode == "identify" ? Language.en : Language(rawValue: arguments[2])
else {
    fail("usage: SentimentFeatures score|explain|features LANG < texts, or SentimentFeatures identify any < texts")
}
let identifier = try LanguageIdentifier()
let scorer = try SentimentScorer()
let input = FileHandle.standardInput.readDataToEndOfFile()
var out = ""
var lines = input.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
if lines.last?.isEmpty == true { lines.removeLast() }
for line in lines {
    let text = String(decoding: line, as: UTF8.self)
    if mode == "identify" {
        let (found, confidence) = identifier.identify(text)
        out += "\(found?.rawValue ?? "und")\t\(confidence)\t\(text)\n"
    } else if mode == "score" || mode == "explain" {
        guard !text.isEmpty else { continue }
        let s = scorer.score(text, language: language)
        out += "\(s)\t\(SentimentScorer.label(s).rawValue)\t"
        if mode == "explain" {
            let dense = scorer.features(text, language: language).dense
            out += "lexicon \(dense[0]) last \(dense[1])\t"
        }
        out += "\(text)\n"
    } else {
        let f = scorer.features(text, language: language)
        out += f.sparse.map { "\($0.bucket):\($0.value)" }.joined(separator: " ")
        out += " | " + f.dense.map { "\($0)" }.joined(separator: " ") + "\n"
    }
}
FileHandle.standardOutput.write(out.data(using: .utf8)!)
