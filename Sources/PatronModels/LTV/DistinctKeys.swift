/// Rows numbered by the distinct value, or pair of values, they hold — in order of first
/// appearance, through an open-addressing table on the values' bit patterns (no general-purpose
/// hashing per row). The fits tabulate what depends on a customer's age once per distinct age,
/// and the predictions what depends on (x, T) once per distinct pair.
///
/// ```swift
/// let (index, firsts) = DistinctKeys.index([3, 5, 3], [1, 1, 1])
/// index    // [0, 1, 0]
/// firsts   // [0, 1]: the first row holding each pair
/// ```
public enum DistinctKeys {
    /// Each row's number among the distinct triples (a[i], b[i], c[i]) — pairs or values when
    /// `c` or `b` is nil — and the first row of each. `-0.0` and `0.0` are different keys here.
    public static func index(_ a: [Double], _ b: [Double]? = nil, _ c: [Double]? = nil) -> (index: [Int32], firsts: [Int]) {
        precondition((b == nil || b!.count == a.count) && (c == nil || c!.count == a.count), "DistinctKeys.index: columns of different lengths")
        var capacity = 16
        while capacity < 2 * a.count { capacity <<= 1 }
        let mask = capacity - 1
        var slots = [Int32](repeating: -1, count: capacity)
        var index = [Int32](repeating: 0, count: a.count), firsts = [Int]()
        for i in a.indices {
            let second = b?[i].bitPattern ?? 0, third = c?[i].bitPattern ?? 0
            var h = a[i].bitPattern &* 0x9E37_79B9_7F4A_7C15
            h = (h ^ (h >> 29) ^ second) &* 0xBF58_476D_1CE4_E5B9
            h = (h ^ (h >> 32) ^ third) &* 0x94D0_49BB_1331_11EB
            var slot = Int(truncatingIfNeeded: h ^ (h >> 31)) & mask
            while true {
                let k = slots[slot]
                if k < 0 {
                    slots[slot] = Int32(firsts.count)
                    index[i] = Int32(firsts.count)
                    firsts.append(i)
                    break
                }
                let f = firsts[Int(k)]
                if a[f].bitPattern == a[i].bitPattern && (b?[f].bitPattern ?? 0) == second && (c?[f].bitPattern ?? 0) == third {
                    index[i] = k
                    break
                }
                slot = (slot + 1) & mask
            }
        }
        return (index, firsts)
    }
}
