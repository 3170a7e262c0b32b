/// The languages the sentiment scorer knows, by ISO 639-1 code.
public enum Language: String, Sendable, CaseIterable, Comparable {
    case en, sv, nl, de, pl

    /// Languages order by their codes.
    public static func < (a: Language, b: Language) -> Bool { a.rawValue < b.rawValue }

    /// Position in `allCases`, without building the array.
    package var index: Int {
        switch self {
        case .en: 0
        case .sv: 1
        case .nl: 2
        case .de: 3
        case .pl: 4
        }
    }
}
