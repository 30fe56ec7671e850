import Foundation
import PackagePlugin

/// Compiles text files into a target as Swift string literals, so a `postlint` binary copied anywhere
/// still has them and needs no resource bundle: the default rule pack (`Rules/*.yml`, its word lists
/// read from YAML at build time) in `PostLint`, the staff page and the OpenAPI document in `PostLintServer`.
@main
struct EmbedFiles: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let package = context.package.directoryURL
        let (typeName, files): (String, [URL])
        var options: [String] = []
        switch target.name {
        case "PostLint":
            typeName = "EmbeddedRulePack"
            options = ["--rule-pack"]
            files = try FileManager.default.contentsOfDirectory(at: package.appending(path: "Rules"),
                                                                includingPropertiesForKeys: nil)
                .filter { ["yml", "yaml"].contains($0.pathExtension) }
                .sorted { $0.lastPathComponent < $1.lastPathComponent }
        case "PostLintServer":
            typeName = "EmbeddedServerFiles"
            files = ["index.html", "page.css", "page.js"].map { package.appending(path: "Sources/PostLintServer/Page/\($0)") }
                + [package.appending(path: "docs/openapi.yaml")]
        default:
            throw PluginError(description: "EmbedFiles does not know what to embed in target \(target.name)")
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "\(typeName)Files.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) files in \(target.name)",
                executable: try context.tool(named: "embed-files").url,
                arguments: options + [output.path, typeName] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output]
            )
        ]
    }
}

struct PluginError: Error, CustomStringConvertible {
    var description: String
}
