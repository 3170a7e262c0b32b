import Foundation
import Testing

/// Where Chromium is: PATRON_CHROMIUM, else Debian's /usr/bin/chromium.
let chromium: String? = {
    let candidates = [
        ProcessInfo.processInfo.environment["PATRON_CHROMIUM"], "/usr/bin/chromium", "/usr/bin/chromium-browser",
    ]
    return candidates.compactMap { $0 }.first { FileManager.default.isExecutableFile(atPath: $0) }
}()

/// `make test` installs Chromium and sets PATRON_REQUIRE_BROWSER, so there a missing browser
/// fails the test instead of skipping it.
let browserRequired = ProcessInfo.processInfo.environment["PATRON_REQUIRE_BROWSER"] == "1"

/// Each committed report in a real headless browser: no console error, no failed or outside
/// request, the sortable tables sort, and a screenshot is saved.
@Suite struct BrowserTests {
    @Test(
        .enabled(if: chromium != nil || browserRequired, "Chromium is not installed (make test installs it)"),
        arguments: ["customer-health", "cdnow-ltv", "retail-lines"])
    func committedReportLoadsCleanly(_ name: String) async throws {
        let browser = try #require(
            chromium, "Chromium is not installed: apt-get install chromium, or set PATRON_CHROMIUM")
        let python = ProcessInfo.processInfo.environment["PATRON_PYTHON"] ?? "/usr/bin/python3"
        let screenshot = NSTemporaryDirectory() + "patron-report-\(name).png"
        let output = try await runProcess(
            python,
            [
                packageRoot + "/Tests/browser/check_page.py", browser,
                packageRoot + "/Reports/\(name)/index.html", screenshot,
            ])
        let result = try #require(
            try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any], "\(output)")
        #expect(result["fatal"] == nil, "\(result["fatal"] ?? "")")
        #expect((result["errors"] as? [String]) == [], "\(result["errors"] ?? "")")
        #expect((result["requests"] as? [String]) == [], "\(result["requests"] ?? "")")
        #expect(result["sorted"] as? String == "ok")
        #expect((result["height"] as? Int ?? 0) > 2000)
        let png = try Data(contentsOf: URL(fileURLWithPath: screenshot))
        #expect(png.count > 50_000 && png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        print("screenshot of \(name): \(screenshot) (\(png.count) bytes), loaded in \(result["load_ms"] ?? "?") ms")
    }
}

/// Runs a program to the end (termination handler, no polling) and returns its stdout.
func runProcess(_ executable: String, _ arguments: [String]) async throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let out = NSTemporaryDirectory() + "patron-proc-\(UUID().uuidString)"
    FileManager.default.createFile(atPath: out, contents: nil)
    defer { try? FileManager.default.removeItem(atPath: out) }
    process.standardOutput = FileHandle(forWritingAtPath: out)
    process.standardError = FileHandle.nullDevice
    let _: Int32 = try await withCheckedThrowingContinuation { continuation in
        process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
        do { try process.run() } catch { continuation.resume(throwing: error) }
    }
    return try String(contentsOfFile: out, encoding: .utf8)
}
