/// Decides whether a cited source or a linked site may be used without asking: the school's own
/// domains and name, and what `.postlint.yml` lists under `sources`.
struct SourceApproval: Sendable {
    private let domains: [String]
    private let names: [String]
    /// The approved names' initials, compared whole: "DfE" for the Department for Education, "MoD", "ONS".
    private let acronyms: Set<String>
    /// What a site on a shared host may be called when it is the school's: its domains' first labels and
    /// the distinctive words of its name, squeezed ("gracelindsay").
    private let ownSiteStems: [String]
    private let schoolDomains: [String]

    static let mailServiceHosts = RulePack.embedded.list(.mailServiceHosts).map { $0.lowercased() }
    static let schoolSuffixes = RulePack.embedded.list(.schoolNameSuffixes).map { $0.lowercased() }

    /// The approval for `configuration`, made once per distinct school and sources settings.
    static func of(_ configuration: Configuration) -> SourceApproval {
        cache.value(for: Settings(school: configuration.school, sources: configuration.sources), make: SourceApproval.init)
    }
    private struct Settings: Hashable, Sendable {
        var school: Configuration.School
        var sources: Configuration.ApprovedSources
    }
    private static let cache = DerivedValueCache<Settings, SourceApproval>()

    private init(_ configuration: Settings) {
        schoolDomains = configuration.school.domains.map { $0.lowercased().trimmingPrefix("www.") }.filter { !$0.isEmpty }
        var stems = schoolDomains.compactMap { $0.split(separator: ".").first.map(String.init) }
        if let name = configuration.school.name {
            // The words before the first school-type word: "Grace Lindsay Primary School" → "gracelindsay".
            let words = TextNormalizer.fold(name).split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
            let distinctive = words.prefix { !SourceApproval.schoolSuffixes.contains($0) }
            stems.append(distinctive.joined())
            stems.append(words.joined())
        }
        ownSiteStems = stems.filter { $0.count >= 4 }
        domains = (configuration.school.domains + configuration.sources.domains)
            .map { $0.lowercased().trimmingPrefix("www.") }
            .filter { !$0.isEmpty }
        names = (configuration.sources.names + [configuration.school.name].compactMap { $0 })
            .map(TextNormalizer.fold)
            .filter { !$0.isEmpty }
        acronyms = Set(names.flatMap(SourceApproval.acronyms(of:)))
    }

    /// "department for education" → "dfe" and "de"; "office for national statistics" → "ofns" and "ons".
    private static func acronyms(of name: String) -> [String] {
        let words = name.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        guard words.count >= 2 else { return [] }
        let all = String(words.compactMap(\.first))
        let significant = String(words.filter { !smallWords.contains(String($0)) }.compactMap(\.first))
        return [all, significant].filter { $0.count >= 2 }
    }
    private static let smallWords: Set<String> = ["of", "for", "the", "and", "in", "on", "to", "a"]

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

    /// A link on a shared host (`Rules/site-hosts.yml`) into a site whose name is the school's
    /// ("https://sites.google.com/view/gracelindsayps/…"): the school's own page, not a citation. The
    /// first host pattern that fits decides (the list puts the specific ones first).
    func isOwnHostedSite(_ url: String) -> Bool {
        guard let host = SourceApproval.host(of: url) else { return false }
        var rest = Substring(url.lowercased())
        for scheme in ["https://", "http://", "//"] where rest.hasPrefix(scheme) { rest = rest.dropFirst(scheme.count); break }
        let pathSegments = rest.drop { $0 != "/" }.prefix { !"?#".contains($0) }.split(separator: "/").map(String.init)
        let bareHost = host.trimmingPrefix("www.")
        for pattern in SourceApproval.sitePatterns {
            var siteName: String?
            switch pattern {
            case .subdomain(let suffix):
                if bareHost.hasSuffix(suffix), bareHost.count > suffix.count { siteName = String(bareHost.dropLast(suffix.count)) }
            case .path(let patternHost, let fixed):
                guard bareHost == patternHost else { continue }
                if pathSegments.count > fixed.count, pathSegments.prefix(fixed.count).elementsEqual(fixed) {
                    siteName = pathSegments[fixed.count]
                }
            }
            guard let siteName else { continue }
            if schoolDomains.contains(siteName) { return true }
            let squeezed = siteName.filter { $0.isLetter || $0.isNumber }
            return ownSiteStems.contains { stem in
                guard squeezed.hasPrefix(stem) else { return false }
                return SourceApproval.isSuffixRun(String(squeezed.dropFirst(stem.count)), depth: 0)
            }
        }
        return false
    }

    /// A shared host's pattern from `Rules/site-hosts.yml`, read once: "*.wordpress.com" (the site is the
    /// subdomain) or "sites.google.com/view/*" (the site is the path segment at the star).
    private enum SitePattern {
        case subdomain(suffix: String)
        case path(host: String, fixed: [String])
    }
    private static let sitePatterns: [SitePattern] = RulePack.embedded.list(.siteHosts).compactMap { pattern in
        let pattern = pattern.lowercased()
        if pattern.hasPrefix("*.") { return .subdomain(suffix: String(pattern.dropFirst(1))) }
        guard let star = pattern.firstIndex(of: "*") else { return nil }
        let parts = pattern[..<star].split(separator: "/").map(String.init)
        guard let host = parts.first else { return nil }
        return .path(host: host, fixed: Array(parts.dropFirst()))
    }

    /// Whether `rest` is empty or one or two school-type words run together ("ps", "primaryschool").
    private static func isSuffixRun(_ rest: String, depth: Int) -> Bool {
        if rest.isEmpty { return true }
        guard depth < 2 else { return false }
        return schoolSuffixes.contains { rest.hasPrefix($0) && isSuffixRun(String(rest.dropFirst($0.count)), depth: depth + 1) }
    }

    func isApproved(host: String) -> Bool {
        let host = host.lowercased().trimmingPrefix("www.")
        return domains.contains { host == $0 || host.hasSuffix("." + $0) }
    }

    /// A newsletter service's own link (`Rules/mail-service-hosts.yml`): "view this email in your
    /// browser", "unsubscribe", its badge.
    static func isMailService(host: String) -> Bool {
        let host = host.lowercased().trimmingPrefix("www.")
        return mailServiceHosts.contains { host == $0 || host.hasSuffix("." + $0) }
    }

    /// A link whose text is one of a mailing's own controls ("View this email in your browser",
    /// "Unsubscribe"; `Rules/mail-controls.yml`): the sender's mail service, whatever its host.
    static func isMailControl(text: String) -> Bool {
        let words = TokenizedBlock.wordKeys(text)
        return mailControls.contains { control in
            words.count >= control.count && (0...(words.count - control.count)).contains { words[$0..<$0 + control.count].elementsEqual(control) }
        }
    }

    private static let mailControls: [[UInt64]] = RulePack.embedded.list(.mailControls).map(TokenizedBlock.wordKeys)

    /// A mail service's badge: the link comes right after "Sent with", "Sent via" or "Sent using" in the
    /// source ("Sent with <a href=…>SchoolComms</a>"), whatever its host.
    static func isMailBadge(_ source: [UInt8], linkStart: Int) -> Bool {
        var end = min(linkStart, source.count)
        while end > 0, source[end - 1] == UInt8(ascii: " ") || source[end - 1] == UInt8(ascii: "\n") || source[end - 1] == UInt8(ascii: "\t") {
            end -= 1
        }
        let start = max(0, end - 10)
        let before = String(decoding: source[start..<end], as: UTF8.self).lowercased()
        return ["sent with", "sent via", "sent using"].contains { before.hasSuffix($0) }
    }

    /// A source named in text: approved when it is (or contains, or is contained in) an approved name,
    /// or when it is a web address on an approved domain.
    /// Whether a named source is approved: an approved name within it, or (`allowingPart`) it within
    /// an approved name ("the Fellowship" of "Steiner Waldorf Schools Fellowship"). An author-year
    /// parenthetical names a person, who is no part of an organisation: "(Steiner, 1924)".
    func isApproved(name: String, allowingPart: Bool = true) -> Bool {
        let folded = TextNormalizer.fold(name)
        if let host = SourceApproval.host(of: folded) ?? (folded.utf8.contains(UInt8(ascii: ".")) && !folded.utf8.contains(UInt8(ascii: " ")) ? folded : nil) {
            return isApproved(host: host)
        }
        let bare = folded.hasPrefix("the ") ? String(folded.dropFirst(4)) : folded
        if acronyms.contains(bare) { return true }
        // Whole words: "ISI" approves "the ISI report", not "the Visitor Centre".
        return names.contains { folded == $0 || UTF8Search.containsWords($0, in: folded)
            || (allowingPart && UTF8Search.containsWords(folded, in: $0) && folded.count >= 4) }
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
