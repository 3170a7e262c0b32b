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
    struct Parameters: ModuleParameters {
        var customer = "customer_id"
        var date = "order_date"
        var amount = "amount"
        var model = PurchaseModelKind.bgNBD
        var spend = SpendModel.gammaGamma
        var timeUnit = CustomerSummary.TimeUnit.week
        var observationEnd: CalendarDay? = nil
        var calibrationEnd: CalendarDay? = nil
        var horizon = 52.0
        var discountRate = 0.10
        var intervals = false
        var intervalDraws = 100
        var seed = 1

        static let fields: [ParamField<Self>] = [
            ParamField("customer", \.customer, help: "customer id column"),
            ParamField("date", \.date, help: "transaction date column"),
            ParamField("amount", \.amount, help: "transaction value column"),
            ParamField("model", \.model, help: "`bg-nbd`, `pareto-nbd` or `mbg-nbd`"),
            ParamField("spend", \.spend, help: "`gamma-gamma`, or `none` for purchases only"),
            ParamField(
                "time_unit", \.timeUnit,
                help: "`day`, `week` or `month` (365.25/12 days): the unit of `recency`, `T` and `horizon`"),
            ParamField(
                "observation_end", \.observationEnd, defaultText: "last date",
                help: "the end of the data; later transactions are ignored"),
            ParamField(
                "calibration_end", \.calibrationEnd,
                help:
                    "fit on the data up to this date; the rest, to `observation_end`, is the holdout of the `evaluation` port"
            ),
            ParamField("horizon", \.horizon, help: "how far ahead to predict, in `time_unit`"),
            ParamField(
                "discount_rate", \.discountRate,
                help: "per **year**, converted to the time unit (no silent monthly/daily assumptions)"),
            ParamField(
                "intervals", \.intervals,
                help: "add 90% intervals for expected purchases and CLV (seeded parametric bootstrap)"),
            ParamField(
                "interval_draws", \.intervalDraws,
                help: "parameter draws for the intervals (20…10 000); prediction time grows in proportion"),
            ParamField("seed", \.seed, help: "seed of the draws: same seed, same intervals, to the bit"),
        ]

        var columnNames: CustomerTransactions.Names {
            CustomerTransactions.Names(customer: customer, date: date, amount: amount)
        }
    }

    enum SpendModel: String, ParamChoice {
        case gammaGamma = "gamma-gamma"
        case none
    }

    static let name = "ltv"
    static let version = "7"
    static let summary =
        "Lifetime value: BG/NBD purchases and Gamma-Gamma spend per customer, P(alive), expected purchases, discounted CLV."
    static let inputs = ModuleSpec.Inputs.exactly(1)

    static func ports(_ params: Parameters) -> [String] {
        params.calibrationEnd == nil ? ["params"] : ["params", "evaluation"]
    }

    static func validate(_ params: Parameters) -> [ParamProblem] {
        var problems = [ParamProblem]()
        if let c = params.calibrationEnd, let o = params.observationEnd, c.day >= o.day {
            problems.append(ParamProblem(\Parameters.calibrationEnd, "must come before observation_end"))
        }
        if !(params.horizon > 0 && params.horizon <= 10_000) {
            problems.append(ParamProblem(\Parameters.horizon, "must be positive (in time_unit), got \(params.horizon)"))
        }
        if !(params.intervalDraws >= 20 && params.intervalDraws <= 10_000) {
            problems.append(
                ParamProblem(\Parameters.intervalDraws, "must be between 20 and 10000, got \(params.intervalDraws)"))
        }
        if !(params.discountRate >= 0 && params.discountRate < 10) {
            problems.append(
                ParamProblem(\Parameters.discountRate, "is a yearly rate such as 0.10, got \(params.discountRate)"))
        }
        return problems
    }

    static func inputColumns(_ params: Parameters) -> [String]? { [params.customer, params.date, params.amount] }

    static func run(_ context: StageContext, _ params: Parameters) async throws -> StageOutput {
        context.progress("grouping transactions by customer")
        // Returns and refunds (negative amounts, kept upstream) are not purchases: they are
        // counted and said, never averaged into spend or counted as a repeat purchase.
        let (purchases, customers, returns) = try CustomerPurchases.read(
            context, params.columnNames, purchasesOnly: true)
        let unit = params.timeUnit
        guard let lastDay = purchases.lastDay else {
            throw StageFailure("no transactions to fit: the input is empty")
        }
        let observationEnd = params.observationEnd?.day ?? lastDay
        let calibrationEnd = params.calibrationEnd?.day
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

        let model = params.model
        let horizon = params.horizon
        let yearly = params.discountRate
        let perUnit = pow(1 + yearly, unit.days / 365.25) - 1
        let rows = CollapsedSummary(x: summary.frequency, tx: summary.recency, T: summary.age)
        context.progress("fitting \(model.rawValue) on \(rows.x.count) distinct (x, t_x, T)")
        let purchaseFit = model.type.fit(rows)
        let predictor = PurchasePredictor(
            model: model, values: purchaseFit.values, horizon: horizon, ratePerUnit: perUnit)
        var spendFit: ModelFit? = nil
        var gg: GammaGamma.Parameters? = nil
        if params.spend == .gammaGamma {
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
        if params.intervals {
            let draws = params.intervalDraws
            context.progress("bootstrapping \(draws) parameter draws for 90% intervals")
            intervals = try LTVIntervals(
                model: model, purchaseFit: purchaseFit, spendFit: gg == nil ? nil : spendFit, rows: rows,
                summary: summary, draws: draws, seed: UInt64(params.seed),
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
        var ports: [(String, Table)] = [
            (
                "params",
                try paramsTable(model.rawValue, purchaseFit, spendFit, summary, intervals, returns: returns)
            )
        ]
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
        var counts = ["customers": n, "excluded_first_purchase_after_end": summary.excludedLate]
        if returns.rows > 0 { counts["negative_amounts"] = returns.rows }
        return StageOutput(main: main, other: ports, counts: counts)
    }

    /// One row per parameter, then log_likelihood and n per model (with the fit diagnostic).
    static func paramsTable(
        _ purchaseModel: String, _ purchase: ModelFit, _ spend: ModelFit?, _ summary: CustomerSummary,
        _ intervals: LTVIntervals?, returns: (rows: Int, total: Double) = (0, 0)
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
        if returns.rows > 0 {
            model.append("data")
            name.append("negative_amounts")
            value.append(Double(returns.rows))
            error.append(.nan)
            note.append(
                "transactions with a negative amount (returns and refunds, \(ValueFormat.readable(returns.total)) in all) are not purchases: left out of frequency, recency and spend"
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
extension CustomerSummary.TimeUnit: ParamChoice {}
