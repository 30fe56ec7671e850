import Foundation

/// What a teacher waits for in the editor: from a `textDocument/didChange` to the
/// `publishDiagnostics` of that version, through the real `postlint lsp` and its worker process.
/// Each change adds a paragraph, alternately with and without a finding, so every answer has to be
/// a new check; the first changes warm the server and are not counted.
enum LSPLatency {
    struct Measurement {
        /// Seconds from each change to its diagnostics, in order.
        var times: [Double]
        /// Findings of the post as opened.
        var findings: Int
        var peakRSS: Int
    }

    static let warmUp = 5

    static func measure(binary: String, folder: String, post: String, changes: Int) -> Measurement? {
        guard let session = LSPSession(binary: binary, directory: folder) else { return nil }
        session.request(1, "initialize", ["processId": NSNull(), "rootUri": URL(fileURLWithPath: folder).absoluteString,
                                          "capabilities": ["general": ["positionEncodings": ["utf-16"]]]])
        guard session.next(where: { $0["id"] as? Int == 1 }) != nil else { return nil }
        session.notify("initialized")
        let uri = URL(fileURLWithPath: folder + "/post.html").absoluteString
        session.notify("textDocument/didOpen", ["textDocument": ["uri": uri, "languageId": "html", "version": 1, "text": post]])
        guard let opened = session.diagnostics(uri, version: 1) else { return nil }
        var times: [Double] = []
        for version in 2...(changes + warmUp + 1) {
            let paragraph = version.isMultiple(of: 2) ? "<p>I think edit \(version) was the best yet.</p>" : "<p>Edit \(version).</p>"
            let edited = post.replacingOccurrences(of: "</article>", with: paragraph + "</article>")
            let start = Measure.now()
            session.notify("textDocument/didChange", ["textDocument": ["uri": uri, "version": version],
                                                     "contentChanges": [["text": edited]]])
            guard session.diagnostics(uri, version: version) != nil else { return nil }
            if version > warmUp + 1 { times.append(Measure.now() - start) }
        }
        let peak = session.peakRSS()
        guard session.shutdown() == 0 else { return nil }
        return Measurement(times: times, findings: opened.count, peakRSS: peak)
    }

    /// The value below which `fraction` of the times fall (nearest rank).
    static func percentile(_ times: [Double], _ fraction: Double) -> Double {
        let sorted = times.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count) * fraction).rounded(.up)) - 1)]
    }
}
