import Foundation
import Testing

@testable import PatronTable

/// The Python that `make test` sets up with pyarrow (`.venv/`), or `PATRON_PYTHON`.
func pythonWithPyArrow() throws -> String {
    if let explicit = ProcessInfo.processInfo.environment["PATRON_PYTHON"] { return explicit }
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    let venv = root.appendingPathComponent(".venv/bin/python").path
    guard FileManager.default.isExecutableFile(atPath: venv) else {
        throw PythonMissing(
            message: "no \(venv): run `make test` (it creates .venv with pyarrow), or set PATRON_PYTHON")
    }
    return venv
}

struct PythonMissing: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// Runs `python -c script args…` and returns its standard output.
func runPython(_ script: String, _ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try pythonWithPyArrow())
    process.arguments = ["-c", script] + arguments
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    let done = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in done.signal() }
    try process.run()
    let output = out.fileHandleForReading.readDataToEndOfFile()
    let errors = err.fileHandleForReading.readDataToEndOfFile()
    done.wait()
    guard process.terminationStatus == 0 else {
        throw PythonMissing(message: "python failed: " + String(decoding: errors, as: UTF8.self))
    }
    return String(decoding: output, as: UTF8.self)
}

@Suite struct PyArrowInteropTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("patron-arrow-\(UUID().uuidString)")

    @Test func pyarrowReadsWhatPatronWrites() throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("t.arrow").path
        try ArrowIPC.write(try everyTypeTable(), to: path)
        let script = """
            import sys, json, datetime, pyarrow as pa
            t = pa.ipc.open_file(sys.argv[1]).read_all()
            def enc(v):
                if isinstance(v, datetime.date): return v.isoformat()
                return v
            print(json.dumps({"types": [str(f.type) for f in t.schema],
                              "rows": [[enc(v) for v in r.values()] for r in t.to_pylist()]}))
            """
        let json = try JSONSerialization.jsonObject(with: Data(runPython(script, [path]).utf8)) as! [String: Any]
        #expect(json["types"] as? [String] == ["int64", "double", "date32[day]", "bool", "string", "string"])
        let rows = json["rows"] as! [[Any]]
        #expect(rows.count == 4)
        #expect(rows[0][0] as? Int == 1)
        #expect(rows[2][0] as? Int == Int(Int64.max))
        #expect(rows[3][0] is NSNull)
        #expect(rows[0][1] as? Double == 12.5)
        #expect(rows[1][1] is NSNull)
        #expect(rows[2][1] as? Double == -1e300)
        #expect(rows[0][2] as? String == "1970-01-01")
        #expect(rows[1][2] as? String == "1969-12-31")
        #expect(rows[2][2] is NSNull)
        #expect(rows[3][2] as? String == "1997-01-01")
        #expect(rows[0][3] as? Bool == true)
        #expect(rows[3][3] is NSNull)
        #expect(rows[3][4] as? String == "Åsa Łęcka")
        #expect(rows[1][4] is NSNull)
        #expect(rows[2][4] as? String == "")
        #expect(rows[1][5] as? String == "a,b \"c\"\nd")
        #expect(rows[3][5] as? String == "🙂")
    }

    @Test func patronReadsWhatPyarrowWrites() throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("py.arrow").path
        let script = """
            import sys, datetime, pyarrow as pa
            t = pa.table({
                "i64": pa.array([1, None, -7], pa.int64()),
                "i32": pa.array([5, 6, None], pa.int32()),
                "f": pa.array([0.5, None, 1e-9], pa.float64()),
                "d": pa.array([datetime.date(1997, 1, 1), None, datetime.date(2025, 6, 30)], pa.date32()),
                "b": pa.array([True, None, False]),
                "s": pa.array(["x", "Zoë", None]),
                "ls": pa.array(["long", None, "ok"], pa.large_string()),
            })
            # Two batches, to check that they are joined in order.
            with pa.ipc.new_file(sys.argv[1], t.schema) as w:
                w.write_table(t.slice(0, 1))
                w.write_table(t.slice(1))
            """
        _ = try runPython(script, [path])
        let table = try ArrowIPC.read(path: path)
        #expect(table.names == ["i64", "i32", "f", "d", "b", "s", "ls"])
        #expect(table["i64"] == .int([1, 0, -7], validity: [true, false, true]))
        #expect(table["i32"] == .int([5, 6, 0], validity: [true, true, false]))
        #expect(table["f"] == .decimal([0.5, 0, 1e-9], validity: [true, false, true]))
        #expect(table["d"] == .date([9862, 0, 20269], validity: [true, false, true]))
        #expect(table["b"] == .bool([true, false, false], validity: [true, false, true]))
        #expect(table["s"] == .string(["x", "Zoë", nil]))
        #expect(table["ls"] == .string(["long", nil, "ok"]))
    }

    /// `datetime` columns are `timestamp[us]` (with time zone UTC when the values are UTC);
    /// pyarrow's timestamps of any unit read back to the microsecond.
    @Test func timestampsGoBothWays() throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let ours = directory.appendingPathComponent("ours.arrow").path
        let theirs = directory.appendingPathComponent("theirs.arrow").path
        let noon = Int64(CivilDate.days(year: 2010, month: 12, day: 1)) * 86_400_000_000 + 12 * 3_600_000_000
        try ArrowIPC.write(
            try Table(
                names: ["naive", "utc"],
                columns: [
                    .datetime([noon, noon + 1, 0], validity: [true, true, false]),
                    .datetime([noon, -1, noon], utc: true),
                ]), to: ours)
        let script = """
            import sys, json, datetime, pyarrow as pa
            t = pa.ipc.open_file(sys.argv[1]).read_all()
            print(json.dumps({"types": [str(f.type) for f in t.schema],
                              "naive": [None if v is None else v.isoformat() for v in t.column("naive").to_pylist()],
                              "utc": [v.isoformat() for v in t.column("utc").to_pylist()]}))
            u = pa.table({
                "s": pa.array([1291204800, None], pa.timestamp("s", tz="UTC")),
                "ms": pa.array([1291204800001, -1], pa.timestamp("ms")),
                "ns": pa.array([1291204800000001999, -1], pa.timestamp("ns", tz="Europe/Stockholm")),
            })
            with pa.ipc.new_file(sys.argv[2], u.schema) as w:
                w.write_table(u)
            """
        let json =
            try JSONSerialization.jsonObject(with: Data(runPython(script, [ours, theirs]).utf8)) as! [String: Any]
        #expect(json["types"] as? [String] == ["timestamp[us]", "timestamp[us, tz=UTC]"])
        let naive = try #require(json["naive"] as? [Any])
        #expect(naive.prefix(2).compactMap { $0 as? String } == ["2010-12-01T12:00:00", "2010-12-01T12:00:00.000001"])
        #expect(naive.last is NSNull)
        #expect(
            json["utc"] as? [String] == [
                "2010-12-01T12:00:00+00:00", "1969-12-31T23:59:59.999999+00:00", "2010-12-01T12:00:00+00:00",
            ])
        let table = try ArrowIPC.read(path: theirs)
        let second: Int64 = 1_291_204_800_000_000
        #expect(table["s"] == .datetime([second, 0], utc: true, validity: [true, false]))
        #expect(table["ms"] == .datetime([second + 1_000, -1_000]))
        #expect(table["ns"] == .datetime([second + 1, -1], utc: true))
    }
}
