// swift-tools-version:6.0
import PackageDescription

/// Compiling against the static runtime's modules makes the objects name the
/// static libraries Foundation needs (ICU among them), so the link finds them.
let staticRuntimeInRelease: [SwiftSetting] = [
    .unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release)),
]

let package = Package(
    name: "starlog",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "starlog", targets: ["starlog"]),
        .library(name: "StarlogJournal", targets: ["StarlogJournal"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // YAML front matter of the Markdown story form.
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // CSV export (RFC 4180 quoting).
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        // Property-based tests (test targets only).
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // The C module: Debian's libsqlite3-dev, nothing bundled.
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
        ),
        // A thin, typed layer over the SQLite C API.
        .target(name: "StarlogStorage", dependencies: ["CSQLite"]),
        // Host tool and plugin that compile Migrations/*.sql into the binary.
        .executableTarget(name: "EmbedMigrations"),
        .plugin(
            name: "MigrationsPlugin",
            capability: .buildTool(),
            dependencies: ["EmbedMigrations"]
        ),
        // Domain types, repositories, search and reports.
        .target(
            name: "StarlogJournal",
            dependencies: [
                "StarlogStorage",
                .product(name: "Yams", package: "Yams"),
                .product(name: "CSV", package: "CSV.swift"),
            ],
            swiftSettings: staticRuntimeInRelease,
            plugins: ["MigrationsPlugin"]
        ),
        // The command-line front. A release build on Linux links the Swift
        // runtime and Foundation statically: a plain `swift build -c release`
        // then gives the binary users and scripts run, which starts about
        // 20 ms sooner than one loading the shared Swift libraries (see
        // Benchmarks/RESULTS.md). Debug builds and tests stay dynamic.
        .executableTarget(
            name: "starlog",
            dependencies: [
                "StarlogJournal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: staticRuntimeInRelease,
            linkerSettings: [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))]
        ),
        // Helpers the test targets share (not a test target itself).
        .target(name: "StarlogTestSupport", path: "Tests/StarlogTestSupport"),
        .testTarget(name: "StarlogStorageTests", dependencies: ["StarlogStorage"]),
        .testTarget(
            name: "StarlogJournalTests",
            dependencies: [
                "StarlogJournal", "StarlogStorage", "StarlogTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
                // A second, independent CSV reader for the export tests.
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        .testTarget(name: "StarlogCLITests", dependencies: ["starlog", "StarlogJournal", "StarlogStorage", "StarlogTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)

// Upcoming language features, for every target of the package.
for target in package.targets where [.executable, .test, .regular].contains(target.type) {
    var settings = target.swiftSettings ?? []
    // SE-0335: existential types are spelt `any P`.
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    // SE-0444: a file sees members only from the modules it imports itself.
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    target.swiftSettings = settings
}
