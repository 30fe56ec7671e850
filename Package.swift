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
    ],
    targets: [
        // libxml2, seen through a shim header that keeps its ICU headers away from Foundation's.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // Turns the YAML rule pack in Rules/ into Swift source, so the binary carries its defaults.
        .executableTarget(name: "embed-rules", path: "Sources/embed-rules"),
        .plugin(
            name: "EmbedRules",
            capability: .buildTool(),
            dependencies: ["embed-rules"]
        ),
        .target(
            name: "PostLint",
            dependencies: [
                "CLibXML2",
                .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            plugins: ["EmbedRules"]
        ),
        .executableTarget(
            name: "postlint",
            dependencies: [
                "PostLint",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
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
                .product(name: "PropertyBased", package: "swift-property-based"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
    ]
)
