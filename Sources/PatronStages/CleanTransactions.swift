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
        var orderID: String? = nil
        var currency: String? = nil
        var baseCurrency: String? = nil
        var rates: ParamMap? = nil
        var customerCase = CleaningRules.Case.keep
        var minDate: CalendarDay? = nil
        var observationEnd: CalendarDay? = nil
        var returns = CleaningRules.Returns.reject

        static let fields: [ParamField<Self>] = [
            ParamField("customer", \.customer, help: "the customer id column; the output names it `customer_id`"),
            ParamField(
                "date", \.date,
                help:
                    "the order date column, a `date` or a `datetime`; the output names its day `order_date` (a datetime column also passes through)"
            ),
            ParamField("amount", \.amount, help: "the order value column; the output names it `amount`"),
            ParamField("order_id", \.orderID, help: "order id column (checked, passed through)"),
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
                    "negative amounts: `reject`; `net` — subtract from the customer's purchases that day, latest first; `keep`"
            ),
        ]
    }

    static let name = "clean.transactions"
    static let version = "1"
    static let summary =
        "Clean transactions: required fields, dates in range, duplicates, returns, currencies; every dropped row in `rejects`."
    static let inputs = ModuleSpec.Inputs.exactly(1)

    static func ports(_ params: Parameters) -> [String] { ["rejects"] }

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
        if params.baseCurrency != nil && params.currency == nil {
            problems.append(
                ParamProblem(
                    \Parameters.baseCurrency,
                    verbatim: "base_currency: needs currency: naming the column with each row's currency"))
        }
        return problems
    }

    static func run(_ context: StageContext, _ params: Parameters) async throws -> StageOutput {
        var rules = CleaningRules(customer: params.customer, date: params.date, amount: params.amount)
        rules.orderID = params.orderID
        rules.currency = params.currency
        rules.baseCurrency = params.baseCurrency
        for entry in params.rates?.entries ?? [] { rules.rates[entry.key.uppercased()] = entry.value.double }
        rules.customerCase = params.customerCase
        rules.returns = params.returns
        rules.minDate = params.minDate?.day
        rules.observationEnd = params.observationEnd?.day
        let result: TransactionCleaner.Result
        do {
            result = try TransactionCleaner.clean(context.inputs[0].take(), rules: rules)
        } catch {
            throw StageFailure("input '\(context.inputs[0].ref)': \(error)")
        }
        return StageOutput(main: result.kept, other: [("rejects", result.rejects)], counts: result.counts)
    }
}

extension CleaningRules.Case: ParamChoice {}
extension CleaningRules.Returns: ParamChoice {}
