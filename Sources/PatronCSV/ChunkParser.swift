import CLibCSV
import Foundation
import PatronTable

/// A rejected row: where it starts, why, and its fields as read.
public struct CSVReject: Sendable, Equatable {
    /// 1-based physical line where the record starts.
    public var line: Int
    public var reason: String
    /// The record's fields, re-encoded as one CSV line.
    public var raw: String
}

/// What parsing one chunk produced; line numbers are relative to the chunk's first line.
struct ChunkResult: Sendable {
    var columns: [Column]
    var rejects: [CSVReject]
    var newlines: Int
    /// Whether the chunk ended between records (false: its end fell inside a quoted field).
    var endedCleanly: Bool
}

/// Drives libcsv over one byte range and builds typed columns from its callbacks.
///
/// This is the only code that touches C. libcsv calls back once per field and once per
/// record end; with `CSV_REPALL_NL` it also reports every newline outside a record, which
/// is how physical line numbers are kept.
final class ChunkParser {
    struct Plan: Sendable {
        var fieldCount: Int
        /// For each output column: its index in the file's fields, name and type.
        var columns: [(field: Int, name: String, type: ColumnType)]
        var fields: FieldParser
        var delimiter: UInt8
        var quote: UInt8
        /// Keep every record's raw fields instead of typing them (used for the header).
        var captureOnly = false
    }

    /// Raw fields of each record, when the plan is `captureOnly`.
    private(set) var captured: [[[UInt8]]] = []

    // The callbacks touch these once per field; a parser belongs to one task, so the
    // dynamic exclusivity checks buy nothing here and cost a quarter of the parse time.
    private let plan: Plan
    @exclusivity(unchecked) private var builders: [ColumnBuilder]
    @exclusivity(unchecked) private var record: [UInt8] = []
    @exclusivity(unchecked) private var fieldEnds: [Int] = []
    @exclusivity(unchecked) private var newlinesInRecord = 0
    @exclusivity(unchecked) private var line = 0
    @exclusivity(unchecked) private var rejects: [CSVReject] = []
    @exclusivity(unchecked) private var scratch: [UInt64]
    private var parser = csv_parser()

    init(plan: Plan, expectedBytes: Int = 0) {
        self.plan = plan
        builders = plan.columns.map { ColumnBuilder(type: $0.type, reserveRows: expectedBytes / 40) }
        scratch = Array(repeating: 0, count: plan.columns.count)
        record.reserveCapacity(4096)
        fieldEnds.reserveCapacity(plan.fieldCount + 4)
    }

    /// Parses `bytes`; `final` marks the end of the file, where an open quote is an error.
    func parse(_ bytes: UnsafeRawBufferPointer, final: Bool) -> ChunkResult {
        csv_init(&parser, UInt8(CSV_REPALL_NL))
        csv_set_delim(&parser, plan.delimiter)
        csv_set_quote(&parser, plan.quote)
        defer { csv_free(&parser) }
        let context = Unmanaged.passUnretained(self).toOpaque()
        if let base = bytes.baseAddress, !bytes.isEmpty {
            _ = csv_parse(&parser, base, bytes.count, ChunkParser.onField, ChunkParser.onRecord, context)
        }
        // pstate 2 with `quoted` set: inside a quoted field that never closed.
        let insideQuote = parser.pstate == 2 && parser.quoted != 0
        let clean = parser.pstate == 0
        if final && insideQuote {
            let startLine = line
            csv_fini(&parser, ChunkParser.onField, nil, context)
            reject(reason: "unterminated quote: a quoted field opened on this line never closes before the end of the file", line: startLine)
            newlinesInRecord = 0
            record.removeAll(keepingCapacity: true)
            fieldEnds.removeAll(keepingCapacity: true)
        } else {
            csv_fini(&parser, ChunkParser.onField, ChunkParser.onRecord, context)
        }
        return ChunkResult(columns: builders.map { $0.finish() }, rejects: rejects, newlines: line, endedCleanly: clean)
    }

    private static let onField: @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeMutableRawPointer?) -> Void = {
        data, length, context in
        Unmanaged<ChunkParser>.fromOpaque(context!)._withUnsafeGuaranteedRef { (me: ChunkParser) -> Void in
            if let data, length > 0 {
                me.record.append(contentsOf: UnsafeRawBufferPointer(start: data, count: length))
                // Quoted fields may hold newlines; they count toward physical line numbers.
                var from = UnsafeRawPointer(data), left = length
                while left > 0, let hit = memchr(from, 10, left) {
                    me.newlinesInRecord += 1
                    let consumed = UnsafeRawPointer(hit) - from + 1
                    left -= consumed
                    from += consumed
                }
            }
            me.fieldEnds.append(me.record.count)
        }
    }

    private static let onRecord: @convention(c) (Int32, UnsafeMutableRawPointer?) -> Void = { terminator, context in
        Unmanaged<ChunkParser>.fromOpaque(context!)._withUnsafeGuaranteedRef { (me: ChunkParser) -> Void in
            if !me.fieldEnds.isEmpty { me.finishRecord() }
            me.line += me.newlinesInRecord + (terminator == 10 ? 1 : 0)
            me.newlinesInRecord = 0
            me.record.removeAll(keepingCapacity: true)
            me.fieldEnds.removeAll(keepingCapacity: true)
        }
    }

    private func fieldRange(_ i: Int) -> Range<Int> { (i == 0 ? 0 : fieldEnds[i - 1])..<fieldEnds[i] }

    private func finishRecord() {
        if plan.captureOnly {
            captured.append(record.withUnsafeBufferPointer { bytes in
                fieldEnds.indices.map { Array(UnsafeBufferPointer(rebasing: bytes[fieldRange($0)])) }
            })
            return
        }
        guard fieldEnds.count == plan.fieldCount else {
            // A lone empty field is what a line of spaces or a stray delimiter-free line gives.
            if fieldEnds.count == 1, record.isEmpty { return }
            reject(reason: "expected \(plan.fieldCount) fields, found \(fieldEnds.count)")
            return
        }
        let failure: String? = record.withUnsafeBufferPointer { bytes in
            for (c, column) in plan.columns.enumerated() {
                let field = UnsafeBufferPointer(rebasing: bytes[fieldRange(column.field)])
                if field.isEmpty { scratch[c] = 1; continue }
                scratch[c] = 0
                switch column.type {
                case .string, .text:
                    if !isValidUTF8(field) { return "column '\(column.name)': invalid UTF-8" }
                    continue
                case .int:
                    guard let v = plan.fields.int(field) else { return cannotRead(field, column.name, "an integer") }
                    scratch[c] = UInt64(bitPattern: v)
                case .decimal:
                    guard let v = plan.fields.decimal(field) else { return cannotRead(field, column.name, "a decimal number") }
                    scratch[c] = v.bitPattern
                case .date:
                    guard let v = plan.fields.dateFormat.parse(field) else {
                        return cannotRead(field, column.name, "a date in the format \(plan.fields.dateFormat.pattern)")
                    }
                    scratch[c] = UInt64(bitPattern: Int64(v))
                case .bool:
                    guard let v = plan.fields.bool(field) else { return cannotRead(field, column.name, "true or false") }
                    scratch[c] = v ? 1 : 0
                }
            }
            for (c, column) in plan.columns.enumerated() {
                let range = fieldRange(column.field)
                if range.isEmpty {
                    builders[c].appendNull()
                } else if column.type.isString {
                    builders[c].append(string: UnsafeBufferPointer(rebasing: bytes[range]))
                } else {
                    builders[c].append(bits: scratch[c])
                }
            }
            return nil
        }
        if let failure { reject(reason: failure) }
    }

    private func cannotRead(_ field: UnsafeBufferPointer<UInt8>, _ column: String, _ what: String) -> String {
        var shown = String(decoding: field.prefix(40), as: UTF8.self)
        if field.count > 40 { shown += "…" }
        return "column '\(column)': cannot read '\(shown)' as \(what)"
    }

    private func reject(reason: String, line explicitLine: Int? = nil) {
        let fields = fieldEnds.indices.map { i in
            record.withUnsafeBufferPointer { Array(UnsafeBufferPointer(rebasing: $0[fieldRange(i)])) }
        }
        rejects.append(CSVReject(line: explicitLine ?? line, reason: reason,
                                 raw: CSVWriter.encodeRecord(fields, delimiter: plan.delimiter, quote: plan.quote)))
    }
}
