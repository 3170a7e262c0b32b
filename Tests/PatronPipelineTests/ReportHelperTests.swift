import PatronTable
import Testing

@testable import PatronStages

@Suite struct ReportHelperTests {
    func buffer(_ values: [String]) -> StringBuffer {
        var b = StringBuffer()
        for v in values { b.append(v) }
        return b
    }

    /// Per-customer tables in id order are joined by walking both; any other order by
    /// hashing: the same rows either way.
    @Test func alignSortedAndUnsorted() {
        let reference = buffer(["C01", "C02", "C04", "C05", "C07"])
        let sorted = buffer(["C00", "C02", "C03", "C05", "C07", "C08"])
        #expect(CustomerJoin.align(sorted, to: reference) == [-1, 1, -1, 3, 4, -1])
        let shuffled = buffer(["C07", "C00", "C05", "C02", "C08", "C03"])
        #expect(CustomerJoin.align(shuffled, to: reference) == [4, -1, 3, 1, -1, -1])
        #expect(CustomerJoin.align(reference, to: reference) == [0, 1, 2, 3, 4])
        #expect(CustomerJoin.align(buffer([]), to: reference) == [])
    }

    /// Days to months through the table, across a year's end, as the calendar has them.
    @Test func monthIndexMatchesTheCalendar() {
        let days = (19_700...20_200).map(Int32.init)  // 2023-12-09 to 2025-04-23
        let months = MonthIndex(days: days)!
        #expect(months.count == 17)
        for day in days {
            let (y, m, _) = CivilDate.date(Int(day))
            #expect(months.first + months.index(day) == y * 12 + m - 1)
        }
        #expect(CivilDate.string(months.start(of: 1)) == "2024-01-01")
        #expect(MonthIndex(days: []) == nil)
    }

    @Test func partialFirstAndLastMonthsAreFound() {
        let dec1 = CivilDate.days(year: 2010, month: 12, day: 1)
        let dec9 = CivilDate.days(year: 2011, month: 12, day: 9)
        let starts = (0..<13).map { CivilDate.days(year: 2010 + ($0 + 11) / 12, month: ($0 + 11) % 12 + 1, day: 1) }
        #expect(MonthIndex.partialMonths(starts, low: dec1, high: dec9) == [12: "data for 9 of its 31 days"])
        #expect(MonthIndex.partialMonths(starts, low: dec1 + 14, high: dec9 + 22) == [0: "data for 17 of its 31 days"])
        #expect(MonthIndex.partialMonths(starts, low: dec1, high: dec9 + 22).isEmpty)
    }
}
