import Foundation
import PackagePlugin

/// Embeds the top-level `Rules/` folder into the `PostLint` library as Swift string literals, so a
/// `postlint` binary copied anywhere still runs with the default rule pack and needs no resource bundle.
@main
struct EmbedRules: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let rulesFolder = context.package.directoryURL.appending(path: "Rules")
        let files = try FileManager.default.contentsOfDirectory(at: rulesFolder, includingPropertiesForKeys: nil)
            .filter { ["yml", "yaml"].contains($0.pathExtension) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedRulePackFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding the default rule pack (\(files.count) files)",
                executable: try context.tool(named: "embed-rules").url,
                arguments: [output.path] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output]
            )
        ]
    }
}
