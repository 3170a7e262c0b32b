/// A named, ordered set of equally long typed columns: the value every stage port holds.
///
/// ```swift
/// var table = Table()
/// try table.append("customer_id", .string(["a", "b"]))
/// try table.append("amount", .decimal([9.5, 12]))
/// table.rowCount      // 2
/// ```
public struct Table: Sendable, Equatable {
    /// Column names, in order (unique).
    public private(set) var names: [String]
    /// The columns, in the order of `names`, all of the same length.
    public private(set) var columns: [Column]

    /// A table with no columns.
    public init() {
        names = []
        columns = []
    }

    /// A table of `columns` named `names`.
    /// - Throws: `TableError` when a name repeats or the columns differ in length.
    public init(names: [String], columns: [Column]) throws(TableError) {
        self.init()
        for (name, column) in zip(names, columns) { try append(name, column) }
    }

    /// The number of rows (0 without columns).
    public var rowCount: Int { columns.first?.count ?? 0 }
    package var columnCount: Int { columns.count }

    /// Adds a column at the end.
    /// - Throws: `TableError` when the name is taken or the length differs from the table's.
    public mutating func append(_ name: String, _ column: Column) throws(TableError) {
        if names.contains(name) { throw .duplicateColumn(name) }
        if !columns.isEmpty, column.count != rowCount {
            throw .lengthMismatch(column: name, expected: rowCount, found: column.count)
        }
        names.append(name)
        columns.append(column)
    }

    package func index(of name: String) -> Int? { names.firstIndex(of: name) }

    /// The column named `name`, if there is one.
    public subscript(name: String) -> Column? { index(of: name).map { columns[$0] } }

    /// The table with only the named columns, in the given order.
    public func selecting(_ wanted: [String]) throws(TableError) -> Table {
        var out = Table()
        for name in wanted {
            guard let column = self[name] else { throw .missingColumn(name, available: names) }
            try out.append(name, column)
        }
        return out
    }
}

/// Problems building or reading a table.
public enum TableError: Error, Equatable, CustomStringConvertible {
    case duplicateColumn(String)
    case lengthMismatch(column: String, expected: Int, found: Int)
    case missingColumn(String, available: [String])
    case typeMismatch(column: String, expected: ColumnType, found: ColumnType)
    /// A text column that would hold more than `StringBuffer.maxBytes`.
    case textTooLarge(column: String, bytes: Int)

    /// What went wrong and what to do, as an error message.
    public var description: String {
        switch self {
        case .duplicateColumn(let name):
            "column '\(name)' appears twice; rename one of them"
        case .lengthMismatch(let column, let expected, let found):
            "column '\(column)' has \(found) rows but the table has \(expected)"
        case .missingColumn(let name, let available):
            "no column '\(name)'; the table has: \(available.joined(separator: ", "))"
        case .typeMismatch(let column, let expected, let found):
            "column '\(column)' is \(found), expected \(expected)"
        case .textTooLarge(let column, let bytes):
            "column '\(column)' would hold \(bytes) bytes of text, more than the \(StringBuffer.maxBytes) (2 GiB) one text column of a Patron table holds"
        }
    }
}
