// swift-tools-version:6.0
// Coverage-guided fuzz targets (libFuzzer) for starlog's parsers. Kept out of
// the main package so `swift build` and `swift test` never build them; run
// them with `Fuzz/run`.
import PackageDescription

// Each target's `main` hands control to libFuzzer's driver (linked from the
// toolchain's `fuzzer_no_main` runtime by `Fuzz/run`); the code under test is
// instrumented for coverage by the flags `Fuzz/run` passes to every target.
let fuzzFlags: [SwiftSetting] = [.enableExperimentalFeature("Extern")]

let package = Package(
    name: "StarlogFuzz",
    dependencies: [.package(name: "starlog", path: "..")],
    targets: [
        .target(name: "FuzzDriver", swiftSettings: fuzzFlags),
        .executableTarget(
            name: "FuzzSearchQuery",
            dependencies: ["FuzzDriver", .product(name: "StarlogJournal", package: "starlog")]),
        .executableTarget(
            name: "FuzzMarkdown",
            dependencies: ["FuzzDriver", .product(name: "StarlogJournal", package: "starlog")]),
        .executableTarget(
            name: "FuzzJSONStream",
            dependencies: ["FuzzDriver", .product(name: "StarlogJournal", package: "starlog")]),
    ],
    swiftLanguageModes: [.v6]
)
