/// The languages the sentiment scorer knows, by ISO 639-1 code.
public enum Language: String, Sendable, CaseIterable, Comparable {
    case en, sv, nl, de, pl

    public static func < (a: Language, b: Language) -> Bool { a.rawValue < b.rawValue }
}
