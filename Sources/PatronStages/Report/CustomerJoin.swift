import Foundation
import PatronReport
import PatronTable

/// Per-customer tables joined on their ids, for `customers.csv` and breakdowns by group.
enum CustomerJoin {
    /// For each row of `ids`, its row in `reference` (or -1): directly when both columns are
    /// the same; by walking both in step when both are in strictly increasing byte order (as
    /// every per-customer table is); else through one hash grouping of both (linear, no
    /// String per row).
    static func align(_ ids: StringBuffer, to reference: StringBuffer) -> [Int] {
        if ids == reference { return Array(0..<ids.count) }
        if ids.isStrictlyIncreasing(), reference.isStrictlyIncreasing() {
            var at = [Int](repeating: -1, count: ids.count)
            var j = 0
            for row in 0..<ids.count {
                var order = 1
                while j < reference.count {
                    order = StringBuffer.compare(reference, j, ids, row)
                    if order >= 0 { break }
                    j += 1
                }
                if order == 0 { at[row] = j }
            }
            return at
        }
        // One grouping of both columns, reference first: an id's group starts at its
        // reference row when there is one (reference ids are unique: one row per customer).
        let both = Column.concatenate(
            [Column(type: .string, storage: .string(reference)), Column(type: .string, storage: .string(ids))],
            type: .string)
        let groups = GroupIndex([both])
        let n = reference.count
        return (0..<ids.count).map { row in
            let first = groups.firstRow[Int(groups.ids[n + row])]
            return first < n ? first : -1
        }
    }
}

/// The values of one column of `customers.csv`, written straight into bytes.
enum CSVCell: Sendable {
    case text(StringBuffer)
    case integer([Int64])
    case fixed([Double], digits: Int, validity: [Bool]?)
    /// `values[i]` with `digits` decimals where `counts[i] > 0`.
    case meanOf([Double], counts: [Int64], digits: Int)

    /// The cells of `rows` (through `map`: each row's row in these values, -1 for none, an
    /// empty cell), one after another, and where each ends: the switch on the kind of column
    /// happens once per block, not once per cell.
    func cells(_ rows: Range<Int>, map: [Int]?) -> (bytes: [UInt8], ends: [Int]) {
        var bytes = [UInt8]()
        bytes.reserveCapacity(rows.count * 8)
        var ends = [Int]()
        ends.reserveCapacity(rows.count)
        func each(_ body: (Int, inout [UInt8]) -> Void) {
            for row in rows {
                let r = map.map { $0[row] } ?? row
                if r >= 0 { body(r, &bytes) }
                ends.append(bytes.count)
            }
        }
        switch self {
        case .text(let s): each { r, out in CSVCell.appendField(s, r, into: &out) }
        case .integer(let v): each { r, out in Format.appendInteger(v[r], into: &out) }
        case .fixed(let v, let digits, let validity):
            each { r, out in if validity?[r] ?? true { CSVCell.appendFixed(v[r], digits, into: &out) } }
        case .meanOf(let v, let counts, let digits):
            each { r, out in if counts[r] > 0 { CSVCell.appendFixed(v[r], digits, into: &out) } }
        }
        return (bytes, ends)
    }

    /// A string field, quoted when it holds a comma, quote or line break.
    static func appendField(_ s: StringBuffer, _ row: Int, into out: inout [UInt8]) {
        let range = s.range(row)
        let needsQuotes = s.bytes[range].contains {
            $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13
        }
        guard needsQuotes else {
            out += s.bytes[range]
            return
        }
        out.append(UInt8(ascii: "\""))
        for b in s.bytes[range] {
            if b == UInt8(ascii: "\"") { out.append(b) }
            out.append(b)
        }
        out.append(UInt8(ascii: "\""))
    }
}

extension CSVCell {
    /// `Format.fixed`'s bytes, also for values it spells in words (NaN, ∞).
    static func appendFixed(_ x: Double, _ digits: Int, into out: inout [UInt8]) {
        if !Format.appendFixed(x, digits, into: &out) { out += Array(Format.fixed(x, digits).utf8) }
    }
}
