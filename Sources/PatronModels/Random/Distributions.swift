import Foundation

/// Samplers for the distributions behind the BTYD models, written on `RandomSource` so the
/// same seed gives the same draws everywhere.
extension RandomSource {
    /// Standard normal by the Marsaglia polar method.
    package mutating func normal() -> Double {
        while true {
            let u = 2 * uniform() - 1, v = 2 * uniform() - 1
            let s = u * u + v * v
            if s > 0 && s < 1 { return u * (-2 * log(s) / s).squareRoot() }
        }
    }

    /// Exponential with the given rate.
    package mutating func exponential(rate: Double) -> Double { -log1p(-uniform()) / rate }

    /// Gamma with `shape` and `rate` (mean shape/rate), Marsaglia & Tsang (2000).
    package mutating func gamma(shape: Double, rate: Double) -> Double {
        if shape < 1 {
            // Boost: Gamma(a) = Gamma(a + 1) · U^(1/a).
            let g = gamma(shape: shape + 1, rate: 1)
            return g * pow(max(uniform(), .leastNonzeroMagnitude), 1 / shape) / rate
        }
        let d = shape - 1.0 / 3, c = 1 / (9 * d).squareRoot()
        while true {
            var x: Double, v: Double
            repeat {
                x = normal()
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = uniform()
            if u < 1 - 0.0331 * x * x * x * x || log(u) < 0.5 * x * x + d * (1 - v + log(v)) { return d * v / rate }
        }
    }

    /// Beta(a, b) as a ratio of gammas.
    package mutating func beta(_ a: Double, _ b: Double) -> Double {
        let x = gamma(shape: a, rate: 1), y = gamma(shape: b, rate: 1)
        return x / (x + y)
    }

    /// An index drawn with the given (unnormalised) weights.
    package mutating func pick(weights: [Double]) -> Int {
        var u = uniform() * weights.reduce(0, +)
        for (i, w) in weights.enumerated() {
            u -= w
            if u < 0 { return i }
        }
        return weights.count - 1
    }
}
