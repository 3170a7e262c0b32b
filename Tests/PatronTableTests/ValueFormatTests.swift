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
}
