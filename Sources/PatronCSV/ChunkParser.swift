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
        /// The file's encoding: text fields are converted to UTF-8 one by one.
        var encoding = CSVEncoding.utf8
        /// Keep every record's raw fields instead of typing them (used for the header).
        var captureOnly = false
        /// A record longer than this stops the parse (a runaway quote, a file that is not CSV).
        var maxRecordBytes = CSVOptions().maxRecordBytes
        /// Split plain lines (no quote, no carriage return inside, not starting with a space
        /// or tab) without libcsv: the same fields libcsv gives, several times faster. Off
        /// only to check that claim (the fuzz checks compare both).
        var plainLines = true

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
    /// Each column's type, and for each field position its column or -1 (`Plan.slots`):
    /// read once per field, so kept as plain memory (no array retain or bounds check).
    private let types: UnsafeMutableBufferPointer<ColumnType>
    private let record = Scratch<UInt8>()
    private let fieldEnds = Scratch<Int>(capacity: 64)
    /// Where the delimiters of a plain line are.
    private let delimiters = Scratch<Int>(capacity: 64)
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
    /// A text field converted to UTF-8 (files in other encodings).
    @exclusivity(unchecked) private var converted: [UInt8] = []
    /// The column whose text passed `StringBuffer.maxBytes`.
    @exclusivity(unchecked) private var textTooLarge: String? = nil
    /// The last record callback's terminator: a line feed right after a carriage return is
    /// the second half of a CRLF, not a line of its own. (A chunk starts after a line feed.)
    @exclusivity(unchecked) private var lastTerminator: Int32 = 10
    /// The plain line being split has only ASCII bytes (false for lines libcsv reads).
    @exclusivity(unchecked) private var lineIsASCII = false
    /// The last date or date-time field read and its value: consecutive lines of one order
    /// carry the same timestamp, which is then compared, not parsed again.
    @exclusivity(unchecked) private var lastMoment:
        (column: Int, length: Int, bytes: Words32, bits: UInt64, utc: Bool) =
            (-1, 0, Words32(), 0, false)
    private let slots: UnsafeMutableBufferPointer<Int>
    private var parser = csv_parser()

    init(plan: Plan, expectedBytes: Int = 0) {
        self.plan = plan
        builders = .allocate(capacity: plan.columns.count)
        builders.initialize(
            from: plan.columns.map { ColumnBuilder(type: $0.type, reserveRows: expectedBytes / 40) },
            count: plan.columns.count)
        types = .allocate(capacity: plan.columns.count)
        _ = types.initialize(from: plan.columns.map(\.type))
        lines.reserveCapacity(expectedBytes / 40)
        let fieldSlots = plan.slots
        slots = .allocate(capacity: fieldSlots.count)
        _ = slots.initialize(from: fieldSlots)
    }

    deinit {
        builders.deinitialize(count: types.count)
        builders.deallocate()
        types.deallocate()
        slots.deallocate()
    }

    /// Parses `bytes`; `final` marks the end of the file, where an open quote is an error.
    func parse(_ bytes: UnsafeRawBufferPointer, final: Bool) -> ChunkResult {
        csv_init(&parser, UInt8(CSV_REPALL_NL))
        csv_set_delim(&parser, plan.delimiter)
        csv_set_quote(&parser, plan.quote)
        defer { csv_free(&parser) }
        let context = Unmanaged.passUnretained(self).toOpaque()
        // Line by line: a plain line is split here; any other line (and every line while libcsv
        // is inside a record, as in a quoted field over several lines) goes to libcsv, in
        // slices so that a runaway record (a 2 GB line, an unclosed quote) is caught after at
        // most one slice more than the limit, in memory and in time.
        let slice = 1 << 20
        let plain = plan.plainLines && !plan.captureOnly
        var offset = 0
        while let base = bytes.baseAddress, offset < bytes.count {
            let rest = bytes.count - offset
            let newline = memchr(base + offset, 10, min(rest, slice)).map {
                $0 - UnsafeMutableRawPointer(mutating: base)
            }
            if plain, let newline, parser.pstate == 0, splitPlainLine(base + offset, newline - offset) {
                offset = newline + 1
                continue
            }
            let length = newline.map { $0 + 1 - offset } ?? min(slice, rest)
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
            me.take(
                UnsafeBufferPointer(start: data?.assumingMemoryBound(to: UInt8.self), count: data == nil ? 0 : length))
        }
    }

    /// Types field number `fieldIndex` of the record into its column, if it has one. Typed
    /// values go straight into their columns; a bad record is rolled back when it ends.
    @inline(__always)
    private func take(_ field: UnsafeBufferPointer<UInt8>) {
        let index = fieldIndex
        fieldIndex += 1
        if index < slots.count, failure == nil {
            let c = slots[index]
            if c >= 0 { failure = append(field, to: c) }
        }
    }

    /// Splits a line without libcsv when it is plain: not empty, no carriage return in it (but
    /// a final one before the newline), no space or tab first, not over the limit, and quotes
    /// only around whole fields with no quote inside ("REGENCY PURSE, FLORAL"). Fields are what
    /// libcsv gives for such a line: split at each delimiter outside quotes, spaces and tabs
    /// trimmed from both ends of an unquoted field, a quoted one as it stands between its
    /// quotes. Returns false, having done nothing, for any other line.
    private func splitPlainLine(_ start: UnsafeRawPointer, _ count: Int) -> Bool {
        let bytes = UnsafeBufferPointer(start: start.assumingMemoryBound(to: UInt8.self), count: count)
        var end = count
        if end > 0, bytes[end - 1] == 13 { end -= 1 }
        guard end > 0, bytes[0] != 32, bytes[0] != 9 else { return false }
        // Where the delimiters are, eight bytes at a time; a carriage return anywhere, or a
        // quote that does not open a simple quoted field, means the line is not plain, and
        // nothing has been typed yet.
        let delimiter = plan.delimiter, quote = plan.quote
        let ones: UInt64 = 0x0101_0101_0101_0101
        let d = UInt64(delimiter) &* ones, q = UInt64(quote) &* ones, cr = UInt64(13) &* ones
        @inline(__always) func matches(_ w: UInt64, _ pattern: UInt64) -> UInt64 {
            let x = w ^ pattern
            return (x &- ones) & ~x & 0x8080_8080_8080_8080
        }
        delimiters.removeAll()
        var high: UInt64 = 0  // any byte ≥ 0x80 (not ASCII) sets a top bit here
        var quoted: UInt64 = 0  // bit f: field f is quoted
        // The quote at `k` opens field number `delimiters.count` and closes, non-empty, right
        // before a delimiter or the end: the index of the closing quote, or nil.
        @inline(__always) func quotedField(_ k: Int) -> Int? {
            guard k == 0 || (delimiters.count > 0 && delimiters[delimiters.count - 1] == k - 1), delimiters.count < 64,
                let found = memchr(start + k + 1, Int32(quote), end - k - 1)
            else { return nil }
            let close = found - UnsafeMutableRawPointer(mutating: start)
            guard close > k + 1, close + 1 == end || bytes[close + 1] == delimiter else { return nil }
            for j in (k + 1)..<close { high |= UInt64(bytes[j]) }
            quoted |= 1 << UInt64(delimiters.count)
            return close
        }
        var i = 0
        scan: while i < end {
            if i + 8 <= end {
                let w = start.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                high |= w
                var m = matches(w, d) | matches(w, q) | matches(w, cr)
                // Bits above a true match may be false: each byte is looked at.
                while m != 0 {
                    let k = i + m.trailingZeroBitCount / 8
                    let b = bytes[k]
                    if b == delimiter {
                        delimiters.append(k)
                    } else if b == quote || b == 13 {
                        guard b == quote, let close = quotedField(k) else { return false }
                        i = close + 1
                        continue scan
                    }
                    m &= m &- 1
                }
                i += 8
            } else {
                let b = bytes[i]
                high |= UInt64(b)
                if b == delimiter {
                    delimiters.append(i)
                } else if b == quote || b == 13 {
                    guard b == quote, let close = quotedField(i) else { return false }
                    i = close + 1
                    continue
                }
                i += 1
            }
        }
        let fields = delimiters.count + 1
        // An ASCII line's text fields need no check or conversion, whatever the encoding.
        lineIsASCII = high & 0x8080_8080_8080_8080 == 0
        defer { lineIsASCII = false }
        // A line near the record limit goes to libcsv, which decides.
        guard end + 8 * fields <= plan.maxRecordBytes else { return false }
        @inline(__always) func field(_ f: Int) -> Range<Int> {
            var a = f == 0 ? 0 : delimiters[f - 1] + 1
            var z = f == fields - 1 ? end : delimiters[f]
            if f < 64 && quoted & (1 << UInt64(f)) != 0 { return (a + 1)..<(z - 1) }
            while a < z, bytes[a] == 32 || bytes[a] == 9 { a += 1 }
            while z > a, bytes[z - 1] == 32 || bytes[z - 1] == 9 { z -= 1 }
            return a..<z
        }
        for f in 0..<fields { take(UnsafeBufferPointer(rebasing: bytes[field(f)])) }
        if fields != plan.fieldCount || failure != nil {
            // The reject shows the fields as read.
            for f in 0..<fields {
                let r = field(f)
                if !r.isEmpty { record.append(start + r.lowerBound, r.count) }
                fieldEnds.append(record.count)
            }
        }
        finishRecord(fields: fields)
        lastTerminator = 10
        line += 1
        record.removeAll()
        fieldEnds.removeAll()
        return true
    }

    private static let onRecord: @convention(c) (Int32, UnsafeMutableRawPointer?) -> Void = { terminator, context in
        Unmanaged<ChunkParser>.fromOpaque(context!)._withUnsafeGuaranteedRef { (me: ChunkParser) -> Void in
            // Quoted fields may hold newlines; they count toward physical line numbers.
            me.newlinesInRecord = me.record.occurrences(of: 10)
            if me.overlong == nil, me.exceedsLimit(pending: 0) { me.overlong = me.line }
            if !me.fieldEnds.isEmpty {
                me.finishRecord(fields: me.fieldEnds.count)
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
            var field = field
            if lineIsASCII {
                // As it is, in any encoding read.
            } else if plan.encoding != .utf8 {
                if !isASCII(field) {
                    converted.removeAll(keepingCapacity: true)
                    plan.encoding.append(field, to: &converted)
                    field = converted.withUnsafeBufferPointer { $0 }
                }
            } else if !isValidUTF8(field) {
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
        case .date, .datetime:
            // A value equal to the last one read (up to 32 bytes) is not parsed again.
            let remembered = field.count <= 32
            var bytes = Words32()
            if remembered {
                withUnsafeMutableBytes(of: &bytes) { $0.copyMemory(from: UnsafeRawBufferPointer(field)) }
                if lastMoment.column == c, lastMoment.length == field.count, lastMoment.bytes.same(as: bytes) {
                    builders[c].append(bits: lastMoment.bits)
                    if lastMoment.utc { builders[c].utc = true }
                    return nil
                }
            }
            let bits: UInt64, utc: Bool
            if types[c] == .date {
                guard let v = plan.fields.dateFormat.parse(field) else {
                    return cannotRead(
                        field, plan.columns[c].name, "a date in the format \(plan.fields.dateFormat.pattern)")
                }
                (bits, utc) = (UInt64(bitPattern: Int64(v)), false)
            } else {
                guard let (v, isUTC) = plan.fields.dateFormat.timestamp(field) else {
                    return cannotRead(
                        field, plan.columns[c].name, "a date-time in the format \(plan.fields.dateFormat.pattern)")
                }
                (bits, utc) = (UInt64(bitPattern: v), isUTC)
            }
            if remembered { lastMoment = (c, field.count, bytes, bits, utc) }
            builders[c].append(bits: bits)
            if utc { builders[c].utc = true }
        case .bool:
            guard let v = plan.fields.bool(field) else {
                return cannotRead(field, plan.columns[c].name, "true or false")
            }
            builders[c].append(bits: v ? 1 : 0)
        }
        return nil
    }

    private func finishRecord(fields: Int) {
        defer {
            fieldIndex = 0
            failure = nil
        }
        if plan.captureOnly {
            captured.append((0..<fieldEnds.count).map { Array(record[fieldRange($0)]) })
            return
        }
        guard fields == plan.fieldCount, failure == nil else {
            rollBack()
            // A lone empty field is what a line of only spaces gives: not a row, but counted.
            if fields == 1, record.isEmpty {
                blankLines += 1
                return
            }
            reject(reason: failure ?? "expected \(plan.fieldCount) fields, found \(fields)")
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
        var shown = plan.encoding.text(UnsafeBufferPointer(rebasing: field.prefix(40)))
        if field.count > 40 { shown += "…" }
        return "column '\(column)': cannot read '\(shown)' as \(what)"
    }

    private func reject(reason: String, line explicitLine: Int? = nil) {
        let fields = (0..<fieldEnds.count).map { i in
            var bytes = [UInt8]()
            plan.encoding.append(record[fieldRange(i)], to: &bytes)
            return bytes
        }
        rejects.append(
            CSVReject(
                line: explicitLine ?? line, reason: reason,
                raw: CSVWriter.encodeRecord(fields, delimiter: plan.delimiter, quote: plan.quote)))
    }
}

/// Up to 32 bytes as four words (zero past the end), compared word by word.
struct Words32 {
    var w0: UInt64 = 0, w1: UInt64 = 0, w2: UInt64 = 0, w3: UInt64 = 0

    @inline(__always) func same(as other: Words32) -> Bool {
        (w0 ^ other.w0) | (w1 ^ other.w1) | (w2 ^ other.w2) | (w3 ^ other.w3) == 0
    }
}
