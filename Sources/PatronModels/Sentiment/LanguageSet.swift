/// A set of `Language`s as one byte: the stage's `languages:` restriction, tested per text
/// without hashing.
///
/// ```swift
/// let nordic: LanguageSet = [.sv]
/// identifier.identify("Leveransen kom i tid.", among: nordic)
/// ```
package struct LanguageSet: OptionSet, Sendable, Hashable {
    package let rawValue: UInt8

    package init(rawValue: UInt8) { self.rawValue = rawValue }

    /// The set holding just `language`.
    package init(_ language: Language) { rawValue = 1 << UInt8(language.index) }

    /// The set of the given languages.
    package init<S: Sequence>(_ languages: S) where S.Element == Language {
        self = languages.reduce(into: []) { $0.insert(LanguageSet($1)) }
    }

    /// All five languages.
    package static let all = LanguageSet(Language.allCases)

    @inline(__always) func contains(index: Int) -> Bool { rawValue & 1 << UInt8(index) != 0 }
}
