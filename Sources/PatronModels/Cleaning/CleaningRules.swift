/// What `TransactionCleaner` checks and how, from the `clean.transactions` params.
public struct CleaningRules: Sendable {
    public enum Case: String, Sendable, CaseIterable { case keep, lower, upper }
    /// What to do with a row whose amount is below zero (a return).
    public enum Returns: String, Sendable, CaseIterable {
        /// Reject it.
        case reject
        /// Subtract it from the same customer's purchases on the same day.
        case net
        /// Keep it as a negative transaction.
        case keep
    }

    public var customer: String
    public var date: String
    public var amount: String
    public var orderID: String? = nil
    /// Column holding each row's currency code.
    public var currency: String? = nil
    /// The currency amounts are kept in; others need a rate.
    public var baseCurrency: String? = nil
    /// Multiply an amount in the key's currency by the value to get `baseCurrency`.
    public var rates: [String: Double] = [:]
    public var customerCase: Case = .keep
    /// Days since 1970-01-01, inclusive.
    public var minDate: Int32? = nil
    public var observationEnd: Int32? = nil
    public var returns: Returns = .reject
    /// Column with each row's source line (from `ingest.csv`), if present.
    public var lineColumn = "source_line"

    public init(customer: String, date: String, amount: String) {
        self.customer = customer
        self.date = date
        self.amount = amount
    }
}

/// Why a table cannot be cleaned at all (as opposed to rows that are rejected).
public enum CleaningError: Error, Equatable, CustomStringConvertible {
    case missingColumn(param: String, column: String, available: [String])
    case wrongType(param: String, column: String, found: String, expected: String)

    public var description: String {
        switch self {
        case .missingColumn(let param, let column, let available):
            "\(param): the input has no column '\(column)'; it has: \(available.joined(separator: ", "))"
        case .wrongType(let param, let column, let found, let expected):
            "\(param): column '\(column)' is \(found), expected \(expected); declare its type in the ingest stage's columns:"
        }
    }
}
