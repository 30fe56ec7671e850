import PostLint

/// `--output FILE` is streamed into the writer's temporary file; the writer lives in the engine (which
/// also writes fixes with it), so the conformance is stated here, where `ReportSink` is.
extension AtomicFileWriter.Stream: ReportSink {
    public func write(bytes: [UInt8]) throws { try write(bytes) }
}
