import PatronTable

/// Gives untyped (all-string) columns the narrowest type every non-empty value fits:
/// int, then decimal, then ISO date, then bool; otherwise they stay strings.
enum ColumnInference {
    static func infer(_ table: Table, fields: FieldParser) -> Table {
        var out = Table()
        for (name, column) in zip(table.names, table.columns) {
            try! out.append(name, infer(column, fields: fields))
        }
        return out
    }

    static func infer(_ column: Column, fields: FieldParser) -> Column {
        guard case .string(let s) = column.storage, column.count > column.nullCount else { return column }
        func attempt<T>(_ parse: (UnsafeBufferPointer<UInt8>) -> T?, zero: T) -> [T]? {
            var values = [T]()
            values.reserveCapacity(s.count)
            let ok = s.bytes.withUnsafeBufferPointer { bytes -> Bool in
                for row in 0..<s.count {
                    if column.isNull(row) { values.append(zero); continue }
                    guard let v = parse(UnsafeBufferPointer(rebasing: bytes[s.range(row)])) else { return false }
                    values.append(v)
                }
                return true
            }
            return ok ? values : nil
        }
        if let v = attempt(fields.int, zero: 0) { return .int(v, validity: column.validity) }
        if let v = attempt(fields.decimal, zero: 0) { return .decimal(v, validity: column.validity) }
        if let v = attempt(DateFormat.iso.parse, zero: 0) { return .date(v, validity: column.validity) }
        if let v = attempt(fields.bool, zero: false) { return .bool(v, validity: column.validity) }
        return column
    }
}
