// swift-tools-version: 6.1

import PackageDescription

let package = Package(
    name: "Patron",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "patron", targets: ["patron"]),
        // The library: run pipelines from Swift (Project, PipelinePlan, Runner, BuiltinModules),
        // read their tables (Table, ArrowIPC), read CSV like ingest.csv (CSVReader) and fit the
        // lifetime-value models on arrays (BGNBD, ParetoNBD, MBGNBD, GammaGamma), score sentiment
        // (LanguageIdentifier, SentimentScorer). Everything else
        // — stage modules, the report, support code — is `package`: shared inside, not promised.
        .library(
            name: "Patron", targets: ["PatronTable", "PatronCSV", "PatronModels", "PatronPipeline", "PatronStages"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // The only C in the project: Debian's libcsv, wrapped by PatronCSV.
        .systemLibrary(name: "CLibCSV", providers: [.apt(["libcsv-dev"])]),
        // And Debian's libcrypto (OpenSSL), for SHA-256 only, wrapped by PatronSupport.
        .systemLibrary(name: "CLibCrypto", providers: [.apt(["libssl-dev"])]),
        // Hashing (SHA-256, XXH64), files (mapped, written whole or front to back) and
        // parallel blocks: what every other module leans on, and nothing of analytics.
        .target(name: "PatronSupport", dependencies: ["CLibCrypto"]),
        .target(name: "PatronTable", dependencies: ["PatronSupport"]),
        .target(
            name: "PatronModels", dependencies: ["PatronSupport", "PatronTable"],
            resources: [.copy("Resources/lexicons")]),
        .target(name: "PatronCSV", dependencies: ["CLibCSV", "PatronSupport", "PatronTable"]),
        // HTML and Markdown reports with inline SVG charts; knows tables, not pipelines.
        .target(name: "PatronReport", dependencies: ["PatronTable"]),
        .target(
            name: "PatronPipeline",
            dependencies: ["PatronSupport", "PatronTable", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "PatronStages",
            dependencies: [
                "PatronPipeline", "PatronCSV", "PatronSupport", "PatronTable", "PatronModels", "PatronReport",
            ]),
        .executableTarget(
            name: "patron",
            dependencies: [
                "PatronStages", "PatronPipeline", "PatronCSV", "PatronSupport", "PatronTable", "PatronModels",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "PatronSupportTests", dependencies: ["PatronSupport"]),
        .testTarget(name: "PatronTableTests", dependencies: ["PatronSupport", "PatronTable"]),
        .testTarget(name: "PatronCSVTests", dependencies: ["PatronCSV", "PatronTable"]),
        .testTarget(
            name: "PatronPipelineTests",
            dependencies: [
                "PatronPipeline", "PatronStages", "PatronSupport", "PatronTable", "PatronModels", "PatronReport",
            ]),
        .testTarget(
            name: "PatronModelsTests", dependencies: ["PatronModels", "PatronSupport"], resources: [.copy("Resources")]),
        .testTarget(name: "PatronReportTests", dependencies: ["PatronReport", "PatronTable"]),
        .testTarget(name: "PatronCLITests", dependencies: ["PatronTable"]),
        // The rules every fuzz input is held to, shared by the libFuzzer targets below and
        // the seeded mutation tests that `make test` runs on the corpus in Tests/Fuzz/corpus.
        .target(
            name: "FuzzSupport", dependencies: ["PatronCSV", "PatronTable", "PatronPipeline", "PatronStages"],
            path: "Tests/Fuzz/Support"),
        .testTarget(name: "PatronFuzzTests", dependencies: ["FuzzSupport"]),
    ],
    swiftLanguageModes: [.v6]
)

// Fuzz targets (libFuzzer supplies their `main`, so they link only with -sanitize=fuzzer):
// declared only when PATRON_FUZZ is set, as `make fuzz` does. See Tests/Fuzz/README.md.
if Context.environment["PATRON_FUZZ"] != nil {
    for name in ["FuzzCSV", "FuzzPipeline", "FuzzArrow"] {
        package.targets.append(
            .executableTarget(
                name: name, dependencies: ["FuzzSupport"], path: "Tests/Fuzz/Targets/\(name)",
                swiftSettings: [.unsafeFlags(["-parse-as-library"])],
                // So that FuzzSupport finds libFuzzer's driver in the executable with dlsym.
                linkerSettings: [.unsafeFlags(["-Xlinker", "--export-dynamic"])]))
        package.products.append(.executable(name: name, targets: [name]))
    }
}
