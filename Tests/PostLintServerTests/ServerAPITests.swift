import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PostLint
import PostLintServer
import PostLintTestSupport
import Testing

/// `postlint serve`'s API through HummingbirdTesting: what each endpoint answers for good requests.
/// (The limit is against hangs: beside the other suites, the in-process server can wait minutes for the test
/// process's cooperative threads.)
@Suite(.timeLimit(.minutes(10))) struct ServerAPITests {
    typealias Support = HTTPTestSupport

    @Test func checksHTMLSentAsJSON() async throws {
        let fixture = try ServerFixture()
        let html = "<p>Call me on 07700 900123.</p>\n<p>Well done \(ServerFixture.namedPupil)!</p>\n"
        try await fixture.test { client in
            try await client.execute(uri: "/api/v1/check", method: .post, headers: Support.jsonType,
                                     body: Support.json(html, format: "html", filename: "news/sports.html")) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                let report = try Support.report(response)
                #expect(report.version == 1)
                let file = try #require(report.files.first)
                #expect(file.path == "sports.html", "only the file's own name is used as its path")
                #expect(file.format == "html")
                let phone = try #require(file.diagnostics.first { $0.ruleId == "contact-phone" })
                #expect((phone.line, phone.column, phone.snippet) == (1, 15, "07700 900123"))
                let pupil = try #require(file.diagnostics.first { $0.ruleId == "pupil-name" })
                #expect((pupil.line, pupil.column, pupil.snippet) == (2, 14, ServerFixture.namedPupil))
                let edit = try #require(pupil.fix?.edits.first)
                #expect((edit.offset, edit.length, edit.replacement) == (pupil.offset + 6, 10, ""),
                        "the fix keeps the forename: it removes \" Whitfield\"")
                #expect(file.diagnostics.contains { $0.ruleId == "missing-logo" })
            }
        }
    }

    @Test func checksMarkdownNamedByItsFilename() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            try await client.execute(uri: "/api/v1/check", method: .post, headers: Support.jsonType,
                                     body: Support.json("# News\n\nEmail jo.bloggs@gmail.com today\n", filename: "post.md")) { response in
                let file = try #require(try Support.report(response).files.first)
                #expect(file.format == "markdown")
                let email = try #require(file.diagnostics.first { $0.ruleId == "contact-email" })
                #expect((email.line, email.column, email.endColumn, email.snippet) == (3, 7, 26, "jo.bloggs@gmail.com"))
            }
        }
    }

    @Test func checksPlainTextByDefault() async throws {
        let fixture = try ServerFixture()
        try await fixture.test { client in
            try await client.execute(uri: "/api/v1/check", method: .post, headers: Support.jsonType,
                                     body: Support.json("A great day.\nI think it was the best trip ever.\n")) { response in
                let file = try #require(try Support.report(response).files.first)
                #expect(file.path == "draft.txt")
                #expect(file.format == "text")
                let opinion = try #require(file.diagnostics.first { $0.ruleId == "personal-opinion" })
                #expect((opinion.line, opinion.column, opinion.snippet) == (2, 1, "I think"))
            }
        }
    }

    @Test func theReportIsTheCLIsJSONForTheSameDraft() async throws {
        let fixture = try ServerFixture()
        let text = "Phone 07700 900123 or write to \(ServerFixture.namedPupil).\n"
        try ServerFixture.write(text, to: fixture.folder + "/post.txt")
        let cli = try PostLintProcess.run(["check", "--format", "json", "--quiet", "post.txt"], in: fixture.folder)
        try await fixture.test { client in
            try await client.execute(uri: "/api/v1/check", method: .post, headers: Support.jsonType,
                                     body: Support.json(text, filename: "post.txt")) { response in
                #expect(Support.text(response) == cli.standardOutput)
            }
        }
    }

    @Test func uploadsAWordDocument() async throws {
        let fixture = try ServerFixture()
        let docx = try DocxFixture.docx(DocxFixture.p("Sports day") + DocxFixture.p("Well done \(ServerFixture.namedPupil) on the relay."))
        let upload = Support.multipart([("file", "sports-day.docx", docx)])
        try await fixture.test { client in
            try await client.execute(uri: "/api/v1/check", method: .post, headers: upload.headers, body: upload.body) { response in
                #expect(response.status == .ok)
                let file = try #require(try Support.report(response).files.first)
                #expect(file.path == "sports-day.docx")
                let pupil = try #require(file.diagnostics.first { $0.ruleId == "pupil-name" })
                #expect(pupil.logicalLocation == "paragraph 2")
                #expect((pupil.line, pupil.column, pupil.snippet) == (2, 11, ServerFixture.namedPupil))
            }
        }
    }

    @Test func uploadsTextAsAFieldOrAFile() async throws {
        let fixture = try ServerFixture()
        let field = Support.multipart([("content", nil, Array("<p>Ring 07700 900123</p>".utf8)), ("format", nil, Array("html".utf8))])
        let file = Support.multipart([("file", "notes.md", Array("# Notes\n\nRing 07700 900123\n".utf8))])
        try await fixture.test { client in
            for (upload, format, line) in [(field, "html", 1), (file, "markdown", 3)] {
                try await client.execute(uri: "/api/v1/check", method: .post, headers: upload.headers, body: upload.body) { response in
                    let report = try #require(try Support.report(response).files.first)
                    #expect(report.format == format)
                    #expect(report.diagnostics.first { $0.ruleId == "contact-phone" }?.line == line)
                }
            }
        }
    }

    @Test func answersSARIFWhenAskedFor() async throws {
        let fixture = try ServerFixture()
        var fields = Support.jsonType
        fields[.accept] = "application/sarif+json"
        let headers = fields
        try await fixture.test { client in
            try await client.execute(uri: "/api/v1/check", method: .post, headers: headers,
                                     body: Support.json("Ring 07700 900123", filename: "post.txt")) { response in
                #expect(response.headers[.contentType] == "application/sarif+json; charset=utf-8")
                let log = try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
                #expect(log["version"] as? String == "2.1.0")
                let run = try #require((log["runs"] as? [[String: Any]])?.first)
                let results = try #require(run["results"] as? [[String: Any]])
                #expect(results.contains { $0["ruleId"] as? String == "contact-phone" })
            }
        }
    }

    @Test func listsTheRulesAsTheCLIDoes() async throws {
        let fixture = try ServerFixture()
        let cli = try PostLintProcess.run(["rules", "--format", "json"])
        try await fixture.test { client in
            try await client.execute(uri: "/api/v1/rules", method: .get) { response in
                #expect(response.status == .ok)
                #expect(Support.text(response) == cli.standardOutput)
                let rules = try JSONDecoder().decode([CheckDescriptor].self, from: Data(response.body.readableBytesView))
                #expect(Set(rules.map(\.id)) == Set(CheckRegistry.builtIn.map(\.descriptor.id)))
            }
        }
    }

    @Test func servesHealthThePageAndTheOpenAPIDocument() async throws {
        let fixture = try ServerFixture()
        let openAPI = try String(contentsOfFile: PostLintProcess.packageRoot + "/docs/openapi.yaml", encoding: .utf8)
        let pageFolder = PostLintProcess.packageRoot + "/Sources/PostLintServer/Page/"
        let page = try String(contentsOfFile: pageFolder + "index.html", encoding: .utf8)
        try await fixture.test { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(Support.text(response) == "{\"status\":\"ok\"}\n")
            }
            try await client.execute(uri: "/api/v1/openapi.yaml", method: .get) { response in
                #expect(response.headers[.contentType] == "application/yaml; charset=utf-8")
                #expect(Support.text(response) == openAPI)
            }
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(Support.text(response) == page)
                let policy = response.headers[.contentSecurityPolicy] ?? ""
                #expect(policy.hasPrefix("default-src 'self';"))
                #expect(policy.contains("script-src 'self';") && !policy.contains("unsafe-inline"), "\(policy)")
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer")
            }
            // The page's script and style are its own files (no inline code for the policy to allow).
            #expect(!page.contains("<script>") && !page.contains("<style>") && !page.contains(" onclick="))
            for (path, file, type) in [("/page.js", "page.js", "text/javascript; charset=utf-8"),
                                       ("/page.css", "page.css", "text/css; charset=utf-8")] {
                let expected = try String(contentsOfFile: pageFolder + file, encoding: .utf8)
                #expect(page.contains("\"\(file)\""), "index.html does not load \(file)")
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentType] == type)
                    #expect(Support.text(response) == expected)
                }
            }
        }
    }
}
