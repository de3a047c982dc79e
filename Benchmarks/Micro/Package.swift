// swift-tools-version:6.1
// In-process micro-benchmarks of starlog's hot paths with ordo-one/benchmark.
// A package of its own, so `swift build` and `swift test` at the root never
// build it. Run from this folder:
//   swift package --scratch-path ../../.build-micro benchmark
import PackageDescription

let package = Package(
    name: "starlog-micro",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "starlog", path: "../.."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "HotPaths",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "StarlogJournal", package: "starlog"),
            ],
            path: "Benchmarks/HotPaths",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
