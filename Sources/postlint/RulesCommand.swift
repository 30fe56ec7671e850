import ArgumentParser
import Foundation
import PostLint

/// `postlint rules`: every rule with its default level and the policy clause it enforces.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "List the rules with their levels and policy clauses.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown, json }

    @Option(help: "text, markdown (the docs/rules.md page) or json.")
    var format: Format = .text

    @Option(help: "Use this configuration file instead of the nearest .postlint.yml (its rules-path adds rules).")
    var config: String?

    func run() throws {
        let descriptors = try RulesCommand.descriptors(config: config)
        switch format {
        case .text: print(RuleDocumentation.table(descriptors), terminator: "")
        case .markdown: print(RuleDocumentation.markdown(descriptors), terminator: "")
        case .json: print(try RuleDocumentation.json(descriptors))
        }
    }

    /// The built-in rules and those the configuration in force here (`--config`, else the nearest
    /// `.postlint.yml`) loads from `rules-path:`. A configuration with mistakes is refused, naming
    /// them, rather than listing fewer rules than a check would run.
    static func descriptors(config: String?) throws -> [CheckDescriptor] {
        let session = LintSession(configPath: config, workingDirectory: FileManager.default.currentDirectoryPath)
        let configuration = session.settings(forFile: LexicalPath.join(session.workingDirectory, "draft")).configuration
        if let damage = configuration.damage {
            for error in damage.errors { printError("postlint: \(error)") }
            throw ExitStatus.error
        }
        return session.linter.descriptors(for: configuration)
    }
}

/// `postlint explain RULE`: what a rule looks for, why, and how to fix it.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain", abstract: "Explain a rule: what it flags, the policy clause, how to fix.")

    @Argument(help: "A rule id, e.g. personal-opinion.")
    var rule: String

    @Option(help: "Use this configuration file instead of the nearest .postlint.yml (its rules-path adds rules).")
    var config: String?

    func run() throws {
        let descriptors = try RulesCommand.descriptors(config: config)
        guard let descriptor = descriptors.first(where: { $0.id == rule }) else {
            printError("postlint: unknown rule '\(rule)'. Rules: \(descriptors.map(\.id).joined(separator: ", "))")
            throw ExitStatus.error
        }
        print(RuleDocumentation.explain(descriptor), terminator: "")
    }
}

/// `postlint init`: writes a commented starter `.postlint.yml`.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Write a commented starter .postlint.yml in the current folder.")

    @Option(help: "Where to write the configuration.")
    var path: String = ".postlint.yml"

    @Flag(help: "Replace an existing file.")
    var force = false

    func run() throws {
        if !force && FileManager.default.fileExists(atPath: path) {
            printError("postlint: \(path) already exists; use --force to replace it")
            throw ExitStatus.error
        }
        do {
            try AtomicFileWriter.write(ConfigurationTemplate.starter, to: path)
        } catch {
            printError("postlint: \(error)")
            throw ExitStatus.error
        }
        print("Wrote \(path). Fill in your school's details, then run: postlint check")
    }
}
