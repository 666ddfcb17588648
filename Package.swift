// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "provstat",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "provstat", targets: ["provstat"]),
        // Benchmarks only: links swift-nio (the loopback server) and the measured fetch engines.
        .executable(name: "provstat-bench", targets: ["provstat-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        // MARK: - C libraries and their fixed-signature shims
        .systemLibrary(
            name: "CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]),
        .systemLibrary(
            name: "CCurl", pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"]), .brew(["curl"])]),
        .target(name: "CCurlShim", dependencies: ["CCurl"]),
        .target(name: "CLibXML2Shim", dependencies: ["CLibXML2"]),

        // MARK: - Shared value types (no stage logic)
        .target(name: "ProvstatCore", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        // Helpers the stages share (atomic file writes, NFC, Vietnamese number words); Foundation only.
        .target(name: "ProvstatSupport"),

        // MARK: - Stages (none imports another; the pipeline composes them)
        .target(
            name: "ProvstatFetch",
            dependencies: [
                "ProvstatCore", "ProvstatSupport", "CCurlShim", "CCurl",
                .product(name: "Logging", package: "swift-log"),
            ]),
        .target(name: "ProvstatParse", dependencies: ["ProvstatCore", "ProvstatSupport", "CLibXML2Shim", "CLibXML2"]),
        .target(name: "ProvstatExtract", dependencies: ["ProvstatCore", "ProvstatSupport"]),
        .target(name: "ProvstatReconcile", dependencies: ["ProvstatCore", "ProvstatSupport"]),
        .target(
            name: "ProvstatSnapshot",
            dependencies: ["ProvstatCore", "ProvstatSupport"],
            exclude: ["Schema"]),
        // A consumer of snapshots, like the CLI: the static report site.
        .target(name: "ProvstatReport", dependencies: ["ProvstatCore", "ProvstatSnapshot", "ProvstatSupport"]),
        .target(
            name: "ProvstatPipeline",
            dependencies: [
                "ProvstatCore", "ProvstatSupport", "ProvstatFetch", "ProvstatParse", "ProvstatExtract",
                "ProvstatReconcile", "ProvstatSnapshot", "Yams",
                .product(name: "Logging", package: "swift-log"),
            ]),
        .executableTarget(
            name: "provstat",
            dependencies: [
                "ProvstatCore", "ProvstatFetch", "ProvstatParse", "ProvstatExtract", "ProvstatReconcile",
                "ProvstatSnapshot", "ProvstatPipeline", "ProvstatSupport", "ProvstatReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]),

        // MARK: - Benchmarks (not shipped): the fetch engines measured, and their command
        .target(name: "ProvstatBench", dependencies: ["ProvstatFetch", "CCurl"]),
        .executableTarget(
            name: "provstat-bench",
            dependencies: [
                "ProvstatBench", "ProvstatFetch", "ProvstatParse", "ProvstatExtract", "ProvstatCore",
                "ProvstatSnapshot", "ProvstatReport", "LoopbackServer", "CLibXML2",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        // MARK: - Test support: a real HTTP server on loopback with fault injection
        .target(
            name: "LoopbackServer",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Tests/LoopbackServer"),

        .target(name: "TestSupport", path: "Tests/TestSupport"),

        // MARK: - Tests
        .testTarget(name: "ProvstatCoreTests", dependencies: ["ProvstatCore"]),
        .testTarget(name: "ProvstatSupportTests", dependencies: ["ProvstatSupport"]),
        .testTarget(
            name: "ProvstatFetchTests",
            dependencies: ["ProvstatFetch", "ProvstatBench", "ProvstatCore", "LoopbackServer"]),
        .testTarget(name: "ProvstatParseTests", dependencies: ["ProvstatParse", "ProvstatCore", "TestSupport"]),
        .testTarget(
            name: "ProvstatExtractTests", dependencies: ["ProvstatExtract", "ProvstatParse", "ProvstatCore"],
            resources: [.copy("Fixtures")]),
        .testTarget(name: "ProvstatReconcileTests", dependencies: ["ProvstatReconcile", "ProvstatCore"]),
        .testTarget(name: "ProvstatSnapshotTests", dependencies: ["ProvstatSnapshot", "ProvstatCore", "TestSupport"]),
        .testTarget(name: "ProvstatReportTests", dependencies: ["ProvstatReport", "ProvstatSnapshot", "ProvstatCore"]),
        .testTarget(
            name: "ProvstatCLITests",
            dependencies: ["ProvstatSnapshot", "ProvstatCore", "TestSupport", "LoopbackServer"]),
        .testTarget(
            name: "ProvstatPipelineTests",
            dependencies: [
                "ProvstatPipeline", "ProvstatCore", "ProvstatSnapshot", "LoopbackServer", "TestSupport",
                .product(name: "Logging", package: "swift-log"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)
