import Foundation
import Synchronization

extension Column {
    /// Joins columns of one type end to end, in order.
    package static func concatenate(_ parts: [Column], type: ColumnType) -> Column {
        let total = parts.reduce(0) { $0 + $1.count }
        var validity: [Bool]? = nil
        if parts.contains(where: { $0.validity != nil }) {
            var v = [Bool]()
            v.reserveCapacity(total)
            for part in parts {
                if let pv = part.validity {
                    v.append(contentsOf: pv)
                } else {
                    v.append(contentsOf: repeatElement(true, count: part.count))
                }
            }
            validity = v
        }
        func join<T>(_ extract: (Column) -> [T]) -> [T] {
            var out = [T]()
            out.reserveCapacity(total)
            for part in parts { out.append(contentsOf: extract(part)) }
            return out
        }
        let storage: Storage
        switch type {
        case .int: storage = .int(join { if case .int(let v) = $0.storage { v } else { [] } })
        case .decimal: storage = .decimal(join { if case .decimal(let v) = $0.storage { v } else { [] } })
        case .date: storage = .date(join { if case .date(let v) = $0.storage { v } else { [] } })
        case .datetime:
            // UTC when any part is: its naive values are taken as written in UTC.
            let utc = parts.contains { if case .datetime(_, true) = $0.storage { true } else { false } }
            storage = .datetime(join { if case .datetime(let v, _) = $0.storage { v } else { [] } }, utc: utc)
        case .bool: storage = .bool(join { if case .bool(let v) = $0.storage { v } else { [] } })
        case .string, .text:
            var buffer = StringBuffer()
            let bytes = parts.reduce(0) { if case .string(let s) = $1.storage { $0 + s.bytes.count } else { $0 } }
            buffer.reserve(rows: total, bytes: bytes)
            for part in parts { if case .string(let s) = part.storage { buffer.append(contentsOf: s) } }
            storage = .string(buffer)
        }
        return Column(type: type, storage: storage, validity: validity)
    }

    /// The rows at `indices`, in that order.
    package func gathering(_ indices: [Int]) -> Column {
        let newValidity = validity.map { v in indices.map { v[$0] } }
        let newStorage: Storage
        switch storage {
        case .int(let v): newStorage = .int(indices.map { v[$0] })
        case .decimal(let v): newStorage = .decimal(indices.map { v[$0] })
        case .date(let v): newStorage = .date(indices.map { v[$0] })
        case .datetime(let v, let utc): newStorage = .datetime(indices.map { v[$0] }, utc: utc)
        case .bool(let v): newStorage = .bool(indices.map { v[$0] })
        case .string(let s):
            // Offsets first, then every string copied into one allocation of the exact size.
            var offsets = [Int32](repeating: 0, count: indices.count + 1)
            for (k, i) in indices.enumerated() { offsets[k + 1] = offsets[k] + (s.offsets[i + 1] - s.offsets[i]) }
            let total = Int(offsets[indices.count])
            let bytes = s.bytes.withUnsafeBufferPointer { source in
                [UInt8](unsafeUninitializedCapacity: total) { target, count in
                    for (k, i) in indices.enumerated() {
                        let from = Int(s.offsets[i]), length = Int(s.offsets[i + 1]) - from
                        if length > 0 {
                            (target.baseAddress! + Int(offsets[k])).update(
                                from: source.baseAddress! + from, count: length)
                        }
                    }
                    count = total
                }
            }
            newStorage = .string(StringBuffer(offsets: offsets, bytes: bytes))
        }
        return Column(type: type, storage: newStorage, validity: newValidity)
    }
}

extension Table {
    /// Joins tables with the same columns end to end.
    package static func concatenate(_ parts: [Table]) throws(TableError) -> Table {
        guard let first = parts.first else { return Table() }
        for (i, name) in first.names.enumerated() {
            for part in parts {
                guard part.names.count > i, part.names[i] == name else {
                    throw .missingColumn(name, available: part.names)
                }
                guard part.columns[i].type == first.columns[i].type else {
                    throw .typeMismatch(column: name, expected: first.columns[i].type, found: part.columns[i].type)
                }
            }
        }
        for (i, name) in first.names.enumerated()
        where first.columns[i].type == .string || first.columns[i].type == .text {
            let bytes = parts.reduce(0) { sum, part in
                if case .string(let s) = part.columns[i].storage { sum + s.bytes.count } else { sum }
            }
            if bytes > StringBuffer.maxBytes { throw .textTooLarge(column: name, bytes: bytes) }
        }
        // Columns are joined on all cores, each into its own slot.
        let joined = Mutex([Column?](repeating: nil, count: first.names.count))
        DispatchQueue.concurrentPerform(iterations: first.names.count) { i in
            let column = Column.concatenate(parts.map { $0.columns[i] }, type: first.columns[i].type)
            joined.withLock { $0[i] = column }
        }
        var out = Table()
        for (i, column) in joined.withLock({ $0 }).enumerated() { try out.append(first.names[i], column!) }
        return out
    }

    /// The first `n` rows.
    public func head(_ n: Int) -> Table {
        let indices = Array(0..<min(n, rowCount))
        var out = Table()
        for (name, column) in zip(names, columns) { try? out.append(name, column.gathering(indices)) }
        return out
    }
}

extension Column {
    /// The column with every null slot holding zero (or an empty string), so equal data
    /// compares equal whatever a writer left behind null slots.
    package func normalizingNulls() -> Column {
        guard let validity else { return self }
        var copy = self
        switch storage {
        case .int(var v):
            for i in v.indices where !validity[i] { v[i] = 0 }
            copy.storage = .int(v)
        case .decimal(var v):
            for i in v.indices where !validity[i] { v[i] = 0 }
            copy.storage = .decimal(v)
        case .date(var v):
            for i in v.indices where !validity[i] { v[i] = 0 }
            copy.storage = .date(v)
        case .datetime(var v, let utc):
            for i in v.indices where !validity[i] { v[i] = 0 }
            copy.storage = .datetime(v, utc: utc)
        case .bool(var v):
            for i in v.indices where !validity[i] { v[i] = false }
            copy.storage = .bool(v)
        case .string(let s):
            guard validity.indices.contains(where: { !validity[$0] && !s.range($0).isEmpty }) else { return self }
            var out = StringBuffer()
            s.bytes.withUnsafeBufferPointer { bytes in
                for i in 0..<s.count {
                    if validity[i] {
                        out.append(bytesOf: UnsafeBufferPointer(rebasing: bytes[s.range(i)]))
                    } else {
                        out.appendEmpty()
                    }
                }
            }
            copy.storage = .string(out)
        }
        return copy
    }
}
