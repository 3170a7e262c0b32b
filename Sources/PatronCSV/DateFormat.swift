import PatronTable

/// A date layout such as `%Y-%m-%d` or `%d.%m.%Y`, parsed from bytes without Foundation.
///
/// Directives: `%Y` four-digit year, `%y` two-digit year (69–99 → 19xx, else 20xx), `%m`
/// month and `%d` day (one or two digits), `%%` a percent sign; anything else must match
/// literally. `%Y%m%d` reads `19970101`.
public struct DateFormat: Sendable, Equatable {
    enum Token: Sendable, Equatable {
        case year4, year2, month, day
        case literal(UInt8)
    }

    let tokens: [Token]
    /// The layout as written (`%d.%m.%Y`).
    public let pattern: String

    package static let iso = try! DateFormat("%Y-%m-%d")

    private var isISO: Bool { pattern == "%Y-%m-%d" }

    /// The common case, `YYYY-MM-DD`, at fixed positions.
    private func parseISO(_ f: UnsafeBufferPointer<UInt8>) -> Int32? {
        guard f.count == 10, f[4] == UInt8(ascii: "-"), f[7] == UInt8(ascii: "-") else {
            return f.count >= 8 && f.count < 10 ? parseGeneral(f) : nil
        }
        var digits = [0, 1, 2, 3, 5, 6, 8, 9].allSatisfy { f[$0] &- 48 < 10 }
        guard digits else { return nil }
        func d(_ i: Int) -> Int { Int(f[i] &- 48) }
        let year = d(0) * 1000 + d(1) * 100 + d(2) * 10 + d(3), month = d(5) * 10 + d(6), day = d(8) * 10 + d(9)
        digits = (1...12).contains(month) && day >= 1 && day <= CivilDate.daysIn(month: month, year: year)
        return digits ? Int32(CivilDate.days(year: year, month: month, day: day)) : nil
    }

    /// A layout of `%Y`, `%y`, `%m`, `%d`, `%%` and literal characters.
    /// - Throws: `CSVError.badOption` for another directive, or a layout without year, month and day.
    public init(_ pattern: String) throws(CSVError) {
        var tokens = [Token]()
        var bytes = Array(pattern.utf8)[...]
        while let b = bytes.popFirst() {
            guard b == UInt8(ascii: "%") else {
                tokens.append(.literal(b))
                continue
            }
            switch bytes.popFirst() {
            case UInt8(ascii: "Y"): tokens.append(.year4)
            case UInt8(ascii: "y"): tokens.append(.year2)
            case UInt8(ascii: "m"): tokens.append(.month)
            case UInt8(ascii: "d"): tokens.append(.day)
            case UInt8(ascii: "%"): tokens.append(.literal(UInt8(ascii: "%")))
            default:
                throw .badOption("date_format '\(pattern)': use %Y, %y, %m, %d and literal characters, e.g. %d/%m/%Y")
            }
        }
        guard tokens.contains(.month), tokens.contains(.day), tokens.contains(.year4) || tokens.contains(.year2) else {
            throw .badOption("date_format '\(pattern)' needs a year (%Y or %y), a month (%m) and a day (%d)")
        }
        self.tokens = tokens
        self.pattern = pattern
    }

    /// Days since 1970-01-01, or nil when `field` does not match or names no real day.
    package func parse(_ field: UnsafeBufferPointer<UInt8>) -> Int32? {
        if isISO { return parseISO(field) }
        return parseGeneral(field)
    }

    private func parseGeneral(_ field: UnsafeBufferPointer<UInt8>) -> Int32? {
        var i = 0
        let n = field.count
        var year = 0, month = 0, day = 0
        for (t, token) in tokens.enumerated() {
            // Month and day may have one digit only where a separator follows them.
            let packed = t + 1 < tokens.count && { if case .literal = tokens[t + 1] { false } else { true } }()
            func digits(min: Int, max: Int) -> Int? {
                var value = 0, count = 0
                while i < n, count < max, field[i] &- 48 < 10 {
                    value = value * 10 + Int(field[i] &- 48)
                    i += 1
                    count += 1
                }
                return count >= (packed ? max : min) ? value : nil
            }
            switch token {
            case .literal(let b):
                guard i < n, field[i] == b else { return nil }
                i += 1
            case .year4:
                guard let v = digits(min: 4, max: 4) else { return nil }
                year = v
            case .year2:
                guard let v = digits(min: 2, max: 2) else { return nil }
                year = v >= 69 ? 1900 + v : 2000 + v
            case .month:
                guard let v = digits(min: 1, max: 2) else { return nil }
                month = v
            case .day:
                guard let v = digits(min: 1, max: 2) else { return nil }
                day = v
            }
        }
        guard i == n, (1...12).contains(month), day >= 1, day <= CivilDate.daysIn(month: month, year: year) else {
            return nil
        }
        return Int32(CivilDate.days(year: year, month: month, day: day))
    }
}
