import PatronTable

/// A reject reason per row, or none: 4 bytes a row plus each distinct text once, where
/// `[String?]` would take 16 bytes a row for millions of mostly kept rows (and most rejected
/// rows share a handful of reasons).
struct RowReasons {
    private var index: [Int32]
    private var texts: [String] = []
    private var known: [String: Int32] = [:]

    init(rows: Int) { index = [Int32](repeating: -1, count: rows) }

    subscript(row: Int) -> String? {
        get { index[row] < 0 ? nil : texts[Int(index[row])] }
        set {
            guard let newValue else {
                index[row] = -1
                return
            }
            index[row] = intern(newValue)
        }
    }

    /// A number for `reason`, for `set(_:to:)`: a reason given to many rows is looked up once.
    mutating func intern(_ reason: String) -> Int32 {
        if let k = known[reason] { return k }
        known[reason] = Int32(texts.count)
        texts.append(reason)
        return Int32(texts.count - 1)
    }

    /// Gives `row` the reason `intern` numbered `reason`.
    mutating func set(_ row: Int, to reason: Int32) { index[row] = reason }

    func isRejected(_ row: Int) -> Bool { index[row] >= 0 }

    /// The reasons of `rows` (all rejected) as a string column.
    func column(_ rows: [Int]) -> Column {
        let utf8 = texts.map { Array($0.utf8) }
        var buffer = StringBuffer()
        buffer.reserve(rows: rows.count, bytes: rows.reduce(0) { $0 + utf8[Int(index[$1])].count })
        for row in rows { utf8[Int(index[row])].withUnsafeBufferPointer { buffer.append(bytesOf: $0) } }
        return Column(type: .string, storage: .string(buffer))
    }

    /// How many of `rows` have each label, `label` asked once per distinct reason.
    func counts(_ rows: [Int], label: (String) -> String) -> [String: Int] {
        var perText = [Int](repeating: 0, count: texts.count)
        for row in rows { perText[Int(index[row])] += 1 }
        var out = [String: Int]()
        for (k, n) in perText.enumerated() where n > 0 { out[label(texts[k]), default: 0] += n }
        return out
    }
}
