/// Calendar arithmetic for `date` columns, stored as days since 1970-01-01 in the
/// proleptic Gregorian calendar (H. Hinnant's `days_from_civil` algorithms).
///
/// ```swift
/// CivilDate.days(year: 1997, month: 1, day: 1)    // 9862
/// CivilDate.string(9862)                           // "1997-01-01"
/// ```
package enum CivilDate {
    package static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01.
    package static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The day number and the microseconds into that day of a time in microseconds since
    /// 1970-01-01T00:00, floored for times before it; defined for every `Int64` (no product
    /// that could overflow: a fuzzed Arrow file's `Int64.min` trapped the old `day × 86 400 s`).
    package static func day(micros: Int64) -> (day: Int, microsOfDay: Int64) {
        let perDay: Int64 = 86_400_000_000
        let rest = micros % perDay
        return (Int(micros / perDay) - (rest < 0 ? 1 : 0), rest < 0 ? rest + perDay : rest)
    }

    /// The calendar date of a day number.
    package static func date(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// `YYYY-MM-DD` for a day number.
    package static func string(_ days: Int) -> String {
        let (y, m, d) = date(days)
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
        }
        return "\(y < 0 ? "-" + pad(-y, 4) : pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
    }
}
