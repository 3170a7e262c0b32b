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
    private static let powers: [Double] = (0...18).map { k in (0..<k).reduce(1.0) { r, _ in r * 10 } }

    /// `x` as an integer of decimal digits and its number of decimals, if it has at most 9.
    static func digits(_ x: Double) -> (mantissa: Int64, decimals: Int)? {
        guard x.isFinite else { return nil }
        for k in 0...9 {
            let scaled = (x * powers[k]).rounded()
            guard abs(scaled) < 9e15 else { return nil }
            if scaled / powers[k] == x { return (Int64(scaled), k) }
        }
        return nil
    }

    /// `a × b` as decimals multiply (see the type); the binary product where a factor has more
    /// than 9 decimals or the digits would not fit 53 bits.
    static func product(_ a: Double, _ b: Double) -> Double {
        guard let x = digits(a), let y = digits(b) else { return a * b }
        let (m, overflow) = x.mantissa.multipliedReportingOverflow(by: y.mantissa)
        guard !overflow, m.magnitude < 1 << 53 else { return a * b }
        return Double(m) / powers[x.decimals + y.decimals]
    }
}
