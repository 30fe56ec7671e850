/// Turns a run's results into one output format. Reporters are pure: the same `RunReport` always
/// renders to the same string, so output can be diffed, cached and tested byte for byte.
public protocol Reporter: Sendable {
    func render(_ report: RunReport) -> String
}

extension Reporter {
    /// Renders the report into `path` for `--output FILE`, replacing any old file only once the new
    /// one is complete (see `AtomicFileWriter`).
    public func write(_ report: RunReport, toFile path: String) throws(AtomicFileWriter.WriteError) {
        try AtomicFileWriter.write(render(report), to: path)
    }
}
