/// XXH64 (Yann Collet's xxHash, 64-bit variant, per its published specification): a fast
/// non-cryptographic checksum. The cache keeps one per stored file to notice a truncated or
/// bit-flipped entry; cache keys themselves use SHA-256.
///
/// ```swift
/// XXHash64.hash(Array("abc".utf8))   // 0x44BC2CF5AD770999
/// ```
package enum XXHash64 {
    static let p1: UInt64 = 0x9E37_79B1_85EB_CA87
    static let p2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    static let p3: UInt64 = 0x1656_67B1_9E37_79F9
    static let p4: UInt64 = 0x85EB_CA77_C2B2_AE63
    static let p5: UInt64 = 0x27D4_EB2F_1656_67C5

    @inline(__always) static func rotl(_ x: UInt64, _ r: UInt64) -> UInt64 { (x << r) | (x >> (64 - r)) }

    @inline(__always) static func round(_ acc: UInt64, _ lane: UInt64) -> UInt64 {
        rotl(acc &+ lane &* p2, 31) &* p1
    }

    @inline(__always) static func merge(_ acc: UInt64, _ v: UInt64) -> UInt64 {
        (acc ^ round(0, v)) &* p1 &+ p4
    }

    package static func hash(_ bytes: [UInt8], seed: UInt64 = 0) -> UInt64 {
        bytes.withUnsafeBytes { hash($0, seed: seed) }
    }

    /// - Parameter done: called with each `block` of bytes once it is hashed (a mapped file
    ///   hands its pages back there).
    package static func hash(
        _ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0, block: Int = 8 << 20,
        done: (Range<Int>) -> Void = { _ in }
    ) -> UInt64 {
        let n = bytes.count
        guard let base = bytes.baseAddress else { return avalanche(seed &+ p5) }
        var i = 0
        var acc: UInt64
        if n >= 32 {
            var v1 = seed &+ p1 &+ p2, v2 = seed &+ p2, v3 = seed, v4 = seed &- p1
            let stripes = max(32, block / 32 * 32)
            while i + 32 <= n {
                let blockStart = i
                let blockEnd = min(n / 32 * 32, i + stripes)
                while i < blockEnd {
                    v1 = round(v1, UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
                    v2 = round(v2, UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)))
                    v3 = round(v3, UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self)))
                    v4 = round(v4, UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self)))
                    i += 32
                }
                done(blockStart..<blockEnd)
            }
            acc = rotl(v1, 1) &+ rotl(v2, 7) &+ rotl(v3, 12) &+ rotl(v4, 18)
            acc = merge(merge(merge(merge(acc, v1), v2), v3), v4)
        } else {
            acc = seed &+ p5
        }
        acc &+= UInt64(n)
        return tail(acc, UnsafeRawBufferPointer(rebasing: bytes[i...]))
    }

    @inline(__always) static func avalanche(_ x: UInt64) -> UInt64 {
        var h = x
        h ^= h >> 33
        h &*= p2
        h ^= h >> 29
        h &*= p3
        h ^= h >> 32
        return h
    }

    /// XXH64 of bytes given in pieces of any size: the same value as `hash` of them joined.
    ///
    /// ```swift
    /// var stream = XXHash64.Stream()
    /// stream.update(first); stream.update(second)
    /// stream.value == XXHash64.hash(first + second)   // true
    /// ```
    package struct Stream {
        private var v1 = p1 &+ p2, v2 = p2, v3: UInt64 = 0, v4 = 0 &- p1
        private var pending = [UInt8]()
        /// Bytes given so far.
        package private(set) var count = 0

        package init() {}

        package mutating func update(_ bytes: UnsafeRawBufferPointer) {
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
            count += bytes.count
            var i = 0
            if !pending.isEmpty {
                let take = min(32 - pending.count, bytes.count)
                pending.append(contentsOf: UnsafeRawBufferPointer(start: base, count: take))
                i = take
                guard pending.count == 32 else { return }
                pending.withUnsafeBytes { stripe($0.baseAddress!) }
                pending.removeAll(keepingCapacity: true)
            }
            while i + 32 <= bytes.count {
                stripe(base + i)
                i += 32
            }
            if i < bytes.count {
                pending.append(contentsOf: UnsafeRawBufferPointer(start: base + i, count: bytes.count - i))
            }
        }

        @inline(__always) private mutating func stripe(_ p: UnsafeRawPointer) {
            v1 = round(v1, UInt64(littleEndian: p.loadUnaligned(fromByteOffset: 0, as: UInt64.self)))
            v2 = round(v2, UInt64(littleEndian: p.loadUnaligned(fromByteOffset: 8, as: UInt64.self)))
            v3 = round(v3, UInt64(littleEndian: p.loadUnaligned(fromByteOffset: 16, as: UInt64.self)))
            v4 = round(v4, UInt64(littleEndian: p.loadUnaligned(fromByteOffset: 24, as: UInt64.self)))
        }

        /// The hash of everything given so far.
        package var value: UInt64 {
            var acc: UInt64
            if count >= 32 {
                acc = rotl(v1, 1) &+ rotl(v2, 7) &+ rotl(v3, 12) &+ rotl(v4, 18)
                acc = merge(merge(merge(merge(acc, v1), v2), v3), v4)
            } else {
                acc = p5
            }
            acc &+= UInt64(count)
            return pending.withUnsafeBytes { tail(acc, $0) }
        }
    }

    /// The last step: the fewer than 32 bytes after the stripes, and the avalanche.
    static func tail(_ start: UInt64, _ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var acc = start, i = 0
        let n = bytes.count
        guard let base = bytes.baseAddress else { return avalanche(acc) }
        while i + 8 <= n {
            acc ^= round(0, UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
            acc = rotl(acc, 27) &* p1 &+ p4
            i += 8
        }
        if i + 4 <= n {
            acc ^= UInt64(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: i, as: UInt32.self))) &* p1
            acc = rotl(acc, 23) &* p2 &+ p3
            i += 4
        }
        while i < n {
            acc ^= UInt64(base.load(fromByteOffset: i, as: UInt8.self)) &* p5
            acc = rotl(acc, 11) &* p1
            i += 1
        }
        return avalanche(acc)
    }
}
