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
    // Exact versions: Package.resolved is not committed, so these lines alone decide what a new clone,
    // CI, the release archive and the Docker image build with.
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", exact: "2.0.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", exact: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", exact: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-extras", exact: "1.35.2"),
        // SHA-256 for baseline fingerprints (Foundation has none on Linux) and HMAC-SHA-256 for the sealed
        // roster, whose secrecy rests on it. 4.5.2: what the server's dependencies resolve to anyway.
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
        // Swift source, so the binary carries them and needs no resource bundle; the rule pack's word
        // lists are read from YAML here, at build time, not at every start-up.
        .executableTarget(
            name: "embed-files",
            dependencies: [.product(name: "Yams", package: "Yams")],
            path: "Sources/embed-files"
        ),
        .plugin(
            name: "EmbedFiles",
            capability: .buildTool(),
            dependencies: ["embed-files"]
        ),
        // The engine: sources, readers, documents, text, checks, data rules, roster, configuration,
        // diagnostics, the batch engine and file reading/atomic writing. What a library user imports;
        // siblings reach further in through `package` declarations.
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
        // Text, JSON, SARIF, GitHub and HTML reports, streamed; for the command line and the server.
        .target(name: "PostLintReporters", dependencies: ["PostLint"]),
        // Child processes that run checks for the server and the language server, so a crash in a
        // check costs one request, not the process.
        .target(name: "PostLintWorker", dependencies: ["PostLint"]),
        // `postlint lsp`: the Language Server Protocol over standard input and output.
        .target(name: "PostLintLanguageServer", dependencies: ["PostLint", "PostLintWorker"]),
        // git plumbing for `hook run` and `check --changed-since`.
        .target(name: "PostLintGit", dependencies: ["PostLint"]),
        // `postlint serve`: the HTTP API and the staff page, on Hummingbird.
        .target(
            name: "PostLintServer",
            dependencies: [
                "PostLint",
                "PostLintReporters",
                "PostLintWorker",
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
                "PostLintReporters",
                "PostLintLanguageServer",
                "PostLintGit",
                "PostLintServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The benchmark's floor: libxml2 parsing HTML and walking the tree, in C, with nothing else.
        .target(name: "CLibXML2Floor", dependencies: ["CLibXML2"]),
        // `swift run -c release postlint-bench`: the benchmark suite (see docs/benchmarks.md).
        .executableTarget(
            name: "postlint-bench",
            dependencies: ["PostLint", "PostLintReporters", "CLibXML2Floor"]
        ),
        // Tests, one target per module, sharing what they all need (temporary folders, running the
        // binary, fixtures) through PostLintTestSupport, as SwiftLint's TestHelpers.
        .target(
            name: "PostLintTestSupport",
            dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")],
            path: "Tests/PostLintTestSupport"
        ),
        // The engine: readers, checks, configuration, roster, the batch engine; also through the binary.
        .testTarget(
            name: "PostLintTests",
            dependencies: [
                "CLibXML2",
                "PostLint",
                "PostLintReporters",
                "PostLintTestSupport",
                "postlint",
                .product(name: "PropertyBased", package: "swift-property-based"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .testTarget(
            name: "PostLintReportersTests",
            dependencies: ["PostLint", "PostLintReporters", "PostLintTestSupport", "postlint"]
        ),
        .testTarget(
            name: "PostLintLanguageServerTests",
            dependencies: ["PostLint", "PostLintLanguageServer", "PostLintTestSupport", "postlint"]
        ),
        .testTarget(
            name: "PostLintServerTests",
            dependencies: [
                "PostLint",
                "PostLintReporters",
                "PostLintServer",
                "PostLintTestSupport",
                "postlint",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // The commands through the binary: check, baseline, hook (and git), output safety.
        .testTarget(
            name: "PostLintCLITests",
            dependencies: [
                "PostLint", "PostLintReporters", "PostLintGit", "PostLintTestSupport", "postlint",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
    ]
)
