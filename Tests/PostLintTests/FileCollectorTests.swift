import Foundation
@testable import PostLint
import PostLintTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

private let loader = ConfigurationLoader(knownRuleIDs: ["missing-logo"])

/// Collects `arguments` as if typed in `folder`.
private func collect(_ arguments: [String], in folder: TemporaryFolder, config: String? = nil) -> FileCollector.Collected {
    let resolver = ConfigurationResolver(loader: loader, explicitPath: config, workingDirectory: folder.path)
    return FileCollector(resolver: resolver).collect(arguments)
}

@Suite struct FileCollectorTests {
    @Test func walksFoldersInSortedOrderAndKeepsArgumentOrder() throws {
        let folder = try TemporaryFolder()
        for file in ["site/c.md", "site/a.html", "site/b/z.txt", "site/b/a.markdown", "site/photo.png",
                     "site/notes.TXT", "letters/x.htm", "letters/README"] {
            try folder.write(file)
        }
        let collected = collect(["letters", "site"], in: folder)
        #expect(collected.files == ["letters/x.htm", "site/a.html", "site/b/a.markdown", "site/b/z.txt", "site/c.md", "site/notes.TXT"])
        #expect(collected.problems.isEmpty)
    }

    @Test func pathsKeepTheUsersForm() throws {
        let folder = try TemporaryFolder()
        try folder.write("docs/a.md")
        try folder.write("b.md")
        #expect(collect(["./docs/"], in: folder).files == ["docs/a.md"])
        #expect(collect(["."], in: folder).files == ["b.md", "docs/a.md"])
        #expect(collect(["./"], in: folder).files == ["b.md", "docs/a.md"])
        #expect(collect([folder.absolute("docs")], in: folder).files == [folder.absolute("docs/a.md")])
        #expect(collect(["./././b.md"], in: folder).files == ["b.md"])
    }

    @Test func explicitFilesAreCheckedWhateverTheirCaseOrPlace() throws {
        let folder = try TemporaryFolder()
        try folder.write(".postlint.yml", "ignore: [\"archive/**\"]\n")
        try folder.write("archive/old.md")
        try folder.write(".drafts/secret.html")
        #expect(collect(["archive/old.md", ".drafts/secret.html"], in: folder).files == ["archive/old.md", ".drafts/secret.html"])
    }

    @Test func explicitFileOfUnknownTypeIsAProblem() throws {
        let folder = try TemporaryFolder()
        try folder.write("photo.png")
        try folder.write("post.md")
        let collected = collect(["photo.png", "post.md"], in: folder)
        #expect(collected.files == ["post.md"])
        #expect(collected.problems == [Problem(severity: .error, path: "photo.png", message: FileCollector.unsupportedMessage)])
    }

    @Test func missingPathIsAProblemAndTheRestIsStillCollected() throws {
        let folder = try TemporaryFolder()
        try folder.write("post.md")
        let collected = collect(["./nowhere.md", "post.md", "gone/"], in: folder)
        #expect(collected.files == ["post.md"])
        #expect(collected.problems == [
            Problem(severity: .error, path: "nowhere.md", message: "no such file or directory"),
            Problem(severity: .error, path: "gone", message: "no such file or directory"),
        ])
    }

    @Test func hiddenFilesAndFoldersAreSkippedWhenWalking() throws {
        let folder = try TemporaryFolder()
        for file in [".git/notes.md", ".hidden.md", "news/.draft.md", "news/post.md"] { try folder.write(file) }
        #expect(collect(["."], in: folder).files == ["news/post.md"])
    }

    @Test func ignoreGlobsOfTheNearestConfigurationAreApplied() throws {
        let folder = try TemporaryFolder()
        try folder.write(".postlint.yml", "ignore: [\"archive/**\", \"*.txt\", \"**/draft-*.html\", drafts]\n")
        for file in ["archive/2019/post.md", "news/archive/post.md", "news/notes.txt", "news/draft-1.html",
                     "news/final.html", "news/drafts/a.md", "social/.postlint.yml", "social/notes.txt",
                     "social/archive/post.md"] {
            if !file.hasSuffix(".yml") { try folder.write(file) }
        }
        try folder.write("social/.postlint.yml", "ignore: [\"archive/**\"]\n")
        #expect(collect(["."], in: folder).files
                == ["news/archive/post.md", "news/final.html", "social/notes.txt"])
    }

    @Test func ignoreGlobsFollowAnExplicitConfiguration() throws {
        let folder = try TemporaryFolder()
        try folder.write("site/.postlint.yml", "ignore: []\n")
        try folder.write("strict.yml", "ignore: [\"site/old/**\"]\n")
        try folder.write("site/old/a.md")
        try folder.write("site/new/b.md")
        #expect(collect(["site"], in: folder, config: "strict.yml").files == ["site/new/b.md"])
        #expect(collect(["site"], in: folder).files == ["site/new/b.md", "site/old/a.md"])
    }

    @Test func symlinkedFoldersAreNotFollowedSoLoopsEnd() throws {
        let folder = try TemporaryFolder()
        try folder.write("site/a.md")
        try folder.write("site/sub/b.md")
        try folder.link("site/sub/loop", to: "..")
        try folder.link("site/self", to: ".")
        try folder.link("site/outside", to: folder.path)
        #expect(collect(["site"], in: folder).files == ["site/a.md", "site/sub/b.md"])
    }

    @Test func symlinkedFilesInsideTheFolderAreCheckedOthersRefusedAndDanglingLinksSkipped() throws {
        let folder = try TemporaryFolder()
        try folder.write("shared/notice.md")
        try folder.write("site/a.md")
        try folder.write("site/shared/rota.md")
        try folder.link("site/rota.md", to: "shared/rota.md")
        try folder.link("site/notice.md", to: "../shared/notice.md")
        try folder.link("site/broken.md", to: "../nowhere.md")
        let collected = collect(["site"], in: folder)
        #expect(collected.files == ["site/a.md", "site/rota.md", "site/shared/rota.md"])
        #expect(collected.problems.map(\.path) == ["site/notice.md"])
        #expect(collected.problems.first?.message.contains("outside the folder being checked") == true)
    }

    @Test func folderNamedTwiceOrThroughALinkIsWalkedOnce() throws {
        let folder = try TemporaryFolder()
        try folder.write("site/a.md")
        try folder.write("site/b/c.md")
        try folder.link("alias", to: "site")
        let collected = collect(["site", "./site/a.md", "site/b", "alias", "site/"], in: folder)
        #expect(collected.files == ["site/a.md", "site/b/c.md"])
        #expect(collected.problems.isEmpty)
    }

    @Test func fifosAreSkippedWhenWalkingAndAProblemWhenNamed() throws {
        let folder = try TemporaryFolder()
        try folder.write("site/a.md")
        #expect(mkfifo(folder.absolute("site/pipe.md"), 0o600) == 0)
        let walked = collect(["site"], in: folder)
        #expect(walked.files == ["site/a.md"])
        #expect(walked.problems.isEmpty)
        let named = collect(["site/pipe.md"], in: folder)
        #expect(named.files.isEmpty)
        #expect(named.problems == [Problem(severity: .error, path: "site/pipe.md", message: "not a regular file or folder")])
    }

    @Test func streamsFilesAsTheyAreFound() throws {
        let folder = try TemporaryFolder()
        try folder.write("a/1.md")
        try folder.write("b/2.md")
        let resolver = ConfigurationResolver(loader: loader, workingDirectory: folder.path)
        var streamed: [String] = []
        let problems = FileCollector(resolver: resolver).collect(["b", "a", "c"]) { streamed.append($0) }
        #expect(streamed == ["b/2.md", "a/1.md"])
        #expect(problems.map(\.path) == ["c"])
    }

    @Test func largeFlatFolderIsCollectedQuickly() throws {
        let folder = try TemporaryFolder()
        let site = try folder.makeFolder("site")
        for index in 0..<5_000 {
            _ = FileManager.default.createFile(atPath: "\(site)/post-\(index).md", contents: nil)
        }
        let files = collect(["site"], in: folder).files
        #expect(files.count == 5_000)
        #expect(files == files.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    }
}
