import PatronReport
import PatronTable

/// Tables and cells as the report shows them, for every module's section.
enum ReportTables {
    /// The first rows of a table, numbers with up to 6 significant figures.
    static func preview(_ table: Table, rows: Int, total: Int, caption: String) -> DataTable {
        let n = min(rows, table.rowCount)
        let numeric = table.columns.map { $0.type == .int || $0.type == .decimal }
        let cells = (0..<n).map { row in table.columns.map { cell($0, row) } }
        return DataTable(
            caption: caption, columns: table.names, numeric: numeric, rows: cells, totalRows: total, inSummary: false)
    }

    static func cell(_ column: Column, _ row: Int, digits: Int = 6) -> String {
        if column.isNull(row) { return "" }
        switch column.storage {
        case .decimal(let v): return Format.significant(v[row], digits)
        case .string(let s):
            let text = s[row]
            return text.count > 80 ? String(text.prefix(79)) + "…" : text
        default: return ValueFormat.format(column, row)
        }
    }

    /// A whole small table with readable numbers (4 significant figures, shares as percent).
    static func formatted(_ table: Table, caption: String) -> DataTable {
        let numeric = table.columns.map { $0.type == .int || $0.type == .decimal }
        let rows = (0..<table.rowCount).map { row in
            zip(table.names, table.columns).map { name, column -> String in
                if column.isNull(row) { return "" }
                if case .decimal(let v) = column.storage {
                    if name == "share" { return Format.percent(v[row]) }
                    return name.contains("monetary") || name == "revenue"
                        ? Format.money(v[row]) : Format.significant(v[row], 4)
                }
                return cell(column, row)
            }
        }
        return DataTable(caption: caption, columns: table.names, numeric: numeric, rows: rows)
    }

    /// Rows of the `count` largest values, largest first, ties by row; nulls left out.
    static func topIndices(_ values: [Double], count: Int, validity: [Bool]?) -> [Int] {
        var best = [Int]()
        func before(_ a: Int, _ b: Int) -> Bool { values[a] > values[b] || (values[a] == values[b] && a < b) }
        for i in values.indices where values[i].isFinite && (validity?[i] ?? true) {
            if best.count == count, let last = best.last, !before(i, last) { continue }
            let at = best.firstIndex { before(i, $0) } ?? best.count
            best.insert(i, at: at)
            if best.count > count { best.removeLast() }
        }
        return best
    }

    /// A reason with its particular values replaced: numbers by N, quoted values after the
    /// first (the column name) by '…'.
    static func reasonCategory(_ reason: String) -> String {
        var out = ""
        var quotes = 0
        var inQuote = false
        var lastWasDigit = false
        for c in reason {
            if c == "'" {
                quotes += 1
                inQuote.toggle()
                if quotes > 2 && inQuote { out += "'…" }
                if quotes <= 2 || !inQuote { out.append(c) }
                lastWasDigit = false
                continue
            }
            if inQuote && quotes > 2 { continue }
            if c.isNumber && !inQuote {
                if !lastWasDigit { out += "N" }
                lastWasDigit = true
                continue
            }
            if lastWasDigit && (c == "." || c == ",") { continue }
            lastWasDigit = false
            out.append(c)
        }
        return out
    }
}

extension String {
    func replacingUnderscores() -> String {
        let spaced = String(map { $0 == "_" ? " " : $0 })
        return spaced.prefix(1).uppercased() + spaced.dropFirst()
    }
}

extension Table {
    func doubles(_ name: String) -> [Double]? { self[name]?.doubles }

    func strings(_ name: String) -> StringBuffer? {
        if case .string(let s)? = self[name]?.storage { return s }
        return nil
    }

    func ints(_ name: String) -> [Int64]? {
        if case .int(let v)? = self[name]?.storage { return v }
        return nil
    }
}
