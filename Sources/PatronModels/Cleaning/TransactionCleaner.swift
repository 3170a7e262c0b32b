import Foundation
import PatronSupport
import PatronTable
import Synchronization

/// Turns ingested orders into clean transactions. Every input row ends up either in the
/// kept table or in the rejects with its source line and a reason, so that
/// rows in = rows kept + rows rejected, always.
///
/// Checks, in this order (a row gets the first reason that applies):
/// missing customer, date or amount; an exact duplicate of an earlier row (all columns but
/// the source line equal); a date before `minDate` or after `observationEnd`; a currency other
/// than the base with no rate; a zero amount; a negative amount (a return), by `returns`.
///
/// ```swift
/// var rules = CleaningRules(customer: "customer_id", date: "order_date", amount: "amount")
/// rules.returns = .net
/// let result = try TransactionCleaner.clean(orders, rules: rules)
/// ```
package enum TransactionCleaner {
    package struct Result: Sendable {
        /// customer_id, order_date, amount, then every other input column unchanged.
        package var kept: Table
        /// line, reason, raw.
        package var rejects: Table
        package var counts: [String: Int]
    }

    /// What cleaning decided for each row, before the outputs are assembled.
    struct Decision {
        var reasons: RowReasons
        /// Amounts after conversion and netting.
        var amounts: [Double]
        /// The customer column after `rules.customerCase`.
        var customers: Column
        /// Each row's day (of a `datetime` date column: its day, in UTC when it is UTC).
        var dates: [Int32]
        var lines: [Int64]
        /// Every kept row is in this currency (when currencies are converted).
        var baseCurrency: String?
    }

    /// The checks, row by row (see the type's summary).
    static func decide(_ input: Table, rules: CleaningRules) throws(CleaningError) -> Decision {
        let rows = input.rowCount
        let customerColumn = try column(input, rules.customer, "customer", expect: [.string, .text])
        let dateColumn = try column(input, rules.date, "date", expect: [.date, .datetime])
        // The amount: a column, or quantity × unit price (as decimals multiply).
        var amounts: [Double]
        var missingAmount: (Int) -> String? = { _ in nil }
        var unitPrices: [Double]? = nil
        if let quantityName = rules.quantity, let priceName = rules.unitPrice {
            let quantity = try column(input, quantityName, "quantity", expect: [.decimal, .int])
            let price = try column(input, priceName, "unit_price", expect: [.decimal, .int])
            let q = quantity.doubles!, p = price.doubles!
            amounts = ParallelBlocks.map(count: rows, block: 65_536) { range in
                range.map { DecimalProduct.product(q[$0], p[$0]) }
            }.flatMap { $0 }
            unitPrices = p
            missingAmount = { row in
                quantity.isNull(row) ? "missing quantity" : price.isNull(row) ? "missing unit price" : nil
            }
        } else {
            let amountColumn = try column(input, rules.amount, "amount", expect: [.decimal, .int])
            amounts = amountColumn.doubles!  // checked to be decimal or int above
            missingAmount = { row in amountColumn.isNull(row) ? "missing amount" : nil }
        }
        var currencyColumn: Column? = nil
        if let name = rules.currency { currencyColumn = try column(input, name, "currency", expect: [.string, .text]) }
        var orderColumn: Column? = nil
        if let orderID = rules.orderID {
            orderColumn = try column(input, orderID, "order_id", expect: [.string, .text, .int])
        }
        let itemColumn = try rules.item.map { name throws(CleaningError) in
            try column(input, name, "item", expect: [.string, .text, .int])
        }
        // The source line: `lineColumn`, else a declared provenance column of integers.
        let lineSource =
            input[rules.lineColumn] != nil
            ? rules.lineColumn
            : rules.provenance.sorted().first { input[$0]?.type == .int }
        let lines: [Int64] =
            lineSource.flatMap { input[$0] }.flatMap { if case .int(let v) = $0.storage { v } else { nil } }
            ?? (0..<Int64(rows)).map { $0 + 2 }  // header on line 1, no multi-line records known

        let customers = normalise(customerColumn, rules.customerCase)
        let dates: [Int32]
        switch dateColumn.storage {
        case .date(let days): dates = days
        case .datetime(let micros, _): dates = micros.map(TransactionCleaner.day)
        default: preconditionFailure("checked to be a date or datetime above")
        }
        let filters = try RowFilter.make(input, exclude: rules.exclude, include: rules.include)
        let cancelled = try cancellations(orderColumn, prefix: rules.cancelPrefix)

        // Exact duplicates: equal in every column but the provenance columns. The rule is never
        // off without a word: a column that numbers the rows (a source line under a name no one
        // declared) would make every row unique.
        try checkNoRowNumbers(input, rules: rules)
        let keyColumns = zip(input.names, input.columns).filter { !rules.provenance.contains($0.0) }.map(\.1)
        // The checks before the duplicate rule read values only (not provenance), so a row
        // they reject has every duplicate rejected with it: those rows are not grouped.
        var reasons = RowReasons(rows: rows)
        let filtersReadValues = (rules.exclude + rules.include).allSatisfy { !rules.provenance.contains($0.column) }
        let customerValid = customers.validity, dateValid = dateColumn.validity
        var rejectedBefore = [Bool](repeating: false, count: rows)
        let missingCustomer = reasons.intern("missing customer id"), missingDate = reasons.intern("missing order date")
        for row in 0..<rows {
            if let v = customerValid, !v[row] {
                reasons.set(row, to: missingCustomer)
            } else if let v = dateValid, !v[row] {
                reasons.set(row, to: missingDate)
            } else if let missing = missingAmount(row) {
                reasons[row] = missing
            } else if filtersReadValues, let dropped = filters.reason(row) {
                reasons[row] = dropped
            } else {
                continue
            }
            rejectedBefore[row] = true
        }
        let duplicates = GroupIndex(keyColumns, nullsAreValues: true, excluding: rejectedBefore)

        var returnsToNet = [Int]()
        // Currencies: decided once per distinct code, not per row.
        var rateOfCode = [Float64?]()  // per currency group: nil = no rate, 1 = base
        var codeText = [String]()
        let currencyGroups = currencyColumn.map { GroupIndex([$0]) }
        if let currencyColumn, let currencyGroups, let base = rules.baseCurrency?.uppercased() {
            for first in currencyGroups.firstRow {
                let code = ValueFormat.format(currencyColumn, first).trimmingCharacters(in: .whitespaces).uppercased()
                codeText.append(code)
                rateOfCode.append(code == base ? 1 : rules.rates[code])
            }
        }
        let checkCurrency = currencyGroups != nil && rules.baseCurrency != nil
        let duplicateIDs = duplicates.ids, duplicateFirst = duplicates.firstRow
        for row in 0..<rows where !rejectedBefore[row] {
            if !filtersReadValues, let dropped = filters.reason(row) {
                reasons[row] = dropped
                continue
            }
            let first = duplicateFirst[Int(duplicateIDs[row])]
            if first != row {
                reasons[row] = "exact duplicate of line \(lines[first])"
                continue
            }
            if let min = rules.minDate, dates[row] < min {
                reasons[row] =
                    "date \(CivilDate.string(Int(dates[row]))) is before min_date \(CivilDate.string(Int(min)))"
                continue
            }
            if let end = rules.observationEnd, dates[row] > end {
                reasons[row] =
                    "date \(CivilDate.string(Int(dates[row]))) is after observation_end \(CivilDate.string(Int(end)))"
                continue
            }
            if checkCurrency, let groups = currencyGroups {
                let g = Int(groups.ids[row])
                guard g >= 0 else {
                    reasons[row] = "missing currency"
                    continue
                }
                guard let rate = rateOfCode[g] else {
                    reasons[row] =
                        "currency \(codeText[g]) is not \(rules.baseCurrency!.uppercased()) and rates: has no \(codeText[g])"
                    continue
                }
                // Converted amounts are rounded to cents, as a ledger would.
                if rate != 1 { amounts[row] = (amounts[row] * rate * 100).rounded() / 100 }
            }
            if let prices = unitPrices, prices[row] < 0 {
                reasons[row] = "negative unit price \(ValueFormat.readable(prices[row])) (an adjustment, not a sale)"
                continue
            }
            if amounts[row] == 0 {
                reasons[row] = "zero amount"
                continue
            }
            let cancellation = cancelled?[row] ?? false
            if amounts[row] < 0 || cancellation {
                // A cancellation's lines are returns, whatever their sign says.
                amounts[row] = -abs(amounts[row])
                switch rules.returns {
                case .reject:
                    reasons[row] =
                        cancellation
                        ? "cancellation (order \(ValueFormat.format(orderColumn!, row))); returns: net would subtract it"
                        : "negative amount \(ValueFormat.readable(amounts[row])) (a return; returns: net or keep would use it)"
                case .net: returnsToNet.append(row)
                case .keep: break
                }
            }
        }
        if !returnsToNet.isEmpty {
            net(
                returnsToNet, customers: customers, items: itemColumn, dates: dates, amounts: &amounts,
                reasons: &reasons, lines: lines)
        }
        return Decision(
            reasons: reasons, amounts: amounts, customers: customers, dates: dates, lines: lines,
            baseCurrency: checkCurrency ? rules.baseCurrency?.uppercased() : nil)
    }

    /// Fails on an integer column, not named by any rule nor declared as provenance, that
    /// grows on every one of 20 or more rows: a row number, with which no row could be an exact
    /// duplicate of another.
    static func checkNoRowNumbers(_ input: Table, rules: CleaningRules) throws(CleaningError) {
        guard input.rowCount >= 20 else { return }
        let named: Set<String?> = [
            rules.customer, rules.date, rules.amount, rules.quantity, rules.unitPrice, rules.orderID, rules.item,
            rules.currency,
        ]
        for (name, column) in zip(input.names, input.columns)
        where !rules.provenance.contains(name) && !named.contains(name) && column.validity == nil {
            guard case .int(let v) = column.storage else { continue }
            if zip(v, v.dropFirst()).allSatisfy({ $0 < $1 }) { throw .rowNumbers(column: name) }
        }
    }

    /// Which rows belong to cancelled orders: order ids starting with `prefix`.
    static func cancellations(_ orders: Column?, prefix: String?) throws(CleaningError) -> [Bool]? {
        guard let prefix, !prefix.isEmpty else { return nil }
        guard let orders else { throw .needs(param: "cancel_prefix", what: "order_id: naming the order column") }
        guard case .string(let s) = orders.storage else { return [Bool](repeating: false, count: orders.count) }
        let marker = Array(prefix.utf8)
        return s.bytes.withUnsafeBufferPointer { bytes in
            (0..<s.count).map { row in
                let r = s.range(row)
                return !orders.isNull(row) && r.count >= marker.count
                    && marker.indices.allSatisfy { bytes[r.lowerBound + $0] == marker[$0] }
            }
        }
    }

    /// Cleans `input`. Taking it (`consuming`) lets each input column be freed as soon as
    /// its kept rows are gathered: the stage holds about one table, not two.
    package static func clean(_ input: consuming Table, rules: CleaningRules) throws(CleaningError) -> Result {
        let rows = input.rowCount
        var decision = try decide(input, rules: rules)
        var keptList = [Int](), rejectedList = [Int]()
        keptList.reserveCapacity(rows)
        for row in 0..<rows {
            if decision.reasons.isRejected(row) { rejectedList.append(row) } else { keptList.append(row) }
        }
        let keptRows = keptList, rejectedRows = rejectedList
        var counts = ["rows_in": rows, "rows_kept": keptRows.count, "rows_rejected": rejectedRows.count]
        for (label, n) in decision.reasons.counts(rejectedRows, label: category) { counts["rejected: " + label] = n }
        // The rejects (line, reason, and each rejected row's values without the source line as
        // one CSV line) are built beside the kept columns, as one more piece of work.
        let rejectLines = rejectedRows.map { decision.lines[$0] }
        decision.lines = []
        let reasons = decision.reasons
        let rawColumns = zip(input.names, input.columns).filter { $0.0 != rules.lineColumn }.map(\.1)
        // With an order column, the distinct orders kept (a line without an order id is an
        // order of its own): the report's "Orders", counted beside the rest.
        let orders = rules.orderID.flatMap { input[$0] }

        // The kept table: customer_id, order_date, amount, then every other input column. Each
        // source column is handed to the worker that gathers it and dropped there (the rejects'
        // texts hold the input's columns until they are written).
        enum Source { case column(Column), amounts, days([Bool]?), constant(String, ColumnType) }
        var names = ["customer_id", "order_date", "amount"]
        let dateColumn = input[rules.date]!
        // A datetime date column: order_date is its day, and the column itself passes through
        // (as order_time when it was called order_date).
        let timestamped = dateColumn.type == .datetime
        var sources: [Source?] = [
            .column(decision.customers), timestamped ? .days(dateColumn.validity) : .column(dateColumn), .amounts,
        ]
        decision.customers = .int([])
        // The order column comes next, named order_id.
        if let orderID = rules.orderID, let column = input[orderID] {
            names.append("order_id")
            sources.append(.column(column))
        }
        let amountColumn = rules.quantity != nil && rules.unitPrice != nil ? nil : rules.amount
        for (name, column) in zip(input.names, input.columns)
        where name != rules.customer && (name != rules.date || timestamped) && name != amountColumn
            && name != rules.orderID
            && !(["customer_id", "amount", "order_id"].contains(name) || (name == "order_date" && !timestamped))
        {
            names.append(name == "order_date" ? "order_time" : name)
            if name == rules.currency, let base = decision.baseCurrency {
                sources.append(.constant(base, column.type))  // every kept row is in the base currency now
            } else {
                sources.append(.column(column))
            }
        }
        input = Table()
        let amounts = decision.amounts
        decision.amounts = []
        let days = decision.dates
        decision.dates = []
        let pending = Mutex(sources)
        sources = []
        let built = Mutex([Column?](repeating: nil, count: names.count))
        // One flat list of work (Dispatch runs a concurrentPerform nested in another on one
        // thread): each rejected column's texts (joined into records after), the reasons, the
        // distinct orders, then the kept columns.
        enum Work { case rawCells(Int), reasons, distinctOrders, kept(Int) }
        let work: [Work] =
            rawColumns.indices.map(Work.rawCells) + [.reasons, .distinctOrders] + names.indices.map(Work.kept)
        let rawCells = Mutex([StringBuffer?](repeating: nil, count: rawColumns.count))
        let reasonColumn = Mutex(Column.int([]))
        let distinctOrders = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: work.count) { k in
            let i: Int
            switch work[k] {
            case .rawCells(let c):
                let cells = CSVText.cellTexts(rawColumns[c], rejectedRows)
                rawCells.withLock { $0[c] = cells }
                return
            case .reasons:
                let column = reasons.column(rejectedRows)
                reasonColumn.withLock { $0 = column }
                return
            case .distinctOrders:
                if let orders { distinctOrders.withLock { $0 = distinct(orders, rows: keptRows) } }
                return
            case .kept(let c): i = c
            }
            let source = pending.withLock { all in
                defer { all[i] = nil }
                return all[i]!
            }
            let column: Column
            switch source {
            case .column(let c): column = c.gathering(keptRows)
            case .amounts: column = .decimal(keptRows.map { amounts[$0] })
            case .days(let validity):
                column = .date(keptRows.map { days[$0] }, validity: validity.map { v in keptRows.map { v[$0] } })
            case .constant(let text, let type):
                var buffer = StringBuffer()
                buffer.reserve(rows: keptRows.count, bytes: keptRows.count * text.utf8.count)
                for _ in keptRows { buffer.append(text) }
                column = Column(type: type, storage: .string(buffer))
            }
            built.withLock { $0[i] = column }
        }
        let kept = try! Table(names: names, columns: built.withLock { $0 }.map { $0! })
        if orders != nil { counts["orders"] = distinctOrders.withLock { $0 } }
        let raw = CSVText.join(rawCells.withLock { $0 }.map { $0! }, rows: rejectedRows.count)
        let rejects = try! Table(
            names: ["line", "reason", "raw"],
            columns: [.int(rejectLines), reasonColumn.withLock { $0 }, Column(type: .text, storage: .string(raw))])
        return Result(kept: kept, rejects: rejects, counts: counts)
    }

    /// How many distinct values `column` has in `rows`, each null counting as one of its own.
    static func distinct(_ column: Column, rows: [Int]) -> Int {
        var others = [Bool](repeating: true, count: column.count)
        for row in rows { others[row] = false }
        // Only `rows` are grouped (nulls are not); each null is one more.
        return GroupIndex([column], excluding: others).count + rows.count(where: column.isNull)
    }

    /// Subtracts each return from the same customer's earlier purchases (that day or before,
    /// in the window; of the same item when `items` is given), the latest first, returns in
    /// the order they happened. Purchases netted to zero and the returns themselves become
    /// rejects that say where they went; a return that finds nothing has a reason of its own.
    static func net(
        _ returnRows: [Int], customers: Column, items: Column?, dates: [Int32], amounts: inout [Double],
        reasons: inout RowReasons, lines: [Int64]
    ) {
        let groups = GroupIndex(items.map { [customers, $0] } ?? [customers])
        var isReturn = [Bool](repeating: false, count: dates.count)
        for row in returnRows { isReturn[row] = true }
        var wanted = Set<Int32>()
        for row in returnRows where groups.ids[row] >= 0 { wanted.insert(groups.ids[row]) }
        // The candidate purchases of each group with a return, in the order they happened.
        var purchases = [Int32: [Int]]()
        for row in 0..<dates.count where !reasons.isRejected(row) && !isReturn[row] && amounts[row] > 0 {
            let g = groups.ids[row]
            if g >= 0, wanted.contains(g) { purchases[g, default: []].append(row) }
        }
        for g in purchases.keys { purchases[g]!.sort { (dates[$0], $0) < (dates[$1], $1) } }
        let ofItem = items == nil ? "" : " of the item"
        for row in returnRows.sorted(by: { (dates[$0], $0) < (dates[$1], $1) }) {
            var left = -amounts[row]
            var touched = [Int64]()
            let list = groups.ids[row] >= 0 ? purchases[groups.ids[row]] ?? [] : []
            // The purchases that day or before, the latest first.
            var low = 0, high = list.count
            while low < high {
                let mid = (low + high) / 2
                if dates[list[mid]] <= dates[row] { low = mid + 1 } else { high = mid }
            }
            var k = low - 1
            while k >= 0 && left > 1e-9 {
                let p = list[k]
                k -= 1
                guard amounts[p] > 0 else { continue }
                let take = min(left, amounts[p])
                amounts[p] -= take
                left -= take
                touched.append(lines[p])
                if amounts[p] <= 1e-9 {
                    amounts[p] = 0
                    reasons[p] = "fully returned: netted with the return on line \(lines[row])"
                }
            }
            let where_ = touched.sorted().map(String.init).joined(separator: ", ")
            let plural = touched.count == 1 ? "" : "s"
            if touched.isEmpty {
                reasons[row] =
                    "return with no earlier purchase\(ofItem) to net against (\(ValueFormat.readable(amounts[row])))"
            } else if left > 1e-9 {
                reasons[row] =
                    "return larger than the earlier purchases\(ofItem): netted with line\(plural) \(where_), \(ValueFormat.readable(left)) left over"
            } else {
                reasons[row] = "return netted with the earlier purchase\(plural)\(ofItem) on line\(plural) \(where_)"
            }
        }
    }

    /// The day of a time in microseconds since 1970-01-01T00:00 (floored).
    static func day(_ micros: Int64) -> Int32 {
        Int32(truncatingIfNeeded: CivilDate.day(micros: micros).day)
    }

    /// A short, countable label for a reason ("date … is before min_date …" → "before min_date").
    /// Prefix tests only: this runs once per rejected row.
    static func category(_ reason: String) -> String {
        for (prefix, label) in [
            ("missing customer", "missing customer"), ("missing order date", "missing date"),
            ("missing amount", "missing amount"), ("exact duplicate", "duplicate"),
            ("missing currency", "missing currency"), ("currency", "unconverted currency"),
            ("zero amount", "zero amount"), ("negative amount", "return"), ("cancellation", "cancellation"),
            ("return with no earlier", "return with no earlier purchase"), ("return larger", "return partly netted"),
            ("return", "return netted"), ("fully returned", "fully returned"),
            ("negative unit price", "negative unit price"),
        ] where reason.hasPrefix(prefix) {
            return label
        }
        if reason.hasPrefix("date") { return reason.contains("before") ? "before min_date" : "after observation_end" }
        // "excluded: StockCode is POST" → "excluded: StockCode".
        if reason.hasPrefix("excluded: ") || reason.hasPrefix("not included: "),
            let cut = reason.range(of: " is ")
        {
            return String(reason[..<cut.lowerBound])
        }
        return reason
    }

    private static func column(
        _ table: Table, _ name: String, _ param: String, expect: [ColumnType]
    ) throws(CleaningError) -> Column {
        guard let column = table[name] else { throw .missingColumn(param: param, column: name, available: table.names) }
        guard expect.contains(column.type) else {
            throw .wrongType(
                param: param, column: name, found: column.type.rawValue,
                expected: expect.map(\.rawValue).joined(separator: " or "))
        }
        return column
    }

    /// Trims customer ids and applies the case rule; empty ids become nulls.
    static func normalise(_ column: Column, _ mode: CleaningRules.Case) -> Column {
        guard case .string(let s) = column.storage else { return column }
        // Most exports need nothing done: no id to trim, none empty.
        if mode == .keep {
            let unchanged = s.bytes.withUnsafeBufferPointer { bytes in
                (0..<s.count).allSatisfy { row in
                    let r = s.range(row)
                    guard let first = r.first, let last = r.last else { return column.isNull(row) }
                    return bytes[first] != 32 && bytes[first] != 9 && bytes[last] != 32 && bytes[last] != 9
                }
            }
            if unchanged { return column }
        }
        var out = StringBuffer()
        out.reserve(rows: s.count, bytes: s.bytes.count)
        var validity = [Bool](repeating: true, count: s.count)
        s.bytes.withUnsafeBufferPointer { bytes in
            for row in 0..<s.count {
                var r = s.range(row)
                while let f = r.first, bytes[f] == 32 || bytes[f] == 9 { r = (f + 1)..<r.upperBound }
                while let l = r.last, bytes[l] == 32 || bytes[l] == 9 { r = r.lowerBound..<l }
                if column.isNull(row) || r.isEmpty {
                    validity[row] = false
                    out.appendEmpty()
                    continue
                }
                let slice = UnsafeBufferPointer(rebasing: bytes[r])
                switch mode {
                case .keep: out.append(bytesOf: slice)
                case .lower, .upper:
                    let text = String(decoding: slice, as: UTF8.self)
                    out.append(mode == .lower ? text.lowercased() : text.uppercased())
                }
            }
        }
        return Column(type: .string, storage: .string(out), validity: validity)
    }

}
