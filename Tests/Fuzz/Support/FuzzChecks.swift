import Foundation
import PatronCSV
import PatronPipeline
import PatronStages
import PatronTable

/// What a fuzz input showed that must not happen.
package struct FuzzFinding: Error, CustomStringConvertible {
    package var description: String
}

/// The checks behind both the libFuzzer targets (`make fuzz`) and the seeded mutation tests
/// in `make test`, so that both hold every input to the same rules.
package enum FuzzChecks {
    /// Options from a CSV fuzz input's first byte: bits 0–1 the delimiter (`,` `;` tab `|`),
    /// bit 2 a decimal comma, bit 3 declared columns a:string b:decimal c:date d:int e:bool
    /// (else inferred), bit 4 a 64-byte record limit, bit 5 Windows-1252.
    package static func csvOptions(flags: UInt8) -> CSVOptions {
        var options = CSVOptions()
        options.delimiter = [UInt8(ascii: ","), UInt8(ascii: ";"), 9, UInt8(ascii: "|")][Int(flags & 3)]
        options.decimalSeparator =
            flags & 4 != 0 && options.delimiter != UInt8(ascii: ",") ? UInt8(ascii: ",") : UInt8(ascii: ".")
        if flags & 8 != 0 {
            options.columns = [
                .init("a", .string), .init("b", .decimal), .init("c", .date), .init("d", .int), .init("e", .bool),
            ]
        }
        options.maxRecordBytes = flags & 16 != 0 ? 64 : 1 << 20
        options.maxRejectRatio = 1
        if flags & 32 != 0 { options.encoding = .windows1252 }
        return options
    }

    /// Reads `input` (flags byte, then the file) in small parallel chunks, in one pass, and in
    /// one pass with libcsv splitting every line: the three must agree exactly (same rows and rejects, or the same error), and no decimal
    /// may be NaN or infinite.
    package static func csv(_ input: [UInt8]) async throws(FuzzFinding) {
        guard let flags = input.first else { return }
        let file = Data(input.dropFirst())
        var split = csvOptions(flags: flags)
        split.chunkSize = 7
        split.parallelism = 2
        var whole = csvOptions(flags: flags)
        whole.chunkSize = 1 << 30
        whole.parallelism = 1
        let pieces = await outcome(file, split)
        let once = await outcome(file, whole)
        guard pieces == once else {
            throw FuzzFinding(description: "chunked and sequential reads differ:\n\(pieces)\n\(once)")
        }
        // Plain lines split in Swift give what libcsv gives for them.
        var libcsvOnly = whole
        libcsvOnly.plainLines = false
        let reference = await outcome(file, libcsvOnly)
        guard once == reference else {
            throw FuzzFinding(description: "plain-line splitting and libcsv differ:\n\(once)\n\(reference)")
        }
        if case .read(let table, _) = once {
            for column in table.columns {
                if case .decimal(let values) = column.storage, values.contains(where: { !$0.isFinite }) {
                    throw FuzzFinding(description: "a decimal column holds NaN or infinity")
                }
            }
        }
    }

    /// Parses and validates `input` as a pipeline file: a plan, or a `PipelineError` whose
    /// message is not empty.
    package static func pipeline(_ input: [UInt8]) throws(FuzzFinding) {
        let text = String(decoding: input, as: UTF8.self)
        do {
            let file = try PipelineFile.parse(text, path: "Pipelines/fuzz.yaml")
            _ = try PipelinePlan(file: file, registry: BuiltinModules.registry, projectRoot: "/nonexistent/patron-fuzz")
        } catch let error as PipelineError {
            if String(describing: error).isEmpty { throw FuzzFinding(description: "an empty error message") }
        } catch {
            throw FuzzFinding(description: "not a PipelineError: \(error)")
        }
    }

    /// Reads `input` as an Arrow IPC file — whole, a few columns, the first rows, picked rows
    /// — as the cache does: a table whose every column has the table's row count and whose
    /// every value reads, or an error with a message; never a crash or a huge allocation.
    /// (Cached files are input too: a damaged one must be an error.)
    package static func arrow(_ input: [UInt8]) throws(FuzzFinding) {
        if let finding = input.withUnsafeBytes({ arrowFinding($0) }) { throw finding }
    }

    private static func arrowFinding(_ raw: UnsafeRawBufferPointer) -> FuzzFinding? {
        do throws(FuzzFinding) {
            var names: [String] = []
            for variant in 0..<4 {
                let table: Table
                do {
                    switch variant {
                    case 0: table = try ArrowIPC.decode(raw: raw)
                    case 1: table = try ArrowIPC.decode(raw: raw, columns: Set(names.prefix(1)))
                    case 2: table = try ArrowIPC.decode(raw: raw, rows: 2)
                    default: table = try ArrowIPC.decode(raw: raw, at: [0])
                    }
                } catch {
                    if String(describing: error).isEmpty { throw FuzzFinding(description: "an empty error message") }
                    if variant == 0 { return nil }
                    continue
                }
                if variant == 0 { names = table.names }
                for (name, column) in zip(table.names, table.columns) {
                    guard column.count == table.rowCount else {
                        throw FuzzFinding(
                            description: "column '\(name)' has \(column.count) rows, the table \(table.rowCount)")
                    }
                    if let validity = column.validity, validity.count != column.count {
                        throw FuzzFinding(description: "column '\(name)' has a validity of the wrong length")
                    }
                    if case .string(let s) = column.storage {
                        guard s.offsets.first == 0, Int(s.offsets.last ?? 0) == s.bytes.count,
                            zip(s.offsets, s.offsets.dropFirst()).allSatisfy({ $0 <= $1 })
                        else { throw FuzzFinding(description: "column '\(name)' has inconsistent string offsets") }
                    }
                    for row in 0..<table.rowCount { _ = ValueFormat.format(column, row) }
                }
            }
        } catch {
            return error
        }
        return nil
    }

    enum Outcome: Equatable, Sendable {
        case read(Table, [CSVReject])
        case failed(String)
    }

    static func outcome(_ file: Data, _ options: CSVOptions) async -> Outcome {
        do {
            let result = try await CSVReader.read(data: file, name: "fuzz.csv", options: options)
            return .read(result.table, result.rejects)
        } catch {
            return .failed(String(describing: error))
        }
    }
}
