/// The small open-addressing table behind `GroupIndex.few`: groups numbered as rows come.
struct FewGroups {
    private var slotHash: [UInt64], slotGroup: [Int32]
    private let mask: Int, limit: Int
    private(set) var ids: [Int32]
    private(set) var firstRow: [Int] = []

    init(rows: Int, limit: Int) {
        let capacity = 4 * limit.nextPowerOfTwo
        slotHash = [UInt64](repeating: 0, count: capacity)
        slotGroup = [Int32](repeating: -1, count: capacity)
        mask = capacity - 1
        self.limit = limit
        ids = [Int32](repeating: -1, count: rows)
    }

    /// Puts `row` in its group (`same` tells whether a group's first row has its key); false
    /// when it would be group number `limit + 1`.
    mutating func add(_ row: Int, hash h: UInt64, same: (Int) -> Bool) -> Bool {
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let g = slotGroup[slot]
            if g < 0 {
                guard firstRow.count < limit else { return false }
                slotGroup[slot] = Int32(firstRow.count)
                slotHash[slot] = h
                ids[row] = Int32(firstRow.count)
                firstRow.append(row)
                return true
            }
            if slotHash[slot] == h && same(firstRow[Int(g)]) {
                ids[row] = g
                return true
            }
            slot = (slot + 1) & mask
        }
    }
}

extension Int {
    /// The smallest power of two at least this (1 for 0 or less).
    var nextPowerOfTwo: Int { self <= 1 ? 1 : 1 << (Int.bitWidth - (self - 1).leadingZeroBitCount) }
}
