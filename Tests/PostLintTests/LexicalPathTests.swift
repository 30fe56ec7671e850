import PostLint
import Testing

/// `LexicalPath.absolute` returns a path that is already normalised as it is (the common case of a
/// folder walk) and rewrites every other; both must give the same answers.
@Suite struct LexicalPathTests {
    @Test(arguments: [
        ("/", "/"), ("/a", "/a"), ("/a/b.html", "/a/b.html"), ("/a/.b", "/a/.b"), ("/a/...", "/a/..."),
        ("/a/b..c", "/a/b..c"), ("/a/", "/a"), ("//a", "/a"), ("/a//b", "/a/b"), ("/a/./b", "/a/b"),
        ("/a/../b", "/b"), ("/..", "/"), ("/a/b/..", "/a"), ("/a/.", "/a"), ("/.", "/"), ("///", "/"),
        ("/école/ñ.md", "/école/ñ.md"), ("/a/b/../../..", "/"),
    ])
    func absolutePathsAreNormalised(_ path: String, _ expected: String) {
        #expect(LexicalPath.absolute(path, base: "/unused") == expected)
    }

    @Test(arguments: [("b.html", "/a/b.html"), ("./b", "/a/b"), ("../b", "/b"), ("", "/a"), (".", "/a")])
    func relativePathsAreJoinedToTheBase(_ path: String, _ expected: String) {
        #expect(LexicalPath.absolute(path, base: "/a") == expected)
    }
}
