/// One typed column: contiguous values plus an optional validity mask.
///
/// Values of null slots are unspecified (zero or empty). `validity == nil` means every
/// value is present.
///
/// ```swift
/// let amounts = Column.decimal([12.5, 0, 3], validity: [true, false, true])
/// amounts.isNull(1)   // true
/// ```
public struct Column: Sendable, Equatable {
    /// The storage of a column's values.
    public enum Storage: Sendable, Equatable {
        case int([Int64])
        case decimal([Double])
        /// Days since 1970-01-01.
        case date([Int32])
        /// Microseconds since 1970-01-01T00:00: a wall-clock time as written (naive), or UTC
        /// when `utc` (the text carried an offset, `Z` or `±hh:mm`, and was normalised).
        case datetime([Int64], utc: Bool)
        case bool([Bool])
        case string(StringBuffer)
    }

    /// The column's type (`string` and `text` share a storage).
    public var type: ColumnType
    /// The values, one array (or string buffer) of the column's length.
    public var storage: Storage
    /// `nil` when no value is null; otherwise one flag per row, `true` = present.
    public var validity: [Bool]?

    /// A column of `storage`'s values; `validity` (one flag per row, false for null) when it has nulls.
    public init(type: ColumnType, storage: Storage, validity: [Bool]? = nil) {
        self.type = type
        self.storage = storage
        self.validity = validity.flatMap { $0.contains(false) ? $0 : nil }
    }

    /// An `int` column.
    public static func int(_ values: [Int64], validity: [Bool]? = nil) -> Column {
        Column(type: .int, storage: .int(values), validity: validity)
    }
    /// A `decimal` column (IEEE doubles).
    public static func decimal(_ values: [Double], validity: [Bool]? = nil) -> Column {
        Column(type: .decimal, storage: .decimal(values), validity: validity)
    }
    /// A `date` column of days since 1970-01-01.
    public static func date(_ days: [Int32], validity: [Bool]? = nil) -> Column {
        Column(type: .date, storage: .date(days), validity: validity)
    }
    /// A `datetime` column of microseconds since 1970-01-01T00:00 (UTC when `utc`).
    public static func datetime(_ micros: [Int64], utc: Bool = false, validity: [Bool]? = nil) -> Column {
        Column(type: .datetime, storage: .datetime(micros, utc: utc), validity: validity)
    }
    /// A `bool` column.
    public static func bool(_ values: [Bool], validity: [Bool]? = nil) -> Column {
        Column(type: .bool, storage: .bool(values), validity: validity)
    }
    /// A string column from Swift strings; `nil` entries are nulls.
    public static func string(_ values: [String?], type: ColumnType = .string) -> Column {
        var buffer = StringBuffer()
        var validity = [Bool]()
        validity.reserveCapacity(values.count)
        for value in values {
            buffer.append(value ?? "")
            validity.append(value != nil)
        }
        return Column(type: type, storage: .string(buffer), validity: validity)
    }

    /// Number of rows.
    public var count: Int {
        switch storage {
        case .int(let v): v.count
        case .decimal(let v): v.count
        case .date(let v): v.count
        case .datetime(let v, _): v.count
        case .bool(let v): v.count
        case .string(let s): s.count
        }
    }

    /// The values as doubles, for int and decimal columns; nil for others.
    public var doubles: [Double]? {
        switch storage {
        case .decimal(let v): v
        case .int(let v): v.map(Double.init)
        default: nil
        }
    }

    /// Whether the value at `row` is null.
    public func isNull(_ row: Int) -> Bool { validity.map { !$0[row] } ?? false }

    /// How many values are null.
    public var nullCount: Int { validity.map { $0.reduce(0) { $0 + ($1 ? 0 : 1) } } ?? 0 }
}
