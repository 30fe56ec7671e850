// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "PostLint",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "PostLint", targets: ["PostLint"]),
        .executable(name: "postlint", targets: ["postlint"]),
        .executable(name: "postlint-bench", targets: ["postlint-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.27.0"),
        // HMAC-SHA-256 for the sealed roster (pinned: the roster's secrecy rests on it). 4.5.2 rather
        // than 3.12.3: the server's dependencies already resolve swift-crypto to 4.5.2.
        .package(url: "https://github.com/apple/swift-crypto", exact: "4.5.2"),
    ],
    targets: [
        // libxml2, seen through a shim header that keeps its ICU headers away from Foundation's.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // Turns text files (the rule pack in Rules/, the staff page, the OpenAPI document) into
        // Swift source, so the binary carries them and needs no resource bundle.
        .executableTarget(name: "embed-files", path: "Sources/embed-files"),
        .plugin(
            name: "EmbedFiles",
            capability: .buildTool(),
            dependencies: ["embed-files"]
        ),
        .target(
            name: "PostLint",
            dependencies: [
                "CLibXML2",
                .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            plugins: ["EmbedFiles"]
        ),
        // `postlint serve`: the HTTP API and the staff page, on Hummingbird.
        .target(
            name: "PostLintServer",
            dependencies: [
                "PostLint",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            ],
            exclude: ["Page"],
            plugins: ["EmbedFiles"]
        ),
        .executableTarget(
            name: "postlint",
            dependencies: [
                "PostLint",
                "PostLintServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The benchmark's floor: libxml2 parsing HTML and walking the tree, in C, with nothing else.
        .target(name: "CLibXML2Floor", dependencies: ["CLibXML2"]),
        // `swift run -c release postlint-bench`: the benchmark suite (see README, Benchmarks).
        .executableTarget(
            name: "postlint-bench",
            dependencies: ["PostLint", "CLibXML2Floor"]
        ),
        .testTarget(
            name: "PostLintTests",
            dependencies: [
                "PostLint",
                "postlint",
                "PostLintServer",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "PropertyBased", package: "swift-property-based"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
    ]
)
