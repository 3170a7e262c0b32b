/// Reads FlatBuffers tables from a byte buffer, checking every access against its bounds.
struct FlatBufferReader {
    /// The whole file, borrowed for the length of a read (memory-mapped when read from disk).
    let bytes: UnsafeRawBufferPointer
    /// Start of the flatbuffer within `bytes`.
    let base: Int
    let end: Int

    struct Invalid: Error {}

    func load<T: FixedWidthInteger>(_: T.Type, at position: Int) throws -> T {
        guard position >= base, position + MemoryLayout<T>.size <= end else { throw Invalid() }
        return T(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: T.self))
    }

    func root() throws -> TableRef {
        TableRef(reader: self, position: base + Int(try load(UInt32.self, at: base)))
    }

    struct TableRef {
        let reader: FlatBufferReader
        let position: Int

        /// Absolute position of field `id`, or nil when absent.
        func field(_ id: Int) throws -> Int? {
            let vtable = position - Int(try reader.load(Int32.self, at: position))
            let vtableSize = Int(try reader.load(UInt16.self, at: vtable))
            let entry = 4 + 2 * id
            guard entry + 2 <= vtableSize else { return nil }
            let offset = Int(try reader.load(UInt16.self, at: vtable + entry))
            return offset == 0 ? nil : position + offset
        }

        func scalar<T: FixedWidthInteger>(_ id: Int, default value: T) throws -> T {
            guard let p = try field(id) else { return value }
            return try reader.load(T.self, at: p)
        }

        private func follow(_ id: Int) throws -> Int? {
            guard let p = try field(id) else { return nil }
            return p + Int(try reader.load(UInt32.self, at: p))
        }

        func table(_ id: Int) throws -> TableRef? {
            try follow(id).map { TableRef(reader: reader, position: $0) }
        }

        func string(_ id: Int) throws -> String? {
            guard let p = try follow(id) else { return nil }
            let count = Int(try reader.load(UInt32.self, at: p))
            guard p + 4 + count <= reader.end else { throw Invalid() }
            return String(
                decoding: UnsafeRawBufferPointer(rebasing: reader.bytes[(p + 4)..<(p + 4 + count)]), as: UTF8.self)
        }

        /// Elements of a vector of tables.
        func tables(_ id: Int) throws -> [TableRef] {
            guard let p = try follow(id) else { return [] }
            let count = Int(try reader.load(UInt32.self, at: p))
            // A count the buffer cannot hold is damage, not a reason to allocate.
            guard p + 4 + 4 * count <= reader.end else { throw Invalid() }
            return try (0..<count).map { i in
                let slot = p + 4 + 4 * i
                return TableRef(reader: reader, position: slot + Int(try reader.load(UInt32.self, at: slot)))
            }
        }

        /// Start and count of a vector of structs or scalars.
        func vector(_ id: Int) throws -> (start: Int, count: Int) {
            guard let p = try follow(id) else { return (0, 0) }
            let count = Int(try reader.load(UInt32.self, at: p))
            guard p + 4 + count <= reader.end else { throw Invalid() }
            return (p + 4, count)
        }
    }
}
