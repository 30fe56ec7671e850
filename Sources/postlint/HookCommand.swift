import ArgumentParser

/// `postlint hook install|uninstall|run`: a plain git pre-commit hook, for repositories that do not
/// use the pre-commit framework. The hook checks the *staged* content of staged drafts.
struct HookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hook",
        abstract: "Install or remove a git pre-commit hook that checks the staged drafts.",
        subcommands: [HookInstallCommand.self, HookUninstallCommand.self, HookRunCommand.self])
}
