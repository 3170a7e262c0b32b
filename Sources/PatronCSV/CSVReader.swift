import Foundation
import PatronSupport
import PatronTable

/// What a CSV read produced: the typed rows and the rejected ones.
public struct CSVResult: Sendable {
    /// The rows kept, typed as declared (or inferred).
    public var table: Table
    /// The rows that did not fit, with their lines and reasons, in file order.
    public var rejects: [CSVReject]
    /// Lines with no data (empty, or only spaces and tabs) after the header: not rows, so
    /// neither kept nor rejected, but counted so that every line is accounted for.
    public var blankLines = 0
    /// Data rows seen (kept + rejected).
    public var rowsRead: Int { table.rowCount + rejects.count }

    /// The rejects as a table with columns `line`, `reason`, `raw`.
    public var rejectsTable: Table {
        try! Table(
            names: ["line", "reason", "raw"],
            columns: [
                .int(rejects.map { Int64($0.line) }),
                .string(rejects.map(\.reason)),
                .string(rejects.map(\.raw), type: .text),
            ])
    }
}

/// Reads CSV files through libcsv, in parallel chunks, into typed columns.
///
/// ```swift
/// var options = CSVOptions()
/// options.columns = [.init("customer_id", .string), .init("amount", .decimal)]
/// let result = try await CSVReader.read(path: "Data/sample/orders.csv", options: options)
/// ```
///
/// Row order is the file's, whatever the parallelism; every data row is either in
/// `result.table` or in `result.rejects` with its line and reason.
public enum CSVReader {
    /// Reads the CSV file at `path`.
    /// - Throws: `CSVError` for a file that cannot be read as CSV at all (missing, binary, no header, a
    ///   runaway record, more rejects than `maxRejectRatio`): a message that names the file and line.
    public static func read(path: String, options: CSVOptions) async throws -> CSVResult {
        let file: MappedFile
        do {
            file = try MappedFile(path: path)
        } catch let error as MappedFileError {
            let reason = FileManager.default.fileExists(atPath: path) ? error.reason : "no such file"
            throw CSVError.unreadable(path: path, reason: reason)
        }
        // The file's pages go back as each piece is done with: the file costs resident
        // memory for the pieces being parsed, not for all of it.
        return try await read(data: file.data, name: path, options: options, release: file.release)
    }

    /// - Parameter release: called with byte ranges of `data` the reader is done with (a
    ///   mapped file hands those pages back).
    public static func read(
        data original: Data, name: String, options: CSVOptions,
        release: @escaping @Sendable (Range<Int>) -> Void = { _ in }
    ) async throws -> CSVResult {
        guard options.delimiter != options.quote, options.delimiter != 10, options.delimiter != 13 else {
            throw CSVError.badOption("\(name): the delimiter must differ from the quote character and from newlines")
        }
        if original.starts(with: [0xFF, 0xFE]) || original.starts(with: [0xFE, 0xFF]) {
            throw CSVError.wrongEncoding(path: name, encoding: "UTF-16")
        }
        // Records and fields are split on the file's own bytes (delimiters, quotes and line
        // ends are ASCII in every encoding read); text fields are converted one by one.
        let data = original
        let done = release
        var start = options.encoding == .utf8 && data.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let (nul, onlyBlank) = data.withUnsafeBytes { raw -> (Int?, Bool) in
            let probe = raw[start..<min(raw.count, start + 65_536)]
            return (probe.firstIndex(of: 0), !raw[start...].contains { $0 != 10 && $0 != 13 && $0 != 32 && $0 != 9 })
        }
        if let nul { throw CSVError.binaryFile(path: name, offset: nul) }
        if onlyBlank { throw CSVError.emptyFile(path: name) }

        // Header: the first record. Blank lines before it are skipped and counted.
        var headerLine = 1
        data.withUnsafeBytes { raw in
            while start < raw.count, raw[start] == 10 || raw[start] == 13 {
                if raw[start] == 10 { headerLine += 1 }
                start += 1
            }
        }
        let headerEnd =
            data.withUnsafeBytes {
                ChunkSplitter.recordEnd(UnsafeRawBufferPointer(rebasing: $0[start...]), quote: options.quote)
            } + start
        let (header, headerNewlines) = try parseHeader(
            data, start..<headerEnd, line: headerLine, name: name, options: options)
        let plan = try makePlan(header: header, name: name, options: options)

        let boundaries = await ChunkSplitter.boundaries(
            data, from: headerEnd, chunkSize: options.chunkSize,
            quote: options.quote, parallelism: options.parallelism, release: done)
        var results = await parseChunks(
            data, boundaries: boundaries, plan: plan, parallelism: options.parallelism,
            progress: options.progress, release: done)
        if let column = results.lazy.compactMap(\.textTooLarge).first {
            throw CSVError.textTooLarge(path: name, column: column)
        }
        if results.dropLast().contains(where: { !$0.endedCleanly })
            || results.contains(where: { $0.overlongLine != nil })
        {
            // A stray quote outside any quoted field fooled the quote-parity split: fall back
            // to one sequential pass, which is always right.
            results = await parseChunks(
                data, boundaries: [headerEnd, data.count], plan: plan, parallelism: 1,
                progress: options.progress)
        }

        if let column = results.lazy.compactMap(\.textTooLarge).first {
            throw CSVError.textTooLarge(path: name, column: column)
        }
        var firstLine = headerLine + headerNewlines
        if let overlong = results.first(where: { $0.overlongLine != nil }) {
            let before = results.prefix { $0.overlongLine == nil }.reduce(0) { $0 + $1.newlines }
            throw CSVError.recordTooLong(
                path: name, line: firstLine + before + overlong.overlongLine!, limit: options.maxRecordBytes)
        }
        // The chunks' text, joined, must fit one column too.
        for (c, column) in plan.columns.enumerated() where column.type == .string || column.type == .text {
            let bytes = results.reduce(0) { sum, result in
                if case .string(let s) = result.columns[c].storage { sum + s.bytes.count } else { sum }
            }
            if bytes > StringBuffer.maxBytes { throw CSVError.textTooLarge(path: name, column: column.name) }
        }
        var rejects = [CSVReject]()
        var lines = [Int64]()
        if options.lineColumn != nil { lines.reserveCapacity(results.reduce(0) { $0 + $1.lines.count }) }
        for result in results {
            rejects.append(
                contentsOf: result.rejects.map {
                    var r = $0
                    r.line += firstLine
                    return r
                })
            if options.lineColumn != nil { lines.append(contentsOf: result.lines.map { $0 + Int64(firstLine) }) }
            firstLine += result.newlines
        }
        // Join the chunks' pieces of each column, the columns in parallel.
        let joined = await withTaskGroup(of: (Int, Column).self) { group in
            for (c, column) in plan.columns.enumerated() {
                let pieces = results.map { $0.columns[c] }
                group.addTask { (c, Column.concatenate(pieces, type: column.type)) }
            }
            var out = [Column?](repeating: nil, count: plan.columns.count)
            for await (c, column) in group { out[c] = column }
            return out.map { $0! }
        }
        var table = Table()
        for (c, column) in plan.columns.enumerated() { try table.append(column.name, joined[c]) }
        if options.columns == nil { table = ColumnInference.infer(table, fields: plan.fields) }
        if let lineName = options.lineColumn {
            if table.index(of: lineName) != nil {
                throw CSVError.badHeader(
                    path: name,
                    reason: "the file already has a column '\(lineName)'; set line_numbers: false or rename it")
            }
            try table.append(lineName, .int(lines))
        }

        let total = table.rowCount + rejects.count
        if total > 0, Double(rejects.count) / Double(total) > options.maxRejectRatio {
            throw CSVError.tooManyRejects(
                path: name, rejected: rejects.count, total: total, limit: options.maxRejectRatio,
                examples: rejects.prefix(5).map { "line \($0.line): \($0.reason)" })
        }
        return CSVResult(table: table, rejects: rejects, blankLines: results.reduce(0) { $0 + $1.blankLines })
    }

    private static func parseHeader(
        _ data: Data, _ range: Range<Int>, line: Int, name: String, options: CSVOptions
    ) throws -> ([String], Int) {
        var plan = ChunkParser.Plan(
            fieldCount: 0, columns: [], fields: FieldParser(options: options),
            delimiter: options.delimiter, quote: options.quote)
        plan.captureOnly = true
        // No real header is a mebibyte long; past that it is a runaway quote or not CSV.
        plan.maxRecordBytes = min(options.maxRecordBytes, 1 << 20)
        let parser = ChunkParser(plan: plan)
        let result = data.withUnsafeBytes { raw in
            parser.parse(UnsafeRawBufferPointer(rebasing: raw[range]), final: true)
        }
        if result.overlongLine != nil {
            throw CSVError.recordTooLong(path: name, line: line, limit: plan.maxRecordBytes)
        }
        guard let fields = parser.captured.first else {
            if let reject = result.rejects.first { throw CSVError.badHeader(path: name, reason: reject.reason) }
            throw CSVError.emptyFile(path: name)
        }
        let names = try fields.map { raw in
            var bytes = [UInt8]()
            raw.withUnsafeBufferPointer { options.encoding.append($0, to: &bytes) }
            guard let s = String(validating: bytes, as: UTF8.self) else {
                throw CSVError.badHeader(
                    path: name, reason: "the header is not valid UTF-8; is the file in another encoding, or binary?")
            }
            return s.trimmingCharacters(in: .whitespaces)
        }
        return (names, result.newlines)
    }

    private static func makePlan(header: [String], name: String, options: CSVOptions) throws -> ChunkParser.Plan {
        if header.contains("") {
            throw CSVError.badHeader(path: name, reason: "column \(header.firstIndex(of: "")! + 1) has no name")
        }
        var seen = Set<String>()
        for h in header where !seen.insert(h).inserted {
            throw CSVError.badHeader(path: name, reason: "column '\(h)' appears twice")
        }
        let wanted = options.columns ?? header.map { .init($0, .string) }
        let missing = wanted.map(\.name).filter { !header.contains($0) }
        if !missing.isEmpty { throw CSVError.missingColumns(path: name, missing: missing, available: header) }
        var plan = ChunkParser.Plan(
            fieldCount: header.count,
            columns: wanted.map { (header.firstIndex(of: $0.name)!, $0.name, $0.type) },
            fields: FieldParser(options: options), delimiter: options.delimiter, quote: options.quote)
        plan.maxRecordBytes = options.maxRecordBytes
        plan.plainLines = options.plainLines
        plan.encoding = options.encoding
        return plan
    }

    /// Parses each `[boundaries[k], boundaries[k+1])` range, at most `parallelism` at a time,
    /// and returns the results in file order.
    private static func parseChunks(
        _ data: Data, boundaries: [Int], plan: ChunkParser.Plan, parallelism: Int,
        progress: (@Sendable (Double) -> Void)?,
        release: @escaping @Sendable (Range<Int>) -> Void = { _ in }
    ) async -> [ChunkResult] {
        let count = boundaries.count - 1
        return await withTaskGroup(of: (Int, ChunkResult).self) { group in
            var results = [ChunkResult?](repeating: nil, count: count)
            var next = 0
            func launch(_ k: Int) {
                group.addTask {
                    let result = data.withUnsafeBytes { raw in
                        ChunkParser(plan: plan, expectedBytes: boundaries[k + 1] - boundaries[k])
                            .parse(
                                UnsafeRawBufferPointer(rebasing: raw[boundaries[k]..<boundaries[k + 1]]),
                                final: k == count - 1)
                    }
                    release(boundaries[k]..<boundaries[k + 1])
                    return (k, result)
                }
            }
            while next < min(count, max(1, parallelism)) {
                launch(next)
                next += 1
            }
            var done = 0
            for await (k, result) in group {
                results[k] = result
                done += boundaries[k + 1] - boundaries[k]
                progress?(Double(done) / Double(max(1, boundaries[count] - boundaries[0])))
                if next < count {
                    launch(next)
                    next += 1
                }
            }
            return results.map { $0! }
        }
    }
}
