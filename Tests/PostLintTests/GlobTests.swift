import Testing
@testable import PostLint

@Suite struct GlobTests {
    @Test(arguments: [
        ("archive/**", "archive/2023/post.html", true),
        ("archive/**", "archive", true),
        ("archive/**", "news/archive/post.html", false),
        ("archive/**", "archived/post.html", false),
        ("*.md", "notes.md", true),
        ("*.md", "news/2024/notes.md", true),
        ("*.md", "notes.markdown", false),
        ("*.md", "md", false),
        ("social/**", "social/facebook/post.txt", true),
        ("social/**", "social-media/post.txt", false),
        ("social/**", "blog/social/post.txt", false),
        ("**/draft-*.html", "draft-1.html", true),
        ("**/draft-*.html", "news/2024/draft-sports.html", true),
        ("**/draft-*.html", "news/final-draft-1.html", false),
        ("**/draft-*.html", "news/draft-1.htm", false),
        ("drafts", "drafts/a.md", true),
        ("drafts", "news/drafts/a.md", true),
        ("drafts", "news/drafts.md", false),
        ("news/*.html", "news/a.html", true),
        ("news/*.html", "news/2024/a.html", false),
        ("news/*.html", "old/news/a.html", false),
        ("post-?.md", "post-1.md", true),
        ("post-?.md", "post-10.md", false),
        ("post-[0-9].md", "post-7.md", true),
        ("post-[0-9].md", "post-x.md", false),
        ("post-[!0-9].md", "post-x.md", true),
        ("./archive/", "archive/a.md", true),
        ("/archive", "archive/a.md", true),
    ])
    func matches(pattern: String, path: String, expected: Bool) {
        #expect(Glob(pattern).matches(path) == expected, "\(pattern) on \(path)")
    }

    @Test func emptyPatternMatchesNothing() {
        #expect(!Glob("").matches("a.md"))
        #expect(!Glob("/").matches("a.md"))
    }

    @Test func starDoesNotCrossFolders() {
        #expect(!Glob("news*html").matches("news/a.html"))
        #expect(Glob("news*html").matches("news-a.html"))
    }
}
