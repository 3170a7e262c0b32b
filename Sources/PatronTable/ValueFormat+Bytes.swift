import PatronSupport

/// Values and CSV records written straight into byte buffers: what `ValueFormat.format`
/// prints, without a `String` per value (the CSV writer and reject tables write millions).
extension ValueFormat {
    /// Appends the value at `row` as `format(_:_:)` prints it; a null appends nothing.
    package static func append(_ column: Column, _ row: Int, to out: inout [UInt8]) {
        if column.isNull(row) { return }
        switch column.storage {
        case .int(let v): appendInteger(v[row], to: &out)
        case .decimal(let v): appendNumber(v[row], to: &out)
        case .date(let v): appendDate(Int(v[row]), to: &out)
        case .datetime(let v, let utc): appendDateTime(v[row], utc: utc, to: &out)
        case .bool(let v): out.append(contentsOf: v[row] ? "true".utf8 : "false".utf8)
        case .string(let s): out.append(contentsOf: s.bytes[s.range(row)])
        }
    }

    /// Decimal digits of `value`, with a minus sign when negative.
    package static func appendInteger(_ value: Int64, to out: inout [UInt8]) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        appendDigits(value.magnitude, width: 1, to: &out)
    }

    /// `n` in decimal, zero-padded to at least `width` digits.
    static func appendDigits(_ n: UInt64, width: Int, to out: inout [UInt8]) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: room for UInt64.max's 20 digits
        var count = 0
        var rest = n
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[23 - count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            } while rest > 0
            while count < width {
                buffer[23 - count] = UInt8(ascii: "0")
                count += 1
            }
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[(24 - count)...]))
        }
    }

    /// The shortest text that reads back to exactly `x` (`number(_:)`'s).
    package static func appendNumber(_ x: Double, to out: inout [UInt8]) {
        if x.isFinite, x == x.rounded(), abs(x) < 1e15 {
            appendInteger(Int64(x), to: &out)
        } else if let (m, decimals) = shortDecimal(x) {
            // A price, a rate: the digits as integers, no String in between.
            if m < 0 { out.append(UInt8(ascii: "-")) }
            let scale = tens[decimals]
            appendDigits(m.magnitude / scale, width: 1, to: &out)
            out.append(UInt8(ascii: "."))
            appendDigits(m.magnitude % scale, width: decimals, to: &out)
        } else {
            out.append(contentsOf: number(x).utf8)
        }
    }

    private static let tens: [UInt64] = (0...6).map { k in (0..<k).reduce(1) { r, _ in r * 10 } }

    /// `x` as `m / 10^decimals` with the fewest decimals (1 to 6) that read back to exactly
    /// `x`, `m` the nearest integer: the digits `Double.description` prints (the shortest,
    /// nearest), for values it prints without an exponent (0.001 to 10^15).
    static func shortDecimal(_ x: Double) -> (Int64, Int)? {
        let size = abs(x)
        guard size >= 1e-3, size < 1e15 else { return nil }
        for k in 1...6 {
            let scaled = (x * Double(tens[k])).rounded()
            guard abs(scaled) < 9e15 else { return nil }
            if scaled / Double(tens[k]) == x { return (Int64(scaled), k) }
        }
        return nil
    }

    /// `YYYY-MM-DD` for a day number.
    package static func appendDate(_ days: Int, to out: inout [UInt8]) {
        let (y, m, d) = CivilDate.date(days)
        if y < 0 { out.append(UInt8(ascii: "-")) }
        appendDigits(UInt64(abs(y)), width: 4, to: &out)
        out.append(UInt8(ascii: "-"))
        appendDigits(UInt64(m), width: 2, to: &out)
        out.append(UInt8(ascii: "-"))
        appendDigits(UInt64(d), width: 2, to: &out)
    }

    /// `YYYY-MM-DD HH:MM:SS` (with `.ffffff` when there are microseconds, and `Z` for UTC)
    /// for microseconds since 1970-01-01T00:00; the default `date_format` reads it back.
    package static func appendDateTime(_ micros: Int64, utc: Bool, to out: inout [UInt8]) {
        let (day, inDay) = CivilDate.day(micros: micros)
        let seconds = UInt64(inDay / 1_000_000), fraction = UInt64(inDay % 1_000_000)
        appendDate(day, to: &out)
        out.append(UInt8(ascii: " "))
        appendDigits(seconds / 3600, width: 2, to: &out)
        out.append(UInt8(ascii: ":"))
        appendDigits(seconds / 60 % 60, width: 2, to: &out)
        out.append(UInt8(ascii: ":"))
        appendDigits(seconds % 60, width: 2, to: &out)
        if fraction != 0 {
            out.append(UInt8(ascii: "."))
            appendDigits(fraction, width: 6, to: &out)
        }
        if utc { out.append(UInt8(ascii: "Z")) }
    }
}

/// CSV fields and records as bytes, quoted where a reader needs quotes.
package enum CSVText {
    /// Appends `field`, in quotes (inner quotes doubled) when it holds the delimiter, a quote
    /// or a line break, or starts or ends with a space or tab (which readers trim).
    package static func appendField<Bytes: BidirectionalCollection<UInt8>>(
        _ field: Bytes, to out: inout [UInt8], delimiter: UInt8 = UInt8(ascii: ","), quote: UInt8 = UInt8(ascii: "\"")
    ) {
        let quoted =
            field.withContiguousStorageIfAvailable { needsQuotes($0, delimiter: delimiter, quote: quote) }
            ?? Array(field).withUnsafeBufferPointer { needsQuotes($0, delimiter: delimiter, quote: quote) }
        guard quoted else {
            if field.withContiguousStorageIfAvailable({ out.append(contentsOf: $0) }) == nil {
                out.append(contentsOf: field)
            }
            return
        }
        out.append(quote)
        for b in field {
            if b == quote { out.append(quote) }
            out.append(b)
        }
        out.append(quote)
    }

    private static func isBlank(_ b: UInt8?) -> Bool { b == 32 || b == 9 }

    /// Whether a field needs quotes (see `appendField`): one pass over its bytes.
    @inline(__always)
    private static func needsQuotes(_ field: UnsafeBufferPointer<UInt8>, delimiter: UInt8, quote: UInt8) -> Bool {
        if isBlank(field.first) || isBlank(field.last) { return true }
        for b in field where b == delimiter || b == quote || b == 10 || b == 13 { return true }
        return false
    }

    /// Appends row `row` of `columns` as one CSV record, without a line end; nulls are empty.
    package static func appendRecord(
        _ columns: [Column], row: Int, to out: inout [UInt8], delimiter: UInt8 = UInt8(ascii: ","),
        quote: UInt8 = UInt8(ascii: "\"")
    ) {
        for (i, column) in columns.enumerated() {
            if i > 0 { out.append(delimiter) }
            if column.isNull(row) { continue }
            switch column.storage {
            case .string(let s):
                s.bytes.withUnsafeBufferPointer {
                    appendField(
                        UnsafeBufferPointer(rebasing: $0[s.range(row)]), to: &out, delimiter: delimiter, quote: quote)
                }
            default:
                // Numbers, dates and booleans never need quotes.
                ValueFormat.append(column, row, to: &out)
            }
        }
    }

    /// The records of some rows of some columns, one string each, from each column's
    /// `cellTexts` for those rows (so one type switch per column, and the columns on any
    /// cores): the same bytes as `appendRecord` row by row.
    package static func join(_ cells: [StringBuffer], rows: Int) -> StringBuffer {
        var total = max(0, cells.count - 1) * rows
        for c in cells { total += c.bytes.count }
        var offsets = [Int32](repeating: 0, count: rows + 1)
        var bytes = [UInt8](repeating: 0, count: total)
        bytes.withUnsafeMutableBufferPointer { out in
            var o = 0
            for k in 0..<rows {
                for (j, cell) in cells.enumerated() {
                    if j > 0 {
                        out[o] = UInt8(ascii: ",")
                        o += 1
                    }
                    let a = Int(cell.offsets[k]), z = Int(cell.offsets[k + 1])
                    if z > a {
                        cell.bytes.withUnsafeBufferPointer { from in
                            UnsafeMutableRawPointer(out.baseAddress! + o).copyMemory(
                                from: from.baseAddress! + a, byteCount: z - a)
                        }
                        o += z - a
                    }
                }
                offsets[k + 1] = Int32(o)
            }
        }
        return StringBuffer(offsets: offsets, bytes: bytes)
    }

    /// Each of `rows` of `column` as a CSV field (quoted where needed; nulls empty).
    package static func cellTexts(_ column: Column, _ rows: [Int]) -> StringBuffer {
        var out = [UInt8]()
        var offsets = [Int32]()
        offsets.reserveCapacity(rows.count + 1)
        offsets.append(0)
        // One switch for the column, then a plain loop of its type.
        func each(_ write: (Int, inout [UInt8]) -> Void) {
            for row in rows {
                if !column.isNull(row) { write(row, &out) }
                offsets.append(Int32(out.count))
            }
        }
        switch column.storage {
        case .string(let s):
            out.reserveCapacity(rows.reduce(0) { $0 + s.range($1).count })
            // A plain loop (no closure per row): text is most of a reject's record.
            let validity = column.validity
            s.bytes.withUnsafeBufferPointer { text in
                s.offsets.withUnsafeBufferPointer { ends in
                    for row in rows {
                        if validity?[row] ?? true {
                            appendField(
                                UnsafeBufferPointer(rebasing: text[Int(ends[row])..<Int(ends[row + 1])]), to: &out)
                        }
                        offsets.append(Int32(out.count))
                    }
                }
            }
        case .int(let v):
            out.reserveCapacity(rows.count * 8)
            each { row, out in ValueFormat.appendInteger(v[row], to: &out) }
        case .decimal(let v):
            out.reserveCapacity(rows.count * 8)
            each { row, out in ValueFormat.appendNumber(v[row], to: &out) }
        case .date(let v):
            out.reserveCapacity(rows.count * 10)
            each { row, out in ValueFormat.appendDate(Int(v[row]), to: &out) }
        case .datetime(let v, let utc):
            out.reserveCapacity(rows.count * 19)
            // The lines of one order share a time: the last one written is copied, not redone.
            var last: Int64? = nil
            var text = [UInt8]()
            each { row, out in
                if last != v[row] {
                    text.removeAll(keepingCapacity: true)
                    ValueFormat.appendDateTime(v[row], utc: utc, to: &text)
                    last = v[row]
                }
                out.append(contentsOf: text)
            }
        case .bool(let v):
            out.reserveCapacity(rows.count * 5)
            each { row, out in out.append(contentsOf: v[row] ? "true".utf8 : "false".utf8) }
        }
        return StringBuffer(offsets: offsets, bytes: out)
    }
}
