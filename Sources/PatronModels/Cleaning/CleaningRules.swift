/// What `TransactionCleaner` checks and how, from the `clean.transactions` params.
package struct CleaningRules: Sendable {
    package enum Case: String, Sendable, CaseIterable { case keep, lower, upper }
    /// What to do with a row whose amount is below zero (a return).
    package enum Returns: String, Sendable, CaseIterable {
        /// Reject it.
        case reject
        /// Subtract it from the same customer's earlier purchases (of the same item when
        /// `item` is given), latest first, across days.
        case net
        /// Keep it as a negative transaction.
        case keep
    }

    package var customer: String
    package var date: String
    package var amount: String
    /// With `unitPrice`: the amount is quantity × unit price (`amount` is then not read).
    package var quantity: String? = nil
    package var unitPrice: String? = nil
    /// The order column; its output name is `order_id`.
    package var orderID: String? = nil
    /// The product column, for matching a return to the item it returns.
    package var item: String? = nil
    /// Order ids starting with this are cancellations: their lines are returns.
    package var cancelPrefix: String? = nil
    /// Rows whose value in the column is one of these are rejected.
    package var exclude: [(column: String, values: [String])] = []
    /// Rows whose value in the column is none of these are rejected.
    package var include: [(column: String, values: [String])] = []
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
    /// Columns that say where a row came from (`lineColumn`, and what upstream stages declare):
    /// not compared by the exact-duplicate rule.
    package var provenance: Set<String> = ["source_line"]

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
    /// A parameter that works only with another.
    case needs(param: String, what: String)
    /// A column that numbers the rows would make every row unique: no duplicate could be found.
    case rowNumbers(column: String)

    package var description: String {
        switch self {
        case .missingColumn(let param, let column, let available):
            "\(param): the input has no column '\(column)'; it has: \(available.joined(separator: ", "))"
        case .wrongType(let param, let column, let found, let expected):
            "\(param): column '\(column)' is \(found), expected \(expected); declare its type in the ingest stage's columns:"
        case .needs(let param, let what):
            "\(param): needs \(what)"
        case .rowNumbers(let column):
            "column '\(column)' numbers the rows (it grows on every row), so no two rows could be exact duplicates and duplicate detection would be silently off; if it says where a row came from, declare it: `provenance: [\(column)]` on this stage (or on the `shell` stage that made it)"
        }
    }
}
