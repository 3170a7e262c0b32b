/// Products of decimal numbers as a ledger computes them: `6 × 2.55` is `15.3`, not the
/// `15.299999999999999` of binary floating point. Each factor is read as the shortest decimal
/// that is exactly it (up to 9 decimals), the digits multiplied as integers, and the result
/// divided by the power of ten once — correctly rounded, not rounded to cents.
///
/// ```swift
/// DecimalProduct.product(6, 2.55)      // 15.3
/// DecimalProduct.product(-12, 0.29)    // -3.48
/// ```
enum DecimalProduct {
    /// `x` as an integer of decimal digits and its number of decimals, if it has at most 9.
    static func digits(_ x: Double) -> (mantissa: Int64, decimals: Int)? {
        guard x.isFinite, abs(x) < 9e15 else { return nil }
        if x == x.rounded() { return (Int64(x), 0) }  // a quantity
        var scale = 10.0  // 10^k, exact for every k here
        for k in 1...9 {
            let scaled = (x * scale).rounded()
            guard abs(scaled) < 9e15 else { return nil }
            if scaled / scale == x { return (Int64(scaled), k) }
            scale *= 10
        }
        return nil
    }

    /// `a × b` as decimals multiply (see the type); the binary product where a factor has more
    /// than 9 decimals or the digits would not fit 53 bits.
    static func product(_ a: Double, _ b: Double) -> Double {
        guard let x = digits(a), let y = digits(b) else { return a * b }
        let (m, overflow) = x.mantissa.multipliedReportingOverflow(by: y.mantissa)
        guard !overflow, m.magnitude < 1 << 53 else { return a * b }
        var scale = 1.0  // 10^decimals, exact up to 10^22
        for _ in 0..<(x.decimals + y.decimals) { scale *= 10 }
        return Double(m) / scale
    }
}
