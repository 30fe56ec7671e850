import PostLint
import PostLintWorker

/// The Language Server Protocol types PostLint's server reads and writes, as Codable structs named as
/// in the specification (3.17). Only the fields the server uses are declared; decoding ignores the rest,
/// and optional fields a client leaves out decode as nil.
enum LSP {
    // MARK: JSON-RPC

    /// A request id: a number or a string.
    enum RequestID: Sendable, Hashable, Codable, CustomStringConvertible {
        case number(Int)
        case string(String)

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Int.self) {
                self = .number(number)
            } else {
                self = .string(try container.decode(String.self))
            }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .number(let value): try container.encode(value)
            case .string(let value): try container.encode(value)
            }
        }

        var description: String {
            switch self {
            case .number(let value): "\(value)"
            case .string(let value): "\"\(value)\""
            }
        }

        var json: JSONValue {
            switch self {
            case .number(let value): .int(value)
            case .string(let value): .string(value)
            }
        }
    }

    enum ErrorCode {
        static let parseError = -32700
        static let invalidRequest = -32600
        static let methodNotFound = -32601
        static let invalidParams = -32602
        static let internalError = -32603
        static let serverNotInitialized = -32002
    }

    // MARK: Basic structures

    struct Position: Sendable, Hashable, Codable, Comparable {
        var line: Int
        var character: Int

        init(line: Int, character: Int) {
            self.line = line
            self.character = character
        }

        static func < (lhs: Position, rhs: Position) -> Bool {
            (lhs.line, lhs.character) < (rhs.line, rhs.character)
        }
    }

    struct Range: Sendable, Hashable, Codable {
        var start: Position
        var end: Position

        init(start: Position, end: Position) {
            self.start = start
            self.end = end
        }
    }

    struct TextDocumentIdentifier: Sendable, Hashable, Codable {
        var uri: String
    }

    struct VersionedTextDocumentIdentifier: Sendable, Hashable, Codable {
        var uri: String
        var version: Int?
    }

    struct TextDocumentItem: Sendable, Hashable, Codable {
        var uri: String
        var languageId: String?
        var version: Int?
        var text: String
    }

    struct TextEdit: Sendable, Hashable, Codable {
        var range: Range
        var newText: String
    }

    struct WorkspaceEdit: Sendable, Hashable, Codable {
        var changes: [String: [TextEdit]]
    }

    // MARK: Lifecycle

    struct InitializeParams: Sendable, Codable {
        struct ClientCapabilities: Sendable, Codable {
            struct General: Sendable, Codable {
                var positionEncodings: [String]?
            }
            struct Workspace: Sendable, Codable {
                struct DidChangeWatchedFiles: Sendable, Codable {
                    var dynamicRegistration: Bool?
                }
                var didChangeWatchedFiles: DidChangeWatchedFiles?
            }
            var general: General?
            var workspace: Workspace?
        }
        struct WorkspaceFolder: Sendable, Codable {
            var uri: String
            var name: String?
        }
        var processId: Int?
        var rootUri: String?
        var rootPath: String?
        var workspaceFolders: [WorkspaceFolder]?
        var capabilities: ClientCapabilities?
    }

    struct InitializeResult: Sendable, Codable {
        struct ServerCapabilities: Sendable, Codable {
            struct TextDocumentSyncOptions: Sendable, Codable {
                struct SaveOptions: Sendable, Codable {
                    var includeText: Bool
                }
                var openClose: Bool
                /// 1: full text on every change.
                var change: Int
                var save: SaveOptions
            }
            struct CodeActionOptions: Sendable, Codable {
                var codeActionKinds: [String]
            }
            var positionEncoding: String
            var textDocumentSync: TextDocumentSyncOptions
            var codeActionProvider: CodeActionOptions
            var hoverProvider: Bool
        }
        struct ServerInfo: Sendable, Codable {
            var name: String
            var version: String
        }
        var capabilities: ServerCapabilities
        var serverInfo: ServerInfo
    }

    // MARK: Document synchronisation

    struct DidOpenTextDocumentParams: Sendable, Codable {
        var textDocument: TextDocumentItem
    }

    struct DidChangeTextDocumentParams: Sendable, Codable {
        struct ContentChange: Sendable, Codable {
            /// Present when the client sends an incremental change despite full sync being asked for.
            var range: Range?
            var text: String
        }
        var textDocument: VersionedTextDocumentIdentifier
        var contentChanges: [ContentChange]
    }

    struct DidSaveTextDocumentParams: Sendable, Codable {
        var textDocument: TextDocumentIdentifier
        var text: String?
    }

    struct DidCloseTextDocumentParams: Sendable, Codable {
        var textDocument: TextDocumentIdentifier
    }

    struct DidChangeWatchedFilesParams: Sendable, Codable {
        struct FileEvent: Sendable, Codable {
            var uri: String
            /// 1 created, 2 changed, 3 deleted.
            var type: Int
        }
        var changes: [FileEvent]
    }

    // MARK: Diagnostics

    struct Diagnostic: Sendable, Hashable, Codable {
        struct CodeDescription: Sendable, Hashable, Codable {
            var href: String
        }
        var range: Range
        /// 1 error, 2 warning, 3 information, 4 hint.
        var severity: Int
        var code: String?
        var codeDescription: CodeDescription?
        var source: String
        var message: String

        init(range: Range, severity: Int, code: String?, codeDescription: CodeDescription?, source: String,
                    message: String) {
            self.range = range
            self.severity = severity
            self.code = code
            self.codeDescription = codeDescription
            self.source = source
            self.message = message
        }
    }

    struct PublishDiagnosticsParams: Sendable, Codable {
        var uri: String
        var version: Int?
        var diagnostics: [Diagnostic]
    }

    // MARK: Code actions and hover

    struct CodeActionParams: Sendable, Codable {
        struct Context: Sendable, Codable {
            var only: [String]?
        }
        var textDocument: TextDocumentIdentifier
        var range: Range
        var context: Context?
    }

    struct CodeAction: Sendable, Hashable, Codable {
        var title: String
        var kind: String
        var diagnostics: [Diagnostic]
        var isPreferred: Bool
        var edit: WorkspaceEdit
    }

    struct TextDocumentPositionParams: Sendable, Codable {
        var textDocument: TextDocumentIdentifier
        var position: Position
    }

    struct Hover: Sendable, Codable {
        struct MarkupContent: Sendable, Codable {
            var kind: String
            var value: String
        }
        var contents: MarkupContent
        var range: Range
    }

    // MARK: Window and registration

    struct ShowMessageParams: Sendable, Codable {
        /// 1 error, 2 warning, 3 info, 4 log.
        var type: Int
        var message: String
    }

    struct RegistrationParams: Sendable, Codable {
        struct Registration: Sendable, Codable {
            var id: String
            var method: String
            var registerOptions: DidChangeWatchedFilesRegistrationOptions
        }
        struct DidChangeWatchedFilesRegistrationOptions: Sendable, Codable {
            struct FileSystemWatcher: Sendable, Codable {
                var globPattern: String
            }
            var watchers: [FileSystemWatcher]
        }
        var registrations: [Registration]
    }
}
