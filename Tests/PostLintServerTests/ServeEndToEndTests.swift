import Foundation
import PostLint
import PostLintReporters
import PostLintTestSupport
import Testing

/// The real `postlint serve` binary on a free port, talked to with URLSession as a browser or a
/// script would: configuration and roster found as `postlint check` finds them, the page embedded in
/// the binary, limits and CORS from the command line, and a log that holds nothing of the drafts.
@Suite(.serialized, .timeLimit(.minutes(3))) struct ServeEndToEndTests {
    @Test func checksDraftsWithTheFoldersConfigurationAndRoster() async throws {
        let fixture = try ServerFixture()
        let server = try ServeProcess(in: fixture.folder)
        let marker = ServerFixture.contentMarker
        let html = "<p>\(marker)</p>\n<p>Well done \(ServerFixture.namedPupil)! Ring 07700 900123.</p>\n"
        let reply = try await server.postJSON(["content": html, "format": "html", "filename": "news.html"],
                                              headers: ["Accept": "application/json"])
        #expect(reply.status == 200)
        let report = try JSONDecoder().decode(JSONReport.self, from: reply.body)
        let file = try #require(report.files.first)
        let pupil = try #require(file.diagnostics.first { $0.ruleId == "pupil-name" }, "the folder's roster is used")
        #expect((pupil.line, pupil.column, pupil.snippet) == (2, 14, ServerFixture.namedPupil))
        #expect(pupil.fix?.edits.first?.length == " Whitfield".utf8.count, "the fix keeps the forename")
        #expect(file.diagnostics.first { $0.ruleId == "contact-phone" }?.snippet == "07700 900123")

        let markdown = try await server.postJSON(["content": "# Hi\n\nI think \(marker) is great.\n", "filename": "a.md"])
        let opinion = try JSONDecoder().decode(JSONReport.self, from: markdown.body).files.first?.diagnostics
            .first { $0.ruleId == "personal-opinion" }
        #expect(opinion?.line == 3)

        let stopped = server.stop()
        #expect(stopped.status == 0, "SIGTERM stops the server cleanly")
        #expect(stopped.log.contains("POST /api/v1/check 200"))
        for secret in [marker, "Whitfield", "07700", "Xanthippe", "Zebedee"] {
            #expect(!stopped.log.contains(secret), "the log holds \(secret)")
        }
        for name in ServerFixture.unseenNames {
            #expect(!reply.text.contains(name) && !markdown.text.contains(name), "a response holds the roster name \(name)")
        }
    }

    @Test func servesTheEmbeddedPageFromAnyFolder() async throws {
        let fixture = try ServerFixture()
        let server = try ServeProcess(in: fixture.folder)
        let page = try await server.request("/")
        #expect(page.status == 200)
        #expect(page.text == (try String(contentsOfFile: PostLintProcess.packageRoot + "/Sources/PostLintServer/Page/index.html",
                                         encoding: .utf8)))
        #expect(page.header("Content-Security-Policy")?.contains("default-src 'self'") == true)
        #expect(page.header("X-Content-Type-Options") == "nosniff")
        #expect(page.header("Referrer-Policy") == "no-referrer")
        #expect(page.header("Access-Control-Allow-Origin") == nil)
        let health = try await server.request("/healthz")
        #expect(health.text == "{\"status\":\"ok\"}\n")
        let openAPI = try await server.request("/api/v1/openapi.yaml")
        #expect(openAPI.text.hasPrefix("openapi: 3.1.0"))
        let rules = try await server.request("/api/v1/rules")
        #expect(try JSONDecoder().decode([CheckDescriptor].self, from: rules.body).count == CheckRegistry.builtIn.count)
    }

    @Test func uploadsAWordDocumentAndAnswersSARIF() async throws {
        let fixture = try ServerFixture()
        let server = try ServeProcess(in: fixture.folder)
        let docx = try DocxFixture.docx(DocxFixture.p("Our trip") + DocxFixture.p("Email jo.bloggs@gmail.com for photos."))
        let upload = HTTPTestSupport.multipart([("file", "trip.docx", docx)])
        let headers = ["Content-Type": upload.headers[.contentType]!, "Accept": "application/sarif+json"]
        let reply = try await server.request("/api/v1/check", method: "POST", headers: headers,
                                             body: Data(upload.body.readableBytesView))
        #expect(reply.status == 200)
        #expect(reply.header("Content-Type") == "application/sarif+json; charset=utf-8")
        let log = try #require(try JSONSerialization.jsonObject(with: reply.body) as? [String: Any])
        let results = try #require((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
        #expect(results.contains { $0["ruleId"] as? String == "contact-email" })
    }

    @Test func limitsAndOriginsComeFromTheCommandLine() async throws {
        let fixture = try ServerFixture()
        let site = "https://intranet.school.example"
        let server = try ServeProcess(["--max-body-size", "1000", "--allow-origin", site, "--request-timeout", "1"],
                                      in: fixture.folder)
        let big = try await server.postJSON(["content": String(repeating: "a", count: 5000)])
        #expect(big.status == 413)
        #expect(big.text.contains("\"status\":413"))
        let allowed = try await server.postJSON(["content": "hello"], headers: ["Origin": site])
        #expect(allowed.header("Access-Control-Allow-Origin") == site)
        let other = try await server.postJSON(["content": "hello"], headers: ["Origin": "https://elsewhere.example"])
        #expect(other.header("Access-Control-Allow-Origin") == nil)
        // A client that announces 100 bytes and sends 10 is answered 408 once the time limit passes.
        let slow = try server.sendIncompleteRequest(
            head: "POST /api/v1/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n",
            partialBody: "{\"content\"")
        #expect(slow.hasPrefix("HTTP/1.1 408"), "\(slow)")
        #expect(try await server.request("/healthz").status == 200, "the server still answers")
    }

    @Test(arguments: [["--port", "70000"], ["--max-body-size", "0"], ["--request-timeout", "1e300"], ["--request-timeout", "nan"]])
    func refusesOptionsOutOfRange(_ options: [String]) throws {
        let result = try PostLintProcess.run(["serve"] + options, timeout: .seconds(60))
        #expect(result.status == 2)
        #expect(result.standardError.contains(options[0]))
    }

    @Test func refusesToStartWithABrokenConfigurationOrNoRoster() throws {
        let fixture = try ServerFixture()
        try ServerFixture.write("roster: [missing.csv]\n", to: fixture.folder + "/.postlint.yml")
        let noRoster = try PostLintProcess.run(["serve", "--port", "0"], in: fixture.folder, timeout: .seconds(60))
        #expect(noRoster.status == 2)
        #expect(noRoster.standardError.contains("missing.csv"))
        try ServerFixture.write("rules:\n  no-such-rule: error\n", to: fixture.folder + "/.postlint.yml")
        let broken = try PostLintProcess.run(["serve", "--port", "0"], in: fixture.folder, timeout: .seconds(60))
        #expect(broken.status == 2)
        #expect(broken.standardError.contains("no-such-rule"))
    }

    /// Sixteen drafts at once, each answered with its own report (made from threads: see `ThreadBatch`).
    @Test func concurrentRequestsAllGetTheirOwnReport() throws {
        let fixture = try ServerFixture()
        let server = try ServeProcess(in: fixture.folder)
        let replies = ThreadBatch(16) { index in
            Result {
                try server.postJSONBlocking(["content": "Line\n\(String(repeating: "x ", count: index))Ring 07700 900123\n",
                                             "filename": "post-\(index).txt"])
            }
        }.wait()
        for (index, reply) in replies.enumerated() {
            let body = try reply.get()
            #expect(body.status == 200)
            let file = try #require(try JSONDecoder().decode(JSONReport.self, from: body.body).files.first)
            #expect(file.path == "post-\(index).txt")
            #expect(file.diagnostics.first { $0.ruleId == "contact-phone" }?.column == 2 * index + 6)
        }
    }

    /// Random damage to a good upload (bytes changed, cut, repeated) is always answered, with 200 or a
    /// 4xx, and the server lives on. The real server, asked from this thread: 300 requests through the
    /// test process's cooperative threads took minutes beside the other suites.
    @Test func damagedUploadsAreAnsweredNeverFatal() throws {
        let fixture = try ServerFixture()
        let server = try ServeProcess(in: fixture.folder)
        let docx = try DocxFixture.docx(DocxFixture.p("Ring 07700 900123"))
        let upload = HTTPTestSupport.multipart([("file", "caf\u{E9}.docx", docx), ("format", nil, Array("docx".utf8))])
        let original = Array(upload.body.readableBytesView)
        let contentType = try #require(upload.headers[.contentType])
        var random = SystemRandomNumberGenerator()
        for round in 0..<300 {
            var bytes = original
            for _ in 0...(round % 4) where !bytes.isEmpty {
                let index = Int.random(in: 0..<bytes.count, using: &random)
                switch round % 3 {
                case 0: bytes[index] = UInt8.random(in: 0...255, using: &random)
                case 1: bytes.removeSubrange(index...)
                default: bytes.insert(contentsOf: bytes[index..<min(bytes.count, index + 40)], at: index)
                }
            }
            let reply = try server.requestBlocking("/api/v1/check", method: "POST", headers: ["Content-Type": contentType],
                                                   body: Data(bytes))
            #expect(reply.status == 200 || (400..<500).contains(reply.status), "round \(round): \(reply.status)")
        }
        #expect(server.process.isRunning)
    }
}
