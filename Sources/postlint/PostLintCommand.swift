import ArgumentParser
import PostLint

@main
struct PostLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "postlint", version: PostLintInfo.version)
}
