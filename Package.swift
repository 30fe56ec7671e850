// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "PostLint",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "PostLint", targets: ["PostLint"]),
        .executable(name: "postlint", targets: ["postlint"]),
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
