import Foundation
import PatronSupport

/// Reads and writes tables in the Arrow IPC *file* format (uncompressed, one schema, little
/// endian), so every cached intermediate opens in pyarrow, polars and DuckDB.
///
/// Column types map to Arrow as: int → int64, decimal → float64, date → date32[day],
/// bool → bool, string and text → utf8 (field metadata `patron.type` keeps `text`).
///
/// ```swift
/// let bytes = ArrowIPC.encode(table)
/// let back = try ArrowIPC.decode(bytes)   // back == table
/// ```
public enum ArrowIPC {
    static let magic: [UInt8] = Array("ARROW1".utf8)
    static let typeKey = "patron.type"

    // MARK: Writing

    /// The table as the bytes of an Arrow IPC file.
    public static func encode(_ table: Table, metadata: [String: String] = [:]) -> [UInt8] {
        var sink = ByteSink()
        write(table, metadata: metadata, to: &sink)
        return sink.bytes
    }

    /// Writes the table to `path` front to back (`SequentialFile`: direct I/O where the file
    /// system takes it); not atomically — the cache writes to a temporary folder and renames
    /// it. `observe` sees the file's bytes once, in order (the cache checksums them so).
    public static func write(
        _ table: Table, to path: String, metadata: [String: String] = [:],
        observe: ((UnsafeRawBufferPointer) -> Void)? = nil
    ) throws {
        try write(table, to: path, metadata: metadata, direct: true, observe: observe)
    }

    static func write(
        _ table: Table, to path: String, metadata: [String: String], direct: Bool,
        observe: ((UnsafeRawBufferPointer) -> Void)?
    ) throws {
        var file = try SequentialFile(path: path, direct: direct, observe: observe)
        write(table, metadata: metadata, to: &file)
        if let failure = file.failure {
            file.abandon()
            throw failure
        }
        try file.finish()
    }

    static func write<S: ArrowSink>(_ table: Table, metadata: [String: String], to sink: inout S) {
        let (head, layout) = prologue(table, metadata: metadata)
        sink.put(head.bytes)
        writeBody(table, to: &sink)
        sink.put(
            epilogue(
                schema: schemaObject(table, metadata: metadata), batchStart: head.batchStart,
                batchMetaLength: head.batchMetaLength, bodyLength: layout.bodyLength))
    }

    /// Magic, schema message and record batch metadata: everything before the body.
    private static func prologue(
        _ table: Table, metadata: [String: String]
    )
        -> (
            head: (bytes: [UInt8], batchStart: Int, batchMetaLength: Int),
            layout: (buffers: [(Int, Int)], bodyLength: Int)
        )
    {
        var out = magic + [0, 0]
        out += message(header: (1, schemaObject(table, metadata: metadata)), bodyLength: 0)
        let layout = bufferLayout(table)
        var nodes = [UInt8](), buffers = [UInt8]()
        for column in table.columns {
            appendLE(&nodes, Int64(column.count))
            appendLE(&nodes, Int64(column.nullCount))
        }
        for (offset, length) in layout.buffers {
            appendLE(&buffers, Int64(offset))
            appendLE(&buffers, Int64(length))
        }
        let batch = FlatBufferBuilder.Object.table([
            .i64(Int64(table.rowCount)),
            .object(.structs(bytes: nodes, count: table.columnCount)),
            .object(.structs(bytes: buffers, count: layout.buffers.count)),
        ])
        let batchStart = out.count
        let batchMessage = message(header: (3, batch), bodyLength: layout.bodyLength)
        out += batchMessage
        return ((out, batchStart, batchMessage.count), layout)
    }

    /// The footer (schema and the batch's block), its length and the closing magic.
    private static func epilogue(
        schema: FlatBufferBuilder.Object, batchStart: Int, batchMetaLength: Int, bodyLength: Int
    ) -> [UInt8] {
        var block = [UInt8]()
        appendLE(&block, Int64(batchStart))
        appendLE(&block, Int32(batchMetaLength))
        appendLE(&block, Int32(0))
        appendLE(&block, Int64(bodyLength))
        let footer = FlatBufferBuilder.serialize(
            .table([
                .i16(4),  // MetadataVersion.V5
                .object(schema),
                .object(.structs(bytes: [], count: 0)),
                .object(.structs(bytes: block, count: 1)),
            ]))
        var tail = footer
        appendLE(&tail, Int32(footer.count))
        return tail + magic
    }

    /// An encapsulated message: continuation marker, length, flatbuffer (padded to 8).
    private static func message(header: (type: UInt8, object: FlatBufferBuilder.Object), bodyLength: Int) -> [UInt8] {
        let flatbuffer = FlatBufferBuilder.serialize(
            .table([
                .i16(4), .u8(header.type), .object(header.object), .i64(Int64(bodyLength)),
            ]))
        var out = [UInt8]()
        appendLE(&out, UInt32(0xFFFF_FFFF))
        appendLE(&out, Int32(flatbuffer.count))
        return out + flatbuffer
    }

    private static func padded(_ n: Int) -> Int { (n + 7) / 8 * 8 }

    /// Byte sizes of each column's buffers, in body order.
    private static func bufferSizes(_ column: Column) -> [Int] {
        let bitmap = (column.count + 7) / 8
        let validity = column.validity == nil ? 0 : bitmap
        switch column.storage {
        case .int(let v): return [validity, v.count * 8]
        case .decimal(let v): return [validity, v.count * 8]
        case .date(let v): return [validity, v.count * 4]
        case .datetime(let v, _): return [validity, v.count * 8]
        case .bool: return [validity, bitmap]
        case .string(let s): return [validity, s.offsets.count * 4, s.bytes.count]
        }
    }

    private static func bufferLayout(_ table: Table) -> (buffers: [(Int, Int)], bodyLength: Int) {
        var buffers = [(Int, Int)]()
        var offset = 0
        for column in table.columns {
            for size in bufferSizes(column) {
                buffers.append((offset, size))
                offset += padded(size)
            }
        }
        return (buffers, offset)
    }

    /// One body buffer: hands its bytes to a writer. In body order, these line up with
    /// `bufferLayout` (an absent validity bitmap is an empty buffer).
    struct BodyBuffer: Sendable {
        let withBytes: @Sendable ((UnsafeRawBufferPointer) throws -> Void) throws -> Void
    }

    private static func bodyBuffers(_ table: Table) -> [BodyBuffer] {
        var buffers = [BodyBuffer]()
        func values<T: Sendable>(_ array: [T]) { buffers.append(BodyBuffer { try array.withUnsafeBytes($0) }) }
        func bits(_ flags: [Bool]) { buffers.append(BodyBuffer { try packBits(flags).withUnsafeBytes($0) }) }
        for column in table.columns {
            if let validity = column.validity {
                bits(validity)
            } else {
                buffers.append(BodyBuffer { try $0(UnsafeRawBufferPointer(start: nil, count: 0)) })
            }
            switch column.storage {
            case .int(let v): values(v)
            case .decimal(let v): values(v)
            case .date(let v): values(v)
            case .datetime(let v, _): values(v)
            case .bool(let v): bits(v)
            case .string(let s):
                values(s.offsets)
                values(s.bytes)
            }
        }
        precondition(buffers.count == bufferLayout(table).buffers.count, "Arrow body buffers and layout disagree")
        return buffers
    }

    static func packBits(_ flags: [Bool]) -> [UInt8] {
        var packed = [UInt8](repeating: 0, count: (flags.count + 7) / 8)
        flags.withUnsafeBufferPointer { f in
            for i in 0..<f.count where f[i] { packed[i >> 3] |= 1 << UInt8(i & 7) }
        }
        return packed
    }

    private static func writeBody<S: ArrowSink>(_ table: Table, to sink: inout S) {
        let zeros = [UInt8](repeating: 0, count: 8)
        for buffer in bodyBuffers(table) {
            try! buffer.withBytes { bytes in
                sink.put(bytes)
                if padded(bytes.count) > bytes.count { sink.put(zeros[0..<(padded(bytes.count) - bytes.count)]) }
            }
        }
    }

    private static func appendLE<T: FixedWidthInteger>(_ out: inout [UInt8], _ value: T) {
        withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
    }

    private static func schemaObject(_ table: Table, metadata: [String: String]) -> FlatBufferBuilder.Object {
        let fields: [FlatBufferBuilder.Object] = zip(table.names, table.columns).map { name, column in
            let (typeID, typeObject): (UInt8, FlatBufferBuilder.Object) =
                switch column.type {
                case .int: (2, .table([.i32(64), .bool(true)]))
                case .decimal: (3, .table([.i16(2)]))
                case .date: (8, .table([.i16(0)]))
                case .datetime:
                    // timestamp[us], with the time zone UTC when the values are UTC (else naive).
                    if case .datetime(_, true) = column.storage {
                        (10, .table([.i16(2), .object(.string("UTC"))]))
                    } else {
                        (10, .table([.i16(2)]))
                    }
                case .bool: (6, .table([]))
                case .string, .text: (5, .table([]))
                }
            return .table([
                .object(.string(name)), .bool(true), .u8(typeID), .object(typeObject), nil,
                .object(.tables([])),
                .object(.tables([keyValue(typeKey, column.type.rawValue)])),
            ])
        }
        let meta = metadata.sorted { $0.key < $1.key }.map { keyValue($0.key, $0.value) }
        return .table([.i16(0), .object(.tables(fields)), .object(.tables(meta))])
    }

    private static func keyValue(_ key: String, _ value: String) -> FlatBufferBuilder.Object {
        .table([.object(.string(key)), .object(.string(value))])
    }
}
