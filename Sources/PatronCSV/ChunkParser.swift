import CLibCSV
import Foundation
import PatronTable

/// A rejected row: where it starts, why, and its fields as read.
public struct CSVReject: Sendable, Equatable {
    /// 1-based physical line where the record starts.
    public var line: Int
    /// Why the row was rejected (`column 'amount': cannot read 'n/a' as a decimal number`).
    public var reason: String
    /// The record's fields, re-encoded as one CSV line.
    public var raw: String
}

/// What parsing one chunk produced; line numbers are relative to the chunk's first line.
struct ChunkResult: Sendable {
    var columns: [Column]
    /// Chunk-relative line where each kept row starts.
    var lines: [Int64]
    var rejects: [CSVReject]
    var newlines: Int
    /// Lines with no data: empty, or only spaces and tabs (not rows, not rejects; counted).
    var blankLines = 0
    /// Whether the chunk ended between records (false: its end fell inside a quoted field).
    var endedCleanly: Bool
    /// Chunk-relative line of a record longer than the plan's limit; parsing stopped there.
    var overlongLine: Int? = nil
    /// A text column whose values passed `StringBuffer.maxBytes`; parsing stopped there.
    var textTooLarge: String? = nil
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
        /// A record longer than this stops the parse (a runaway quote, a file that is not CSV).
        var maxRecordBytes = CSVOptions().maxRecordBytes

        /// For each field position in a record: the output column it feeds, or -1.
        var slots: [Int] {
            var slots = [Int](repeating: -1, count: max(0, fieldCount))
            for (c, column) in columns.enumerated() where column.field < slots.count { slots[column.field] = c }
            return slots
        }
    }

    /// Raw fields of each record, when the plan is `captureOnly`.
    private(set) var captured: [[[UInt8]]] = []

    // The callbacks touch these once per field; a parser belongs to one task, so the
    // dynamic exclusivity checks buy nothing here and cost a quarter of the parse time.
    private let plan: Plan
    /// One builder per output column, allocated once: no copy-on-write checks per value.
    private let builders: UnsafeMutablePointer<ColumnBuilder>
    private let types: [ColumnType]
    private let record = Scratch<UInt8>()
    private let fieldEnds = Scratch<Int>(capacity: 64)
    @exclusivity(unchecked) private var newlinesInRecord = 0
    @exclusivity(unchecked) private var line = 0
    @exclusivity(unchecked) private var rejects: [CSVReject] = []
    @exclusivity(unchecked) private var fieldIndex = 0
    @exclusivity(unchecked) private var committedRows = 0
    @exclusivity(unchecked) private var lines: [Int64] = []
    @exclusivity(unchecked) private var failure: String? = nil
    /// Line of the first record found longer than the limit.
    @exclusivity(unchecked) private var overlong: Int? = nil
    @exclusivity(unchecked) private var blankLines = 0
    /// The column whose text passed `StringBuffer.maxBytes`.
    @exclusivity(unchecked) private var textTooLarge: String? = nil
    /// The last record callback's terminator: a line feed right after a carriage return is
    /// the second half of a CRLF, not a line of its own. (A chunk starts after a line feed.)
    @exclusivity(unchecked) private var lastTerminator: Int32 = 10
    private let slots: [Int]
    private var parser = csv_parser()

    init(plan: Plan, expectedBytes: Int = 0) {
        self.plan = plan
        builders = .allocate(capacity: plan.columns.count)
        builders.initialize(
            from: plan.columns.map { ColumnBuilder(type: $0.type, reserveRows: expectedBytes / 40) },
            count: plan.columns.count)
        types = plan.columns.map(\.type)
        lines.reserveCapacity(expectedBytes / 40)
        slots = plan.slots
    }

    deinit {
        builders.deinitialize(count: types.count)
        builders.deallocate()
    }

    /// Parses `bytes`; `final` marks the end of the file, where an open quote is an error.
    func parse(_ bytes: UnsafeRawBufferPointer, final: Bool) -> ChunkResult {
        csv_init(&parser, UInt8(CSV_REPALL_NL))
        csv_set_delim(&parser, plan.delimiter)
        csv_set_quote(&parser, plan.quote)
        defer { csv_free(&parser) }
        let context = Unmanaged.passUnretained(self).toOpaque()
        // Fed in slices so that a runaway record (a 2 GB line, an unclosed quote) is caught
        // after at most one slice more than the limit, in memory and in time.
        let slice = 1 << 20
        var offset = 0
        while let base = bytes.baseAddress, offset < bytes.count {
            let length = min(slice, bytes.count - offset)
            _ = csv_parse(&parser, base + offset, length, ChunkParser.onField, ChunkParser.onRecord, context)
            offset += length
            // libcsv grows a field's buffer by a fixed step (128 bytes): quadratic for a huge
            // field. Growing by the current size makes it geometric.
            if parser.entry_size > 4 * parser.blk_size { csv_set_blk_size(&parser, parser.entry_size) }
            if overlong == nil, exceedsLimit(pending: parser.entry_pos) { overlong = line }
            if let overlong {
                return ChunkResult(
                    columns: [], lines: [], rejects: [], newlines: line, endedCleanly: false, overlongLine: overlong)
            }
            if let textTooLarge {
                return ChunkResult(
                    columns: [], lines: [], rejects: [], newlines: line, endedCleanly: false, textTooLarge: textTooLarge
                )
            }
        }
        // pstate 2 with `quoted` set: inside a quoted field that never closed.
        let insideQuote = parser.pstate == 2 && parser.quoted != 0
        let clean = parser.pstate == 0
        if final && insideQuote {
            let startLine = line
            csv_fini(&parser, ChunkParser.onField, nil, context)
            rollBack()
            reject(
                reason:
                    "unterminated quote: a quoted field opened on this line never closes before the end of the file",
                line: startLine)
            newlinesInRecord = 0
            record.removeAll()
            fieldEnds.removeAll()
        } else {
            csv_fini(&parser, ChunkParser.onField, ChunkParser.onRecord, context)
        }
        return ChunkResult(
            columns: (0..<types.count).map { builders[$0].finish() }, lines: lines, rejects: rejects,
            newlines: line, blankLines: blankLines, endedCleanly: clean)
    }

    private static let onField: @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeMutableRawPointer?) -> Void = {
        data, length, context in
        Unmanaged<ChunkParser>.fromOpaque(context!)._withUnsafeGuaranteedRef { (me: ChunkParser) -> Void in
            if let data, length > 0 {
                me.record.append(data, length)
            }
            me.fieldEnds.append(me.record.count)
            // Typed values go straight into their columns; a bad record is rolled back
            // when it ends.
            let index = me.fieldIndex
            me.fieldIndex += 1
            if index < me.slots.count, me.failure == nil {
                let c = me.slots[index]
                if c >= 0 {
                    let field = UnsafeBufferPointer(
                        start: data?.assumingMemoryBound(to: UInt8.self), count: data == nil ? 0 : length)
                    me.failure = me.append(field, to: c)
                }
            }
        }
    }

    private static let onRecord: @convention(c) (Int32, UnsafeMutableRawPointer?) -> Void = { terminator, context in
        Unmanaged<ChunkParser>.fromOpaque(context!)._withUnsafeGuaranteedRef { (me: ChunkParser) -> Void in
            // Quoted fields may hold newlines; they count toward physical line numbers.
            me.newlinesInRecord = me.record.occurrences(of: 10)
            if me.overlong == nil, me.exceedsLimit(pending: 0) { me.overlong = me.line }
            if !me.fieldEnds.isEmpty {
                me.finishRecord()
            } else if terminator == 13 || (terminator == 10 && me.lastTerminator != 13) {
                // A line with nothing on it (libcsv skips spaces and tabs before a record).
                me.blankLines += 1
            }
            me.lastTerminator = terminator
            me.line += me.newlinesInRecord + (terminator == 10 ? 1 : 0)
            me.newlinesInRecord = 0
            me.record.removeAll()
            me.fieldEnds.removeAll()
        }
    }

    /// Whether the record so far (with `pending` bytes of a field libcsv still holds) is over
    /// the limit. Field ends count as the memory they take: a line of commas is bounded too.
    private func exceedsLimit(pending: Int) -> Bool {
        record.count + pending + 8 * fieldEnds.count > plan.maxRecordBytes
    }

    private func fieldRange(_ i: Int) -> Range<Int> { (i == 0 ? 0 : fieldEnds[i - 1])..<fieldEnds[i] }

    /// Parses one field into column `c`; returns why it cannot, or nil.
    private func append(_ field: UnsafeBufferPointer<UInt8>, to c: Int) -> String? {
        if field.isEmpty {
            builders[c].appendNull()
            return nil
        }
        switch types[c] {
        case .string, .text:
            guard isValidUTF8(field) else {
                return
                    "column '\(plan.columns[c].name)': invalid UTF-8; if the file is Latin-1 or Windows-1252, set encoding: windows-1252"
            }
            guard builders[c].append(string: field) else {
                textTooLarge = plan.columns[c].name
                return "column '\(plan.columns[c].name)': more than 2 GiB of text"
            }
        case .int:
            guard let v = plan.fields.int(field) else { return cannotRead(field, plan.columns[c].name, "an integer") }
            builders[c].append(bits: UInt64(bitPattern: v))
        case .decimal:
            guard let v = plan.fields.decimal(field) else {
                return cannotRead(field, plan.columns[c].name, "a decimal number")
            }
            builders[c].append(bits: v.bitPattern)
        case .date:
            guard let v = plan.fields.dateFormat.parse(field) else {
                return cannotRead(field, plan.columns[c].name, "a date in the format \(plan.fields.dateFormat.pattern)")
            }
            builders[c].append(bits: UInt64(bitPattern: Int64(v)))
        case .datetime:
            guard let (v, utc) = plan.fields.dateFormat.timestamp(field) else {
                return cannotRead(
                    field, plan.columns[c].name, "a date-time in the format \(plan.fields.dateFormat.pattern)")
            }
            builders[c].append(bits: UInt64(bitPattern: v))
            if utc { builders[c].utc = true }
        case .bool:
            guard let v = plan.fields.bool(field) else {
                return cannotRead(field, plan.columns[c].name, "true or false")
            }
            builders[c].append(bits: v ? 1 : 0)
        }
        return nil
    }

    private func finishRecord() {
        defer {
            fieldIndex = 0
            failure = nil
        }
        if plan.captureOnly {
            captured.append((0..<fieldEnds.count).map { Array(record[fieldRange($0)]) })
            return
        }
        guard fieldEnds.count == plan.fieldCount, failure == nil else {
            rollBack()
            // A lone empty field is what a line of only spaces gives: not a row, but counted.
            if fieldEnds.count == 1, record.isEmpty {
                blankLines += 1
                return
            }
            reject(reason: failure ?? "expected \(plan.fieldCount) fields, found \(fieldEnds.count)")
            return
        }
        committedRows += 1
        lines.append(Int64(line))
    }

    /// Drops the values a bad record already put into columns.
    private func rollBack() {
        for c in 0..<types.count { builders[c].truncate(to: committedRows) }
    }

    private func cannotRead(_ field: UnsafeBufferPointer<UInt8>, _ column: String, _ what: String) -> String {
        var shown = String(decoding: field.prefix(40), as: UTF8.self)
        if field.count > 40 { shown += "…" }
        return "column '\(column)': cannot read '\(shown)' as \(what)"
    }

    private func reject(reason: String, line explicitLine: Int? = nil) {
        let fields = (0..<fieldEnds.count).map { i in
            Array(record[fieldRange(i)])
        }
        rejects.append(
            CSVReject(
                line: explicitLine ?? line, reason: reason,
                raw: CSVWriter.encodeRecord(fields, delimiter: plan.delimiter, quote: plan.quote)))
    }
}
