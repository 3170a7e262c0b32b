import Foundation
import PatronTable

@testable import PatronCSV

func read(
    _ text: String, _ columns: [(String, ColumnType)]? = nil, configure: (inout CSVOptions) -> Void = { _ in }
) async throws -> CSVResult {
    try await read(bytes: Array(text.utf8), columns, configure: configure)
}

func read(
    bytes: [UInt8], _ columns: [(String, ColumnType)]? = nil, configure: (inout CSVOptions) -> Void = { _ in }
) async throws -> CSVResult {
    var options = CSVOptions()
    options.columns = columns?.map { .init($0.0, $0.1) }
    options.maxRejectRatio = 1
    configure(&options)
    return try await CSVReader.read(data: Data(bytes), name: "test.csv", options: options)
}

func strings(_ column: Column?) -> [String?] {
    guard let column else { return [] }
    return (0..<column.count).map { column.isNull($0) ? nil : ValueFormat.format(column, $0) }
}
