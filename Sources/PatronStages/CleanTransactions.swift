import PatronCSV
import PatronModels
import PatronPipeline
import PatronTable

/// `clean.transactions`: ingested orders → clean transactions, every dropped row in
/// `rejects` with its source line and reason.
///
/// ```yaml
/// clean:
///   use: clean.transactions
///   inputs: [orders]
///   with: {customer: customer_id, date: order_date, amount: amount, returns: net,
///          currency: currency, base_currency: EUR, rates: {SEK: 0.087, PLN: 0.23, GBP: 1.17}}
/// ```
enum CleanTransactions: StageModule {
    struct Parameters: ModuleParameters {
        var customer = "customer_id"
        var date = "order_date"
        var amount = "amount"
        var quantity: String? = nil
        var unitPrice: String? = nil
        var orderID: String? = nil
        var item: String? = nil
        var cancelPrefix: String? = nil
        var exclude: ParamMap? = nil
        var include: ParamMap? = nil
        var currency: String? = nil
        var baseCurrency: String? = nil
        var rates: ParamMap? = nil
        var customerCase = CleaningRules.Case.keep
        var minDate: CalendarDay? = nil
        var observationEnd: CalendarDay? = nil
        var returns = CleaningRules.Returns.reject
        var provenance: [String] = []

        static let fields: [ParamField<Self>] = [
            ParamField("customer", \.customer, help: "the customer id column; the output names it `customer_id`"),
            ParamField(
                "date", \.date,
                help:
                    "the order date column, a `date` or a `datetime`; the output names its day `order_date` (a datetime column also passes through)"
            ),
            ParamField(
                "amount", \.amount,
                help: "the order value column; the output names it `amount` (not read with `quantity` and `unit_price`)"
            ),
            ParamField(
                "quantity", \.quantity,
                help: "with `unit_price`: the amount is quantity × unit price, multiplied as decimals (6 × 2.55 = 15.3)"
            ),
            ParamField("unit_price", \.unitPrice, help: "with `quantity`: the price of one unit"),
            ParamField("order_id", \.orderID, help: "the order (invoice) column; the output names it `order_id`"),
            ParamField(
                "item", \.item,
                help: "the product column: `returns: net` matches a return to purchases of the same item"),
            ParamField(
                "cancel_prefix", \.cancelPrefix,
                help: "order ids starting with this (`C`) are cancellations: their lines are returns"),
            ParamField(
                "exclude", \.exclude,
                help: "`{column: [values]}`: rows with one of these values are rejected (`{StockCode: [POST, M]}`)"),
            ParamField(
                "include", \.include,
                help:
                    "`{column: [values]}`: rows with none of these values are rejected (`{Country: [United Kingdom]}`)"),
            ParamField("currency", \.currency, help: "the column with each row's currency code"),
            ParamField(
                "base_currency", \.baseCurrency,
                help: "the currency kept; others need a rate (then the column says the base)"),
            ParamField(
                "rates", \.rates,
                help: "`{SEK: 0.087, GBP: 1.17}`: multiply into `base_currency`; converted amounts are rounded to cents"
            ),
            ParamField("case", \.customerCase, help: "customer ids: `keep`, `lower` or `upper` (always trimmed)"),
            ParamField("min_date", \.minDate, help: "the first date kept, inclusive"),
            ParamField("observation_end", \.observationEnd, help: "the last date kept, inclusive"),
            ParamField(
                "returns", \.returns,
                help:
                    "returns (negative amounts, cancellations): `reject`; `net` — subtract from the customer's earlier purchases (of the same `item` when given), latest first, across days; `keep`"
            ),
            ParamField(
                "provenance", \.provenance,
                help:
                    "columns that say where a row came from, not what it says (a row number): left out of the exact-duplicate rule, like `source_line` and what a `shell` stage declares"
            ),
        ]
    }

    static let name = "clean.transactions"
    static let version = "3"
    static let summary =
        "Clean transactions: required fields, dates in range, duplicates, returns, currencies; every dropped row in `rejects`."
    static let inputs = ModuleSpec.Inputs.exactly(1)

    static func ports(_ params: Parameters) -> [String] { ["rejects", "monthly"] }

    static func validate(_ params: Parameters) -> [ParamProblem] {
        var problems = [ParamProblem]()
        for entry in params.rates?.entries ?? [] where (entry.value.double ?? 0) <= 0 {
            problems.append(
                ParamProblem(
                    \Parameters.rates,
                    verbatim: "rate for \(entry.key) must be a positive number, got '\(entry.value.interpolated)'"))
        }
        if params.rates != nil && (params.baseCurrency == nil || params.currency == nil) {
            problems.append(
                ParamProblem(
                    \Parameters.rates,
                    verbatim: "rates: needs currency: (the column) and base_currency: (what to convert into)"))
        }
        if (params.quantity == nil) != (params.unitPrice == nil) {
            problems.append(
                ParamProblem(
                    params.quantity == nil ? \Parameters.unitPrice : \Parameters.quantity,
                    verbatim: "quantity: and unit_price: go together: the amount is their product"))
        }
        if params.cancelPrefix != nil && params.orderID == nil {
            problems.append(
                ParamProblem(
                    \Parameters.cancelPrefix, verbatim: "cancel_prefix: needs order_id: naming the order column"))
        }
        for (keyPath, map) in [(\Parameters.exclude, params.exclude), (\Parameters.include, params.include)] {
            for entry in map?.entries ?? [] where entry.value.entries != nil || entry.value == .null {
                problems.append(
                    ParamProblem(
                        keyPath,
                        verbatim:
                            "\(keyPath == \Parameters.exclude ? "exclude" : "include"): \(entry.key): give a value or a list of values, like {\(entry.key): [A, B]}"
                    ))
            }
        }
        if params.baseCurrency != nil && params.currency == nil {
            problems.append(
                ParamProblem(
                    \Parameters.baseCurrency,
                    verbatim: "base_currency: needs currency: naming the column with each row's currency"))
        }
        return problems
    }

    /// The inputs' provenance columns and those declared (they pass through).
    static func provenance(_ params: Parameters, inputs: [Set<String>]) -> Set<String> {
        inputs.reduce(into: Set(params.provenance)) { $0.formUnion($1) }
    }

    static func run(_ context: StageContext, _ params: Parameters) async throws -> StageOutput {
        var rules = CleaningRules(customer: params.customer, date: params.date, amount: params.amount)
        rules.quantity = params.quantity
        rules.unitPrice = params.unitPrice
        rules.orderID = params.orderID
        rules.item = params.item
        rules.cancelPrefix = params.cancelPrefix
        rules.exclude = values(params.exclude)
        rules.include = values(params.include)
        rules.currency = params.currency
        rules.baseCurrency = params.baseCurrency
        for entry in params.rates?.entries ?? [] { rules.rates[entry.key.uppercased()] = entry.value.double }
        rules.customerCase = params.customerCase
        rules.returns = params.returns
        rules.minDate = params.minDate?.day
        rules.observationEnd = params.observationEnd?.day
        rules.provenance = context.inputs[0].provenance.union(params.provenance).union([rules.lineColumn])
        let result: TransactionCleaner.Result
        do {
            result = try TransactionCleaner.clean(context.inputs[0].take(), rules: rules)
        } catch {
            throw StageFailure("input '\(context.inputs[0].ref)': \(error)")
        }
        return StageOutput(
            main: result.kept, other: [("rejects", result.rejects), ("monthly", monthly(result.kept))],
            counts: result.counts)
    }

    /// The kept rows by calendar month: `month` (its first day), `lines`, `revenue`, and the
    /// first and last day with rows (`first_day`, `last_day`). The report's revenue chart and
    /// period come from here, not from reading the whole table back.
    static func monthly(_ kept: Table) -> Table {
        let names = ["month", "lines", "revenue", "first_day", "last_day"]
        guard case .date(let days)? = kept["order_date"]?.storage, let amounts = kept["amount"]?.doubles,
            let months = MonthIndex(days: days)
        else {
            return try! Table(names: names, columns: [.date([]), .int([]), .decimal([]), .date([]), .date([])])
        }
        var sums = [Double](repeating: 0, count: months.count), lines = [Int64](repeating: 0, count: months.count)
        var low = [Int32](repeating: .max, count: months.count), high = [Int32](repeating: .min, count: months.count)
        for (day, amount) in zip(days, amounts) {
            let k = months.index(day)
            sums[k] += amount
            lines[k] += 1
            low[k] = min(low[k], day)
            high[k] = max(high[k], day)
        }
        let used = (0..<months.count).filter { lines[$0] > 0 }
        return try! Table(
            names: names,
            columns: [
                .date(used.map { Int32(months.start(of: $0)) }), .int(used.map { lines[$0] }),
                .decimal(used.map { sums[$0] }), .date(used.map { low[$0] }), .date(used.map { high[$0] }),
            ])
    }
}

extension CleanTransactions {
    /// `{column: [values]}` (or `{column: value}`) as columns and texts.
    static func values(_ map: ParamMap?) -> [(column: String, values: [String])] {
        (map?.entries ?? []).map { entry in
            (entry.key, entry.value.list.map { $0.map(\.interpolated) } ?? [entry.value.interpolated])
        }
    }
}

extension CleaningRules.Case: ParamChoice {}
extension CleaningRules.Returns: ParamChoice {}
