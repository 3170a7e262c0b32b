import Foundation
import PatronTable

/// Parses typed values straight from the bytes of one field.
struct FieldParser: Sendable {
    let decimal: UInt8
    let thousands: UInt8
    let dateFormat: DateFormat

    init(options: CSVOptions) {
        decimal = options.decimalSeparator
        thousands = options.effectiveThousands
        dateFormat = options.dateFormat
    }

    private static let powersOfTen: [Double] = (0...22).map { pow(10, Double($0)) }

    private func isGroupSeparator(_ b: UInt8) -> Bool {
        b == thousands || (decimal == UInt8(ascii: ",") && (b == UInt8(ascii: " ")))
    }

    /// An integer with optional sign and digit groups ("1,234" or "1.234" by locale).
    func int(_ f: UnsafeBufferPointer<UInt8>) -> Int64? {
        var i = 0
        var negative = false
        if i < f.count, f[i] == UInt8(ascii: "-") || f[i] == UInt8(ascii: "+") {
            negative = f[i] == UInt8(ascii: "-")
            i += 1
        }
        var value: Int64 = 0
        var groups = GroupCheck()
        guard i < f.count else { return nil }
        while i < f.count {
            let b = f[i]
            if b &- 48 < 10 {
                let (m, o1) = value.multipliedReportingOverflow(by: 10)
                let (s, o2) =
                    negative
                    ? m.subtractingReportingOverflow(Int64(b &- 48)) : m.addingReportingOverflow(Int64(b &- 48))
                if o1 || o2 { return nil }
                value = s
                groups.digit()
            } else if isGroupSeparator(b) {
                guard groups.separator() else { return nil }
            } else {
                return nil
            }
            i += 1
        }
        return groups.finish() ? value : nil
    }

    /// Tracks digit groups so "1,234,567" is accepted and "1,23" is not.
    private struct GroupCheck {
        var run = 0
        var sawSeparator = false
        var digits = 0
        mutating func digit() {
            run += 1
            digits += 1
        }
        mutating func separator() -> Bool {
            if sawSeparator ? run != 3 : (run == 0 || run > 3) { return false }
            sawSeparator = true
            run = 0
            return true
        }
        func finish() -> Bool { digits > 0 && (!sawSeparator || run == 3) }
    }

    /// A decimal number: sign, digit groups, the decimal separator, an optional exponent.
    /// Exact (correctly rounded) for every input: a fast path for up to 19 significant
    /// digits within 10^±22, `strtod` otherwise.
    func decimal(_ f: UnsafeBufferPointer<UInt8>) -> Double? {
        var i = 0
        let n = f.count
        var negative = false
        if i < n, f[i] == UInt8(ascii: "-") || f[i] == UInt8(ascii: "+") {
            negative = f[i] == UInt8(ascii: "-")
            i += 1
        }
        var mantissa: UInt64 = 0
        var significant = 0
        var exponent = 0
        var groups = GroupCheck()
        var fraction = 0
        var exact = true
        while i < n {
            let b = f[i]
            if b &- 48 < 10 {
                groups.digit()
                if significant < 19 {
                    if mantissa != 0 || b != 48 { significant += 1 }
                    mantissa = mantissa &* 10 &+ UInt64(b &- 48)
                } else {
                    exact = false
                    exponent += 1
                }
            } else if isGroupSeparator(b) {
                guard groups.separator() else { return nil }
            } else {
                break
            }
            i += 1
        }
        guard groups.finish() || (i < n && f[i] == decimal) else { return nil }
        var digitsSeen = groups.digits
        if i < n, f[i] == decimal {
            i += 1
            while i < n, f[i] &- 48 < 10 {
                if significant < 19 {
                    if mantissa != 0 || f[i] != 48 { significant += 1 }
                    mantissa = mantissa &* 10 &+ UInt64(f[i] &- 48)
                    exponent -= 1
                } else {
                    exact = false
                }
                fraction += 1
                i += 1
            }
            digitsSeen += fraction
        }
        guard digitsSeen > 0 else { return nil }
        if i < n, f[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            var expNegative = false
            if i < n, f[i] == UInt8(ascii: "-") || f[i] == UInt8(ascii: "+") {
                expNegative = f[i] == UInt8(ascii: "-")
                i += 1
            }
            var e = 0, expDigits = 0
            while i < n, f[i] &- 48 < 10 {
                if e < 100_000 { e = e * 10 + Int(f[i] &- 48) }
                expDigits += 1
                i += 1
            }
            guard expDigits > 0 else { return nil }
            exponent += expNegative ? -e : e
        }
        guard i == n else { return nil }
        if exact, mantissa < (1 << 53), abs(exponent) <= 22 {
            let m = Double(mantissa)
            let v = exponent < 0 ? m / Self.powersOfTen[-exponent] : m * Self.powersOfTen[exponent]
            return negative ? -v : v
        }
        return slowDecimal(f)
    }

    /// Rewrites the field in C locale form and hands it to `strtod`.
    private func slowDecimal(_ f: UnsafeBufferPointer<UInt8>) -> Double? {
        var buffer = [CChar]()
        buffer.reserveCapacity(f.count + 1)
        for b in f where !isGroupSeparator(b) {
            buffer.append(CChar(bitPattern: b == decimal ? UInt8(ascii: ".") : b))
        }
        buffer.append(0)
        // Beyond Double's range is an error, not infinity.
        let value = buffer.withUnsafeBufferPointer { strtod($0.baseAddress!, nil) }
        return value.isFinite ? value : nil
    }

    func bool(_ f: UnsafeBufferPointer<UInt8>) -> Bool? {
        var lower = 0 as UInt64
        guard f.count <= 5 else { return nil }
        for b in f { lower = lower << 8 | UInt64(b | 0x20) }
        switch lower {
        case 0x74_72_75_65, 0x79_65_73, 0x31 | 0x20, 0x74, 0x79: return true  // true yes 1 t y
        case 0x66_61_6C_73_65, 0x6E_6F, 0x30 | 0x20, 0x66, 0x6E: return false  // false no 0 f n
        default: return nil
        }
    }
}

/// Whether `bytes` are well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF).
func isValidUTF8(_ f: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    let n = f.count
    // ASCII, eight bytes at a time.
    if let base = f.baseAddress {
        let raw = UnsafeRawPointer(base)
        while i + 8 <= n, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
    }
    while i < n {
        let b = f[i]
        if b < 0x80 {
            i += 1
            continue
        }
        let need: Int
        var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
        switch b {
        case 0xC2...0xDF: need = 1
        case 0xE0:
            need = 2
            lo = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: need = 2
        case 0xED:
            need = 2
            hi = 0x9F
        case 0xF0:
            need = 3
            lo = 0x90
        case 0xF1...0xF3: need = 3
        case 0xF4:
            need = 3
            hi = 0x8F
        default: return false
        }
        guard i + need < n else { return false }
        guard f[i + 1] >= lo, f[i + 1] <= hi else { return false }
        var k = 2
        while k <= need {
            guard f[i + k] & 0xC0 == 0x80 else { return false }
            k += 1
        }
        i += need + 1
    }
    return true
}

/// Whether every byte of `bytes` is ASCII (eight at a time).
func isASCII(_ f: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    let n = f.count
    if let base = f.baseAddress {
        let raw = UnsafeRawPointer(base)
        while i + 8 <= n {
            if raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            i += 8
        }
    }
    while i < n {
        if f[i] >= 0x80 { return false }
        i += 1
    }
    return true
}
