// swift-tools-version: 6.1
// libFuzzer targets for PostLint's readers and loaders. Build and run with ./run.sh (see README.md):
// the whole build gets address sanitizer and coverage instrumentation from the command line, and only
// these executables link libFuzzer's driver (it supplies `main`).
import PackageDescription

let fuzzers = ["fuzz-html", "fuzz-html-direct", "fuzz-markdown", "fuzz-text", "fuzz-docx", "fuzz-tokenizer", "fuzz-config", "fuzz-roster"]

let package = Package(
    name: "PostLintFuzz",
    dependencies: [.package(name: "PostLint", path: "..")],
    targets: [
        .target(name: "FuzzSupport", dependencies: [.product(name: "PostLint", package: "PostLint")]),
    ] + fuzzers.map { name in
        .executableTarget(
            name: name,
            dependencies: ["FuzzSupport", .product(name: "PostLint", package: "PostLint")],
            linkerSettings: [.unsafeFlags(["-sanitize=fuzzer,address", "-use-ld=lld"])])
    }
)
