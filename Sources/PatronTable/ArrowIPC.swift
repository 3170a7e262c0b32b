import Foundation

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
        var out = magic + [0, 0]
        let schema = schemaObject(table, metadata: metadata)

        let schemaBlock = appendMessage(&out, header: (1, schema), bodyLength: 0)
        _ = schemaBlock
        let (nodes, buffers, body) = recordBatchBody(table)
        let batch = FlatBufferBuilder.Object.table([
            .i64(Int64(table.rowCount)),
            .object(.structs(bytes: nodes, count: table.columnCount)),
            .object(.structs(bytes: buffers, count: buffers.count / 16)),
        ])
        let batchStart = out.count
        let batchMeta = appendMessage(&out, header: (3, batch), bodyLength: body.count)
        out.append(contentsOf: body)

        var block = [UInt8]()
        appendLE(&block, Int64(batchStart))
        appendLE(&block, Int32(batchMeta))
        appendLE(&block, Int32(0))
        appendLE(&block, Int64(body.count))
        let footer = FlatBufferBuilder.serialize(.table([
            .i16(4),  // MetadataVersion.V5
            .object(schema),
            .object(.structs(bytes: [], count: 0)),
            .object(.structs(bytes: block, count: 1)),
        ]))
        out.append(contentsOf: footer)
        appendLE(&out, Int32(footer.count))
        out.append(contentsOf: magic)
        return out
    }

    /// Writes the table to `path` (not atomically; the cache renames finished entries).
    public static func write(_ table: Table, to path: String, metadata: [String: String] = [:]) throws {
        try Data(encode(table, metadata: metadata)).write(to: URL(fileURLWithPath: path))
    }

    private static func appendLE<T: FixedWidthInteger>(_ out: inout [UInt8], _ value: T) {
        withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
    }

    /// Appends an encapsulated message; returns its metadata length (prefix + flatbuffer).
    private static func appendMessage(
        _ out: inout [UInt8], header: (type: UInt8, object: FlatBufferBuilder.Object), bodyLength: Int
    ) -> Int {
        let message = FlatBufferBuilder.serialize(.table([
            .i16(4), .u8(header.type), .object(header.object), .i64(Int64(bodyLength)),
        ]))
        appendLE(&out, UInt32(0xFFFF_FFFF))
        appendLE(&out, Int32(message.count))
        out.append(contentsOf: message)
        return 8 + message.count
    }

    private static func schemaObject(_ table: Table, metadata: [String: String]) -> FlatBufferBuilder.Object {
        let fields: [FlatBufferBuilder.Object] = zip(table.names, table.columns).map { name, column in
            let (typeID, typeObject): (UInt8, FlatBufferBuilder.Object) =
                switch column.type {
                case .int: (2, .table([.i32(64), .bool(true)]))
                case .decimal: (3, .table([.i16(2)]))
                case .date: (8, .table([.i16(0)]))
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

    /// Field nodes, buffer descriptors and the body of the one record batch.
    private static func recordBatchBody(_ table: Table) -> (nodes: [UInt8], buffers: [UInt8], body: [UInt8]) {
        var nodes = [UInt8](), buffers = [UInt8](), body = [UInt8]()
        func addBuffer(_ append: (inout [UInt8]) -> Void) {
            let start = body.count
            append(&body)
            appendLE(&buffers, Int64(start))
            appendLE(&buffers, Int64(body.count - start))
            while body.count % 8 != 0 { body.append(0) }
        }
        func addBits(_ flags: [Bool]) {
            addBuffer { out in
                var byte: UInt8 = 0
                for (i, flag) in flags.enumerated() {
                    if flag { byte |= 1 << UInt8(i & 7) }
                    if i & 7 == 7 { out.append(byte); byte = 0 }
                }
                if flags.count & 7 != 0 { out.append(byte) }
            }
        }
        func addValues<T>(_ values: [T]) {
            addBuffer { out in values.withUnsafeBytes { out.append(contentsOf: $0) } }
        }
        for column in table.columns {
            appendLE(&nodes, Int64(column.count))
            appendLE(&nodes, Int64(column.nullCount))
            if let validity = column.validity { addBits(validity) } else { addBuffer { _ in } }
            switch column.storage {
            case .int(let v): addValues(v)
            case .decimal(let v): addValues(v)
            case .date(let v): addValues(v)
            case .bool(let v): addBits(v)
            case .string(let s):
                addValues(s.offsets)
                addValues(s.bytes)
            }
        }
        return (nodes, buffers, body)
    }
}
