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
    static let spec = ModuleSpec(
        name: "clean.transactions", version: "1",
        summary:
            "Clean transactions: required fields, dates in range, duplicates, returns, currencies; every dropped row in `rejects`.",
        inputs: .exactly(1),
        params: [
            ParamSpec(
                "customer", .string, default: .string("customer_id"),
                help: "column with the customer id (output: customer_id)"),
            ParamSpec(
                "date", .string, default: .string("order_date"), help: "column with the order date (output: order_date)"
            ),
            ParamSpec(
                "amount", .string, default: .string("amount"), help: "column with the order value (output: amount)"),
            ParamSpec("order_id", .string, help: "column with the order id (checked to exist, passed through)"),
            ParamSpec("currency", .string, help: "column with each row's currency code"),
            ParamSpec("base_currency", .string, help: "currency to keep amounts in; rows in another need a rate"),
            ParamSpec("rates", .map, help: "rates into base_currency, e.g. {SEK: 0.087, GBP: 1.17}"),
            ParamSpec(
                "case", .choice(CleaningRules.Case.allCases.map(\.rawValue)), default: .string("keep"),
                help: "customer ids: keep, lower or upper case (always trimmed)"),
            ParamSpec("min_date", .string, help: "earliest date kept, YYYY-MM-DD"),
            ParamSpec("observation_end", .string, help: "latest date kept, YYYY-MM-DD"),
            ParamSpec(
                "returns", .choice(CleaningRules.Returns.allCases.map(\.rawValue)), default: .string("reject"),
                help: "negative amounts: reject, net (subtract from the same day's purchases) or keep"),
        ],
        ports: ["rejects"],
        validate: { params in
            var problems = [(param: String, message: String)]()
            for name in ["min_date", "observation_end"] {
                if let text = params[name]?.string, parseDate(text) == nil {
                    problems.append((name, "'\(name)' must be a date like 2025-06-30, got '\(text)'"))
                }
            }
            for entry in params["rates"]?.entries ?? [] where (entry.value.double ?? 0) <= 0 {
                problems.append(
                    ("rates", "rate for \(entry.key) must be a positive number, got '\(entry.value.interpolated)'"))
            }
            if params["rates"] != nil && (params["base_currency"] == nil || params["currency"] == nil) {
                problems.append(
                    ("rates", "rates: needs currency: (the column) and base_currency: (what to convert into)"))
            }
            if params["base_currency"] != nil && params["currency"] == nil {
                problems.append(
                    ("base_currency", "base_currency: needs currency: naming the column with each row's currency"))
            }
            return problems
        })

    static func parseDate(_ text: String) -> Int32? {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { DateFormat.iso.parse(UnsafeBufferPointer($0)) }
    }

    static func run(_ context: StageContext) async throws -> StageOutput {
        var rules = CleaningRules(
            customer: context.string("customer") ?? "customer_id",
            date: context.string("date") ?? "order_date",
            amount: context.string("amount") ?? "amount")
        rules.orderID = context.string("order_id")
        rules.currency = context.string("currency")
        rules.baseCurrency = context.string("base_currency")
        for entry in context.params["rates"]?.entries ?? [] { rules.rates[entry.key.uppercased()] = entry.value.double }
        rules.customerCase = CleaningRules.Case(rawValue: context.string("case") ?? "keep") ?? .keep
        rules.returns = CleaningRules.Returns(rawValue: context.string("returns") ?? "reject") ?? .reject
        rules.minDate = context.string("min_date").flatMap(parseDate)
        rules.observationEnd = context.string("observation_end").flatMap(parseDate)
        let result: TransactionCleaner.Result
        do {
            result = try TransactionCleaner.clean(context.inputs[0].take(), rules: rules)
        } catch {
            throw StageFailure("input '\(context.inputs[0].ref)': \(error)")
        }
        return StageOutput(main: result.kept, other: [("rejects", result.rejects)], counts: result.counts)
    }
}
