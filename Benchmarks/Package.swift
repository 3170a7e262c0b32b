// swift-tools-version: 6.1
// Benchmarks that need Patron's libraries in-process (built with `swift build -c release
// --package-path Benchmarks`; `make bench` does it). The end-to-end and stage benchmarks are
// Python scripts beside this file that run the built `patron`.

import PackageDescription

let package = Package(
    name: "PatronBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "Patron", path: "..")],
    targets: [
        .executableTarget(
            name: "SentimentThroughput",
            dependencies: [.product(name: "Patron", package: "Patron")],
            swiftSettings: [.swiftLanguageMode(.v6)]),
        .executableTarget(
            name: "SentimentFeatures",
            dependencies: [.product(name: "Patron", package: "Patron")],
            swiftSettings: [.swiftLanguageMode(.v6)]),
    ])
