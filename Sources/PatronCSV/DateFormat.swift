import PatronTable

/// A date or date-time layout such as `%Y-%m-%d`, `%d.%m.%Y` or `%m/%d/%Y %H:%M`, parsed from
/// bytes without Foundation.
///
/// Directives, as `strptime` reads them: `%Y` four-digit year, `%y` two-digit year (69–99 →
/// 19xx, else 20xx), `%m` month, `%d` day, `%H` hour, `%M` minute, `%S` second (one or two
/// digits each), `%f` fraction of a second (1 to 9 digits, kept to the microsecond), `%z` an
/// offset (`Z`, `+01:00`, `+0100`, `-05`), `%p` `AM`/`PM` (then `%H` is 1–12), `%%` a percent
/// sign; anything else must match literally. A one-digit field is read where a separator
/// follows it: `%m/%d/%Y %H:%M` reads `12/1/2010 8:26`, `%Y%m%d` reads `19970101`.
///
/// `%Y-%m-%d`, the default, reads every ISO 8601 form a shop exports: `2010-12-01`,
/// `2010-12-01 08:26`, `2010-12-01T08:26:00`, `2010-12-01T08:26:00.5Z`, `…+01:00`.
///
/// A `date` column keeps the day as written; a `datetime` column keeps the time to the
/// microsecond, normalised to UTC when the text carries an offset.
public struct DateFormat: Sendable, Equatable {
    enum Token: Sendable, Equatable {
        case year4, year2, month, day, hour, minute, second, fraction, zone, meridiem
        case literal(UInt8)
    }

    let tokens: [Token]
    /// The layout as written (`%d.%m.%Y`).
    public let pattern: String

    package static let iso = try! DateFormat("%Y-%m-%d")

    private var isISO: Bool { pattern == "%Y-%m-%d" }

    /// A parsed value: the day and the time of day as written, and the offset from UTC when
    /// the text has one.
    struct Moment: Equatable {
        /// Days since 1970-01-01.
        var day: Int32
        /// Microseconds since the day's midnight.
        var micros: Int64
        /// Seconds east of UTC.
        var offset: Int32?

        /// Microseconds since 1970-01-01T00:00, in UTC when there is an offset.
        var timestamp: Int64 { Int64(day) * 86_400_000_000 + micros - Int64(offset ?? 0) * 1_000_000 }
    }

    /// A layout of directives and literal characters.
    /// - Throws: `CSVError.badOption` for another directive, or a layout without a year, a
    ///   month and a day, or with a time field whose larger fields are missing.
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
            case UInt8(ascii: "H"): tokens.append(.hour)
            case UInt8(ascii: "M"): tokens.append(.minute)
            case UInt8(ascii: "S"): tokens.append(.second)
            case UInt8(ascii: "f"): tokens.append(.fraction)
            case UInt8(ascii: "z"): tokens.append(.zone)
            case UInt8(ascii: "p"): tokens.append(.meridiem)
            case UInt8(ascii: "%"): tokens.append(.literal(UInt8(ascii: "%")))
            default:
                throw .badOption(
                    "date_format '\(pattern)': use %Y, %y, %m, %d, %H, %M, %S, %f, %z, %p and literal characters, e.g. %d/%m/%Y %H:%M"
                )
            }
        }
        guard tokens.contains(.month), tokens.contains(.day), tokens.contains(.year4) || tokens.contains(.year2)
        else {
            throw .badOption("date_format '\(pattern)' needs a year (%Y or %y), a month (%m) and a day (%d)")
        }
        let needs: [(Token, Token, String)] = [
            (.minute, .hour, "%M (minutes) needs %H"), (.second, .minute, "%S (seconds) needs %M"),
            (.fraction, .second, "%f (fractions of a second) needs %S"), (.meridiem, .hour, "%p (AM/PM) needs %H"),
        ]
        for (token, required, message) in needs where tokens.contains(token) && !tokens.contains(required) {
            throw .badOption("date_format '\(pattern)': \(message)")
        }
        self.tokens = tokens
        self.pattern = pattern
    }

    /// Whether the layout has a time of day.
    package var hasTime: Bool { isISO || tokens.contains(.hour) }

    /// Days since 1970-01-01 of the day as written, or nil when `field` does not match or
    /// names no real day or time.
    package func parse(_ field: UnsafeBufferPointer<UInt8>) -> Int32? {
        if isISO, field.count == 10 { return DateFormat.isoDay(field) }
        return moment(field)?.day
    }

    /// Microseconds since 1970-01-01T00:00 (UTC when the text carries an offset, which
    /// `utc` says), or nil when `field` does not match.
    package func timestamp(_ field: UnsafeBufferPointer<UInt8>) -> (micros: Int64, utc: Bool)? {
        guard let moment = moment(field) else { return nil }
        return (moment.timestamp, moment.offset != nil)
    }

    func moment(_ field: UnsafeBufferPointer<UInt8>) -> Moment? {
        isISO ? DateFormat.isoMoment(field) : general(field)
    }

    /// `YYYY-MM-DD` at fixed positions: the common case of a date column.
    private static func isoDay(_ f: UnsafeBufferPointer<UInt8>) -> Int32? {
        guard f[4] == UInt8(ascii: "-"), f[7] == UInt8(ascii: "-"),
            [0, 1, 2, 3, 5, 6, 8, 9].allSatisfy({ f[$0] &- 48 < 10 })
        else { return nil }
        func d(_ i: Int) -> Int { Int(f[i] &- 48) }
        return civilDay(
            year: d(0) * 1000 + d(1) * 100 + d(2) * 10 + d(3), month: d(5) * 10 + d(6), day: d(8) * 10 + d(9))
    }

    /// ISO 8601: `YYYY-M-D`, then optionally `T` or a space, `H:MM`, `:SS`, `.fraction` (or
    /// `,fraction`), and `Z` or an offset.
    private static func isoMoment(_ f: UnsafeBufferPointer<UInt8>) -> Moment? {
        var reader = FieldReader(field: f)
        guard let year = reader.digits(min: 4, max: 4), reader.take(UInt8(ascii: "-")),
            let month = reader.digits(min: 1, max: 2), reader.take(UInt8(ascii: "-")),
            let day = reader.digits(min: 1, max: 2), let days = civilDay(year: year, month: month, day: day)
        else { return nil }
        var moment = Moment(day: days, micros: 0, offset: nil)
        if reader.atEnd { return moment }
        guard reader.take(UInt8(ascii: "T")) || reader.take(UInt8(ascii: " ")) || reader.take(UInt8(ascii: "t")),
            let hour = reader.digits(min: 1, max: 2), reader.take(UInt8(ascii: ":")),
            let minute = reader.digits(min: 2, max: 2)
        else { return nil }
        var second = 0, fraction: Int64 = 0
        if reader.take(UInt8(ascii: ":")) {
            guard let s = reader.digits(min: 2, max: 2) else { return nil }
            second = s
            if reader.take(UInt8(ascii: ".")) || reader.take(UInt8(ascii: ",")) {
                guard let f = reader.fraction() else { return nil }
                fraction = f
            }
        }
        guard let micros = timeOfDay(hour: hour, minute: minute, second: second, fraction: fraction) else { return nil }
        moment.micros = micros
        if !reader.atEnd {
            guard let offset = reader.zone(), reader.atEnd else { return nil }
            moment.offset = offset
        }
        return moment
    }

    private func general(_ field: UnsafeBufferPointer<UInt8>) -> Moment? {
        var reader = FieldReader(field: field)
        var year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0
        var fraction: Int64 = 0, offset: Int32? = nil, pm: Bool? = nil
        for (t, token) in tokens.enumerated() {
            // Numbers may have one digit only where a separator follows them.
            let packed = t + 1 < tokens.count && { if case .literal = tokens[t + 1] { false } else { true } }()
            func two() -> Int? { reader.digits(min: packed ? 2 : 1, max: 2) }
            switch token {
            case .literal(let b):
                guard reader.take(b) else { return nil }
            case .year4:
                guard let v = reader.digits(min: 4, max: 4) else { return nil }
                year = v
            case .year2:
                guard let v = reader.digits(min: 2, max: 2) else { return nil }
                year = v >= 69 ? 1900 + v : 2000 + v
            case .month:
                guard let v = two() else { return nil }
                month = v
            case .day:
                guard let v = two() else { return nil }
                day = v
            case .hour:
                guard let v = two() else { return nil }
                hour = v
            case .minute:
                guard let v = two() else { return nil }
                minute = v
            case .second:
                guard let v = two() else { return nil }
                second = v
            case .fraction:
                guard let v = reader.fraction() else { return nil }
                fraction = v
            case .zone:
                guard let v = reader.zone() else { return nil }
                offset = v
            case .meridiem:
                guard let v = reader.meridiem() else { return nil }
                pm = v
            }
        }
        guard reader.atEnd, let days = DateFormat.civilDay(year: year, month: month, day: day) else { return nil }
        if let pm {
            // 12-hour clock: 12 AM is midnight, 12 PM noon.
            guard (1...12).contains(hour) else { return nil }
            hour = hour % 12 + (pm ? 12 : 0)
        }
        guard let micros = DateFormat.timeOfDay(hour: hour, minute: minute, second: second, fraction: fraction)
        else { return nil }
        return Moment(day: days, micros: micros, offset: offset)
    }

    private static func civilDay(year: Int, month: Int, day: Int) -> Int32? {
        guard (1...12).contains(month), day >= 1, day <= CivilDate.daysIn(month: month, year: year) else { return nil }
        return Int32(CivilDate.days(year: year, month: month, day: day))
    }

    /// Microseconds since midnight; a leap second (`:60`) runs into the next minute.
    private static func timeOfDay(hour: Int, minute: Int, second: Int, fraction: Int64) -> Int64? {
        guard hour < 24, minute < 60, second <= 60 else { return nil }
        return (Int64(hour) * 3600 + Int64(minute) * 60 + Int64(second)) * 1_000_000 + fraction
    }
}

/// Reads one field's bytes from the front.
private struct FieldReader {
    let field: UnsafeBufferPointer<UInt8>
    var i = 0

    var atEnd: Bool { i == field.count }

    /// Takes `byte` if it is next.
    mutating func take(_ byte: UInt8) -> Bool {
        guard i < field.count, field[i] == byte else { return false }
        i += 1
        return true
    }

    /// A number of `min` to `max` digits.
    mutating func digits(min: Int, max: Int) -> Int? {
        var value = 0, count = 0
        while i < field.count, count < max, field[i] &- 48 < 10 {
            value = value * 10 + Int(field[i] &- 48)
            i += 1
            count += 1
        }
        return count >= min ? value : nil
    }

    /// 1 to 9 digits of a fraction of a second, as microseconds (truncated).
    mutating func fraction() -> Int64? {
        var micros: Int64 = 0, count = 0
        while i < field.count, count < 9, field[i] &- 48 < 10 {
            if count < 6 { micros = micros * 10 + Int64(field[i] &- 48) }
            i += 1
            count += 1
        }
        guard count > 0 else { return nil }
        for _ in min(count, 6)..<6 { micros *= 10 }
        return micros
    }

    /// `Z`, or `+hh:mm`, `+hhmm`, `+hh` (or `-`): seconds east of UTC.
    mutating func zone() -> Int32? {
        if take(UInt8(ascii: "Z")) || take(UInt8(ascii: "z")) { return 0 }
        let sign: Int32
        if take(UInt8(ascii: "+")) {
            sign = 1
        } else if take(UInt8(ascii: "-")) {
            sign = -1
        } else {
            return nil
        }
        guard let hours = digits(min: 2, max: 2), hours <= 23 else { return nil }
        var minutes = 0
        let colon = take(UInt8(ascii: ":"))
        if colon || (i < field.count && field[i] &- 48 < 10) {
            guard let m = digits(min: 2, max: 2), m < 60 else { return nil }
            minutes = m
        }
        return sign * Int32(hours * 3600 + minutes * 60)
    }

    /// `AM` or `PM` (any case, dots allowed: `a.m.`): whether it is PM.
    mutating func meridiem() -> Bool? {
        func letter(_ upper: UInt8) -> Bool {
            guard i < field.count, field[i] | 0x20 == upper | 0x20 else { return false }
            i += 1
            return true
        }
        let pm: Bool
        if letter(UInt8(ascii: "A")) {
            pm = false
        } else if letter(UInt8(ascii: "P")) {
            pm = true
        } else {
            return nil
        }
        _ = take(UInt8(ascii: "."))
        guard letter(UInt8(ascii: "M")) else { return nil }
        _ = take(UInt8(ascii: "."))
        return pm
    }
}
