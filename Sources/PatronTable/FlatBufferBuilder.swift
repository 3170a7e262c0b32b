/// A minimal FlatBuffers serializer for the Arrow IPC metadata.
///
/// It writes front to back: a table's vtable precedes it, and everything a table refers to
/// follows it, so every unsigned offset points forward as the format requires. Scalars are
/// aligned to their size relative to the buffer start, which the IPC writer keeps 8-aligned.
struct FlatBufferBuilder {
    /// A value in a table's field slot.
    enum Field {
        case u8(UInt8)
        case bool(Bool)
        case i16(Int16)
        case i32(Int32)
        case i64(Int64)
        case object(Object)

        var size: Int {
            switch self {
            case .u8, .bool: 1
            case .i16: 2
            case .i32, .object: 4
            case .i64: 8
            }
        }
    }

    /// Something stored out of line and referenced by offset.
    indirect enum Object {
        /// Fields by id; `nil` leaves the field absent (its default).
        case table([Field?])
        case string(String)
        case tables([Object])
        /// A vector of fixed-size structs, already laid out little-endian.
        case structs(bytes: [UInt8], count: Int)
    }

    private(set) var bytes: [UInt8] = []

    /// Serializes `root` and returns the finished buffer, padded to 8 bytes.
    static func serialize(_ root: Object) -> [UInt8] {
        var builder = FlatBufferBuilder()
        builder.put(UInt32(0))
        let position = builder.write(root)
        builder.patch(at: 0, to: position)
        builder.align(8)
        return builder.bytes
    }

    private mutating func align(_ n: Int) {
        while bytes.count % n != 0 { bytes.append(0) }
    }

    private mutating func put<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    private mutating func set<T: FixedWidthInteger>(_ value: T, at position: Int) {
        withUnsafeBytes(of: value.littleEndian) { raw in
            for (i, b) in raw.enumerated() { bytes[position + i] = b }
        }
    }

    /// Points the uoffset slot at `slot` to `target`.
    private mutating func patch(at slot: Int, to target: Int) {
        set(UInt32(target - slot), at: slot)
    }

    /// Writes `object` and everything it refers to; returns its position.
    private mutating func write(_ object: Object) -> Int {
        switch object {
        case .string(let string):
            align(4)
            let position = bytes.count
            let utf8 = Array(string.utf8)
            put(UInt32(utf8.count))
            bytes.append(contentsOf: utf8)
            bytes.append(0)
            return position
        case .structs(let raw, let count):
            // Elements must be 8-aligned; the length word sits just before them.
            align(8)
            bytes.append(contentsOf: [0, 0, 0, 0])
            let position = bytes.count
            put(UInt32(count))
            bytes.append(contentsOf: raw)
            return position
        case .tables(let elements):
            align(4)
            let position = bytes.count
            put(UInt32(elements.count))
            let slots = elements.indices.map { position + 4 + 4 * $0 }
            for _ in elements { put(UInt32(0)) }
            for (slot, element) in zip(slots, elements) {
                let target = write(element)
                patch(at: slot, to: target)
            }
            return position
        case .table(let fields):
            return writeTable(fields)
        }
    }

    private mutating func writeTable(_ fields: [Field?]) -> Int {
        // Lay out inline fields after the 4-byte vtable offset, largest first.
        var layout = [Int](repeating: 0, count: fields.count)
        var offset = 4
        let order = fields.indices.filter { fields[$0] != nil }.sorted {
            (fields[$0]!.size, -$0) > (fields[$1]!.size, -$1)
        }
        for id in order {
            let size = fields[id]!.size
            offset = (offset + size - 1) / size * size
            layout[id] = offset
            offset += size
        }
        let tableSize = (offset + 3) / 4 * 4

        align(2)
        let vtable = bytes.count
        put(UInt16(4 + 2 * fields.count))
        put(UInt16(tableSize))
        for id in fields.indices { put(UInt16(fields[id] == nil ? 0 : layout[id])) }

        align(8)
        let table = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: tableSize))
        set(Int32(table - vtable), at: table)
        var pending: [(slot: Int, object: Object)] = []
        for id in order {
            let slot = table + layout[id]
            switch fields[id]! {
            case .u8(let v): set(v, at: slot)
            case .bool(let v): set(UInt8(v ? 1 : 0), at: slot)
            case .i16(let v): set(v, at: slot)
            case .i32(let v): set(v, at: slot)
            case .i64(let v): set(v, at: slot)
            case .object(let o): pending.append((slot, o))
            }
        }
        for (slot, object) in pending.sorted(by: { $0.slot < $1.slot }) {
            let target = write(object)
            patch(at: slot, to: target)
        }
        return table
    }
}
