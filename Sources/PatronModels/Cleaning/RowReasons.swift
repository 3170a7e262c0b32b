/// A reject reason per row, or none: 4 bytes a row plus the texts of the rejected ones, where
/// `[String?]` would take 16 bytes a row for millions of mostly kept rows.
struct RowReasons {
    private var index: [Int32]
    private var texts: [String] = []

    init(rows: Int) { index = [Int32](repeating: -1, count: rows) }

    subscript(row: Int) -> String? {
        get { index[row] < 0 ? nil : texts[Int(index[row])] }
        set {
            guard let newValue else {
                index[row] = -1
                return
            }
            if index[row] >= 0 {
                texts[Int(index[row])] = newValue
            } else {
                index[row] = Int32(texts.count)
                texts.append(newValue)
            }
        }
    }

    func isRejected(_ row: Int) -> Bool { index[row] >= 0 }
}
