import Foundation
import PatronTable
import PatronReport

extension ReportBuilder {
    /// For each row of `ids`, its row in `reference` (or -1): directly when both columns are
    /// the same, by binary search when `reference` is sorted (stage outputs keyed by customer
    /// are), else through a dictionary.
    static func align(_ ids: StringBuffer, to reference: StringBuffer) -> [Int] {
        if ids == reference { return Array(0..<ids.count) }
        if isSorted(reference) {
            return ParallelBlocks.map(count: ids.count, block: 65_536) { range in
                range.map { row in find(ids, row, in: reference) }
            }.flatMap { $0 }
        }
        var index = [String: Int](minimumCapacity: reference.count)
        for row in 0..<reference.count { index[reference[row]] = row }
        return (0..<ids.count).map { index[ids[$0]] ?? -1 }
    }

    /// Byte order of row `i` of `a` against row `j` of `b`: negative, zero or positive.
    static func compare(_ a: StringBuffer, _ i: Int, _ b: StringBuffer, _ j: Int) -> Int {
        let (x, y) = (a.range(i), b.range(j))
        let common = min(x.count, y.count)
        let c = a.bytes.withUnsafeBufferPointer { pa in
            b.bytes.withUnsafeBufferPointer { pb in
                common == 0 ? 0 : memcmp(pa.baseAddress! + x.lowerBound, pb.baseAddress! + y.lowerBound, common)
            }
        }
        return c != 0 ? Int(c) : x.count - y.count
    }

    static func isSorted(_ s: StringBuffer) -> Bool {
        s.count < 2 || (1..<s.count).allSatisfy { compare(s, $0 - 1, s, $0) < 0 }
    }

    /// Row of `ids[row]` in the strictly sorted `reference`, or -1.
    static func find(_ ids: StringBuffer, _ row: Int, in reference: StringBuffer) -> Int {
        var (low, high) = (0, reference.count)
        while low < high {
            let mid = (low + high) / 2
            let c = compare(reference, mid, ids, row)
            if c == 0 { return mid }
            if c < 0 { low = mid + 1 } else { high = mid }
        }
        return -1
    }
}

/// One column of `customers.csv`, written straight into bytes: the value of the base row's
/// match in its stage's table (`rows[i] < 0`: no match, an empty cell).
enum CSVCell: Sendable {
    case text(StringBuffer, rows: [Int]?)
    case integer([Int64], rows: [Int]?)
    case fixed([Double], digits: Int, validity: [Bool]?, rows: [Int]?)
    /// `values[i]` with `digits` decimals where `counts[i] > 0`.
    case meanOf([Double], counts: [Int64], digits: Int, rows: [Int]?)

    func write(_ row: Int, into out: inout [UInt8]) {
        func at(_ rows: [Int]?) -> Int { rows.map { $0[row] } ?? row }
        switch self {
        case .text(let s, let rows):
            let r = at(rows)
            guard r >= 0 else { return }
            CSVCell.appendField(s, r, into: &out)
        case .integer(let v, let rows):
            let r = at(rows)
            guard r >= 0 else { return }
            CSVCell.appendInteger(v[r], into: &out)
        case .fixed(let v, let digits, let validity, let rows):
            let r = at(rows)
            guard r >= 0, validity?[r] ?? true else { return }
            CSVCell.appendFixed(v[r], digits, into: &out)
        case .meanOf(let v, let counts, let digits, let rows):
            let r = at(rows)
            guard r >= 0, counts[r] > 0 else { return }
            CSVCell.appendFixed(v[r], digits, into: &out)
        }
    }

    /// A string field, quoted when it holds a comma, quote or line break.
    static func appendField(_ s: StringBuffer, _ row: Int, into out: inout [UInt8]) {
        let range = s.range(row)
        let needsQuotes = s.bytes[range].contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }
        guard needsQuotes else { out += s.bytes[range]; return }
        out.append(UInt8(ascii: "\""))
        for b in s.bytes[range] {
            if b == UInt8(ascii: "\"") { out.append(b) }
            out.append(b)
        }
        out.append(UInt8(ascii: "\""))
    }

    static func appendInteger(_ v: Int64, into out: inout [UInt8]) {
        if v < 0 { out.append(UInt8(ascii: "-")) }
        appendDigits(v.magnitude, minimumDigits: 1, into: &out)
    }

    /// The decimal digits of `n`, zero-padded to `minimumDigits`, without a temporary array.
    static func appendDigits(_ n: UInt64, minimumDigits: Int, into out: inout [UInt8]) {
        let start = out.count
        var rest = n
        repeat {
            out.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        while out.count - start < minimumDigits { out.append(UInt8(ascii: "0")) }
        out[start...].reverse()
    }

    /// The bytes of `Format.fixed(x, digits)`.
    static func appendFixed(_ x: Double, _ digits: Int, into out: inout [UInt8]) {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(x) * scale).rounded(.toNearestOrAwayFromZero)
        guard x.isFinite, scaled < 9e18 else { out += Array(Format.fixed(x, digits).utf8); return }
        let n = UInt64(scaled)
        if x < 0 && n != 0 { out.append(UInt8(ascii: "-")) }
        appendInteger(Int64(n / UInt64(scale)), into: &out)
        if digits > 0 {
            out.append(UInt8(ascii: "."))
            appendDigits(n % UInt64(scale), minimumDigits: digits, into: &out)
        }
    }
}
