import Foundation
/// Why a CSV file could not be read. Messages name the file and say what to do.
import PatronTable

/// Why a CSV file could not be read at all (rows that do not fit are rejects, not errors).
public enum CSVError: Error, Equatable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case emptyFile(path: String)
    case binaryFile(path: String, offset: Int)
    case badHeader(path: String, reason: String)
    case missingColumns(path: String, missing: [String], available: [String])
    case tooManyRejects(path: String, rejected: Int, total: Int, limit: Double, examples: [String])
    case badOption(String)
    case wrongEncoding(path: String, encoding: String)
    case recordTooLong(path: String, line: Int, limit: Int)
    /// A text column whose values add up to more than `StringBuffer.maxBytes`.
    case textTooLarge(path: String, column: String)

    /// At most 30 names of at most 40 characters each: a header can be anything.
    static func abbreviated(_ names: [String]) -> String {
        var shown = names.prefix(30).map { $0.count > 40 ? $0.prefix(40) + "…" : $0 }.joined(separator: ", ")
        if names.count > 30 { shown += " … (\(names.count) columns)" }
        return shown
    }

    /// The file, the line where it applies, what is wrong and what to do.
    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            return "\(path): cannot read the file (\(reason))"
        case .emptyFile(let path):
            return "\(path): the file is empty; a CSV file needs at least a header row"
        case .binaryFile(let path, let offset):
            return
                "\(path): this looks like a binary file, not CSV (a NUL byte at offset \(offset)); check the path, or export the data as CSV first"
        case .badHeader(let path, let reason):
            return "\(path):1: bad header row: \(reason)"
        case .missingColumns(let path, let missing, let available):
            let s = missing.count == 1 ? "" : "s"
            return
                "\(path):1: declared column\(s) \(missing.map { "'\($0)'" }.joined(separator: ", ")) not in the header; the file has: \(Self.abbreviated(available))"
        case .tooManyRejects(let path, let rejected, let total, let limit, let examples):
            let pct = total == 0 ? 0 : Double(rejected) * 100 / Double(total)
            return
                "\(path): \(rejected) of \(total) rows rejected (\(String(format: "%.1f", pct))%, above max_reject_ratio \(limit)); first problems:\n"
                + examples.map { "  \($0)" }.joined(separator: "\n")
                + "\nfix the file or its declared columns (delimiter, decimal, date_format), or raise max_reject_ratio"
        case .badOption(let message):
            return message
        case .wrongEncoding(let path, let encoding):
            return
                "\(path): the file is \(encoding), which Patron does not read; save it as CSV UTF-8, or convert it: iconv -f \(encoding) -t UTF-8 FILE > FILE.utf8.csv"
        case .recordTooLong(let path, let line, let limit):
            return
                "\(path):\(line): the record starting here is longer than \(limit >= 1 << 20 ? "\(limit >> 20) MiB" : "\(limit) bytes"); usually a quote that never closes "
                + "(check the quote character, or set quote to a character the file does not use), or a file that is not CSV; "
                + "if records really are this long, raise max_record_mb"
        case .textTooLarge(let path, let column):
            return
                "\(path): the text in column '\(column)' adds up to more than 2 GiB (\(StringBuffer.maxBytes) bytes), "
                + "the most one text column of a Patron table holds (Arrow utf8's 32-bit offsets); "
                + "leave the column out of columns:, or split the file and ingest the parts as separate stages"
        }
    }
}
