import Foundation
import PatronCSV
import PatronModels
import PatronPipeline
import PatronTable
import Synchronization

/// `ltv`: customer lifetime value from transactions — BG/NBD for purchases, Gamma-Gamma for
/// spend — with an explicit time unit and a discount rate per year.
///
/// ```yaml
/// ltv:
///   use: ltv
///   inputs: [clean]
///   with: {model: bg-nbd, spend: gamma-gamma, time_unit: week, observation_end: 2025-06-30,
///          horizon: 52, discount_rate: 0.10}
/// ```
enum LTV: StageModule {
    static let spec = ModuleSpec(
        name: "ltv", version: "6",
        summary:
            "Lifetime value: BG/NBD purchases and Gamma-Gamma spend per customer, P(alive), expected purchases, discounted CLV.",
        inputs: .exactly(1),
        params: [
            ParamSpec("customer", .string, default: .string("customer_id"), help: "customer id column"),
            ParamSpec("date", .string, default: .string("order_date"), help: "transaction date column"),
            ParamSpec("amount", .string, default: .string("amount"), help: "transaction value column"),
            ParamSpec(
                "model", .choice(["bg-nbd", "pareto-nbd", "mbg-nbd"]), default: .string("bg-nbd"),
                help: "purchase model: bg-nbd, pareto-nbd or mbg-nbd"),
            ParamSpec(
                "spend", .choice(["gamma-gamma", "none"]), default: .string("gamma-gamma"),
                help: "spend model, or none for purchases only"),
            ParamSpec(
                "time_unit", .choice(CustomerSummary.TimeUnit.allCases.map(\.rawValue)), default: .string("week"),
                help: "unit of recency, T and horizon"),
            ParamSpec(
                "observation_end", .string, help: "end of the data, YYYY-MM-DD (default: the last transaction date)"),
            ParamSpec(
                "calibration_end", .string,
                help:
                    "fit on the data up to this date and evaluate on the rest up to observation_end (the evaluation port)"
            ),
            ParamSpec("horizon", .number, default: .double(52), help: "prediction horizon, in time_unit"),
            ParamSpec(
                "discount_rate", .number, default: .double(0.10),
                help: "discount rate per year, converted to the time unit"),
            ParamSpec(
                "intervals", .bool, default: .bool(false),
                help:
                    "90% intervals for expected purchases and CLV by a seeded parametric bootstrap of the fitted parameters"
            ),
            ParamSpec(
                "interval_draws", .int, default: .int(100),
                help: "parameter draws for intervals (prediction time grows in proportion)"),
            ParamSpec("seed", .int, default: .int(1), help: "seed of the bootstrap draws"),
        ],
        ports: ["params"],
        dynamicPorts: { params in params["calibration_end"] == nil ? ["params"] : ["params", "evaluation"] },
        validate: { params in
            var problems = [(param: String, message: String)]()
            for name in ["observation_end", "calibration_end"] {
                if let text = params[name]?.string, CleanTransactions.parseDate(text) == nil {
                    problems.append((name, "'\(name)' must be a date like 2025-06-30, got '\(text)'"))
                }
            }
            if let c = params["calibration_end"]?.string.flatMap(CleanTransactions.parseDate),
                let o = params["observation_end"]?.string.flatMap(CleanTransactions.parseDate), c >= o
            {
                problems.append(("calibration_end", "'calibration_end' must come before observation_end"))
            }
            if let h = params["horizon"]?.double, !(h > 0 && h <= 10_000) {
                problems.append(("horizon", "'horizon' must be positive (in time_unit), got \(h)"))
            }
            if let d = params["interval_draws"]?.int, !(d >= 20 && d <= 10_000) {
                problems.append(("interval_draws", "'interval_draws' must be between 20 and 10000, got \(d)"))
            }
            if let d = params["discount_rate"]?.double, !(d >= 0 && d < 10) {
                problems.append(("discount_rate", "'discount_rate' is a yearly rate such as 0.10, got \(d)"))
            }
            return problems
        },
        inputColumns: ModuleSpec.columns(named: [
            ("customer", "customer_id"), ("date", "order_date"), ("amount", "amount"),
        ]))

    static func run(_ context: StageContext) async throws -> StageOutput {
        context.progress("grouping transactions by customer")
        let (purchases, customers) = try CustomerPurchases.read(context)
        let unit = CustomerSummary.TimeUnit(rawValue: context.string("time_unit") ?? "week") ?? .week
        guard let lastDay = purchases.lastDay else {
            throw StageFailure("no transactions to fit: the input is empty")
        }
        let observationEnd = context.string("observation_end").flatMap(CleanTransactions.parseDate) ?? lastDay
        let calibrationEnd = context.string("calibration_end").flatMap(CleanTransactions.parseDate)
        if let calibrationEnd, calibrationEnd >= observationEnd {
            throw StageFailure(
                "calibration_end \(CivilDate.string(Int(calibrationEnd))) is not before the end of the data \(CivilDate.string(Int(observationEnd)))"
            )
        }
        // With a calibration period the models see only its data.
        let end = calibrationEnd ?? observationEnd
        context.progress("summarising \(purchases.count) customers")
        // Customers in the output's order (by id): every per-customer array is in that order,
        // and the fit's sums do not depend on the input's row order.
        let summary = CustomerSummary(purchases: purchases, end: end, unit: unit)
        guard summary.count >= 2 else {
            throw StageFailure(
                "BG/NBD needs at least 2 customers with purchases by observation_end, found \(summary.count)")
        }
        guard summary.frequency.contains(where: { $0 > 0 }) else {
            throw StageFailure(
                "no customer bought twice by observation_end: a repeat-purchase model has nothing to learn from; use more history"
            )
        }

        let model = context.string("model") ?? "bg-nbd"
        let horizon = context.double("horizon") ?? 52
        let yearly = context.double("discount_rate") ?? 0.10
        let perUnit = pow(1 + yearly, unit.days / 365.25) - 1
        let rows = CollapsedSummary(x: summary.frequency, tx: summary.recency, T: summary.age)
        context.progress("fitting \(model) on \(rows.x.count) distinct (x, t_x, T)")
        let purchaseFit = PurchasePredictor.fit(model, rows)
        let predictor = PurchasePredictor(
            model: model, values: purchaseFit.values, horizon: horizon, ratePerUnit: perUnit)
        var spendFit: ModelFit? = nil
        var gg: GammaGamma.Parameters? = nil
        if context.string("spend") != "none" {
            context.progress("fitting Gamma-Gamma")
            let fit = GammaGamma.fit(frequency: summary.frequency, monetary: summary.monetary)
            spendFit = fit
            if fit.n > 0 { gg = GammaGamma.Parameters(fit) }
        }

        context.progress("predicting")
        // Predictions once per distinct (x, t_x, T); spend per customer.
        let n = summary.count
        let perRow = predictor.predict(rows)
        // The output's columns in one pass; expected spend and CLV only where Gamma-Gamma gives
        // a finite spend (null otherwise).
        var pAlive = [Double](), expected = [Double](), spend = [Double](), clv = [Double](), spendValid = [Bool]()
        pAlive.reserveCapacity(n)
        expected.reserveCapacity(n)
        spend.reserveCapacity(n)
        clv.reserveCapacity(n)
        spendValid.reserveCapacity(n)
        for i in 0..<n {
            let k = Int(rows.rowOf[i])
            pAlive.append(perRow.alive[k])
            expected.append(perRow.total[k])
            let perPurchase =
                gg.map { GammaGamma.expectedSpendAnyCustomer($0, x: summary.frequency[i], mean: summary.monetary[i]) }
                ?? .nan
            let valid = perPurchase.isFinite
            spendValid.append(valid)
            spend.append(valid ? perPurchase : 0)
            clv.append(valid ? perRow.discounted[k] * perPurchase : 0)
        }
        var intervals: LTVIntervals? = nil
        if context.bool("intervals") == true {
            let draws = context.int("interval_draws") ?? 100
            context.progress("bootstrapping \(draws) parameter draws for 90% intervals")
            intervals = try LTVIntervals(
                model: model, purchaseFit: purchaseFit, spendFit: gg == nil ? nil : spendFit, rows: rows,
                summary: summary, draws: draws, seed: UInt64(context.int("seed") ?? 1),
                horizon: horizon, ratePerUnit: perUnit)
        }

        context.progress("building the table")
        // Output ordered by customer id, like every per-customer table: the summary's order.
        let main = try Table(
            names: [
                "customer_id", "frequency", "recency", "T", "monetary_value", "p_alive",
                "expected_purchases", "expected_spend", "clv",
            ] + (intervals == nil ? [] : LTVIntervals.columns),
            columns: [
                customers.gathering(summary.customer.map { purchases.firstRow[$0] }),
                .decimal(summary.frequency), .decimal(summary.recency), .decimal(summary.age),
                .decimal(summary.monetary),
                .decimal(pAlive), .decimal(expected), .decimal(spend, validity: spendValid),
                .decimal(clv, validity: spendValid),
            ] + (intervals?.outputColumns ?? []))
        var ports: [(String, Table)] = [("params", try paramsTable(model, purchaseFit, spendFit, summary, intervals))]
        if let calibrationEnd {
            context.progress("evaluating on the holdout")
            let evaluation = HoldoutEvaluation(
                frequency: summary.frequency, holdoutDays: summary.customer.map { Array(purchases.days(of: $0)) },
                calibrationEnd: calibrationEnd,
                holdoutEnd: observationEnd, unit: unit,
                expected: { i, t in predictor.expectedAt(t, summary.frequency[i], summary.recency[i], summary.age[i]) })
            ports.append(
                (
                    "evaluation",
                    try Table(
                        names: ["kind", "label", "customers", "actual", "predicted"],
                        columns: [
                            .string(evaluation.rows.map(\.kind)), .string(evaluation.rows.map(\.label)),
                            .int(
                                evaluation.rows.map { Int64($0.customers ?? 0) },
                                validity: evaluation.rows.map { $0.customers != nil }),
                            .decimal(
                                evaluation.rows.map { $0.actual ?? 0 },
                                validity: evaluation.rows.map { $0.actual != nil }),
                            .decimal(
                                evaluation.rows.map { $0.predicted ?? 0 },
                                validity: evaluation.rows.map { $0.predicted != nil }),
                        ])
                ))
        }
        return StageOutput(
            main: main, other: ports,
            counts: ["customers": n, "excluded_first_purchase_after_end": summary.excludedLate])
    }

    /// One row per parameter, then log_likelihood and n per model (with the fit diagnostic).
    static func paramsTable(
        _ purchaseModel: String, _ purchase: ModelFit, _ spend: ModelFit?, _ summary: CustomerSummary,
        _ intervals: LTVIntervals?
    ) throws -> Table {
        var model = [String](), name = [String](), value = [Double](), error = [Double](), note = [String?]()
        func add(_ m: String, _ fit: ModelFit) {
            for (i, n) in fit.names.enumerated() {
                model.append(m)
                name.append(n)
                value.append(fit.values[i])
                error.append(fit.standardErrors[i])
                note.append(nil)
            }
            model.append(m)
            name.append("log_likelihood")
            value.append(fit.logLikelihood)
            error.append(.nan)
            note.append(fit.diagnostic)
            model.append(m)
            name.append("n")
            value.append(Double(fit.n))
            error.append(.nan)
            note.append(nil)
        }
        add(purchaseModel, purchase)
        if let spend {
            add("gamma-gamma", spend)
            model.append("gamma-gamma")
            name.append("spend_frequency_correlation")
            value.append(GammaGamma.spendFrequencyCorrelation(frequency: summary.frequency, monetary: summary.monetary))
            error.append(.nan)
            note.append("the model assumes spend and frequency are independent; far from 0, expected spend is biased")
        }
        if let intervals {
            model.append("bootstrap")
            name.append("draws")
            value.append(Double(intervals.draws))
            error.append(.nan)
            note.append(
                "90% intervals (5th to 95th percentile) over parameter draws, seed \(intervals.seed); \(intervals.clvNote)"
            )
        }
        return try Table(
            names: ["model", "name", "value", "std_error", "note"],
            columns: [
                .string(model), .string(name),
                .decimal(value.map { $0.isFinite ? $0 : 0 }, validity: value.map(\.isFinite)),
                .decimal(error.map { $0.isFinite ? $0 : 0 }, validity: error.map(\.isFinite)),
                .string(note, type: .text),
            ])
    }
}
