import Dispatch
import FuzzSupport
import Synchronization

/// libFuzzer entry point for the CSV reader: `FuzzChecks.csv` on every input; a finding
/// traps, and libFuzzer saves the input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = Array(UnsafeBufferPointer(start: data, count: size))
    let finding = blocking { () async -> FuzzFinding? in
        do throws(FuzzFinding) { try await FuzzChecks.csv(input) } catch { return error }
        return nil
    }
    if let finding { fatalError(finding.description) }
    return 0
}

final class Box<T: Sendable>: Sendable {
    let value = Mutex<T?>(nil)
}

/// Runs async work from libFuzzer's synchronous callback.
func blocking<T: Sendable>(_ body: @escaping @Sendable () async -> T) -> T {
    let box = Box<T>()
    let done = DispatchSemaphore(value: 0)
    Task {
        let value = await body()
        box.value.withLock { $0 = value }
        done.signal()
    }
    done.wait()
    return box.value.withLock { $0! }
}
