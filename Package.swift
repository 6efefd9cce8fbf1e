// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "minutes",
    products: [
        .executable(name: "minutes", targets: ["minutes"]),
        .library(name: "MinutesCore", targets: ["MinutesCore"]),
        .library(name: "MinutesIndex", targets: ["MinutesIndex"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // C libraries from Debian's -dev packages, each behind its own shim.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .systemLibrary(
            name: "CLibCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        // Model, readers per format, extractors per field, JSON.
        .target(
            name: "MinutesCore",
            dependencies: [
                "CLibXML2", "CCmarkGFM", "CLibCrypto",
            ],
            exclude: ["Resources/minutes-record.schema.json"]
        ),
        // The searchable knowledge base: SQLite (FTS5) store of parsed records.
        .target(
            name: "MinutesIndex",
            dependencies: [
                "MinutesCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C API, for binding the bulk-insert statements directly.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        // The thin command-line front end.
        .executableTarget(
            name: "minutes",
            dependencies: [
                "MinutesCore",
                "MinutesIndex",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Synthetic-corpus benchmark of the index (insert rate, size, latency).
        .executableTarget(
            name: "minutes-bench",
            dependencies: [
                "MinutesCore", "CLibXML2", "CCmarkGFM",
                "MinutesIndex",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        // Fuzz target over the whole parse path: libFuzzer with -D FUZZING (.ci/fuzz), else a replay tool.
        .executableTarget(
            name: "minutes-fuzz",
            dependencies: ["MinutesCore"]
        ),
        .testTarget(
            name: "MinutesCoreTests",
            dependencies: ["MinutesCore"],
            exclude: ["FuzzRegressions"]
        ),
        .testTarget(
            name: "MinutesIndexTests",
            dependencies: ["MinutesIndex", "MinutesCore"]
        ),
        .testTarget(
            name: "MinutesCLITests",
            dependencies: ["minutes"]
        ),
    ]
)
