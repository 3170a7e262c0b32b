import Foundation
import PatronTable
import Testing

@testable import PatronCSV

/// Dates and times as real exports write them: `date_format` directives as `strptime` reads
/// them, and every ISO 8601 form by default.
@Suite struct DateTimeTests {
    /// Microseconds since 1970-01-01T00:00 of a civil time.
    static func micros(_ y: Int, _ m: Int, _ d: Int, _ h: Int = 0, _ min: Int = 0, _ s: Int = 0, _ us: Int = 0) -> Int64
    {
        Int64(CivilDate.days(year: y, month: m, day: d)) * 86_400_000_000
            + Int64((h * 3600 + min * 60 + s) * 1_000_000 + us)
    }

    func timestamp(_ format: String, _ text: String) throws -> (micros: Int64, utc: Bool)? {
        var bytes = Array(text.utf8)
        let parsed = try DateFormat(format)
        return bytes.withUnsafeMutableBufferPointer { parsed.timestamp(UnsafeBufferPointer($0)) }
    }

    func day(_ format: String, _ text: String) throws -> Int32? {
        var bytes = Array(text.utf8)
        let parsed = try DateFormat(format)
        return bytes.withUnsafeMutableBufferPointer { parsed.parse(UnsafeBufferPointer($0)) }
    }

    @Test func theDefaultReadsEveryISOForm() throws {
        let iso = "%Y-%m-%d"
        #expect(try timestamp(iso, "2010-12-01")! == (Self.micros(2010, 12, 1), false))
        #expect(try timestamp(iso, "2010-12-01 08:26")! == (Self.micros(2010, 12, 1, 8, 26), false))
        #expect(try timestamp(iso, "2010-12-01T08:26:00")! == (Self.micros(2010, 12, 1, 8, 26), false))
        #expect(try timestamp(iso, "2011-01-13T09:00:00")! == (Self.micros(2011, 1, 13, 9), false))
        #expect(try timestamp(iso, "2010-12-01T08:26:00.5Z")! == (Self.micros(2010, 12, 1, 8, 26, 0, 500_000), true))
        // An offset is normalised to UTC.
        #expect(try timestamp(iso, "2010-12-01T08:26:00+01:00")! == (Self.micros(2010, 12, 1, 7, 26), true))
        #expect(try timestamp(iso, "2010-12-01T23:30:00-0500")! == (Self.micros(2010, 12, 2, 4, 30), true))
        #expect(
            try timestamp(iso, "2010-12-01 08:26:07,123456789")! == (Self.micros(2010, 12, 1, 8, 26, 7, 123_456), false)
        )
        // A date column keeps the day as written.
        #expect(try day(iso, "2010-12-01T23:30:00-05:00") == Int32(CivilDate.days(year: 2010, month: 12, day: 1)))
        #expect(try day(iso, "2010-12-01 08:26") == Int32(CivilDate.days(year: 2010, month: 12, day: 1)))
        for bad in [
            "2010-12-01 8", "2010-12-01T08", "2010-12-01 24:00", "2010-12-01 08:60", "2010-02-30",
            "2010-12-01 08:26 ", "2010-12-01T08:26:00+1", "2010-12-01T08:26:00Q", "2010-12-01x",
        ] {
            #expect(try timestamp(iso, bad) == nil, "\(bad) read")
        }
    }

    @Test func directivesReadAsStrptimeDoes() throws {
        #expect(try timestamp("%m/%d/%Y %H:%M", "12/1/2010 8:26")! == (Self.micros(2010, 12, 1, 8, 26), false))
        #expect(try timestamp("%m/%d/%Y %H:%M", "1/13/2011 17:05")! == (Self.micros(2011, 1, 13, 17, 5), false))
        #expect(try day("%m/%d/%Y %H:%M", "12/1/2010 8:26") == Int32(CivilDate.days(year: 2010, month: 12, day: 1)))
        #expect(try timestamp("%d.%m.%y %H:%M:%S", "03.02.24 07:08:09")! == (Self.micros(2024, 2, 3, 7, 8, 9), false))
        #expect(try timestamp("%Y%m%d%H%M%S", "20240203070809")! == (Self.micros(2024, 2, 3, 7, 8, 9), false))
        #expect(try timestamp("%m/%d/%Y %H:%M %p", "12/1/2010 12:05 AM")! == (Self.micros(2010, 12, 1, 0, 5), false))
        #expect(try timestamp("%m/%d/%Y %H:%M %p", "12/1/2010 12:05 pm")! == (Self.micros(2010, 12, 1, 12, 5), false))
        #expect(try timestamp("%m/%d/%Y %H:%M%p", "12/1/2010 1:30p.m.")! == (Self.micros(2010, 12, 1, 13, 30), false))
        #expect(
            try timestamp("%Y-%m-%d %H:%M:%S.%f %z", "2024-02-03 07:08:09.25 +0130")! == (
                Self.micros(2024, 2, 3, 5, 38, 9, 250_000), true
            ))
        #expect(try timestamp("%m/%d/%Y %H:%M %p", "12/1/2010 13:05 PM") == nil)
        #expect(try timestamp("%m/%d/%Y %H:%M", "12/1/2010") == nil)
    }

    @Test func layoutsThatCannotWorkAreRefused() {
        #expect(throws: CSVError.self) { try DateFormat("%m/%d/%Y %M") }
        #expect(throws: CSVError.self) { try DateFormat("%Y-%m-%d %H:%M:%f") }
        #expect(throws: CSVError.self) { try DateFormat("%Y-%m-%d %I") }
        #expect(throws: CSVError.self) { try DateFormat("%d %p") }
    }

    @Test func aDatetimeColumnIsReadTypedAndWrittenBack() async throws {
        let text = "id,at\n1,12/1/2010 8:26\n2,12/1/2010 17:05\n3,\n4,13/1/2010 1:00\n"
        let r = try await read(text, [("id", .int), ("at", .datetime)]) {
            $0.dateFormat = try! DateFormat("%m/%d/%Y %H:%M")
        }
        #expect(
            r.table["at"]
                == .datetime(
                    [Self.micros(2010, 12, 1, 8, 26), Self.micros(2010, 12, 1, 17, 5), 0],
                    validity: [true, true, false]))
        #expect(r.rejects.map(\.line) == [5])
        #expect(r.rejects.first?.reason.contains("a date-time in the format %m/%d/%Y %H:%M") == true)
        #expect(CSVWriter.encode(r.table) == Array("id,at\n1,2010-12-01 08:26:00\n2,2010-12-01 17:05:00\n3,\n".utf8))
        // The default format reads what the writer wrote.
        let back = try await read(
            String(decoding: CSVWriter.encode(r.table), as: UTF8.self), [("id", .int), ("at", .datetime)])
        #expect(back.table == r.table)
        // UTC when the text carries an offset.
        let zoned = try await read("at\n2010-12-01T08:26:00Z\n2010-12-01T09:26:00+01:00\n", [("at", .datetime)])
        #expect(
            zoned.table["at"]
                == .datetime([Self.micros(2010, 12, 1, 8, 26), Self.micros(2010, 12, 1, 8, 26)], utc: true))
        #expect(ValueFormat.format(zoned.table["at"]!, 0) == "2010-12-01 08:26:00Z")
    }

    @Test func inferenceTellsDatesFromDateTimes() async throws {
        let r = try await read("d,t\n2010-12-01,2010-12-01 08:26\n2010-12-02,2010-12-02T09:00:00\n")
        #expect(r.table["d"]?.type == .date)
        #expect(r.table["t"] == .datetime([Self.micros(2010, 12, 1, 8, 26), Self.micros(2010, 12, 2, 9)]))
    }
}
