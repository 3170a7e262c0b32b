/// Why a CSV file could not be read. Messages name the file and say what to do.
public enum CSVError: Error, Equatable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case emptyFile(path: String)
    case binaryFile(path: String, offset: Int)
    case badHeader(path: String, reason: String)
    case missingColumns(path: String, missing: [String], available: [String])
    case tooManyRejects(path: String, rejected: Int, total: Int, limit: Double, examples: [String])
    case badOption(String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            return "\(path): cannot read the file (\(reason))"
        case .emptyFile(let path):
            return "\(path): the file is empty; a CSV file needs at least a header row"
        case .binaryFile(let path, let offset):
            return "\(path): this looks like a binary file, not CSV (a NUL byte at offset \(offset)); check the path, or export the data as CSV first"
        case .badHeader(let path, let reason):
            return "\(path):1: bad header row: \(reason)"
        case .missingColumns(let path, let missing, let available):
            let s = missing.count == 1 ? "" : "s"
            return "\(path):1: declared column\(s) \(missing.map { "'\($0)'" }.joined(separator: ", ")) not in the header; the file has: \(available.joined(separator: ", "))"
        case .tooManyRejects(let path, let rejected, let total, let limit, let examples):
            let pct = total == 0 ? 0 : Double(rejected) * 100 / Double(total)
            return "\(path): \(rejected) of \(total) rows rejected (\(String(format: "%.1f", pct))%, above max_reject_ratio \(limit)); first problems:\n"
                + examples.map { "  \($0)" }.joined(separator: "\n")
                + "\nfix the file or its declared columns (delimiter, decimal, date_format), or raise max_reject_ratio"
        case .badOption(let message):
            return message
        }
    }
}

import Foundation
