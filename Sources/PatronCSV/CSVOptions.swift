import Foundation
import PatronTable

/// How to read one CSV file.
///
/// ```swift
/// var options = CSVOptions()
/// options.delimiter = UInt8(ascii: ";")
/// options.decimalSeparator = UInt8(ascii: ",")        // "1.234,50" reads as 1234.5
/// options.columns = [.init("customer_id", .string), .init("amount", .decimal)]
/// ```
public struct CSVOptions: Sendable {
    /// A column to keep, by its header name, with the type to parse it as.
    public struct ColumnSpec: Sendable, Equatable {
        /// The column's name in the header.
        public var name: String
        /// The type its values are parsed as.
        public var type: ColumnType
        /// Keep column `name`, parsed as `type`.
        public init(_ name: String, _ type: ColumnType) {
            self.name = name
            self.type = type
        }
    }

    /// The field separator (`,`).
    public var delimiter: UInt8 = UInt8(ascii: ",")
    /// The quote character (`"`).
    public var quote: UInt8 = UInt8(ascii: "\"")
    /// `.` or `,`.
    public var decimalSeparator: UInt8 = UInt8(ascii: ".")
    /// Digit-group separator inside numbers; by default `,` when the decimal separator is `.`,
    /// and `.` when it is `,` (a space is always accepted then too).
    public var thousandsSeparator: UInt8? = nil
    /// The layout of `date` columns (ISO `%Y-%m-%d` by default).
    public var dateFormat: DateFormat = .iso
    /// Columns to keep, in output order; `nil` keeps every column of the header, with types
    /// inferred from the values.
    public var columns: [ColumnSpec]? = nil
    /// The file's character encoding; other than UTF-8, it is converted while reading.
    public var encoding: CSVEncoding = .utf8
    /// A record (line, or lines joined by a quoted field) longer than this fails the read
    /// with its line number instead of filling memory: a runaway quote or a file that is not CSV.
    public var maxRecordBytes: Int = 64 << 20
    /// Above this share of rejected rows the read fails instead of returning.
    public var maxRejectRatio: Double = 0.05
    /// Target size of the pieces parsed in parallel.
    package var chunkSize: Int = 4 << 20
    /// How many pieces to parse at once.
    package var parallelism: Int = max(1, ProcessInfo.processInfo.activeProcessorCount)
    /// Whether plain lines are split without libcsv (`ChunkParser.Plan.plainLines`); off only
    /// in the checks that compare the two.
    package var plainLines = true

    /// When set, a column of this name is added last, holding the physical line where each
    /// kept row starts: provenance that later stages use to name a row in their rejects.
    public var lineColumn: String? = nil

    /// Called with the share of the file parsed so far (0…1), as pieces finish.
    package var progress: (@Sendable (Double) -> Void)? = nil

    /// The defaults: comma-separated UTF-8, decimal point, ISO dates, every column as text.
    public init() {}

    var effectiveThousands: UInt8 {
        thousandsSeparator ?? (decimalSeparator == UInt8(ascii: ",") ? UInt8(ascii: ".") : UInt8(ascii: ","))
    }
}

/// Character encodings a CSV file can be read from. Spreadsheet exports on Windows are often
/// Windows-1252 (a superset of Latin-1 in the printable range).
public enum CSVEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case latin1 = "latin-1"
    case windows1252 = "windows-1252"
}

extension CSVEncoding {
    /// The bytes converted to UTF-8. Windows-1252's five unassigned bytes become U+FFFD.
    func transcode(_ data: Data) -> Data {
        if self == .utf8 { return data }
        var out = [UInt8]()
        data.withUnsafeBytes { append($0.bindMemory(to: UInt8.self), to: &out) }
        return Data(out)
    }

    /// The bytes as UTF-8, as `String`'s UTF-8 view (for messages and reject texts).
    func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if self == .utf8 || !bytes.contains(where: { $0 >= 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        var out = [UInt8]()
        append(bytes, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `input` converted to UTF-8 to `out` (as is for UTF-8).
    ///
    /// Runs of ASCII are copied eight bytes at a time; each other byte is looked up in a table
    /// of its UTF-8 form (two bytes, three for Windows-1252's € and quotes). Delimiters,
    /// quotes and line ends are ASCII in all three encodings, so a file is split into records
    /// and fields on its own bytes and only text fields are converted.
    func append(_ input: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        guard self != .utf8, let base = input.baseAddress else {
            out.append(contentsOf: input)
            return
        }
        let table = self == .windows1252 ? Self.windows1252UTF8 : Self.latin1UTF8
        // Each high byte adds one byte (two in UTF-8); Windows-1252's 0x80…0x9F may add two.
        var high = 0
        var control = 0
        for b in input {
            high &+= Int(b >> 7)
            control &+= Int(truncatingIfNeeded: (b &- 0x80) < 0x20 ? 1 : 0)
        }
        var size = input.count + high
        if self == .windows1252 && control > 0 {
            for b in input where (b &- 0x80) < 0x20 { size += Int(table[Int(b - 0x80)] >> 24) - 2 }
        }
        let start = out.count
        out.append(contentsOf: repeatElement(0, count: size))
        out.withUnsafeMutableBytes { target in
            let raw = UnsafeRawPointer(base)
            let to = target.baseAddress! + start
            var i = 0
            var o = 0
            let n = input.count
            while i < n {
                if i + 8 <= n {
                    let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    if word & 0x8080_8080_8080_8080 == 0 {
                        to.storeBytes(of: word, toByteOffset: o, as: UInt64.self)
                        i += 8
                        o += 8
                        continue
                    }
                }
                let b = input[i]
                i += 1
                if b < 0x80 {
                    to.storeBytes(of: b, toByteOffset: o, as: UInt8.self)
                    o += 1
                    continue
                }
                let encoded = table[Int(b - 0x80)]
                let count = Int(encoded >> 24)
                for k in 0..<count {
                    to.storeBytes(
                        of: UInt8(truncatingIfNeeded: encoded >> (8 * UInt32(k))), toByteOffset: o + k, as: UInt8.self)
                }
                o += count
            }
        }
    }

    /// The UTF-8 form of each byte 0x80…0xFF read as Latin-1: the bytes in the low three
    /// octets (first byte lowest), their count in the top octet.
    private static let latin1UTF8: [UInt32] = (0x80...0xFF).map { utf8Word(UInt32($0)) }

    /// The same for Windows-1252 (0x80…0x9F are its own characters, 0xFFFD where unassigned).
    private static let windows1252UTF8: [UInt32] = (0x80...0xFF).map {
        utf8Word($0 < 0xA0 ? UInt32(windows1252High[$0 - 0x80]) : UInt32($0))
    }

    private static func utf8Word(_ scalar: UInt32) -> UInt32 {
        let units = Array(String(Unicode.Scalar(scalar)!).utf8)
        var word = UInt32(units.count) << 24
        for (k, unit) in units.enumerated() { word |= UInt32(unit) << (8 * UInt32(k)) }
        return word
    }

    /// Windows-1252 bytes 0x80…0x9F as Unicode code points (0xFFFD where unassigned).
    private static let windows1252High: [UInt16] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD,
        0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD,
        0x017E, 0x0178,
    ]
}
