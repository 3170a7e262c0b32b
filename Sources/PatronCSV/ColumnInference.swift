import PatronTable

/// Gives untyped (all-string) columns the narrowest type every non-empty value fits:
/// int, then decimal, then ISO date, then ISO date-time, then bool; otherwise they stay strings. A column with a
/// value like "00123" stays a string: leading zeros mean an identifier, not a number.
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
                    if column.isNull(row) {
                        values.append(zero)
                        continue
                    }
                    guard let v = parse(UnsafeBufferPointer(rebasing: bytes[s.range(row)])) else { return false }
                    values.append(v)
                }
                return true
            }
            return ok ? values : nil
        }
        // Identifiers such as "00123" or "0042" keep their leading zeros: they stay strings.
        let hasLeadingZero = s.bytes.withUnsafeBufferPointer { bytes in
            (0..<s.count).contains { row in
                let r = s.range(row)
                return r.count > 1 && bytes[r.lowerBound] == UInt8(ascii: "0") && bytes[r.lowerBound + 1] &- 48 < 10
            }
        }
        if hasLeadingZero { return column }
        if let v = attempt(fields.int, zero: 0) { return .int(v, validity: column.validity) }
        if let v = attempt(fields.decimal, zero: 0) { return .decimal(v, validity: column.validity) }
        // A date only where no value has a time: `2010-12-01 08:26` makes a datetime column.
        let dateOnly = { (f: UnsafeBufferPointer<UInt8>) in
            f.contains(UInt8(ascii: ":")) ? nil : DateFormat.iso.parse(f)
        }
        if let v = attempt(dateOnly, zero: 0) { return .date(v, validity: column.validity) }
        var utc = false
        let moment = { (f: UnsafeBufferPointer<UInt8>) -> Int64? in
            guard let (micros, zoned) = DateFormat.iso.timestamp(f) else { return nil }
            if zoned { utc = true }
            return micros
        }
        if let v = attempt(moment, zero: 0) { return .datetime(v, utc: utc, validity: column.validity) }
        if let v = attempt(fields.bool, zero: false) { return .bool(v, validity: column.validity) }
        return column
    }
}
