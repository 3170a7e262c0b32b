import PatronTable

/// How to read one CSV file.
///
/// ```swift
/// var options = CSVOptions()
/// options.delimiter = UInt8(ascii: ";")
/// options.decimalSeparator = UInt8(ascii: ",")        // "1.234,50" reads as 1234.5
/// options.columns = [.init("customer_id", .string), .init("amount", .decimal)]
/// ```
public struct CSVOptions: Sendable {
    /// A column to keep, by its header name, with the type to parse it as.
    public struct ColumnSpec: Sendable, Equatable {
        public var name: String
        public var type: ColumnType
        public init(_ name: String, _ type: ColumnType) {
            self.name = name
            self.type = type
        }
    }

    public var delimiter: UInt8 = UInt8(ascii: ",")
    public var quote: UInt8 = UInt8(ascii: "\"")
    /// `.` or `,`.
    public var decimalSeparator: UInt8 = UInt8(ascii: ".")
    /// Digit-group separator inside numbers; by default `,` when the decimal separator is `.`,
    /// and `.` when it is `,` (a space is always accepted then too).
    public var thousandsSeparator: UInt8? = nil
    public var dateFormat: DateFormat = .iso
    /// Columns to keep, in output order; `nil` keeps every column of the header, with types
    /// inferred from the values.
    public var columns: [ColumnSpec]? = nil
    /// Above this share of rejected rows the read fails instead of returning.
    public var maxRejectRatio: Double = 0.05
    /// Target size of the pieces parsed in parallel.
    public var chunkSize: Int = 4 << 20
    /// How many pieces to parse at once.
    public var parallelism: Int = max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// When set, a column of this name is added last, holding the physical line where each
    /// kept row starts: provenance that later stages use to name a row in their rejects.
    public var lineColumn: String? = nil

    /// Called with the share of the file parsed so far (0…1), as pieces finish.
    public var progress: (@Sendable (Double) -> Void)? = nil

    public init() {}

    var effectiveThousands: UInt8 {
        thousandsSeparator ?? (decimalSeparator == UInt8(ascii: ",") ? UInt8(ascii: ".") : UInt8(ascii: ","))
    }
}

import Foundation
