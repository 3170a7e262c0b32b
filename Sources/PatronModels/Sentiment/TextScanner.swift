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
    /// For scalars below `tableSize`: white space that separates words (not the line break,
    /// which ends a sentence; in ASCII only space, tab and carriage return).
    static let spaceTable: [Bool] = (0..<UInt32(tableSize)).map { (v: UInt32) -> Bool in
        if v < 0x80 { return v == 0x20 || v == 0x09 || v == 0x0D }
        return Unicode.Scalar(v)?.properties.isWhitespace ?? false
    }
    static let upperTable: [Bool] = (0..<UInt32(tableSize)).map { v in
        Unicode.Scalar(v)?.properties.isUppercase ?? false
    }

    /// The lower-case form of a letter or digit, or nil for anything else.
    @inline(__always) static func lowerWordScalar(_ s: Unicode.Scalar) -> Unicode.Scalar? {
        if s.value < UInt32(tableSize) {
            let l = lowerTable[Int(s.value)]
            return l == 0 ? nil : Unicode.Scalar(l)
        }
        guard s.properties.isAlphabetic else { return nil }
        return s.properties.lowercaseMapping.unicodeScalars.first
    }

    /// What a scalar is, in one word: its lower-case form when a letter or digit (bits 0…20,
    /// else 0), `upperBit` when upper case, `spaceBit` when white space between words.
    static let upperBit: UInt32 = 1 << 30, spaceBit: UInt32 = 1 << 31, lowerMask: UInt32 = (1 << 21) - 1

    static func classify(_ v: UInt32) -> UInt32 {
        if v < UInt32(tableSize) {
            return lowerTable[Int(v)] | (upperTable[Int(v)] ? upperBit : 0) | (spaceTable[Int(v)] ? spaceBit : 0)
        }
        guard let s = Unicode.Scalar(v) else { return 0 }
        return (lowerWordScalar(s)?.value ?? 0) | (s.properties.isUppercase ? upperBit : 0)
            | (s.properties.isWhitespace ? spaceBit : 0)
    }

    /// The classes of the scalars below `tableSize`, held by a scorer or identifier so the
    /// per-scalar path reads one table without a lazy-global check each time.
    struct Tables: Sendable {
        let classes: [UInt32] = (0..<UInt32(TextScanner.tableSize)).map(TextScanner.classify)

        /// Calls `body` with a classifier that reads the table through a pointer held in a
        /// register (an array read through `self` reloads and bounds-checks it per scalar).
        @inline(__always) func withClassifier<R>(_ body: (Classifier) -> R) -> R {
            classes.withUnsafeBufferPointer { body(Classifier(classes: $0.baseAddress!)) }
        }
    }

    /// `Tables.classify` through a pointer to the table, for the duration of one text.
    struct Classifier {
        let classes: UnsafePointer<UInt32>

        @inline(__always) func classify(_ v: UInt32) -> UInt32 {
            v < UInt32(TextScanner.tableSize) ? classes[Int(v)] : TextScanner.classify(v)
        }
    }

    /// The scalar that starts at `i` of UTF-8 ending at `end`, moving `i` past it. What is not
    /// well-formed UTF-8 (Unicode's table 3-7: no overlong forms, surrogates or values beyond
    /// U+10FFFF) reads as U+FFFD, one byte at a time: a `String`'s bytes are valid, a table's
    /// text column written elsewhere may not be, and either way scoring sees what
    /// `String(decoding:as:)` would (it may merge a broken sequence into one U+FFFD, which
    /// scores the same).
    @inline(__always) static func decode(_ p: UnsafePointer<UInt8>, _ i: inout Int, _ end: Int) -> UInt32 {
        let b0 = p[i]
        if b0 < 0x80 {
            i += 1
            return UInt32(b0)
        }
        @inline(__always) func continuation(_ k: Int) -> UInt32? {
            i + k < end && p[i + k] & 0xC0 == 0x80 ? UInt32(p[i + k] & 0x3F) : nil
        }
        switch b0 {
        case 0xC2...0xDF:
            if let c1 = continuation(1) {
                i += 2
                return UInt32(b0 & 0x1F) << 6 | c1
            }
        case 0xE0...0xEF:
            if let c1 = continuation(1), let c2 = continuation(2),
                b0 == 0xE0 ? c1 >= 0x20 : b0 == 0xED ? c1 < 0x20 : true
            {
                i += 3
                return UInt32(b0 & 0x0F) << 12 | c1 << 6 | c2
            }
        case 0xF0...0xF4:
            if let c1 = continuation(1), let c2 = continuation(2), let c3 = continuation(3),
                b0 == 0xF0 ? c1 >= 0x10 : b0 == 0xF4 ? c1 < 0x10 : true
            {
                i += 4
                return UInt32(b0 & 0x07) << 18 | c1 << 12 | c2 << 6 | c3
            }
        default:
            break
        }
        i += 1
        return 0xFFFD
    }

    /// Calls `body` with the UTF-8 bytes of `text` (its own storage; a copy only for a string
    /// that is not native, which a table's strings are).
    @inline(__always) static func withUTF8<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let r = text.utf8.withContiguousStorageIfAvailable(body) { return r }
        var copy = text
        return copy.withUTF8(body)
    }
}
