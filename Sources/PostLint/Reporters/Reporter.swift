/// Turns a run's results into one output format. Reporters are pure: the same `RunReport` always
/// renders to the same string, so output can be diffed, cached and tested byte for byte.
public protocol Reporter: Sendable {
    func render(_ report: RunReport) -> String
}
