import Foundation
import PostLint
import PostLintWorker

/// How the language server shows a configuration with mistakes: on the configuration file itself, as
/// a message, and on every draft it applies to, since someone editing a draft may never open it.
extension LanguageServer {
    /// The draft's line-1 error for a configuration with mistakes: which file, how many, the first.
    static func configurationProblem(_ errors: ConfigurationErrors, draft: String) -> Problem {
        let first = errors.errors.first?.description ?? ""
        let more = errors.errors.count > 1 ? " (and \(errors.errors.count - 1) more)" : ""
        return Problem(severity: .error, path: draft, position: SourcePosition(line: 1, column: 1),
                       message: "the configuration has errors, so this draft was checked without the settings they affect: "
                           + "\(first)\(more)")
    }

    /// Shows a configuration file's errors once per change of them, as a message and as diagnostics on
    /// the file itself (so an editor underlines the bad line, like any linter's configuration error);
    /// clears them once it loads again.
    func showConfigurationErrors(_ errors: ConfigurationErrors?, file: String) {
        guard let errors else {
            if shownConfigurationErrors.removeValue(forKey: file) != nil {
                publish(LSP.PublishDiagnosticsParams(uri: DocumentURI.fileURI(file), version: nil, diagnostics: []))
            }
            return
        }
        let description = errors.description
        guard shownConfigurationErrors[file] != description else { return }
        shownConfigurationErrors[file] = description
        sendNotification("window/showMessage", LSP.ShowMessageParams(
            type: 1,
            message: "PostLint: the configuration has errors; drafts are checked without the settings they affect until it is fixed.\n\(description)"))
        // The errors are the loaded file's (their paths are shortened for display).
        let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
        let converter = PositionConverter(source: SourceText(path: file, text: text), encoding: positionEncoding)
        let diagnostics = errors.errors.map { error -> LSP.Diagnostic in
            let position = converter.position(SourcePosition(line: error.line, column: error.column))
            return LSP.Diagnostic(range: LSP.Range(start: position, end: position), severity: 1, code: nil,
                                  codeDescription: nil, source: PostLintInfo.name, message: error.message)
        }
        publish(LSP.PublishDiagnosticsParams(uri: DocumentURI.fileURI(file), version: nil, diagnostics: diagnostics))
    }
}
