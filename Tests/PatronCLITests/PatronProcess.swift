import Foundation

/// The package root, found from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

/// The `patron` binary that `swift build` made (debug unless PATRON_BIN says otherwise).
let patronBinary = ProcessInfo.processInfo.environment["PATRON_BIN"] ?? packageRoot + "/.build/debug/patron"

struct Finished {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Starts `patron` with `arguments` in `directory`; output goes to files so large outputs
/// never block the child.
final class PatronProcess: Sendable {
    let process: Process
    let outPath: String
    let errPath: String

    /// `executable` replaces the `patron` binary (a shell that sets limits, then runs it).
    init(
        _ arguments: [String], in directory: String, environment: [String: String] = [:], executable: String? = nil
    ) throws {
        let id = UUID().uuidString
        outPath = NSTemporaryDirectory() + "patron-out-\(id)"
        errPath = NSTemporaryDirectory() + "patron-err-\(id)"
        FileManager.default.createFile(atPath: outPath, contents: nil)
        FileManager.default.createFile(atPath: errPath, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable ?? patronBinary)
        process.arguments = executable == nil ? arguments : Array(arguments.dropFirst())
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "PATRON_CACHE_DIR")
        for (k, v) in environment { env[k] = v }
        process.environment = env
        process.standardOutput = FileHandle(forWritingAtPath: outPath)
        process.standardError = FileHandle(forWritingAtPath: errPath)
        process.standardInput = FileHandle.nullDevice
        self.process = process
    }

    /// Runs to the end and waits via the termination handler (no polling).
    func finish() async throws -> Finished {
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch { continuation.resume(throwing: error) }
        }
        return collect(status)
    }

    func start(onExit: @escaping @Sendable (Int32) -> Void) throws {
        process.terminationHandler = { onExit($0.terminationStatus) }
        try process.run()
    }

    func collect(_ status: Int32) -> Finished {
        defer {
            try? FileManager.default.removeItem(atPath: outPath)
            try? FileManager.default.removeItem(atPath: errPath)
        }
        return Finished(
            status: status, stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
    }
}

/// Runs `patron` to completion.
func patron(_ arguments: String..., in directory: String, environment: [String: String] = [:]) async throws -> Finished
{
    try await PatronProcess(arguments, in: directory, environment: environment).finish()
}

/// A fresh project folder with the repository's pipelines, scripts and sample data.
func makeProject() throws -> String {
    let root = NSTemporaryDirectory() + "patron-e2e-\(UUID().uuidString)"
    let fm = FileManager.default
    try fm.createDirectory(atPath: root + "/Data/sample", withIntermediateDirectories: true)
    try fm.copyItem(atPath: packageRoot + "/Pipelines", toPath: root + "/Pipelines")
    try fm.copyItem(atPath: packageRoot + "/Data/sample/orders.csv", toPath: root + "/Data/sample/orders.csv")
    return root
}

func writeFile(_ path: String, _ text: String) throws {
    try FileManager.default.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try text.write(toFile: path, atomically: true, encoding: .utf8)
}
