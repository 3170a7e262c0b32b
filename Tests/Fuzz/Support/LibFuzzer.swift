import Foundation

/// Runs libFuzzer with the command line `argc`/`argv` and `callback` as the fuzz target.
///
/// SwiftPM links an executable's entry point as `<Target>_main`, so libFuzzer's own `main` is
/// never used; each fuzz target's entry point hands control to libFuzzer's driver with this.
/// The driver is looked up when called: it exists only in binaries linked with
/// `-sanitize=fuzzer`, and this module is also linked into the ordinary tests.
package func runLibFuzzer(
    _ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32
) -> Int32 {
    typealias Driver =
        @convention(c) (
            UnsafeMutablePointer<Int32>,
            UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
            @convention(c) (UnsafePointer<UInt8>, Int) -> Int32
        ) -> Int32
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "LLVMFuzzerRunDriver") else {
        FileHandle.standardError.write(Data("not linked with -sanitize=fuzzer: build with `make fuzz`\n".utf8))
        return 2
    }
    var count = argc
    var arguments = argv
    return unsafeBitCast(symbol, to: Driver.self)(&count, &arguments, callback)
}
