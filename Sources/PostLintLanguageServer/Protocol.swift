import PostLint
import PostLintWorker

/// The Language Server Protocol types PostLint's server reads and writes, as Codable structs named as
/// in the specification (3.17). Only the fields the server uses are declared; decoding ignores the rest,
/// and optional fields a client leaves out decode as nil.
public enum LSP {
    // MARK: JSON-RPC

    /// A request id: a number or a string.
    public enum RequestID: Sendable, Hashable, Codable, CustomStringConvertible {
        case number(Int)
        case string(String)

        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Int.self) {
                self = .number(number)
            } else {
                self = .string(try container.decode(String.self))
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .number(let value): try container.encode(value)
            case .string(let value): try container.encode(value)
            }
        }

        public var description: String {
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

    public enum ErrorCode {
        public static let parseError = -32700
        public static let invalidRequest = -32600
        public static let methodNotFound = -32601
        public static let invalidParams = -32602
        public static let internalError = -32603
        public static let serverNotInitialized = -32002
    }

    // MARK: Basic structures

    public struct Position: Sendable, Hashable, Codable, Comparable {
        public var line: Int
        public var character: Int

        public init(line: Int, character: Int) {
            self.line = line
            self.character = character
        }

        public static func < (lhs: Position, rhs: Position) -> Bool {
            (lhs.line, lhs.character) < (rhs.line, rhs.character)
        }
    }

    public struct Range: Sendable, Hashable, Codable {
        public var start: Position
        public var end: Position

        public init(start: Position, end: Position) {
            self.start = start
            self.end = end
        }
    }

    public struct TextDocumentIdentifier: Sendable, Hashable, Codable {
        public var uri: String
    }

    public struct VersionedTextDocumentIdentifier: Sendable, Hashable, Codable {
        public var uri: String
        public var version: Int?
    }

    public struct TextDocumentItem: Sendable, Hashable, Codable {
        public var uri: String
        public var languageId: String?
        public var version: Int?
        public var text: String
    }

    public struct TextEdit: Sendable, Hashable, Codable {
        public var range: Range
        public var newText: String
    }

    public struct WorkspaceEdit: Sendable, Hashable, Codable {
        public var changes: [String: [TextEdit]]
    }

    // MARK: Lifecycle

    public struct InitializeParams: Sendable, Codable {
        public struct ClientCapabilities: Sendable, Codable {
            public struct General: Sendable, Codable {
                public var positionEncodings: [String]?
            }
            public struct Workspace: Sendable, Codable {
                public struct DidChangeWatchedFiles: Sendable, Codable {
                    public var dynamicRegistration: Bool?
                }
                public var didChangeWatchedFiles: DidChangeWatchedFiles?
            }
            public var general: General?
            public var workspace: Workspace?
        }
        public struct WorkspaceFolder: Sendable, Codable {
            public var uri: String
            public var name: String?
        }
        public var processId: Int?
        public var rootUri: String?
        public var rootPath: String?
        public var workspaceFolders: [WorkspaceFolder]?
        public var capabilities: ClientCapabilities?
    }

    public struct InitializeResult: Sendable, Codable {
        public struct ServerCapabilities: Sendable, Codable {
            public struct TextDocumentSyncOptions: Sendable, Codable {
                public struct SaveOptions: Sendable, Codable {
                    public var includeText: Bool
                }
                public var openClose: Bool
                /// 1: full text on every change.
                public var change: Int
                public var save: SaveOptions
            }
            public struct CodeActionOptions: Sendable, Codable {
                public var codeActionKinds: [String]
            }
            public var positionEncoding: String
            public var textDocumentSync: TextDocumentSyncOptions
            public var codeActionProvider: CodeActionOptions
            public var hoverProvider: Bool
        }
        public struct ServerInfo: Sendable, Codable {
            public var name: String
            public var version: String
        }
        public var capabilities: ServerCapabilities
        public var serverInfo: ServerInfo
    }

    // MARK: Document synchronisation

    public struct DidOpenTextDocumentParams: Sendable, Codable {
        public var textDocument: TextDocumentItem
    }

    public struct DidChangeTextDocumentParams: Sendable, Codable {
        public struct ContentChange: Sendable, Codable {
            /// Present when the client sends an incremental change despite full sync being asked for.
            public var range: Range?
            public var text: String
        }
        public var textDocument: VersionedTextDocumentIdentifier
        public var contentChanges: [ContentChange]
    }

    public struct DidSaveTextDocumentParams: Sendable, Codable {
        public var textDocument: TextDocumentIdentifier
        public var text: String?
    }

    public struct DidCloseTextDocumentParams: Sendable, Codable {
        public var textDocument: TextDocumentIdentifier
    }

    public struct DidChangeWatchedFilesParams: Sendable, Codable {
        public struct FileEvent: Sendable, Codable {
            public var uri: String
            /// 1 created, 2 changed, 3 deleted.
            public var type: Int
        }
        public var changes: [FileEvent]
    }

    // MARK: Diagnostics

    public struct Diagnostic: Sendable, Hashable, Codable {
        public struct CodeDescription: Sendable, Hashable, Codable {
            public var href: String
        }
        public var range: Range
        /// 1 error, 2 warning, 3 information, 4 hint.
        public var severity: Int
        public var code: String?
        public var codeDescription: CodeDescription?
        public var source: String
        public var message: String

        public init(range: Range, severity: Int, code: String?, codeDescription: CodeDescription?, source: String,
                    message: String) {
            self.range = range
            self.severity = severity
            self.code = code
            self.codeDescription = codeDescription
            self.source = source
            self.message = message
        }
    }

    public struct PublishDiagnosticsParams: Sendable, Codable {
        public var uri: String
        public var version: Int?
        public var diagnostics: [Diagnostic]
    }

    // MARK: Code actions and hover

    public struct CodeActionParams: Sendable, Codable {
        public struct Context: Sendable, Codable {
            public var only: [String]?
        }
        public var textDocument: TextDocumentIdentifier
        public var range: Range
        public var context: Context?
    }

    public struct CodeAction: Sendable, Hashable, Codable {
        public var title: String
        public var kind: String
        public var diagnostics: [Diagnostic]
        public var isPreferred: Bool
        public var edit: WorkspaceEdit
    }

    public struct TextDocumentPositionParams: Sendable, Codable {
        public var textDocument: TextDocumentIdentifier
        public var position: Position
    }

    public struct Hover: Sendable, Codable {
        public struct MarkupContent: Sendable, Codable {
            public var kind: String
            public var value: String
        }
        public var contents: MarkupContent
        public var range: Range
    }

    // MARK: Window and registration

    public struct ShowMessageParams: Sendable, Codable {
        /// 1 error, 2 warning, 3 info, 4 log.
        public var type: Int
        public var message: String
    }

    public struct RegistrationParams: Sendable, Codable {
        public struct Registration: Sendable, Codable {
            public var id: String
            public var method: String
            public var registerOptions: DidChangeWatchedFilesRegistrationOptions
        }
        public struct DidChangeWatchedFilesRegistrationOptions: Sendable, Codable {
            public struct FileSystemWatcher: Sendable, Codable {
                public var globPattern: String
            }
            public var watchers: [FileSystemWatcher]
        }
        public var registrations: [Registration]
    }
}
