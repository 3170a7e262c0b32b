import Foundation
import PatronSupport

/// A file that is not a readable Arrow IPC file, and why.
public struct ArrowFormatError: Error, CustomStringConvertible {
    /// What is wrong, in words.
    public let reason: String
    /// The reason, as an error message.
    public var description: String { "not a readable Arrow IPC file: \(reason)" }
}

extension ArrowIPC {
    /// Reads an Arrow IPC file from `path`.
    /// - Parameter columns: decode only these columns (in the file's order); nil, or a name the
    ///   file does not have, decodes all of them (so a reader's "no such column" error can
    ///   list what there is).
    /// - Parameter rows: decode only the first `rows` rows (a preview reads a few kilobytes of
    ///   a large file, not all of it).
    /// - Parameter at: decode only these rows, in this order (a few comments out of millions).
    public static func read(
        path: String, columns: Set<String>? = nil, rows: Int? = nil, at picked: [Int]? = nil
    ) throws -> Table {
        // Mapped, not read: each buffer is copied once, straight into its column, and its
        // pages are handed back as soon as it is (so a table read costs its columns, not
        // its columns and the file).
        let file: MappedFile
        do { file = try MappedFile(path: path, random: rows != nil || picked != nil) } catch {
            throw ArrowFormatError(reason: String(describing: error))
        }
        do {
            return try file.data.withUnsafeBytes {
                try decode(raw: $0, columns: columns, rows: rows, at: picked, release: file.release)
            }
        } catch let error as ArrowFormatError {
            throw ArrowFormatError(reason: "\(path): \(error.reason)")
        }
    }

    /// Reads the table from the bytes of an Arrow IPC file. Batches are joined in order.
    public static func decode(_ bytes: [UInt8]) throws -> Table {
        try bytes.withUnsafeBytes { try decode(raw: $0) }
    }

    package static func decode(
        raw bytes: UnsafeRawBufferPointer, columns: Set<String>? = nil, rows: Int? = nil, at picked: [Int]? = nil,
        release: (Range<Int>) -> Void = { _ in }
    ) throws -> Table {
        func fail(_ reason: String) -> ArrowFormatError { ArrowFormatError(reason: reason) }
        guard bytes.count >= 18, Array(bytes[0..<6]) == magic, Array(bytes[(bytes.count - 6)..<bytes.count]) == magic
        else {
            throw fail("missing ARROW1 magic (is it an Arrow stream or Feather v1 file?)")
        }
        let whole = FlatBufferReader(bytes: bytes, base: 0, end: bytes.count)
        do {
            let footerLength = Int(try whole.load(Int32.self, at: bytes.count - 10))
            let footerStart = bytes.count - 10 - footerLength
            guard footerLength > 0, footerStart >= 8 else { throw fail("bad footer length") }
            let footer = try FlatBufferReader(bytes: bytes, base: footerStart, end: bytes.count - 10).root()
            guard let schema = try footer.table(1) else { throw fail("footer has no schema") }
            let fields = try schema.tables(1).map(readField)
            let wanted: Set<String>? = columns.flatMap { c in c.isSubset(of: Set(fields.map(\.name))) ? c : nil }
            let (blockStart, blockCount) = try footer.vector(3)
            var batches = [Table]()
            var remaining = max(0, rows ?? Int.max)
            var batchStart = 0  // the first row of the batch, for `picked`
            var pickedOrder = [Int]()  // positions in `picked` of the rows gathered so far
            for i in 0..<blockCount where remaining > 0 || batches.isEmpty {
                let p = blockStart + 24 * i
                let offset = Int(try whole.load(Int64.self, at: p))
                let metaLength = Int(try whole.load(Int32.self, at: p + 8))
                let bodyLength = Int(try whole.load(Int64.self, at: p + 16))
                guard offset >= 0, offset < bytes.count, metaLength >= 0, bodyLength >= 0,
                    bodyLength <= bytes.count
                else { throw fail("a record batch's position or size is out of range") }
                let length = try batchLength(bytes, offset: offset)
                var local: [Int]? = nil
                if let picked {
                    let mine = picked.indices.filter { picked[$0] >= batchStart && picked[$0] < batchStart + length }
                    pickedOrder += mine
                    local = mine.map { picked[$0] - batchStart }
                }
                batchStart += length
                let batch = try readBatch(
                    bytes, offset: offset, metaLength: metaLength,
                    bodyLength: bodyLength, fields: fields, wanted: wanted, limit: remaining, pick: local,
                    release: release)
                remaining -= picked == nil ? batch.rowCount : 0
                batches.append(batch)
            }
            if let picked {
                guard pickedOrder.count == picked.count else { throw fail("a picked row is past the end of the table") }
                let joined = try Table.concatenate(batches)
                // Back into the order asked for.
                var position = [Int](repeating: 0, count: picked.count)
                for (k, p) in pickedOrder.enumerated() { position[p] = k }
                return try Table(names: joined.names, columns: joined.columns.map { $0.gathering(position) })
            }
            if batches.isEmpty {
                let kept = fields.filter { wanted?.contains($0.name) ?? true }
                return try Table(names: kept.map(\.name), columns: kept.map { emptyColumn($0.type) })
            }
            return try Table.concatenate(batches)
        } catch is FlatBufferReader.Invalid {
            throw fail("metadata points outside the file")
        }
    }

    struct FieldInfo {
        var name: String
        var type: ColumnType
        /// Arrow type id and its parameters, to decode the buffers.
        var arrowType: UInt8
        var bitWidth: Int
        var signed: Bool
        var unit: Int16
        /// A timestamp with a time zone: its values are UTC.
        var utc = false
    }

    private static func readField(_ field: FlatBufferReader.TableRef) throws -> FieldInfo {
        let name = try field.string(0) ?? ""
        let typeID: UInt8 = try field.scalar(2, default: 0)
        let typeTable = try field.table(3)
        var declared: ColumnType? = nil
        for kv in try field.tables(6) where try kv.string(0) == typeKey {
            declared = ColumnType(rawValue: try kv.string(1) ?? "")
        }
        var info = FieldInfo(name: name, type: .string, arrowType: typeID, bitWidth: 64, signed: true, unit: 0)
        switch typeID {
        case 2:
            info.bitWidth = Int(try typeTable?.scalar(0, default: Int32(64)) ?? 64)
            info.signed = (try typeTable?.scalar(1, default: UInt8(0)) ?? 0) != 0
            guard [8, 16, 32, 64].contains(info.bitWidth), info.signed || info.bitWidth < 64 else {
                throw ArrowFormatError(reason: "column '\(name)': unsigned 64-bit integers are not supported")
            }
            info.type = .int
        case 3:
            let precision: Int16 = try typeTable?.scalar(0, default: 0) ?? 0
            guard precision == 1 || precision == 2 else {
                throw ArrowFormatError(reason: "column '\(name)': half-precision floats are not supported")
            }
            info.bitWidth = precision == 2 ? 64 : 32
            info.type = .decimal
        case 5, 20:
            info.type = declared == .text ? .text : .string
        case 6: info.type = .bool
        case 8:
            info.unit = try typeTable?.scalar(0, default: Int16(1)) ?? 1
            info.type = .date
        case 10:
            info.unit = try typeTable?.scalar(0, default: Int16(0)) ?? 0
            guard (0...3).contains(info.unit) else {
                throw ArrowFormatError(reason: "column '\(name)' has a timestamp unit Patron does not know")
            }
            info.utc = try typeTable?.string(1) != nil
            info.type = .datetime
        default:
            throw ArrowFormatError(
                reason:
                    "column '\(name)' has Arrow type \(typeID), which Patron does not read (it reads ints, floats, utf8, bool and date)"
            )
        }
        if try field.table(4) != nil {
            throw ArrowFormatError(
                reason: "column '\(name)' is dictionary-encoded; decode it before handing it to Patron")
        }
        return info
    }

    private static func emptyColumn(_ type: ColumnType) -> Column {
        switch type {
        case .int: .int([])
        case .decimal: .decimal([])
        case .date: .date([])
        case .datetime: .datetime([])
        case .bool: .bool([])
        case .string, .text: Column(type: type, storage: .string(StringBuffer()))
        }
    }

    /// Rows in the record batch whose message starts at `offset`.
    private static func batchLength(_ bytes: UnsafeRawBufferPointer, offset: Int) throws -> Int {
        let reader = FlatBufferReader(bytes: bytes, base: 0, end: bytes.count)
        var metaStart = offset + 4
        var length = Int(try reader.load(Int32.self, at: offset))
        if try reader.load(UInt32.self, at: offset) == 0xFFFF_FFFF {
            metaStart = offset + 8
            length = Int(try reader.load(Int32.self, at: offset + 4))
        }
        guard length >= 0, metaStart + length <= bytes.count else {
            throw ArrowFormatError(reason: "a record batch's metadata runs past the end")
        }
        let message = try FlatBufferReader(bytes: bytes, base: metaStart, end: metaStart + length).root()
        guard let batch = try message.table(2) else {
            throw ArrowFormatError(reason: "expected a record batch message")
        }
        let rows = try batch.scalar(0, default: Int64(0))
        guard rows >= 0, rows <= Int64(bytes.count) * 8 else {
            throw ArrowFormatError(reason: "a record batch claims \(rows) rows")
        }
        return Int(rows)
    }

    private static func readBatch(
        _ bytes: UnsafeRawBufferPointer, offset: Int, metaLength: Int, bodyLength: Int, fields: [FieldInfo],
        wanted: Set<String>?,
        limit: Int = .max, pick: [Int]? = nil, release: (Range<Int>) -> Void = { _ in }
    ) throws -> Table {
        let reader = FlatBufferReader(bytes: bytes, base: 0, end: bytes.count)
        var metaStart = offset + 4
        if try reader.load(UInt32.self, at: offset) == 0xFFFF_FFFF { metaStart = offset + 8 }
        let messageEnd = offset + metaLength
        guard metaStart <= messageEnd, messageEnd + bodyLength <= bytes.count else {
            throw ArrowFormatError(reason: "record batch runs past the end")
        }
        let message = try FlatBufferReader(bytes: bytes, base: metaStart, end: messageEnd).root()
        guard try message.scalar(1, default: UInt8(0)) == 3, let batch = try message.table(2) else {
            throw ArrowFormatError(reason: "expected a record batch message")
        }
        if try batch.table(3) != nil {
            throw ArrowFormatError(reason: "the file is compressed; write it with compression=None")
        }
        let rows = try batch.scalar(0, default: Int64(0))
        guard rows >= 0, rows <= Int64(bytes.count) * 8 else {
            throw ArrowFormatError(reason: "a record batch claims \(rows) rows")
        }
        let length = Int(rows)
        let (nodesStart, nodeCount) = try batch.vector(1)
        let (buffersStart, bufferCount) = try batch.vector(2)
        guard nodeCount == fields.count else { throw ArrowFormatError(reason: "nested columns are not supported") }
        let body = messageEnd
        var bufferIndex = 0
        // The bytes the current column's buffers span, released once the column is built.
        var columnSpan: Range<Int>? = nil
        func nextBuffer() throws -> Range<Int> {
            guard bufferIndex < bufferCount else { throw ArrowFormatError(reason: "too few buffers") }
            let p = buffersStart + 16 * bufferIndex
            bufferIndex += 1
            let relative = try reader.load(Int64.self, at: p)
            let size = try reader.load(Int64.self, at: p + 8)
            guard relative >= 0, size >= 0, relative <= Int64(bodyLength), size <= Int64(bodyLength) - relative else {
                throw ArrowFormatError(reason: "buffer outside the body")
            }
            let start = body + Int(relative)
            let count = Int(size)
            guard start + count <= body + bodyLength else {
                throw ArrowFormatError(reason: "buffer outside the body")
            }
            columnSpan =
                columnSpan.map { min($0.lowerBound, start)..<max($0.upperBound, start + count) }
                ?? start..<(start + count)
            return start..<(start + count)
        }
        func bits(_ range: Range<Int>, _ n: Int) throws -> [Bool] {
            if let pick {
                guard range.count * 8 >= length else { throw ArrowFormatError(reason: "bitmap too short") }
                return pick.map { bytes[range.lowerBound + $0 >> 3] & (1 << UInt8($0 & 7)) != 0 }
            }
            guard range.count * 8 >= n else { throw ArrowFormatError(reason: "bitmap too short") }
            return (0..<n).map { bytes[range.lowerBound + $0 >> 3] & (1 << UInt8($0 & 7)) != 0 }
        }
        func values<T: FixedWidthInteger>(
            _ range: Range<Int>, _ n: Int, as _: T.Type, offsets: Bool = false
        ) throws -> [T] {
            if let pick {
                // Gathered rows; a string column's offsets become each row's (start, end).
                let count = offsets ? length + 1 : length
                guard range.count >= count * MemoryLayout<T>.size else {
                    throw ArrowFormatError(reason: "value buffer too short")
                }
                let at = offsets ? pick.flatMap { [$0, $0 + 1] } : pick
                return at.map {
                    bytes.loadUnaligned(fromByteOffset: range.lowerBound + $0 * MemoryLayout<T>.size, as: T.self)
                }
            }
            guard range.count >= n * MemoryLayout<T>.size else {
                throw ArrowFormatError(reason: "value buffer too short")
            }
            // Little-endian files on a little-endian machine: one copy of the whole buffer.
            return [T](unsafeUninitializedCapacity: n) { out, count in
                UnsafeMutableRawBufferPointer(out).copyMemory(
                    from: UnsafeRawBufferPointer(
                        rebasing: bytes[range.lowerBound..<(range.lowerBound + n * MemoryLayout<T>.size)]))
                count = n
            }
        }

        var table = Table()
        for (i, field) in fields.enumerated() {
            defer {
                if let span = columnSpan { release(span) }
                columnSpan = nil
            }
            let stored = Int(try reader.load(Int64.self, at: nodesStart + 16 * i))
            guard stored == length else {
                throw ArrowFormatError(reason: "column '\(field.name)' length differs from the batch")
            }
            let nulls = Int(try reader.load(Int64.self, at: nodesStart + 16 * i + 8))
            let n = pick?.count ?? min(stored, limit)  // a prefix: every buffer's values start at row 0
            if let wanted, !wanted.contains(field.name) {
                // Skipped: step over its buffers (validity, values, and a string's characters).
                _ = try nextBuffer()
                _ = try nextBuffer()
                if ![2, 3, 6, 8, 10].contains(field.arrowType) { _ = try nextBuffer() }
                continue
            }
            let validityRange = try nextBuffer()
            let validity: [Bool]? = nulls > 0 && !validityRange.isEmpty ? try bits(validityRange, n) : nil
            let dataRange = try nextBuffer()
            let storage: Column.Storage
            switch field.arrowType {
            case 2:
                let ints: [Int64] =
                    switch (field.bitWidth, field.signed) {
                    case (8, true): try values(dataRange, n, as: Int8.self).map { Int64($0) }
                    case (16, true): try values(dataRange, n, as: Int16.self).map { Int64($0) }
                    case (32, true): try values(dataRange, n, as: Int32.self).map { Int64($0) }
                    case (8, false): try values(dataRange, n, as: UInt8.self).map { Int64($0) }
                    case (16, false): try values(dataRange, n, as: UInt16.self).map { Int64($0) }
                    case (32, false): try values(dataRange, n, as: UInt32.self).map { Int64($0) }
                    default: try values(dataRange, n, as: Int64.self)
                    }
                storage = .int(ints)
            case 3:
                storage =
                    field.bitWidth == 64
                    ? .decimal(try values(dataRange, n, as: UInt64.self).map { Double(bitPattern: $0) })
                    : .decimal(try values(dataRange, n, as: UInt32.self).map { Double(Float(bitPattern: $0)) })
            case 6:
                storage = .bool(try bits(dataRange, n))
            case 8:
                storage =
                    field.unit == 0
                    ? .date(try values(dataRange, n, as: Int32.self))
                    : .date(
                        try values(dataRange, n, as: Int64.self).map { ms throws(ArrowFormatError) in
                            // Milliseconds to days, floored; a day Int32 cannot hold is damage.
                            let days = ms / 86_400_000 - (ms % 86_400_000 < 0 ? 1 : 0)
                            guard let day = Int32(exactly: days) else {
                                throw ArrowFormatError(reason: "column '\(field.name)' has a date out of range")
                            }
                            return day
                        })
            case 10:
                // To microseconds: seconds and milliseconds scaled up (a value past the range
                // is damage), nanoseconds floored.
                let scale: Int64 = [1_000_000, 1_000, 1, 1][Int(field.unit)]
                let raw = try values(dataRange, n, as: Int64.self)
                let micros: [Int64] =
                    field.unit == 3
                    ? raw.map { $0 >= 0 ? $0 / 1_000 : ($0 + 1) / 1_000 - 1 }
                    : try raw.map { value throws(ArrowFormatError) in
                        let (scaled, overflow) = value.multipliedReportingOverflow(by: scale)
                        guard !overflow else {
                            throw ArrowFormatError(reason: "column '\(field.name)' has a timestamp out of range")
                        }
                        return scaled
                    }
                storage = .datetime(micros, utc: field.utc)
            default:  // utf8 (5) or large utf8 (20)
                let offsets: [Int] =
                    field.arrowType == 5
                    ? try values(dataRange, n + 1, as: Int32.self, offsets: true).map { Int($0) }
                    : try values(dataRange, n + 1, as: Int64.self, offsets: true).map { Int($0) }
                let chars = try nextBuffer()
                if pick != nil {
                    // (start, end) pairs of the picked rows: copy just their characters.
                    var buffer = StringBuffer()
                    for k in 0..<n {
                        let (a, b) = (offsets[2 * k], offsets[2 * k + 1])
                        guard a >= 0, a <= b, b <= chars.count else {
                            throw ArrowFormatError(reason: "string offsets of '\(field.name)' are out of range")
                        }
                        buffer.append(
                            bytesOf: UnsafeBufferPointer(
                                start: bytes.baseAddress!.assumingMemoryBound(to: UInt8.self) + chars.lowerBound + a,
                                count: b - a))
                    }
                    try table.append(
                        field.name,
                        Column(type: field.type, storage: .string(buffer), validity: validity).normalizingNulls())
                    continue
                }
                let first = offsets.first ?? 0
                guard let last = offsets.last, first >= 0, last <= chars.count, first <= last,
                    zip(offsets, offsets.dropFirst()).allSatisfy({ $0 <= $1 })
                else {
                    throw ArrowFormatError(reason: "string offsets of '\(field.name)' are out of range")
                }
                guard last - first <= StringBuffer.maxBytes else {
                    throw ArrowFormatError(
                        reason:
                            "column '\(field.name)' holds \(last - first) bytes of text, more than the \(StringBuffer.maxBytes) (2 GiB) one text column of a Patron table holds"
                    )
                }
                storage = .string(
                    StringBuffer(
                        offsets: offsets.map { Int32($0 - first) },
                        bytes: Array(
                            UnsafeRawBufferPointer(
                                rebasing: bytes[(chars.lowerBound + first)..<(chars.lowerBound + last)]))))
            }
            try table.append(
                field.name, Column(type: field.type, storage: storage, validity: validity).normalizingNulls())
        }
        return table
    }
}
