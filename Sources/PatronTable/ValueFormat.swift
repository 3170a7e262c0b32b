/// How single values are printed by `show`, `export` and the CSV writer.
public enum ValueFormat {
    /// The value at `row` as text; nulls are empty.
    public static func format(_ column: Column, _ row: Int) -> String {
        if column.isNull(row) { return "" }
        switch column.storage {
        case .int(let v): return String(v[row])
        case .decimal(let v): return number(v[row])
        case .date(let v): return date(v[row])
        case .bool(let v): return v[row] ? "true" : "false"
        case .string(let s): return s[row]
        }
    }

    /// Shortest text that reads back to exactly `x`; integral values without ".0".
    package static func number(_ x: Double) -> String {
        if x.isNaN { return "NaN" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return x.description
    }

    /// `YYYY-MM-DD` for days since 1970-01-01.
    package static func date(_ days: Int32) -> String { CivilDate.string(Int(days)) }
}
