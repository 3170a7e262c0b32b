/// A set of `Language`s as one byte: the stage's `languages:` restriction, tested per text
/// without hashing.
///
/// ```swift
/// let nordic: LanguageSet = [.sv]
/// identifier.identify("Leveransen kom i tid.", among: nordic)
/// ```
public struct LanguageSet: OptionSet, Sendable, Hashable {
    /// One bit per language, in `Language.allCases` order.
    public let rawValue: UInt8

    /// The set with these bits.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// The set holding just `language`.
    public init(_ language: Language) { rawValue = 1 << UInt8(language.index) }

    /// The set of the given languages.
    public init<S: Sequence>(_ languages: S) where S.Element == Language {
        self = languages.reduce(into: []) { $0.insert(LanguageSet($1)) }
    }

    /// All five languages.
    public static let all = LanguageSet(Language.allCases)

    @inline(__always) func contains(index: Int) -> Bool { rawValue & 1 << UInt8(index) != 0 }
}
