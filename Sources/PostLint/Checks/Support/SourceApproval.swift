/// Decides whether a cited source or a linked site may be used without asking: the school's own
/// domains and name, and what `.postlint.yml` lists under `sources`.
struct SourceApproval {
    private let domains: [String]
    private let names: [String]

    init(configuration: Configuration) {
        domains = (configuration.school.domains + configuration.sources.domains)
            .map { $0.lowercased().trimmingPrefix("www.") }
            .filter { !$0.isEmpty }
        names = (configuration.sources.names + [configuration.school.name].compactMap { $0 })
            .map(TextNormalizer.fold)
            .filter { !$0.isEmpty }
    }

    /// The host of an absolute or protocol-relative URL (or a bare "www." address), lower-cased.
    static func host(of url: String) -> String? {
        var rest = Substring(url.trimmingCharacters(in: " \t\r\n"))
        let lower = rest.lowercased()
        if lower.hasPrefix("http://") { rest = rest.dropFirst(7) }
        else if lower.hasPrefix("https://") { rest = rest.dropFirst(8) }
        else if lower.hasPrefix("//") { rest = rest.dropFirst(2) }
        else if !lower.hasPrefix("www.") { return nil }
        let hostPart = rest.prefix { !"/?#:".contains($0) }
        let host = hostPart.split(separator: "@").last.map(String.init)?.lowercased() ?? ""
        return host.contains(".") ? host : nil
    }

    func isApproved(host: String) -> Bool {
        let host = host.lowercased().trimmingPrefix("www.")
        return domains.contains { host == $0 || host.hasSuffix("." + $0) }
    }

    /// A source named in text: approved when it is (or contains, or is contained in) an approved name,
    /// or when it is a web address on an approved domain.
    func isApproved(name: String) -> Bool {
        let folded = TextNormalizer.fold(name)
        if let host = SourceApproval.host(of: folded) ?? (folded.utf8.contains(UInt8(ascii: ".")) && !folded.utf8.contains(UInt8(ascii: " ")) ? folded : nil) {
            return isApproved(host: host)
        }
        return names.contains { folded == $0 || UTF8Search.contains($0, in: folded) || (UTF8Search.contains(folded, in: $0) && folded.count >= 4) }
    }
}

private extension String {
    func trimmingPrefix(_ prefix: String) -> String {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self
    }

    func trimmingCharacters(in set: String) -> String {
        var scalars = Substring(self)
        while let first = scalars.first, set.contains(first) { scalars = scalars.dropFirst() }
        while let last = scalars.last, set.contains(last) { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
