import Testing

@testable import PatronTable

@Suite struct ValueFormatTests {
    func appended(_ x: Double) -> String {
        var out = [UInt8]()
        ValueFormat.appendNumber(x, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The byte writer's decimals (no String per value) are `number(_:)`'s text exactly:
    /// prices, rates, products of both, thirds, and values from 1e-5 to 1e17.
    @Test func decimalsWrittenAsBytesMatchTheirDescription() {
        var rng: UInt64 = 7
        func next() -> UInt64 {
            rng = rng &* 6364136223846793005 &+ 1442695040888963407
            return rng >> 11
        }
        var values: [Double] = [
            2.55, -2.55, 0.001, 0.0001, 1e-5, 15.299999999999999, 76.80000000000003, 0.1 + 0.2, 1.0 / 3,
            123456789012345.6, 999999999999999.9, 1e15 + 0.5, 4503599627370495.5, 1e17, -0.07, 9.999999,
        ]
        for _ in 0..<200_000 {
            let cents = Double(Int64(next() % 2_000_000) - 1_000_000)
            values.append(cents / 100)
            values.append(cents / 100 * Double(next() % 48 + 1))
            values.append(Double(bitPattern: 0x3F50_0000_0000_0000 | next() % (1 << 52)) * Double(next() % 1000 + 1))
            values.append(Double(next() % 1_000_000) / 1_000_000)
        }
        for x in values {
            #expect(appended(x) == ValueFormat.number(x), "\(x)")
        }
    }

    /// Every microsecond count is a time: the extremes of `Int64` (which a fuzzed Arrow file
    /// carried, and `day × 86 400 s` overflowed on) print, times before 1970 count back from the
    /// day before, and a day's first microsecond is midnight.
    @Test(arguments: [
        (Int64.max, "04:00:54.775807"), (Int64.min, "19:59:05.224192"), (-1, "1969-12-31 23:59:59.999999"),
        (-86_400_000_000, "1969-12-31 00:00:00"), (0, "1970-01-01 00:00:00"),
        (1_291_191_960_000_000, "2010-12-01 08:26:00"),
    ])
    func everyMicrosecondCountIsATime(_ micros: Int64, _ expected: String) {
        let text = ValueFormat.format(.datetime([micros]), 0)
        #expect(text.hasSuffix(expected), "\(micros): \(text)")
        #expect(CivilDate.day(micros: micros).microsOfDay >= 0)
    }
}
