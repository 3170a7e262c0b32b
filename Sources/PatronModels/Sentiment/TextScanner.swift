/// Letters and lower-case forms of Unicode scalars, from tables for the Latin blocks every
/// language here uses (U+0000–U+024F) and the Unicode properties beyond: the hot paths of
/// language identification and scoring never go through `Character` or `String.lowercased()`.
enum TextScanner {
    static let tableSize = 0x250
    /// For scalars below `tableSize`: the lower-case scalar, or 0 when not a letter or digit.
    static let lowerTable: [UInt32] = (0..<UInt32(tableSize)).map { v in
        guard let s = Unicode.Scalar(v), s.properties.isAlphabetic || s.properties.numericType != nil else { return 0 }
        let lower = s.properties.lowercaseMapping.unicodeScalars
        return lower.count == 1 ? lower.first!.value : v
    }
    static let upperTable: [Bool] = (0..<UInt32(tableSize)).map { v in Unicode.Scalar(v)?.properties.isUppercase ?? false }

    /// The lower-case form of a letter or digit, or nil for anything else.
    @inline(__always) static func lowerWordScalar(_ s: Unicode.Scalar) -> Unicode.Scalar? {
        if s.value < UInt32(tableSize) {
            let l = lowerTable[Int(s.value)]
            return l == 0 ? nil : Unicode.Scalar(l)
        }
        guard s.properties.isAlphabetic else { return nil }
        return s.properties.lowercaseMapping.unicodeScalars.first
    }

    /// The same tables held by a scorer or identifier, so the per-scalar path reads them
    /// without a lazy-global check and retain each time.
    struct Tables: Sendable {
        let lower = TextScanner.lowerTable
        let upper = TextScanner.upperTable

        @inline(__always) func lowerWordScalar(_ s: Unicode.Scalar) -> Unicode.Scalar? {
            if s.value < UInt32(TextScanner.tableSize) {
                let l = lower[Int(s.value)]
                return l == 0 ? nil : Unicode.Scalar(l)
            }
            return TextScanner.lowerWordScalar(s)
        }

        @inline(__always) func isUpper(_ s: Unicode.Scalar) -> Bool {
            s.value < UInt32(TextScanner.tableSize) ? upper[Int(s.value)] : s.properties.isUppercase
        }
    }

    /// Apostrophes and hyphens inside a word keep it together ("don't", "e-mail").
    @inline(__always) static func isJoiner(_ s: Unicode.Scalar) -> Bool { s == "'" || s == "’" || s == "-" }

    /// Appends a scalar's UTF-8 encoding.
    @inline(__always) static func appendUTF8(_ s: Unicode.Scalar, to buffer: inout [UInt8]) {
        let v = s.value
        if v < 0x80 {
            buffer.append(UInt8(v))
        } else if v < 0x800 {
            buffer.append(UInt8(0xC0 | v >> 6)); buffer.append(UInt8(0x80 | v & 0x3F))
        } else if v < 0x10000 {
            buffer.append(UInt8(0xE0 | v >> 12)); buffer.append(UInt8(0x80 | v >> 6 & 0x3F)); buffer.append(UInt8(0x80 | v & 0x3F))
        } else {
            buffer.append(UInt8(0xF0 | v >> 18)); buffer.append(UInt8(0x80 | v >> 12 & 0x3F))
            buffer.append(UInt8(0x80 | v >> 6 & 0x3F)); buffer.append(UInt8(0x80 | v & 0x3F))
        }
    }
}
