import Foundation
import PostLint
import PostLintWorker

/// PostLint's Language Server Protocol server: it keeps the open documents, checks them as they change
/// and publishes the findings, offers the fixes as code actions and explains a finding on hover.
///
/// The server is transport-free: it is handed message bodies and writes framed messages through
/// `send`, so tests drive it directly and `LanguageServerStdio` connects it to standard input and
/// output. It is not thread-safe: one thread (a serial queue) hands it messages in order.
final class LanguageServer {
    /// What the server writes: complete framed messages (header and body).
    typealias Output = ([UInt8]) -> Void

    private struct OpenDocument {
        var uri: String
        /// The file path of a `file:` URI; nil for `untitled:` and other schemes.
        var path: String?
        /// nil for a language PostLint does not read (a client attached to every file type): not checked.
        var format: DocumentFormat?
        var version: Int?
        var text: String
        /// The last check, for the text it was made of; nil when the text changed since.
        var report: FileReport?
    }

    private let linter: Linter
    /// Where checks run when not in this process (see `LSPWorkerClient`).
    private let workerClient: LSPWorkerClient?
    /// Counts configuration reloads, so a worker reloads when this server does.
    private var configurationGeneration = 0
    private let descriptors: [String: CheckDescriptor]
    private let send: Output
    private let log: (String) -> Void
    private let onExit: (Int32) -> Void
    private var watcher: ConfigurationWatcher
    private var workingDirectory: String

    private(set) var isInitialized = false
    private(set) var isShutDown = false
    /// The encoding negotiated in `initialize` (UTF-16 until then, as the specification says).
    private(set) var positionEncoding = PositionEncoding.utf16
    private var clientCanWatchFiles = false
    private var documents: [String: OpenDocument] = [:]
    /// The configuration errors last shown, per configuration file, so each is shown once per change.
    var shownConfigurationErrors: [String: String] = [:]
    private var nextRequestNumber = 1

    /// - Parameters:
    ///   - linter: the checks to run (the built-in ones by default).
    ///   - worker: a worker process (`postlint lsp-worker`, with the built-in checks) to run the checks
    ///     in, so that one that traps cannot end the server; nil checks in this process with `linter`.
    ///   - send: receives every outgoing message, framed.
    ///   - log: diagnostics about the server itself (standard error); never draft or roster text.
    ///   - onExit: called with the exit status when the client sends `exit` (0 after `shutdown`, else 1).
    init(linter: Linter = Linter(), worker: WorkerProcess? = nil, workingDirectory: String? = nil,
                send: @escaping Output, log: @escaping (String) -> Void = { _ in }, onExit: @escaping (Int32) -> Void) {
        self.linter = linter
        self.workerClient = worker.map(LSPWorkerClient.init)
        self.descriptors = Dictionary(linter.descriptors.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.send = send
        self.log = log
        self.onExit = onExit
        let workingDirectory = workingDirectory ?? FileManager.default.currentDirectoryPath
        self.workingDirectory = workingDirectory
        self.watcher = ConfigurationWatcher(session: LintSession(linter: linter, workingDirectory: workingDirectory))
    }

    // MARK: Messages in

    /// A parsed incoming message.
    struct Message {
        var id: LSP.RequestID?
        var method: String
        var params: JSONValue?

        var isRequest: Bool { id != nil }
    }

    /// Parses a body; on failure the error reply has already been sent and nil is returned.
    func parse(_ body: [UInt8]) -> Message? {
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(body)) else {
            log("ignored a message that is not JSON (\(body.count) bytes)")
            sendError(id: nil, code: LSP.ErrorCode.parseError, message: "Parse error: the message is not valid JSON")
            return nil
        }
        guard case .object(let object) = value else {
            sendError(id: nil, code: LSP.ErrorCode.invalidRequest, message: "Invalid request: not a JSON object")
            return nil
        }
        var id: LSP.RequestID?
        switch object["id"] {
        case nil, .null?: id = nil
        case .int(let number)?: id = .number(number)
        case .string(let string)?: id = .string(string)
        default:
            sendError(id: nil, code: LSP.ErrorCode.invalidRequest, message: "Invalid request: bad id")
            return nil
        }
        guard case .string(let method)? = object["method"] else {
            if object["result"] != nil || object["error"] != nil { return nil }  // a reply to our request
            sendError(id: id, code: LSP.ErrorCode.invalidRequest, message: "Invalid request: no method")
            return nil
        }
        return Message(id: id, method: method, params: object["params"])
    }

    /// Handles one message body.
    func handle(_ body: [UInt8]) {
        handle(batch: [body])
    }

    /// Handles messages that arrived together, in order. A document change that a later change (or
    /// close) of the same document in the batch supersedes is applied without checking it: only the
    /// newest text is checked and published, so a burst of typing costs one check.
    func handle(batch bodies: [[UInt8]]) {
        let messages = bodies.compactMap(parse)
        for (index, message) in messages.enumerated() {
            var superseded = false
            if message.method == "textDocument/didChange", let uri = message.params?["textDocument"]?["uri"]?.stringValue {
                superseded = messages[(index + 1)...].contains { later in
                    (later.method == "textDocument/didChange" || later.method == "textDocument/didClose")
                        && later.params?["textDocument"]?["uri"]?.stringValue == uri
                }
            }
            dispatch(message, superseded: superseded)
        }
    }

    private func dispatch(_ message: Message, superseded: Bool = false) {
        if message.method == "exit" {
            onExit(isShutDown ? 0 : 1)
            return
        }
        guard let id = message.id else {
            guard isInitialized, !isShutDown else { return }  // notifications before initialize are dropped
            notification(message, superseded: superseded)
            return
        }
        if isShutDown {
            return sendError(id: id, code: LSP.ErrorCode.invalidRequest, message: "Invalid request: the server is shut down")
        }
        if !isInitialized, message.method != "initialize" {
            return sendError(id: id, code: LSP.ErrorCode.serverNotInitialized, message: "The server is not initialized")
        }
        do {
            switch message.method {
            case "initialize":
                guard !isInitialized else {
                    return sendError(id: id, code: LSP.ErrorCode.invalidRequest, message: "Invalid request: already initialized")
                }
                sendResult(id: id, try JSONValue(encoding: initialize(try decode(LSP.InitializeParams.self, message))))
            case "shutdown":
                isShutDown = true
                sendResult(id: id, .null)
            case "textDocument/codeAction":
                let params = try decode(LSP.CodeActionParams.self, message)
                let actions = view(params.textDocument.uri)?.codeActions(in: params.range, only: params.context?.only) ?? []
                sendResult(id: id, try JSONValue(encoding: actions))
            case "textDocument/hover":
                let params = try decode(LSP.TextDocumentPositionParams.self, message)
                let hover = view(params.textDocument.uri)?.hover(at: params.position)
                sendResult(id: id, try hover.map { try JSONValue(encoding: $0) } ?? .null)
            default:
                log("unknown request \(message.method)")
                sendError(id: id, code: LSP.ErrorCode.methodNotFound, message: "Method not found: \(message.method)")
            }
        } catch let error as InvalidParams {
            sendError(id: id, code: LSP.ErrorCode.invalidParams, message: "Invalid params: \(error.description)")
        } catch {
            sendError(id: id, code: LSP.ErrorCode.internalError, message: "Internal error: \(error)")
        }
    }

    private func notification(_ message: Message, superseded: Bool) {
        do {
            switch message.method {
            case "initialized":
                registerFileWatchers()
            case "textDocument/didOpen":
                didOpen(try decode(LSP.DidOpenTextDocumentParams.self, message))
            case "textDocument/didChange":
                didChange(try decode(LSP.DidChangeTextDocumentParams.self, message), check: !superseded)
            case "textDocument/didSave":
                let params = try decode(LSP.DidSaveTextDocumentParams.self, message)
                if let text = params.text { documents[params.textDocument.uri]?.text = text }
                documents[params.textDocument.uri]?.report = nil  // the configuration may have changed too
                check(params.textDocument.uri)
            case "textDocument/didClose":
                let uri = try decode(LSP.DidCloseTextDocumentParams.self, message).textDocument.uri
                documents[uri] = nil
                publish(LSP.PublishDiagnosticsParams(uri: uri, version: nil, diagnostics: []))
            case "workspace/didChangeWatchedFiles":
                watcher.invalidate()
                configurationGeneration += 1
                // Shown again if still broken, cleared if fixed: the recheck below publishes anew.
                for file in shownConfigurationErrors.keys.sorted() {
                    publish(LSP.PublishDiagnosticsParams(uri: DocumentURI.fileURI(file), version: nil, diagnostics: []))
                }
                shownConfigurationErrors.removeAll()
                for uri in documents.keys.sorted() {
                    documents[uri]?.report = nil
                    check(uri)
                }
            default:
                break  // unknown notifications (and $/ ones) are ignored, as the specification asks
            }
        } catch {
            log("ignored \(message.method): \(error)")
        }
    }

    private struct InvalidParams: Error, CustomStringConvertible {
        var description: String
    }

    private func decode<T: Decodable>(_ type: T.Type, _ message: Message) throws -> T {
        do {
            return try (message.params ?? .object([:])).decode(T.self)
        } catch let DecodingError.keyNotFound(key, context) {
            throw InvalidParams(description: "missing `\((context.codingPath + [key]).map(\.stringValue).joined(separator: "."))`")
        } catch let DecodingError.typeMismatch(_, context) {
            throw InvalidParams(description: "wrong type at `\(context.codingPath.map(\.stringValue).joined(separator: "."))`")
        } catch {
            throw InvalidParams(description: "\(error)")
        }
    }

    // MARK: Lifecycle

    private func initialize(_ params: LSP.InitializeParams) -> LSP.InitializeResult {
        isInitialized = true
        positionEncoding = PositionEncoding.negotiate(offered: params.capabilities?.general?.positionEncodings)
        clientCanWatchFiles = params.capabilities?.workspace?.didChangeWatchedFiles?.dynamicRegistration ?? false
        let root = params.workspaceFolders?.first.map(\.uri).flatMap(DocumentURI.filePath)
            ?? params.rootUri.flatMap(DocumentURI.filePath) ?? params.rootPath
        if let root, root.hasPrefix("/") {
            workingDirectory = root
            watcher = ConfigurationWatcher(session: LintSession(linter: linter, workingDirectory: root))
        }
        typealias Capabilities = LSP.InitializeResult.ServerCapabilities
        return LSP.InitializeResult(
            capabilities: Capabilities(
                positionEncoding: positionEncoding.rawValue,
                textDocumentSync: .init(openClose: true, change: 1, save: .init(includeText: false)),
                codeActionProvider: .init(codeActionKinds: ["quickfix"]),
                hoverProvider: true),
            serverInfo: .init(name: PostLintInfo.name, version: PostLintInfo.version))
    }

    /// Asks the client to tell us about changed configuration and roster files, when it can.
    private func registerFileWatchers() {
        guard clientCanWatchFiles else { return }
        typealias Registration = LSP.RegistrationParams
        let params = Registration(registrations: [
            .init(id: "postlint-watch-configuration", method: "workspace/didChangeWatchedFiles",
                  registerOptions: .init(watchers: [
                      .init(globPattern: "**/.postlint.yml"), .init(globPattern: "**/.postlint.yaml"),
                      .init(globPattern: "**/*.csv"),
                  ])),
        ])
        let id = LSP.RequestID.string("postlint-\(nextRequestNumber)")
        nextRequestNumber += 1
        if let params = try? JSONValue(encoding: params) {
            write(.object(["jsonrpc": .string("2.0"), "id": id.json, "method": .string("client/registerCapability"),
                           "params": params]))
        }
    }

    // MARK: Documents

    private func didOpen(_ params: LSP.DidOpenTextDocumentParams) {
        let item = params.textDocument
        let path = DocumentURI.filePath(item.uri)
        documents[item.uri] = OpenDocument(
            uri: item.uri, path: path, format: Self.format(languageID: item.languageId, uri: item.uri, path: path),
            version: item.version, text: item.text)
        check(item.uri)
    }

    private func didChange(_ params: LSP.DidChangeTextDocumentParams, check shouldCheck: Bool) {
        let uri = params.textDocument.uri
        guard var document = documents[uri] else { return log("a change to a document that is not open") }
        for change in params.contentChanges {
            if let range = change.range {
                // An incremental change from a client that ignored the full-sync capability.
                let converter = PositionConverter(source: SourceText(path: uri, text: document.text), encoding: positionEncoding)
                var bytes = Array(document.text.utf8)
                let start = converter.byteOffset(of: range.start)
                let end = max(start, converter.byteOffset(of: range.end))
                bytes.replaceSubrange(start..<end, with: Array(change.text.utf8))
                document.text = String(decoding: bytes, as: UTF8.self)
            } else {
                document.text = change.text
            }
        }
        document.version = params.textDocument.version ?? document.version
        document.report = nil
        documents[uri] = document
        if shouldCheck { check(uri) }
    }

    /// The format from the editor's language id, else from the file extension; nil when neither is
    /// one PostLint reads.
    static func format(languageID: String?, uri: String, path: String?) -> DocumentFormat? {
        switch languageID?.lowercased() {
        case "html", "xhtml": return .html
        case "markdown": return .markdown
        case "plaintext", "text": return .text
        default: return DocumentFormat(path: path ?? uri)
        }
    }

    /// Checks a document and publishes its diagnostics.
    private func check(_ uri: String) {
        guard let view = view(uri), let document = documents[uri] else { return }
        publish(LSP.PublishDiagnosticsParams(uri: uri, version: document.version, diagnostics: view.diagnostics()))
    }

    /// The current report of an open document, checking it when its text changed since the last check.
    private func report(for uri: String) -> FileReport? {
        guard var document = documents[uri], let format = document.format else { return nil }
        if let report = document.report { return report }
        var configuration = Configuration()
        var relativePath: String?
        var configurationProblem: Problem?
        let reportPath = document.path ?? uri
        if let path = document.path {
            let settings = watcher.settings(forFile: path)
            configuration = settings.configuration
            relativePath = settings.relativePath
            showConfigurationErrors(settings.errors, file: settings.file ?? "")
            configurationProblem = settings.errors.map { Self.configurationProblem($0, draft: reportPath) }
        }
        var report = workerClient?.report(
            text: document.text, reportPath: reportPath, documentPath: document.path, format: format,
            workingDirectory: workingDirectory, configurationGeneration: configurationGeneration, log: log)
            ?? linter.lint(text: document.text, path: reportPath, format: format,
                           configuration: configuration, relativePath: relativePath)
        // Problems of other files (a roster that cannot be read) are not this draft's: shown as a message
        // (the roster store reports them once per change of the roster), not as diagnostics in the draft.
        let foreign = report.problems.filter { $0.path != reportPath }
        if !foreign.isEmpty {
            report.problems.removeAll { $0.path != reportPath }
            let lines = foreign.map { problem in
                "\(problem.path)\(problem.position.map { ":\($0.line):\($0.column)" } ?? ""): \(problem.message)"
            }
            sendNotification("window/showMessage", LSP.ShowMessageParams(
                type: foreign.contains { $0.severity == .error } ? 1 : 2,
                message: "PostLint: \(lines.joined(separator: "\n"))"))
        }
        // A broken configuration is an error on the draft itself: someone who never opens
        // .postlint.yml must still see that this draft was not checked as the school set it up.
        if let configurationProblem { report.problems.insert(configurationProblem, at: 0) }
        document.report = report
        documents[uri] = document
        return report
    }


    // MARK: Diagnostics, code actions, hover

    /// How the editor sees a document's current report (none for a language PostLint does not read).
    private func view(_ uri: String) -> LSPReportView? {
        report(for: uri).map { LSPReportView(report: $0, uri: uri, descriptors: descriptors, encoding: positionEncoding) }
    }

    // MARK: Messages out

    func publish(_ params: LSP.PublishDiagnosticsParams) {
        sendNotification("textDocument/publishDiagnostics", params)
    }

    func sendNotification<T: Encodable>(_ method: String, _ params: T) {
        guard let params = try? JSONValue(encoding: params) else { return }
        write(.object(["jsonrpc": .string("2.0"), "method": .string(method), "params": params]))
    }

    private func sendResult(id: LSP.RequestID, _ result: JSONValue) {
        write(.object(["jsonrpc": .string("2.0"), "id": id.json, "result": result]))
    }

    private func sendError(id: LSP.RequestID?, code: Int, message: String) {
        write(.object(["jsonrpc": .string("2.0"), "id": id?.json ?? .null,
                       "error": .object(["code": .int(code), "message": .string(message)])]))
    }

    private func write(_ message: JSONValue) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let body = try? encoder.encode(message) else { return log("could not encode a message") }
        send(MessageFramer.frame(Array(body)))
    }
}
