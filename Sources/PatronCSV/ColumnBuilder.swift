import PatronTable

/// Accumulates one column's values while a chunk is parsed.
struct ColumnBuilder {
    let type: ColumnType
    var ints: [Int64] = []
    var doubles: [Double] = []
    var days: [Int32] = []
    var micros: [Int64] = []
    /// A datetime value carried an offset: the column's values are UTC.
    var utc = false
    var bools: [Bool] = []
    /// A text column's bytes and end offsets (a `StringBuffer` at the end), appended here
    /// rather than through `StringBuffer`, once per field.
    var stringBytes: [UInt8] = []
    var stringEnds: [Int32] = [0]
    /// Empty until the first null; then one flag per row so far.
    var validity: [Bool] = []
    var nulls = 0
    var rows = 0

    init(type: ColumnType, reserveRows: Int = 0) {
        self.type = type
        switch type {
        case .int: ints.reserveCapacity(reserveRows)
        case .decimal: doubles.reserveCapacity(reserveRows)
        case .date: days.reserveCapacity(reserveRows)
        case .datetime: micros.reserveCapacity(reserveRows)
        case .bool: bools.reserveCapacity(reserveRows)
        case .string, .text:
            stringEnds.reserveCapacity(reserveRows + 1)
            stringBytes.reserveCapacity(reserveRows * 8)
        }
    }

    mutating func appendNull() {
        switch type {
        case .int: ints.append(0)
        case .decimal: doubles.append(0)
        case .date: days.append(0)
        case .datetime: micros.append(0)
        case .bool: bools.append(false)
        case .string, .text: stringEnds.append(Int32(stringBytes.count))
        }
        if nulls == 0 { validity = [Bool](repeating: true, count: rows) }
        validity.append(false)
        nulls += 1
        rows += 1
    }

    /// Appends a value decoded into a 64-bit pattern by `ChunkParser`.
    mutating func append(bits: UInt64) {
        switch type {
        case .int: ints.append(Int64(bitPattern: bits))
        case .decimal: doubles.append(Double(bitPattern: bits))
        case .date: days.append(Int32(truncatingIfNeeded: Int64(bitPattern: bits)))
        case .datetime: micros.append(Int64(bitPattern: bits))
        case .bool: bools.append(bits != 0)
        case .string, .text: preconditionFailure("strings are appended as bytes")
        }
        if nulls > 0 { validity.append(true) }
        rows += 1
    }

    /// Appends a string; false (and nothing appended) when the column would pass
    /// `StringBuffer.maxBytes`.
    mutating func append(string: UnsafeBufferPointer<UInt8>) -> Bool {
        guard string.count <= StringBuffer.maxBytes - stringBytes.count else { return false }
        stringBytes.append(contentsOf: string)
        stringEnds.append(Int32(stringBytes.count))
        if nulls > 0 { validity.append(true) }
        rows += 1
        return true
    }

    /// Keeps the first `count` rows.
    mutating func truncate(to count: Int) {
        guard rows > count else { return }
        let drop = rows - count
        switch type {
        case .int: ints.removeLast(drop)
        case .decimal: doubles.removeLast(drop)
        case .date: days.removeLast(drop)
        case .datetime: micros.removeLast(drop)
        case .bool: bools.removeLast(drop)
        case .string, .text:
            stringEnds.removeLast(drop)
            stringBytes.removeLast(stringBytes.count - Int(stringEnds.last!))
        }
        if nulls > 0 {
            nulls -= validity[count...].reduce(0) { $0 + ($1 ? 0 : 1) }
            validity.removeLast(drop)
            if nulls == 0 { validity = [] }
        }
        rows = count
    }

    func finish() -> Column {
        let v: [Bool]? = nulls > 0 ? validity : nil
        switch type {
        case .int: return Column(type: type, storage: .int(ints), validity: v)
        case .decimal: return Column(type: type, storage: .decimal(doubles), validity: v)
        case .date: return Column(type: type, storage: .date(days), validity: v)
        case .datetime: return Column(type: type, storage: .datetime(micros, utc: utc), validity: v)
        case .bool: return Column(type: type, storage: .bool(bools), validity: v)
        case .string, .text:
            return Column(
                type: type, storage: .string(StringBuffer(offsets: stringEnds, bytes: stringBytes)), validity: v)
        }
    }
}
