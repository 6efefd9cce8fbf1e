// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "minutes",
    products: [
        .executable(name: "minutes", targets: ["minutes"]),
        .library(name: "MinutesCore", targets: ["MinutesCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
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
        // Model, readers per format, extractors per field, JSON.
        .target(
            name: "MinutesCore",
            dependencies: [
                "CLibXML2", "CCmarkGFM",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            exclude: ["Resources/minutes-record.schema.json"]
        ),
        // The thin command-line front end.
        .executableTarget(
            name: "minutes",
            dependencies: [
                "MinutesCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "MinutesCoreTests",
            dependencies: ["MinutesCore"]
        ),
    ]
)
