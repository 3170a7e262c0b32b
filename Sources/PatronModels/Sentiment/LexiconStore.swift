import Foundation

/// Where the converted lexicons live: the package's resource folder next to the built binary
/// (found from any working directory), or a folder named by `PATRON_LEXICONS`.
package enum LexiconStore {
    /// What went wrong reading a lexicon file, and what to do.
    package struct LoadError: Error, CustomStringConvertible {
        package let description: String
    }

    /// `PATRON_LEXICONS`, else the resource folder SwiftPM puts beside the executable (the
    /// built `patron`, or the test runner). Not `Bundle.module`: when its folder is missing it
    /// stops the process, where a missing lexicon should be an error that says what to do.
    package static var directory: URL {
        if let override = ProcessInfo.processInfo.environment["PATRON_LEXICONS"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        return Bundle.main.bundleURL.appendingPathComponent("Patron_PatronModels.resources/lexicons")
    }

    /// The files the scorer and the language identifier read (Polish's lexicon is not scored;
    /// the customer-LANG.tsv vocabularies are Patron's own; model-LANG.bin are the learned
    /// layer's weights, where a language has them).
    package static let filesInUse =
        ["en.tsv", "sv.tsv", "nl.tsv", "de.tsv", "emoji.tsv", "langid.tsv"]
        + Language.allCases.map { "customer-\($0.rawValue).tsv" } + Language.allCases.map { "model-\($0.rawValue).bin" }

    /// The raw bytes of a lexicon file, or nil when it cannot be read.
    package static func contents(_ name: String) -> [UInt8]? {
        FileManager.default.contents(atPath: directory.appendingPathComponent(name).path).map { [UInt8]($0) }
    }

    /// The `key<TAB>value` lines of a lexicon file (split on its bytes: a `String` split walks
    /// grapheme clusters, and the German lexicon's 20 000 lines took a tenth of the stage's
    /// start-up).
    static func pairs(_ name: String) throws -> [(Substring, Substring)] {
        let url = directory.appendingPathComponent(name)
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8)
        else {
            throw LoadError(
                description:
                    "cannot read the lexicon \(url.path): put the Patron_PatronModels.resources folder of the build beside the patron binary, or set PATRON_LEXICONS to a folder with \(name)"
            )
        }
        var out = [(Substring, Substring)]()
        let utf8 = text.utf8
        var lineStart = utf8.startIndex, tab: String.Index? = nil
        var i = utf8.startIndex
        while i < utf8.endIndex {
            let b = utf8[i]
            if b == UInt8(ascii: "\t") {
                tab = i
            } else if b == UInt8(ascii: "\n") {
                if let t = tab { out.append((text[lineStart..<t], text[utf8.index(after: t)..<i])) }
                lineStart = utf8.index(after: i)
                tab = nil
            }
            i = utf8.index(after: i)
        }
        if let t = tab, lineStart < utf8.endIndex {
            out.append((text[lineStart..<t], text[utf8.index(after: t)..<utf8.endIndex]))
        }
        return out
    }
}
