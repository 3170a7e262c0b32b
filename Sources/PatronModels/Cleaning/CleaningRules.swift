/// What `TransactionCleaner` checks and how, from the `clean.transactions` params.
package struct CleaningRules: Sendable {
    package enum Case: String, Sendable, CaseIterable { case keep, lower, upper }
    /// What to do with a row whose amount is below zero (a return).
    package enum Returns: String, Sendable, CaseIterable {
        /// Reject it.
        case reject
        /// Subtract it from the same customer's purchases on the same day.
        case net
        /// Keep it as a negative transaction.
        case keep
    }

    package var customer: String
    package var date: String
    package var amount: String
    package var orderID: String? = nil
    /// Column holding each row's currency code.
    package var currency: String? = nil
    /// The currency amounts are kept in; others need a rate.
    package var baseCurrency: String? = nil
    /// Multiply an amount in the key's currency by the value to get `baseCurrency`.
    package var rates: [String: Double] = [:]
    package var customerCase: Case = .keep
    /// Days since 1970-01-01, inclusive.
    package var minDate: Int32? = nil
    package var observationEnd: Int32? = nil
    package var returns: Returns = .reject
    /// Column with each row's source line (from `ingest.csv`), if present.
    package var lineColumn = "source_line"

    package init(customer: String, date: String, amount: String) {
        self.customer = customer
        self.date = date
        self.amount = amount
    }
}

/// Why a table cannot be cleaned at all (as opposed to rows that are rejected).
package enum CleaningError: Error, Equatable, CustomStringConvertible {
    case missingColumn(param: String, column: String, available: [String])
    case wrongType(param: String, column: String, found: String, expected: String)

    package var description: String {
        switch self {
        case .missingColumn(let param, let column, let available):
            "\(param): the input has no column '\(column)'; it has: \(available.joined(separator: ", "))"
        case .wrongType(let param, let column, let found, let expected):
            "\(param): column '\(column)' is \(found), expected \(expected); declare its type in the ingest stage's columns:"
        }
    }
}
