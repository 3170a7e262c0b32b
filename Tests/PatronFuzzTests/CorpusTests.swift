import Foundation
import FuzzSupport
import Testing

/// The fuzz corpus (Tests/Fuzz/corpus: hand-written edge cases in `csv/` and `pipeline/`,
/// and in `*-found/` the inputs libFuzzer kept for reaching new code, merged to a minimal
/// set) and seeded random mutations of the hand-written ones, held to the same rules as the
/// libFuzzer targets. This is the short version that runs in every `make test`; `make fuzz`
/// runs libFuzzer itself.
@Suite struct CorpusTests {
    static let corpus =
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().path + "/Fuzz/corpus"

    static func inputs(_ kind: String) throws -> [(name: String, bytes: [UInt8])] {
        let folder = corpus + "/" + kind
        return try FileManager.default.contentsOfDirectory(atPath: folder).sorted().map { name in
            (name, Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))))
        }
    }

    /// `count` mutants of each input: bytes flipped, replaced by CSV and YAML punctuation,
    /// inserted, deleted, ranges duplicated, the input cut short.
    static func mutants(of inputs: [[UInt8]], count: Int, seed: UInt64) -> [[UInt8]] {
        var state = seed
        func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(max(1, bound)))
        }
        let special = Array("\",;\t|\n\r\0\u{FEFF}:-[]{}&*#'!%@`?\\".utf8) + [0xC3, 0xA9, 0xFF, 0x80]
        var out = [[UInt8]]()
        for input in inputs where !input.isEmpty {
            for _ in 0..<count {
                var bytes = input
                for _ in 0...next(4) {
                    let at = next(bytes.count + 1)
                    switch next(6) {
                    case 0 where at < bytes.count: bytes[at] ^= UInt8(1 << next(8))
                    case 1 where at < bytes.count: bytes[at] = special[next(special.count)]
                    case 2: bytes.insert(special[next(special.count)], at: at)
                    case 3 where at < bytes.count: bytes.removeSubrange(at..<min(bytes.count, at + 1 + next(8)))
                    case 4 where at < bytes.count:
                        let end = min(bytes.count, at + 1 + next(32))
                        bytes.insert(contentsOf: bytes[at..<end], at: next(bytes.count + 1))
                    default: bytes = Array(bytes.prefix(at))
                    }
                }
                out.append(bytes)
            }
        }
        return out
    }

    @Test func csvCorpusAndMutantsReadTheSameInChunksAndInOnePass() async throws {
        let inputs = try Self.inputs("csv")
        #expect(inputs.count >= 15)
        let found = try Self.inputs("csv-found")
        #expect(found.count > 500)
        for (name, bytes) in inputs + found {
            do { try await FuzzChecks.csv(bytes) } catch { Issue.record("corpus \(name): \(error)") }
        }
        for (i, bytes) in Self.mutants(of: inputs.map(\.bytes), count: 150, seed: 2026_11_30).enumerated() {
            do { try await FuzzChecks.csv(bytes) } catch {
                Issue.record(
                    "mutant \(i) (\(bytes.count) bytes, base64 \(Data(bytes).base64EncodedString())): \(error)")
            }
        }
    }

    @Test func arrowCorpusAndMutantsReadOrFailCleanly() throws {
        let inputs = try Self.inputs("arrow")
        #expect(inputs.count >= 10)
        let found = try Self.inputs("arrow-found")
        #expect(found.count > 300)
        for (name, bytes) in inputs + found {
            do { try FuzzChecks.arrow(bytes) } catch { Issue.record("corpus \(name): \(error)") }
        }
        for (i, bytes) in Self.mutants(of: inputs.map(\.bytes), count: 100, seed: 2026_12_03).enumerated() {
            do { try FuzzChecks.arrow(bytes) } catch {
                Issue.record("mutant \(i) (base64 \(Data(bytes).base64EncodedString())): \(error)")
            }
        }
    }

    @Test func pipelineCorpusAndMutantsEndInAPlanOrAnError() throws {
        let inputs = try Self.inputs("pipeline")
        #expect(inputs.count >= 4)
        let found = try Self.inputs("pipeline-found")
        #expect(found.count > 300)
        for (name, bytes) in inputs + found {
            do { try FuzzChecks.pipeline(bytes) } catch { Issue.record("corpus \(name): \(error)") }
        }
        for (i, bytes) in Self.mutants(of: inputs.map(\.bytes), count: 300, seed: 2026_11_30).enumerated() {
            do { try FuzzChecks.pipeline(bytes) } catch {
                Issue.record("mutant \(i) (base64 \(Data(bytes).base64EncodedString())): \(error)")
            }
        }
    }
}
