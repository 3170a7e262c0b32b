import Foundation
import PatronModels
import PatronPipeline
import PatronSupport
import PatronTable

/// 90% intervals (5th and 95th percentiles) of each customer's expected purchases and CLV over
/// the horizon, by a seeded parametric bootstrap: parameter vectors are drawn from each fit's
/// asymptotic distribution (`ModelFit.parameterDraws`), and every customer is predicted again
/// under each draw. The intervals express parameter uncertainty, not the randomness of the
/// customer's own future purchases.
struct LTVIntervals {
    static let columns = ["expected_purchases_low", "expected_purchases_high", "clv_low", "clv_high"]

    /// Per customer of the summary; CLV bounds are NaN without a spend model.
    var purchasesLow: [Double], purchasesHigh: [Double], clvLow: [Double], clvHigh: [Double]
    let draws: Int, seed: UInt64
    /// What the CLV bounds rest on, for the params table.
    let clvNote: String

    init(
        model: PurchaseModelKind, purchaseFit: ModelFit, spendFit: ModelFit?, rows: CollapsedSummary,
        summary: CustomerSummary,
        draws count: Int, seed: UInt64, horizon: Double, ratePerUnit: Double
    ) throws {
        guard let purchaseDraws = purchaseFit.parameterDraws(count: count, seed: seed) else {
            throw StageFailure(
                "intervals: true needs the \(model.rawValue) fit's standard errors, and it has none (\(purchaseFit.diagnostic)); set intervals: false"
            )
        }
        // Without Gamma-Gamma standard errors the CLV bounds stay null (the params note says so).
        let spendDraws = spendFit?.parameterDraws(count: count, seed: seed &+ 1)?.map {
            GammaGamma.Parameters(p: $0[0], q: $0[1], gamma: $0[2])
        }
        clvNote =
            spendFit == nil
            ? "no spend model: CLV has no interval"
            : spendDraws == nil
                ? "the Gamma-Gamma fit has no standard errors (\(spendFit!.diagnostic)): clv_low and clv_high are null"
                : "clv_low and clv_high from \(count) draws of both models' parameters"
        draws = count
        self.seed = seed
        let predictors = purchaseDraws.map {
            PurchasePredictor(model: model, values: $0, horizon: horizon, ratePerUnit: ratePerUnit)
        }
        let n = summary.count
        // Customers by row (a counting sort on rowOf).
        var start = [Int](repeating: 0, count: rows.x.count + 1)
        for k in rows.rowOf { start[Int(k) + 1] += 1 }
        for k in 0..<rows.x.count { start[k + 1] += start[k] }
        var fill = start, byRow = [Int](repeating: 0, count: n)
        for i in 0..<n {
            let k = Int(rows.rowOf[i])
            byRow[fill[k]] = i
            fill[k] += 1
        }

        var pLow = [Double](repeating: .nan, count: n), pHigh = pLow, cLow = pLow, cHigh = pLow
        // Rows in chunks, so the draws × rows matrix stays small.
        let chunk = 32_768
        for first in stride(from: 0, to: rows.x.count, by: chunk) {
            let range = first..<min(rows.x.count, first + chunk)
            let part = CollapsedSummary(rows: Array(range), of: rows)
            let perDraw = predictors.map { $0.predict(part, alive: false) }
            let (customerStart, customers, x, mean) = (start, byRow, summary.frequency, summary.monetary)
            let results = ParallelBlocks.map(count: range.count, block: 1024) { locals in
                var out = [(Int, Double, Double, Double, Double)]()
                var values = [Double](repeating: 0, count: count)
                for local in locals {
                    let k = first + local
                    for d in 0..<count { values[d] = perDraw[d].total[local] }
                    let (lo, hi) = LTVIntervals.bounds(&values)
                    for c in customers[customerStart[k]..<customerStart[k + 1]] {
                        var clvLo = Double.nan, clvHi = Double.nan
                        if let spendDraws {
                            for d in 0..<count {
                                values[d] =
                                    perDraw[d].discounted[local]
                                    * GammaGamma.expectedSpendAnyCustomer(spendDraws[d], x: x[c], mean: mean[c])
                            }
                            if values.allSatisfy(\.isFinite) { (clvLo, clvHi) = LTVIntervals.bounds(&values) }
                        }
                        out.append((c, lo, hi, clvLo, clvHi))
                    }
                }
                return out
            }
            for block in results {
                for (c, lo, hi, clo, chi) in block {
                    pLow[c] = lo
                    pHigh[c] = hi
                    cLow[c] = clo
                    cHigh[c] = chi
                }
            }
        }
        purchasesLow = pLow
        purchasesHigh = pHigh
        clvLow = cLow
        clvHigh = cHigh
    }

    /// The 5th and 95th percentiles (linear between order statistics); sorts `values`.
    static func bounds(_ values: inout [Double]) -> (Double, Double) {
        values.sort()
        func at(_ q: Double) -> Double {
            let h = q * Double(values.count - 1), i = Int(h)
            return i + 1 < values.count ? values[i] + (h - Double(i)) * (values[i + 1] - values[i]) : values[i]
        }
        return (at(0.05), at(0.95))
    }

    /// The four interval columns, in the summary's (the output's) customer order; null where
    /// not finite.
    var outputColumns: [Column] {
        [purchasesLow, purchasesHigh, clvLow, clvHigh].map { v in
            let valid = v.map(\.isFinite)
            return .decimal(v.map { $0.isFinite ? $0 : 0 }, validity: valid)
        }
    }
}
