import CLibCrypto

/// SHA-256 (FIPS 180-4), streaming, computed by OpenSSL's libcrypto (Debian `libssl-dev`),
/// which uses the CPU's SHA instructions where it has them. Cache keys and file content
/// hashes use it.
///
/// A value: copying a hasher part-way forks it, each copy going on from the same state.
///
/// ```swift
/// var hasher = SHA256()
/// hasher.update(Array("abc".utf8))
/// hasher.finalize().hex   // "ba7816bf…"
/// ```
package struct SHA256: Sendable {
    private var context = SHA256_CTX()

    package init() {
        _ = SHA256_Init(&context)
    }

    package mutating func update(_ string: String) {
        var string = string
        string.withUTF8 { update(UnsafeRawBufferPointer($0)) }
    }

    package mutating func update(_ bytes: [UInt8]) { bytes.withUnsafeBytes { update($0) } }

    package mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        _ = SHA256_Update(&context, base, bytes.count)
    }

    /// The digest of everything given so far. (The hasher itself is left as it was: a copy
    /// is finished.)
    package func finalize() -> Digest {
        var copy = context
        var out = [UInt8](repeating: 0, count: 32)
        _ = out.withUnsafeMutableBufferPointer { SHA256_Final($0.baseAddress, &copy) }
        return Digest(bytes: out)
    }

    package static func hash(bytes: [UInt8]) -> Digest {
        var h = SHA256()
        h.update(bytes)
        return h.finalize()
    }

    package static func hash(_ string: String) -> Digest {
        var h = SHA256()
        h.update(string)
        return h.finalize()
    }

    /// A finished SHA-256: 32 bytes.
    package struct Digest: Sendable, Equatable {
        /// The 32 digest bytes.
        package let bytes: [UInt8]

        /// The digest as 64 lowercase hex digits.
        package var hex: String {
            let digits = Array("0123456789abcdef".utf8)
            var out = [UInt8]()
            out.reserveCapacity(64)
            for byte in bytes {
                out.append(digits[Int(byte >> 4)])
                out.append(digits[Int(byte & 0xF)])
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
