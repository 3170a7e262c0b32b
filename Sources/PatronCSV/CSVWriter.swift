import PatronSupport
import PatronTable

/// Writes tables as CSV: a header row, `,` between fields, quotes where needed, dates as
/// `YYYY-MM-DD`, numbers in the shortest form that reads back exactly, nulls as empty fields.
///
/// ```swift
/// let bytes = CSVWriter.encode(table)
/// ```
public enum CSVWriter {
    /// The table as CSV bytes: a header, then one line per row; fields quoted when they hold the
    /// delimiter, a quote or a line break; nulls empty; numbers in the shortest form that reads back.
    public static func encode(_ table: Table, delimiter: UInt8 = UInt8(ascii: ",")) -> [UInt8] {
        var out = [UInt8]()
        let quote = UInt8(ascii: "\"")
        for (i, name) in table.names.enumerated() {
            if i > 0 { out.append(delimiter) }
            CSVText.appendField(Array(name.utf8), to: &out, delimiter: delimiter, quote: quote)
        }
        out.append(10)
        // Rows in fixed blocks on all cores, joined in order: the same bytes for any core count.
        let blocks = ParallelBlocks.map(count: table.rowCount, block: 32_768) { rows -> [UInt8] in
            var out = [UInt8]()
            out.reserveCapacity(rows.count * table.columnCount * 8)
            for row in rows {
                CSVText.appendRecord(table.columns, row: row, to: &out, delimiter: delimiter, quote: quote)
                out.append(10)
            }
            return out
        }
        out.reserveCapacity(out.count + blocks.reduce(0) { $0 + $1.count })
        for block in blocks { out += block }
        return out
    }

    /// One record's fields as a CSV line without its newline.
    package static func encodeRecord(_ fields: [[UInt8]], delimiter: UInt8, quote: UInt8) -> String {
        var out = [UInt8]()
        for (i, field) in fields.enumerated() {
            if i > 0 { out.append(delimiter) }
            CSVText.appendField(field, to: &out, delimiter: delimiter, quote: quote)
        }
        return String(decoding: out, as: UTF8.self)
    }

}
