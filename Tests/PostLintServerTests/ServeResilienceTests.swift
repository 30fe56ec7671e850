import Foundation
import PostLintTestSupport
import Testing

/// The real `postlint serve` under hostile load: checks run in worker processes, so a check that traps
/// costs one 500 and heavy drafts cannot starve `/healthz` or a quick check; a full queue is refused at
/// once, a client that leaves has its check stopped, and silent connections are closed. These tests assert
/// order (a quick answer arrives while heavy checks still run), never a duration: how fast the answers are
/// under load is measured by `scripts/load-test.sh`, not here.
@Suite(.serialized, .timeLimit(.minutes(5))) struct ServeResilienceTests {
    static let trapMarker = "Trap-Here-7d41"

    /// Real work: copies of a post, each with a pupil's full name and a phone number (8,000 copies, 660 KB,
    /// take seconds in a debug build: checking and a report of 24,000 findings).
    static func heavyDraft(copies: Int) -> [String: String] {
        let post = "<p>Well done \(ServerFixture.namedPupil)! Ring 07700 900123 about the trip to the farm.</p>\n"
        return ["content": String(repeating: post, count: copies), "format": "html", "filename": "heavy.html"]
    }

    static let quickDraft = ["content": "<p>Ring 07700 900123.</p>", "format": "html", "filename": "quick.html"]

    @Test func aCheckThatTrapsIsA500AndTheServerGoesOn() async throws {
        let fixture = try ServerFixture()
        let server = try ServeProcess(in: fixture.folder, environment: ["POSTLINT_TEST_TRAP": Self.trapMarker])
        for _ in 0..<2 {
            let trapped = try await server.postJSON(["content": "<p>\(Self.trapMarker)</p>", "format": "html"])
            #expect(trapped.status == 500)
            #expect(trapped.text.contains("\"status\":500"))
            #expect(trapped.header("Content-Security-Policy") != nil)
            let fine = try await server.postJSON(Self.quickDraft)
            #expect(fine.status == 200, "the next draft is checked as usual")
            #expect(fine.text.contains("contact-phone"))
            #expect(try await server.request("/healthz").status == 200)
        }
        let stopped = server.stop()
        #expect(stopped.log.contains("the check stopped unexpectedly"))
        #expect(!stopped.log.contains(Self.trapMarker), "the log holds nothing of the draft")
    }

    /// Made from threads, not tasks (see `ThreadBatch`): the count below must not depend on when the
    /// test process gets round to resuming this test.
    @Test func healthAndAQuickCheckAreAnsweredWhileHeavyDraftsAreChecked() throws {
        let fixture = try ServerFixture()
        let server = try ServeProcess(["--checkers", "2", "--request-timeout", "120", "--max-findings", "1000000"], in: fixture.folder)
        let heavy = Self.heavyDraft(copies: 8000)
        let heavyReplies = ThreadBatch(3) { _ in (try? server.postJSONBlocking(heavy).status) ?? 0 }
        // Poll while every heavy draft is still being checked (the first to finish ends the polling).
        Thread.sleep(forTimeInterval: 0.3)
        var answeredWhileHeavyRan = 0
        while heavyReplies.finished == 0 {
            let health = try server.requestBlocking("/healthz")
            let quick = try server.postJSONBlocking(Self.quickDraft)
            #expect(health.status == 200)
            #expect(quick.status == 200 && quick.text.contains("contact-phone"))
            if heavyReplies.finished == 0 { answeredWhileHeavyRan += 1 }
            Thread.sleep(forTimeInterval: 0.2)
        }
        let results = heavyReplies.wait()
        #expect(results.allSatisfy { $0 == 200 }, "\(results)")
        // Starved answers would arrive only after a heavy draft finished: then this count stays at 0 or 1.
        #expect(answeredWhileHeavyRan >= 3, "only \(answeredWhileHeavyRan) answers while heavy drafts ran")
    }

    @Test func aFullQueueIsRefusedAtOnce() async throws {
        let fixture = try ServerFixture()
        let server = try ServeProcess(["--checkers", "1", "--queue-length", "1", "--request-timeout", "120",
                                       "--max-findings", "1000000"], in: fixture.folder)
        let heavy = Self.heavyDraft(copies: 20000)
        // The first takes many seconds; the second (heavy by size, read at once) then waits behind it.
        let firstFinished = Finished()
        let running = Task {
            let reply = try await server.postJSON(heavy)
            await firstFinished.mark()
            return reply
        }
        try await Task.sleep(for: .seconds(2))
        let queued = Task { try await server.postJSON(Self.heavyDraft(copies: 500)) }
        try await Task.sleep(for: .seconds(1))
        let refused = try await server.postJSON(Self.heavyDraft(copies: 500))
        #expect(refused.status == 503)
        #expect(await !firstFinished.any, "refused while the first draft is still being checked, not after waiting for it")
        #expect(refused.header("Retry-After") == "1")
        #expect(refused.text.contains("busy"))
        let quick = try await server.postJSON(Self.quickDraft)
        #expect(quick.status == 200, "a quick draft still has its own worker")
        running.cancel()
        queued.cancel()
        _ = server.stop()
    }

    @Test func aClientThatLeavesHasItsCheckStopped() async throws {
        let fixture = try ServerFixture()
        let server = try ServeProcess(["--checkers", "1", "--request-timeout", "120", "--max-findings", "1000000"],
                                      in: fixture.folder)
        _ = try await server.request("/healthz")
        try await Task.sleep(for: .milliseconds(500))  // the workers start
        let before = server.workers
        #expect(before.count == 2, "one worker for heavy drafts and one for quick ones: \(before)")
        let body = try JSONSerialization.data(withJSONObject: Self.heavyDraft(copies: 20000))
        // The workers idle first (a loaded machine may still be starting them), so that CPU time they use
        // from here on is the check's.
        var idle = Dictionary(uniqueKeysWithValues: before.map { ($0, ServeProcess.cpuTicks($0) ?? 0) })
        let settled = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < settled {
            try await Task.sleep(for: .milliseconds(300))
            let now = Dictionary(uniqueKeysWithValues: before.map { ($0, ServeProcess.cpuTicks($0) ?? 0) })
            if now == idle { break }
            idle = now
        }
        let client = try LoopbackSocket(port: server.port)
        client.send("POST /api/v1/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: \(body.count)\r\n\r\n")
        client.send(Array(body))
        // Leave once a worker is busy with it (its CPU time grows by a tenth of a second), not after a fixed
        // wait: on a loaded machine, receiving and decoding the draft alone can take longer than a second.
        let started = ContinuousClock.now + .seconds(30)
        while !before.contains(where: { (ServeProcess.cpuTicks($0) ?? 0) >= idle[$0, default: 0] + 10 }), ContinuousClock.now < started {
            try await Task.sleep(for: .milliseconds(50))
        }
        client.close()
        // The worker checking it is killed (and reaped) at once; the check would have taken far longer.
        let stopped = "the client went away; its check was stopped"
        let deadline = ContinuousClock.now + .seconds(3)
        while before.isSubset(of: server.workers) || !server.log.contains(stopped), ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(!before.isSubset(of: server.workers), "the abandoned check's worker is gone: \(before) → \(server.workers)")
        #expect(server.log.contains(stopped))
        #expect(try await server.postJSON(Self.quickDraft).status == 200)
        #expect(try await server.postJSON(Self.heavyDraft(copies: 10)).status == 200, "a new worker takes over")
    }

    @Test func workersEndWithTheServerEvenInTheMiddleOfACheck() async throws {
        let fixture = try ServerFixture()
        let server = try ServeProcess(["--checkers", "1", "--max-findings", "1000000"], in: fixture.folder)
        try await Task.sleep(for: .milliseconds(500))  // the workers start
        let workers = server.workers
        #expect(workers.count == 2)
        let body = try JSONSerialization.data(withJSONObject: Self.heavyDraft(copies: 40000))
        let client = try LoopbackSocket(port: server.port)
        client.send("POST /api/v1/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: \(body.count)\r\n\r\n")
        client.send(Array(body))
        // Killed mid-check (the check takes many seconds): the busy worker cannot notice its pipe.
        try await Task.sleep(for: .milliseconds(500))
        kill(server.process.processIdentifier, SIGKILL)
        let deadline = ContinuousClock.now + .seconds(5)
        func alive() -> [Int32] {
            workers.filter { pid in
                let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
                return !stat.isEmpty && !stat.contains(") Z ")
            }
        }
        while !alive().isEmpty, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(alive().isEmpty, "workers outlived the server: \(alive())")
    }

    @Test func aCheckPastTheTimeLimitIsStopped() async throws {
        let fixture = try ServerFixture()
        let server = try ServeProcess(["--checkers", "1", "--request-timeout", "1", "--max-findings", "1000000"],
                                      in: fixture.folder)
        try await Task.sleep(for: .milliseconds(500))  // the workers start
        let before = server.workers
        let reply = try await server.postJSON(Self.heavyDraft(copies: 20000))
        #expect(reply.status == 503)
        #expect(reply.text.contains("did not finish within"))
        #expect(!before.isSubset(of: server.workers), "the worker past its time was stopped: \(before) → \(server.workers)")
        #expect(try await server.postJSON(Self.quickDraft).status == 200)
    }

    @Test func aDraftWithTooManyFindingsIs422() async throws {
        let fixture = try ServerFixture()
        let server = try ServeProcess(["--max-findings", "5"], in: fixture.folder)
        let reply = try await server.postJSON(Self.heavyDraft(copies: 4))
        #expect(reply.status == 422)
        #expect(reply.text.contains("limit of 5"))
        #expect(try await server.postJSON(Self.quickDraft).status == 200, "a draft with fewer findings is answered")
    }

    @Test func idleAndSlowHeaderConnectionsAreClosed() async throws {
        let fixture = try ServerFixture()
        let server = try ServeProcess(["--idle-timeout", "1"], in: fixture.folder)
        let idle = try LoopbackSocket(port: server.port)
        let slow = try LoopbackSocket(port: server.port)
        let keptAlive = try LoopbackSocket(port: server.port)
        keptAlive.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        // A byte of header every 300 ms never completes the request: the connection is still closed.
        let dribble = Task {
            for byte in "GET /healthz HTTP/1.1\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaa".utf8 {
                slow.send([byte])
                try await Task.sleep(for: .milliseconds(300))
            }
        }
        let idleRead = idle.readUntilClosed(timeout: .seconds(5))
        #expect(idleRead.closed && idleRead.text.isEmpty, "an idle connection is closed")
        let slowRead = slow.readUntilClosed(timeout: .seconds(5))
        #expect(slowRead.closed, "a connection that never finishes its headers is closed")
        dribble.cancel()
        let aliveRead = keptAlive.readUntilClosed(timeout: .seconds(5))
        #expect(aliveRead.closed && aliveRead.text.hasPrefix("HTTP/1.1 200"), "answered, then closed when idle")
        #expect(try await server.request("/healthz").status == 200)
    }

    /// Set once a heavy request has finished.
    actor Finished {
        private(set) var any = false
        func mark() { any = true }
    }
}
