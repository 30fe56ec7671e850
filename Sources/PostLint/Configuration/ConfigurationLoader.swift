import Foundation
import Yams

/// Reads `.postlint.yml`. It walks Yams' node tree rather than decoding with Codable, because nodes keep
/// their line and column: every mistake is reported where it is, and all mistakes are reported at once.
public struct ConfigurationLoader: Sendable {
    /// The names discovery looks for in each folder, in order of preference.
    public static let fileNames = [".postlint.yml", ".postlint.yaml"]
    /// How many values a document may hold once its aliases are expanded. A real configuration has a
    /// few hundred; a "billion laughs" document (aliases of aliases) has billions and would exhaust
    /// memory or time in whatever walks it.
    public static let maximumNodeCount = 100_000
    /// Configuration files larger than this are refused before parsing (a real one is a few KiB).
    public static let maximumFileSize = 4 << 20

    /// Rule ids that `rules` and `overrides` may name; anything else is an error with a suggestion.
    public var knownRuleIDs: Set<String>

    public init(knownRuleIDs: Set<String>) {
        self.knownRuleIDs = knownRuleIDs
    }

    /// Loads the configuration file at `path` (relative paths are against the working directory).
    /// Errors name `path` as given, so they read naturally in the terminal it was typed in.
    public func load(path: String) throws(ConfigurationErrors) -> Configuration {
        try loadPartially(path: path).complete()
    }

    /// Loads configuration text as if read from `path`: roster paths and globs are relative to its folder.
    public func load(text: String, path: String) throws(ConfigurationErrors) -> Configuration {
        try loadPartially(text: text, path: path).complete()
    }

    /// Loads what can be loaded from the file at `path`, never throwing: a key with a mistake is left
    /// out (and its errors are in `damage`), the other keys are used. When the file cannot be read or
    /// parsed at all, the result is the defaults with `damage.isTotal` set.
    public func loadPartially(path: String) -> Configuration {
        let absolutePath = LexicalPath.absolute(path, base: LexicalPath.currentDirectory)
        let data: Data
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: absolutePath))
            defer { try? handle.close() }
            data = try handle.read(upToCount: Self.maximumFileSize + 1) ?? Data()
        } catch {
            return unusable(absolutePath, fileError(path: path, absolutePath: absolutePath))
        }
        guard data.count <= Self.maximumFileSize else {
            return unusable(absolutePath, ConfigurationError(path: path, line: 1, column: 1,
                message: "the configuration file is larger than \(Self.maximumFileSize >> 20) MiB; refusing to read it"))
        }
        if let (line, column) = Self.firstInvalidUTF8Position(in: data) {
            return unusable(absolutePath, ConfigurationError(path: path, line: line, column: column,
                message: "the configuration file is not UTF-8 text"))
        }
        let text = String(decoding: data, as: UTF8.self)
        return loadPartially(text: text, path: path, absolutePath: absolutePath)
    }

    /// `loadPartially(path:)` for text held in memory, as if read from `path`.
    public func loadPartially(text: String, path: String) -> Configuration {
        loadPartially(text: text, path: path, absolutePath: LexicalPath.absolute(path, base: LexicalPath.currentDirectory))
    }

    private func loadPartially(text: String, path: String, absolutePath: String) -> Configuration {
        var configuration = Configuration()
        configuration.path = absolutePath
        configuration.baseDirectory = LexicalPath.parent(absolutePath) ?? "/"

        if let (line, column) = AliasExpansionGuard.positionExceedingLimit(in: text, limit: Self.maximumNodeCount) {
            return unusable(absolutePath, ConfigurationError(path: path, line: line, column: column,
                message: "the document expands to more than \(Self.maximumNodeCount) values through YAML aliases "
                    + "(`*name`); refusing to read it (a configuration never needs that many)"))
        }
        let root: Node?
        do {
            root = try YAMLComposer.compose(text)
        } catch let error as YamlError {
            return unusable(absolutePath, YAMLErrorTranslation.error(error, path: path, text: text))
        } catch {
            return unusable(absolutePath, ConfigurationError(path: path, line: 1, column: 1, message: "\(error)"))
        }
        guard let root else { return configuration }  // empty, or only comments

        var reader = ConfigurationNodeReader(path: path, baseDirectory: configuration.baseDirectory ?? "/",
                                             knownRuleIDs: knownRuleIDs)
        let usable = reader.read(root, into: &configuration)
        guard !reader.errors.isEmpty else { return configuration }
        // In file order, however deep each was found, so a person fixes them top to bottom.
        let errors = reader.errors.enumerated()
            .sorted { ($0.element.line, $0.element.column, $0.offset) < ($1.element.line, $1.element.column, $1.offset) }
            .map(\.element)
        guard usable else { return unusable(absolutePath, errors) }
        configuration.damage = ConfigurationDamage(errors: errors, isTotal: false, damagedKeys: reader.damagedKeys)
        configuration.damage?.unloadedRules = reader.unloadedRules
        return configuration
    }

    /// The defaults, for a file none of which could be used, with why.
    private func unusable(_ absolutePath: String, _ errors: ConfigurationError...) -> Configuration {
        unusable(absolutePath, errors)
    }

    private func unusable(_ absolutePath: String, _ errors: [ConfigurationError]) -> Configuration {
        var configuration = Configuration()
        configuration.path = absolutePath
        configuration.baseDirectory = LexicalPath.parent(absolutePath) ?? "/"
        configuration.damage = ConfigurationDamage(errors: errors, isTotal: true)
        return configuration
    }


    /// Why the file could not be opened, in the words `ls` would use.
    private func fileError(path: String, absolutePath: String) -> ConfigurationError {
        var isFolder: ObjCBool = false
        let message: String
        if !FileManager.default.fileExists(atPath: absolutePath, isDirectory: &isFolder) {
            message = "no such configuration file"
        } else if isFolder.boolValue {
            message = "the configuration path is a folder, not a file"
        } else {
            message = "the configuration file cannot be read"
        }
        return ConfigurationError(path: path, line: 1, column: 1, message: message)
    }

    /// Line and column (in Unicode scalars) of the first byte that is not valid UTF-8, or nil when all
    /// of `data` is valid. One pass with the standard decoder, which also runs on older macOS.
    static func firstInvalidUTF8Position(in data: Data) -> (line: Int, column: Int)? {
        var iterator = data.makeIterator()
        var decoder = UTF8()
        var line = 1, column = 1
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput:
                return nil
            case .error:
                return (line, column)
            }
        }
    }
}
