import FuzzSupport

/// libFuzzer entry point for pipeline files: `FuzzChecks.pipeline` on every input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPipeline(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    do {
        try FuzzChecks.pipeline(Array(UnsafeBufferPointer(start: data, count: size)))
    } catch {
        fatalError(error.description)
    }
    return 0
}
