import Testing

@testable import PatronReport

@Suite struct FormatTests {
    @Test func fixedRoundsHalfAwayFromZeroWithoutLocale() {
        #expect(Format.fixed(3.14159, 2) == "3.14")
        #expect(Format.fixed(2.5, 0) == "3")
        #expect(Format.fixed(-2.5, 0) == "-3")
        #expect(Format.fixed(-0.001, 2) == "0.00")
        #expect(Format.fixed(0.05, 1) == "0.1")
        #expect(Format.fixed(1234.5, 3) == "1234.500")
        #expect(Format.fixed(.nan, 2) == "–")
    }

    @Test func significantFigures() {
        #expect(Format.significant(0.0012345, 3) == "0.00123")
        #expect(Format.significant(123456, 4) == "123456")
        #expect(Format.significant(16.899753, 4) == "16.9")
        #expect(Format.significant(-9582.429, 5) == "-9582.4")
        #expect(Format.significant(0) == "0")
        #expect(Format.significant(2.6e-5, 2) == "0.000026")
        #expect(Format.significant(3e20, 3) == "3.00e20")
    }

    @Test func groupsThousandsWithNarrowSpaces() {
        #expect(Format.grouped(1234567) == "1\u{202F}234\u{202F}567")
        #expect(Format.grouped(999) == "999")
        #expect(Format.grouped(-1000) == "-1\u{202F}000")
        #expect(Format.money(349503.349) == "349\u{202F}503.35")
        #expect(Format.money(-0.5) == "-0.50")
        #expect(Format.percent(0.12016) == "12.0 %")
    }

    @Test func ticksAreRoundNumbersCoveringTheRange() {
        #expect(Scale.ticks(0, 4757) == [0, 1000, 2000, 3000, 4000])
        #expect(Scale.ticks(0.25, 0.45) == [0.25, 0.3, 0.35, 0.4, 0.45])
        #expect(Scale.ticks(0.004, 612, logarithmic: true) == [0.01, 0.1, 1, 10, 100])
        let (low, high) = Scale.niceRange([3, 4757], includeZero: true)
        #expect(low == 0 && high == 5000)
    }

    @Test func sequentialRampRunsFromDarkToLight() {
        #expect(Palette.sequential(0) == "#440154")
        #expect(Palette.sequential(1) == "#fde725")
        #expect(Palette.sequential(2) == Palette.sequential(1))
    }
}
