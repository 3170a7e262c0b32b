import FuzzSupport

/// libFuzzer entry point for the Arrow IPC reader: `FuzzChecks.arrow` on every input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzArrow(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    do {
        try FuzzChecks.arrow(Array(UnsafeBufferPointer(start: data, count: size)))
    } catch {
        fatalError(error.description)
    }
    return 0
}
