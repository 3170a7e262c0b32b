/// How single values are printed by `show`, `export` and the CSV writer.
public enum ValueFormat {
    /// The value at `row` as text; nulls are empty.
    public static func format(_ column: Column, _ row: Int) -> String {
        if case .string(let s) = column.storage { return column.isNull(row) ? "" : s[row] }
        var bytes = [UInt8]()
        append(column, row, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Shortest text that reads back to exactly `x`; integral values without ".0".
    package static func number(_ x: Double) -> String {
        if x.isNaN { return "NaN" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return x.description
    }

    /// A number for a message people read: at most 6 decimals, so that the 76.80000000000003
    /// of floating-point arithmetic reads 76.8 (data itself is never rounded).
    package static func readable(_ x: Double) -> String {
        guard x.isFinite, abs(x) < 1e9 else { return number(x) }
        return number((x * 1_000_000).rounded() / 1_000_000)
    }

    /// `YYYY-MM-DD` for days since 1970-01-01.
    package static func date(_ days: Int32) -> String { CivilDate.string(Int(days)) }
}
