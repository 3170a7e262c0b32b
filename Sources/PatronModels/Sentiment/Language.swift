/// The languages the sentiment scorer knows, by ISO 639-1 code.
public enum Language: String, Sendable, CaseIterable, Comparable {
    case en, sv, nl, de, pl

    public static func < (a: Language, b: Language) -> Bool { a.rawValue < b.rawValue }

    /// Position in `allCases`, without building the array.
    public var index: Int {
        switch self {
        case .en: 0
        case .sv: 1
        case .nl: 2
        case .de: 3
        case .pl: 4
        }
    }
}
