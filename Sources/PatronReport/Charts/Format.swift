/// Number formatting for reports: fixed rules, no locale, so the same value prints the same
/// bytes on every machine.
///
/// ```swift
/// Format.fixed(3.14159, 2)        // "3.14"
/// Format.grouped(1234567)         // "1 234 567"
/// Format.significant(0.0012345, 3) // "0.00123"
/// ```
package enum Format {
    /// `x` with exactly `digits` decimals, rounded half away from zero.
    package static func fixed(_ x: Double, _ digits: Int) -> String {
        guard x.isFinite else { return x.isNaN ? "–" : (x < 0 ? "−∞" : "∞") }
        var bytes = [UInt8]()
        guard appendFixed(x, digits, into: &bytes) else { return significant(x, 6) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the bytes of `fixed(x, digits)`, without a String per value (for a file of
    /// millions of numbers); false, appending nothing, when `x` is not finite or too large
    /// for fixed digits.
    @discardableResult
    package static func appendFixed(_ x: Double, _ digits: Int, into out: inout [UInt8]) -> Bool {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(x) * scale).rounded(.toNearestOrAwayFromZero)
        guard x.isFinite, scaled < 9e18 else { return false }
        let n = UInt64(scaled)
        if x < 0 && n != 0 { out.append(UInt8(ascii: "-")) }
        appendDigits(n / UInt64(scale), minimumDigits: 1, into: &out)
        if digits > 0 {
            out.append(UInt8(ascii: "."))
            appendDigits(n % UInt64(scale), minimumDigits: digits, into: &out)
        }
        return true
    }

    /// Appends an integer's decimal digits.
    package static func appendInteger(_ v: Int64, into out: inout [UInt8]) {
        if v < 0 { out.append(UInt8(ascii: "-")) }
        appendDigits(v.magnitude, minimumDigits: 1, into: &out)
    }

    /// The decimal digits of `n`, zero-padded to `minimumDigits`, without a temporary array.
    static func appendDigits(_ n: UInt64, minimumDigits: Int, into out: inout [UInt8]) {
        // Written backwards into a small stack buffer, then appended at once (a UInt64 has at
        // most 20 digits; padding beyond 40 goes on byte by byte).
        if minimumDigits > 40 {
            for _ in 0..<(minimumDigits - 40) { out.append(UInt8(ascii: "0")) }
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 40) { buffer in
            var i = 40
            var rest = n
            repeat {
                i -= 1
                buffer[i] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            while 40 - i < min(minimumDigits, 40) {
                i -= 1
                buffer[i] = UInt8(ascii: "0")
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[i...]))
        }
    }

    /// `x` with about `digits` significant figures and no exponent for everyday magnitudes.
    package static func significant(_ x: Double, _ digits: Int = 4) -> String {
        guard x.isFinite else { return fixed(x, 0) }
        if x == 0 { return "0" }
        var magnitude = 0
        var a = abs(x)
        while a >= 10 {
            a /= 10
            magnitude += 1
        }
        while a < 1 {
            a *= 10
            magnitude -= 1
        }
        if magnitude >= 15 || magnitude < -6 {
            return fixed(x / pow10(magnitude), digits - 1) + "e" + String(magnitude)
        }
        let decimals = max(0, digits - 1 - magnitude)
        var text = fixed(x, decimals)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    /// An integer with a thin space between groups of three digits.
    package static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "\u{202F}" }
            out.append(c)
        }
        return n < 0 ? "-" + out : out
    }

    /// An amount of money: grouped whole units and two decimals.
    package static func money(_ x: Double) -> String {
        guard x.isFinite else { return fixed(x, 0) }
        let text = fixed(x, 2)
        let parts = text.split(separator: ".")
        let whole = Int(parts[0]) ?? 0
        let sign = text.hasPrefix("-") && whole == 0 ? "-" : ""
        return sign + grouped(whole) + "." + parts[1]
    }

    /// A share as a percentage with one decimal.
    package static func percent(_ share: Double) -> String { fixed(share * 100, 1) + " %" }

    /// A coordinate in an SVG: one decimal, no trailing ".0".
    static func coordinate(_ x: Double) -> String {
        let text = fixed(x, 1)
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    static func pow10(_ k: Int) -> Double {
        var p = 1.0
        if k >= 0 { for _ in 0..<k { p *= 10 } } else { for _ in 0..<(-k) { p /= 10 } }
        return p
    }
}
