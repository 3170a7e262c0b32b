import Foundation

/// A fitted model's parameters with standard errors, and an account of the fit.
public struct ModelFit: Sendable {
    /// The parameters' names, as the papers write them (`r`, `alpha`, `a`, `b`).
    public var names: [String]
    /// The estimates, in the order of `names`.
    public var values: [Double]
    /// From the inverse Hessian of the negative log-likelihood; NaN where it is singular.
    public var standardErrors: [Double]
    /// ln L at the estimates.
    public var logLikelihood: Double
    /// Customers (or buyers, for Gamma-Gamma) the fit used.
    public var n: Int
    package var iterations: Int
    /// Whether the optimizer met its gradient tolerance.
    public var converged: Bool
    /// What happened, in words: converged, or what went wrong (gradient norm, a parameter
    /// running to a bound, a flat likelihood) and what to do.
    public var diagnostic: String
    /// The inverse Hessian (natural parameters); nil where it is singular or not computed.
    package var covariance: [[Double]]? = nil
    /// BFGS's metric where the search stopped, to continue from.
    var searchMetric: [[Double]]? = nil

    package func value(_ name: String) -> Double { values[names.firstIndex(of: name)!] }

    /// `count` parameter vectors from the fit's asymptotic distribution — normal in the
    /// log-parameters the fit works in, with the covariance carried over by the delta method —
    /// for a seeded parametric bootstrap of predictions. Nil without a usable covariance.
    ///
    /// ```swift
    /// let draws = fit.parameterDraws(count: 100, seed: 1)   // 100 × [r, α, a, b]
    /// ```
    package func parameterDraws(count: Int, seed: UInt64) -> [[Double]]? {
        guard let covariance, values.allSatisfy({ $0 > 0 && $0.isFinite }) else { return nil }
        let k = values.count
        // Covariance of ln θ, then its Cholesky factor.
        var c = (0..<k).map { i in (0..<k).map { j in covariance[i][j] / (values[i] * values[j]) } }
        for i in 0..<k {
            for j in 0...i {
                var sum = c[i][j]
                for m in 0..<j { sum -= c[i][m] * c[j][m] }
                if i == j {
                    guard sum > 0 else { return nil }
                    c[i][i] = sum.squareRoot()
                } else {
                    c[i][j] = sum / c[j][j]
                }
            }
            for j in (i + 1)..<max(i + 1, k) { c[i][j] = 0 }
        }
        var rng = RandomSource(seed: seed)
        return (0..<count).map { _ in
            let z = (0..<k).map { _ in rng.normal() }
            return (0..<k).map { i in values[i] * exp((0...i).reduce(0) { $0 + c[i][$1] * z[$1] }) }
        }
    }
}

/// Fits log-parameters by BFGS from several starts, keeps the best, and derives standard
/// errors from a finite-difference Hessian of the analytic gradient.
enum LikelihoodFit {
    /// As `fit`, for data with `rows` distinct rows: beyond 50 000, the starts are first tried
    /// on a subsample (`sample`: its size and negative log-likelihood), and the best rough fit,
    /// with BFGS's metric there, starts the fit on all rows — the maximum is the full data's,
    /// found in a few iterations instead of dozens.
    static func fit(
        names: [String], starts: [[Double]], n: Int, rows: Int,
        sample: () -> (n: Int, negLL: ([Double]) -> (value: Double, gradient: [Double])),
        negLL: ([Double]) -> (value: Double, gradient: [Double])
    ) -> ModelFit {
        var starts = starts, metric: [[Double]]? = nil
        if rows > 50_000 {
            let (sampleN, sampleNegLL) = sample()
            let rough = fit(names: names, starts: starts, n: sampleN, standardErrors: false, negLL: sampleNegLL)
            if rough.values.allSatisfy({ $0.isFinite && $0 > 0 }) {
                starts = [rough.values]
                metric = rough.searchMetric
            }
        }
        return fit(names: names, starts: starts, n: n, metric: metric, negLL: negLL)
    }

    /// As `fit`, for a customer-base model over collapsed rows given by its log-likelihood and
    /// gradient at (natural parameters, rows); the subsample for the starts is every 20th row.
    static func fit(
        names: [String], starts: [[Double]], data: CollapsedSummary,
        logLikelihood: @escaping ([Double], CollapsedSummary) -> (value: Double, gradient: [Double])
    ) -> ModelFit {
        func negLL(_ rows: CollapsedSummary) -> ([Double]) -> (value: Double, gradient: [Double]) {
            { v in
                let (ll, g) = logLikelihood(v, rows)
                return (-ll, g.map { -$0 })
            }
        }
        return fit(
            names: names, starts: starts, n: data.customers, rows: data.x.count,
            sample: {
                let s = data.every(20)
                return (s.customers, negLL(s))
            }, negLL: negLL(data))
    }

    /// - Parameter negLL: the negative log-likelihood and its gradient in *natural* parameters.
    static func fit(
        names: [String], starts: [[Double]], n: Int, standardErrors wantErrors: Bool = true,
        metric: [[Double]]? = nil, negLL: ([Double]) -> (value: Double, gradient: [Double])
    ) -> ModelFit {
        // Optimise θ = ln(parameters), scaled by the number of customers.
        let scale = 1 / Double(max(1, n))
        // Log-parameters are kept within ±15 (3e-7 to 3e6): beyond, ln Γ of huge arguments
        // loses all precision. A fit that presses against this bound is reported as such.
        let objective: ([Double]) -> (value: Double, gradient: [Double]) = { theta in
            if theta.contains(where: { abs($0) > 15 }) { return (.infinity, theta.map { _ in 0 }) }
            let p = theta.map { exp($0) }
            let (v, g) = negLL(p)
            return (v * scale, zip(g, p).map { $0 * $1 * scale })
        }
        var best: QuasiNewton.Result? = nil
        for start in starts {
            // A rough fit (no standard errors: the subsample's, to start the full fit from) stops
            // at a looser tolerance: the full fit's first steps polish it, and a subsample's
            // last digits would be thrown away anyway (153 → 64 evaluations for BG/NBD).
            let result = QuasiNewton.minimize(
                objective, from: start.map { log($0) }, gradientTolerance: wantErrors ? 1e-9 : 1e-6,
                initialInverseHessian: metric)
            if result.value.isFinite, best == nil || result.value < best!.value { best = result }
        }
        guard let best else {
            return ModelFit(
                names: names, values: starts[0], standardErrors: names.map { _ in .nan }, logLikelihood: -.infinity,
                n: n, iterations: 0, converged: false,
                diagnostic:
                    "the likelihood is not finite at any starting point; check the data (negative or zero times, empty summary)"
            )
        }
        let params = best.x.map { exp($0) }
        if !wantErrors {
            return ModelFit(
                names: names, values: params, standardErrors: names.map { _ in .nan },
                logLikelihood: -best.value / scale,
                n: n, iterations: best.iterations, converged: best.converged, diagnostic: best.reason,
                searchMetric: best.inverseHessian)
        }
        // Hessian of the negative log-likelihood in natural parameters, by forward differences
        // of the gradient with a small step (k + 1 gradients instead of 2k; the analytic
        // gradients are accurate enough that the step's rounding error stays near 1e-8).
        let k = params.count
        var hessian = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
        // The gradient at the optimum is BFGS's last one, in θ and scaled: back to natural
        // parameters without another pass over the data.
        let g0 = (0..<k).map { best.gradient[$0] / (params[$0] * scale) }
        for j in 0..<k {
            let h = 1e-7 * max(abs(params[j]), 1e-8)
            var up = params
            up[j] += h
            let gu = negLL(up).gradient
            for i in 0..<k { hessian[i][j] = (gu[i] - g0[i]) / h }
        }
        for i in 0..<k {
            for j in 0..<i {
                let avg = (hessian[i][j] + hessian[j][i]) / 2
                hessian[i][j] = avg
                hessian[j][i] = avg
            }
        }
        let covariance = QuasiNewton.inverse(hessian)
        let errors = (0..<k).map { i -> Double in
            guard let c = covariance?[i][i], c > 0 else { return .nan }
            return c.squareRoot()
        }
        var diagnostic: String
        var converged = best.converged
        let gradientNorm = QuasiNewton.norm(best.gradient)
        if let i = best.x.firstIndex(where: { abs($0) > 13 }) {
            converged = false
            diagnostic =
                "parameter \(names[i]) ran to \(ModelFit.short(params[i])) (a bound of the search): the data do not pin it down — the model does not fit this data's shape, or there is too little of it; try another model, a calibration_end to check predictions, or more history"
        } else if covariance == nil || errors.contains(where: { $0.isNaN }) {
            converged = false
            diagnostic =
                "the likelihood is flat in some direction (the Hessian is singular): parameters are not identified; standard errors are missing"
        } else if best.converged {
            diagnostic =
                "converged in \(best.iterations) iterations (\(best.reason), gradient norm \(String(format: "%.1e", gradientNorm)))"
        } else {
            diagnostic =
                "did not converge: \(best.reason); gradient norm \(String(format: "%.1e", gradientNorm)) — the estimates are the best found"
        }
        return ModelFit(
            names: names, values: params, standardErrors: errors, logLikelihood: -best.value / scale, n: n,
            iterations: best.iterations, converged: converged, diagnostic: diagnostic, covariance: covariance)
    }
}

extension ModelFit {
    /// A parameter for a message: four significant digits (2.1e-06, 0.7601, 1262).
    static func short(_ x: Double) -> String {
        abs(x) >= 1e-3 && abs(x) < 1e6 || x == 0 ? String(format: "%.4g", x) : String(format: "%.2e", x)
    }

    /// The fit, re-told when it found (next to) no drop-out: P(alive) is then about 1 for every
    /// customer and lifetime value assumes nobody leaves, which an analyst must hear in plain
    /// words — with how many customers did buy again, so that it is not mistaken for a lack of
    /// data — and what to try.
    ///
    /// - Parameter leaving: the share of customers the fitted model expects to lose over the
    ///   data's mean age (BG/NBD: after each purchase, a/(a+b); Pareto/NBD: 1 − (β/(β+T̄))^s).
    /// - Parameter what: how the model's drop-out works, for the message.
    /// - Parameter alternative: the model to try instead.
    func diagnosingDropout(
        leaving: Double, parameters: String, what: String, alternative: String, data: CollapsedSummary
    ) -> ModelFit {
        guard values.allSatisfy(\.isFinite), leaving.isFinite, leaving < 1e-3 else { return self }
        var fit = self
        var repeaters = 0.0
        for i in data.x.indices where data.x[i] > 0 { repeaters += data.weight[i] }
        let percent = leaving * 100 < 0.0001 ? "under 0.0001 %" : String(format: "%.4f %%", leaving * 100)
        fit.converged = false
        fit.diagnostic =
            "\(parameters): the model finds almost no one leaving (\(what): \(percent)), so P(alive) is about 1 for every customer and lifetime value assumes customers stay for good. "
            + "This is not too little data — \(Int(repeaters)) of \(data.customers) customers bought again — but gaps between purchases read as slow buying rather than leaving "
            + "(common when the history is short against those gaps, or when a few wholesale buyers dominate). "
            + "Try model: \(alternative), set calibration_end to check predictions on a holdout, or use a longer history"
        return fit
    }
}
