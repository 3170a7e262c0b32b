import Foundation

/// How a purchase model fitted on a calibration period predicts the holdout period after
/// it: actual against predicted repeat purchases by calibration frequency (0, 1, …, 7+),
/// cumulative purchases by unit of time through the holdout, and per-customer errors.
package struct HoldoutEvaluation: Sendable {
    package struct Row: Sendable, Equatable {
        /// "by_frequency", "tracking" or "metric".
        package var kind: String
        package var label: String
        package var customers: Int?
        package var actual: Double?
        package var predicted: Double?
    }

    package var rows: [Row]

    /// - Parameters:
    ///   - holdoutDays: for each summarised customer, the days on which they bought; only those
    ///     after the calibration end and up to the holdout end count, same-day purchases once.
    ///   - expected: E[Y(t) | customer i] for t in time units after the calibration end.
    package init(
        frequency: [Double], holdoutDays: [[Int32]], calibrationEnd: Int32, holdoutEnd: Int32,
        unit: CustomerSummary.TimeUnit, expected: (Int, Double) -> Double
    ) {
        let n = frequency.count
        let length = Double(holdoutEnd - calibrationEnd) / unit.days
        let holdoutDays = holdoutDays.map { $0.filter { $0 > calibrationEnd && $0 <= holdoutEnd } }
        let actual = holdoutDays.map { Double(Set($0).count) }
        let predicted = (0..<n).map { expected($0, length) }
        var rows = [Row]()
        for group in 0...7 {
            let members = (0..<n).filter { group == 7 ? frequency[$0] >= 7 : Int(frequency[$0]) == group }
            let count = Double(max(1, members.count))
            rows.append(
                Row(
                    kind: "by_frequency", label: group == 7 ? "7+" : String(group), customers: members.count,
                    actual: members.isEmpty ? nil : members.reduce(0) { $0 + actual[$1] } / count,
                    predicted: members.isEmpty ? nil : members.reduce(0) { $0 + predicted[$1] } / count))
        }
        // Cumulative purchases through the holdout, one point per whole unit and the end.
        var marks = Array(stride(from: 1.0, to: length, by: 1.0))
        marks.append(length)
        for t in marks {
            let cutoff = calibrationEnd + Int32((t * unit.days).rounded(.down))
            let done = holdoutDays.reduce(0.0) { $0 + Double(Set($1.filter { $0 <= cutoff }).count) }
            let expectedSoFar = (0..<n).reduce(0.0) { $0 + expected($1, t) }
            rows.append(
                Row(
                    kind: "tracking", label: String(format: "%g", t), customers: n, actual: done,
                    predicted: expectedSoFar))
        }
        let errors = zip(actual, predicted).map { $0 - $1 }
        let mae = errors.reduce(0) { $0 + abs($1) } / Double(max(1, n))
        let rmse = (errors.reduce(0) { $0 + $1 * $1 } / Double(max(1, n))).squareRoot()
        let ma = actual.reduce(0, +) / Double(max(1, n)), mp = predicted.reduce(0, +) / Double(max(1, n))
        var sap = 0.0, saa = 0.0, spp = 0.0
        for i in 0..<n {
            sap += (actual[i] - ma) * (predicted[i] - mp)
            saa += (actual[i] - ma) * (actual[i] - ma)
            spp += (predicted[i] - mp) * (predicted[i] - mp)
        }
        let correlation = saa > 0 && spp > 0 ? sap / (saa * spp).squareRoot() : nil
        rows.append(
            Row(
                kind: "metric", label: "total", customers: n, actual: actual.reduce(0, +),
                predicted: predicted.reduce(0, +)))
        rows.append(Row(kind: "metric", label: "mae", customers: n, actual: nil, predicted: mae))
        rows.append(Row(kind: "metric", label: "rmse", customers: n, actual: nil, predicted: rmse))
        rows.append(Row(kind: "metric", label: "correlation", customers: n, actual: nil, predicted: correlation))
        self.rows = rows
    }
}
