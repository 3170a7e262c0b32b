// swift-tools-version: 6.1

import PackageDescription

let package = Package(
    name: "Patron",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "patron", targets: ["patron"]),
        .library(name: "PatronTable", targets: ["PatronTable"]),
        .library(name: "PatronCSV", targets: ["PatronCSV"]),
        .library(name: "PatronPipeline", targets: ["PatronPipeline"]),
        .library(name: "PatronStages", targets: ["PatronStages"]),
        .library(name: "PatronModels", targets: ["PatronModels"]),
        .library(name: "PatronReport", targets: ["PatronReport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // The only C in the project: Debian's libcsv, wrapped by PatronCSV.
        .systemLibrary(name: "CLibCSV", providers: [.apt(["libcsv-dev"])]),
        .target(name: "PatronTable"),
        .target(name: "PatronModels", dependencies: ["PatronTable"], resources: [.copy("Resources/lexicons")]),
        .target(name: "PatronCSV", dependencies: ["CLibCSV", "PatronTable"]),
        // HTML and Markdown reports with inline SVG charts; knows tables, not pipelines.
        .target(name: "PatronReport", dependencies: ["PatronTable"]),
        .target(
            name: "PatronPipeline",
            dependencies: ["PatronTable", .product(name: "Yams", package: "Yams")]
        ),
        .target(name: "PatronStages", dependencies: ["PatronPipeline", "PatronCSV", "PatronTable", "PatronModels", "PatronReport"]),
        .executableTarget(
            name: "patron",
            dependencies: [
                "PatronStages", "PatronPipeline", "PatronCSV", "PatronTable", "PatronModels",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "PatronTableTests", dependencies: ["PatronTable"]),
        .testTarget(name: "PatronCSVTests", dependencies: ["PatronCSV", "PatronTable"]),
        .testTarget(name: "PatronPipelineTests", dependencies: ["PatronPipeline", "PatronStages", "PatronTable", "PatronModels"]),
        .testTarget(name: "PatronModelsTests", dependencies: ["PatronModels"], resources: [.copy("Resources")]),
        .testTarget(name: "PatronReportTests", dependencies: ["PatronReport", "PatronTable"]),
        .testTarget(name: "PatronCLITests", dependencies: ["PatronTable"]),
    ],
    swiftLanguageModes: [.v6]
)
