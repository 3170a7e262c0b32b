import FuzzSupport

@_cdecl("FuzzPipeline_main")
func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runLibFuzzer(argc, argv) { fuzzPipeline($0, $1) }
}
