import Foundation

/// Special functions the lifetime-value models need.
public enum SpecialFunctions {
    /// ln Γ(x) for x > 0.
    @inline(__always) public static func lnGamma(_ x: Double) -> Double { lgamma(x) }

    /// ψ(x) = d/dx ln Γ(x) for x > 0: recurrence up to x ≥ 10, then the asymptotic series.
    public static func digamma(_ x: Double) -> Double {
        var x = x, result = 0.0
        while x < 10 {
            result -= 1 / x
            x += 1
        }
        let f = 1 / (x * x)
        let series = f * (1.0 / 12 - f * (1.0 / 120 - f * (1.0 / 252 - f * (1.0 / 240 - f * (1.0 / 132)))))
        return result + log(x) - 0.5 / x - series
    }

    /// The Gauss hypergeometric function ₂F₁(a, b; c; z) for 0 ≤ z < 1 by its power series,
    /// summed until a term no longer changes the sum. (The models call it with
    /// z = t / (α + T + t) < 1; the transformations for z near 1 come with Pareto/NBD.)
    public static func hypergeometric2F1(_ a: Double, _ b: Double, _ c: Double, _ z: Double) -> Double {
        precondition(z >= 0 && z < 1, "₂F₁ series needs 0 ≤ z < 1")
        var term = 1.0, sum = 1.0
        var n = 0.0
        while n < 1_000_000 {
            term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z
            sum += term
            if abs(term) <= 1e-16 * abs(sum) { break }
            n += 1
        }
        return sum
    }
}
