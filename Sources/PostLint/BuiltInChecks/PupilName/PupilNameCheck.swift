/// `pupil-name`: pupils on the school's roster named in a post.
///
/// A full name ("Oliver Whitfield", "Whitfield, Oliver") is an error; a forename with a surname
/// initial ("Oliver W."), a forename alone and a surname in a family context ("the Patel family") are
/// warnings. In an image's alt text every finding is raised one level (the name sits next to the
/// child's photo). In an image's file name only full names are looked for — in any order, with any
/// separator or in camelCase (`oliver-whitfield.jpg`, `WhitfieldOliver.png`) — because a forename
/// alone in a file name (`rose.jpg`, `summer.png`) is far more often a word; they too are raised.
///
/// Consent (from the roster's consent columns): a pupil whose family has not consented is an error
/// wherever named, forename alone included, with a message that says so; a forename alone of a
/// pupil whose family has consented is a note. A form shared by several pupils ("Oliver") takes the
/// strictest of their states. Without consent data the levels above stand.
///
/// How words are told from names is documented on `PupilNameMatcher`. Messages quote only the
/// matched text, never other roster data. Does nothing when no roster is configured.
package struct PupilNameCheck: Check {
    package init() {}

    package var descriptor: CheckDescriptor { Self.descriptor }

    package func inspect(_ document: AnalyzedDocument, context: CheckContext) -> [Finding] {
        guard let roster = context.roster, !roster.isEmpty else { return [] }
        let names = roster.lookup()
        let replacement = context.configuration.pupils.replacement
        let style = PupilNameDocumentStyle(document)
        var senses = PupilNameSenses(configuration: context.configuration, names: names, lowercaseWords: style.lowercaseWords)
        senses.recordAuthors(of: document.document)
        var faith: Bool?
        let speaksOfFaith = {
            if faith == nil {
                faith = document.blocks.contains { block in
                    block.block.kind.isProse && block.tokens.contains { $0.kind == .word && PupilNameVocabulary.religiousContext.contains($0.key) }
                }
            }
            return faith!
        }
        // Two passes: the first finds every proposal and the words the post uses as things, so that a
        // forename alone is weighed against the whole post (one sense per post), wherever it comes.
        var proposals: [(block: TokenizedBlock, candidates: [PupilNameMatcher.Match])] = []
        var fileNames: [TextBlock] = []
        for block in document.blocks {
            switch block.block.kind {
            case .code:
                continue
            case .linkTarget:
                // A link to a photo (a gallery's lightbox: `<a href="noel-gruffalo.jpg">`) names its file too.
                if PupilNameFileNames.isImagePath(block.block.text) { fileNames.append(block.block) }
            case .imageFileName:
                fileNames.append(block.block)
            default:
                let matcher = PupilNameMatcher(names: names, block: block, lowercaseWords: style.lowercaseWords,
                                               informal: style.isInformal)
                let candidates = matcher.candidates(recording: &senses, speaksOfFaith: speaksOfFaith)
                if !candidates.isEmpty { proposals.append((block, candidates)) }
            }
        }
        let resolved = proposals.map { (block: $0.block, matches: PupilNameMatcher.resolve($0.candidates, senses: senses)) }
        // A photo whose alt text names a pupil ("Amar playing the tabla") has that pupil in its file name
        // too (`amar-tabla.jpg`), whatever else the word means in the post.
        let images = ImageLocator(document.document.images)
        var photographed: [Int: Set<UInt64>] = [:]
        for (block, matches) in resolved where block.block.kind == .imageAlt {
            guard let image = images.image(holding: block.block) else { continue }
            photographed[image, default: []].formUnion(matches.map { block.tokens[$0.start].key })
        }
        let signers = PupilNameSigners(resolved, document: document, configuration: context.configuration)
        var findings: [Finding] = []
        for (block, matches) in resolved {
            for match in matches where !signers.signed(match, in: block) {
                findings.append(finding(match, in: block, replacement: replacement, inAltText: block.block.kind == .imageAlt))
            }
        }
        for block in fileNames {
            let pictured = images.image(holding: block).flatMap { photographed[$0] } ?? []
            findings += PupilNameFileNames.findings(in: block, names: names, senses: senses, photographed: pictured)
        }
        return findings
    }

    /// Edits that remove the surname (or replace the name) while leaving any markup inside the name
    /// alone: "<b>Oliver</b> Whitfield" becomes "<b>Oliver</b>", not "<b>Oliver".
    private func markupPreservingEdits(block: TokenizedBlock, match: PupilNameMatcher.Match, forename: Range<Int>,
                                       replacement: Configuration.Pupils.Replacement, written: String,
                                       keepFullStop: Bool) -> [Fix.Edit] {
        let map = block.block.map
        var textRange = match.textRange
        if keepFullStop { textRange = textRange.lowerBound..<(textRange.upperBound - 1) }
        let tokens = block.tokens
        let forenameText = tokens[forename.lowerBound].range.lowerBound..<tokens[forename.upperBound - 1].range.upperBound
        switch replacement {
        case .forename:
            // Delete what is not the forename: after it ("Oliver Whitfield"), or before it ("Whitfield, Oliver").
            let deletion = forenameText.lowerBound == textRange.lowerBound
                ? forenameText.upperBound..<textRange.upperBound
                : textRange.lowerBound..<forenameText.lowerBound
            return map.sourceSegments(deletion).map { Fix.Edit(range: $0, replacement: "") }
        case .text:
            let segments = map.sourceSegments(textRange)
            return segments.enumerated().map { index, segment in Fix.Edit(range: segment, replacement: index == 0 ? written : "") }
        }
    }

    /// What a message adds for a pupil whose family has not consented (it names nothing more).
    static let noConsent = ", and the pupil's family has not consented to the child being named or shown"

    private func finding(_ match: PupilNameMatcher.Match, in block: TokenizedBlock,
                         replacement: Configuration.Pupils.Replacement, inAltText: Bool) -> Finding {
        let text = block.block.text
        // The name as written, quoted (“…”) in the message and the fix's description.
        let name = String(decoding: text[match.textRange], as: UTF8.self).collapsingWhitespace
        let range = block.block.sourceRange(match.textRange)
        let tokens = block.tokens
        let consent = match.form.consent
        // What the match is, then what to do; a refusal replaces the advice and makes any mention an
        // error. Literals, joined into one string below (this runs for every finding).
        let what: String
        var advice: String?
        var fix: Fix?
        var level: Level? = .warning
        switch match.form.kind {
        case .full, .surnameCommaForename, .initial:
            let forenameTokens = match.form.kind == .surnameCommaForename
                ? (match.end - match.form.forenameTokens)..<match.end
                : match.start..<(match.start + match.form.forenameTokens)
            let forename = String(decoding: text[tokens[forenameTokens.lowerBound].range.lowerBound..<tokens[forenameTokens.upperBound - 1].range.upperBound],
                                  as: UTF8.self)
            if match.form.kind == .initial {
                what = " names a pupil by forename and surname initial"
                advice = "use the forename only"
            } else {
                what = " is a pupil's full name"
                advice = "a post may name a pupil by forename only"
                level = nil
            }
            let written: String
            switch replacement {
            case .forename: written = forename
            case .text(let words):
                written = tokens[match.start].flags.contains(.sentenceStart) ? words.prefix(1).uppercased() + words.dropFirst() : words
            }
            // "Oliver W." ending a sentence keeps its full stop.
            let endsSentence = match.form.kind == .initial && text[match.textRange.upperBound - 1] == UInt8(ascii: ".")
                && (match.end + 1 >= tokens.count || tokens[match.end + 1].flags.contains(.sentenceStart)
                    || tokens[match.end + 1].flags.contains(.lineBreakBefore))
            // Keeping the forename of a pupil without consent would still name the child.
            if consent != .refused || replacement != .forename {
                fix = Fix(description: String.concatenation("Replace \u{201C}", name, "\u{201D} with \u{201C}", written, endsSentence ? "." : "",
                                                            "\u{201D}"),
                          edits: markupPreservingEdits(block: block, match: match, forename: forenameTokens,
                                                       replacement: replacement, written: written, keepFullStop: endsSentence))
            }
        case .forename:
            what = " is the forename of a pupil on the roster"
            if consent == .given, !inAltText {
                advice = "the family has consented to the child being named"
                level = .note
            } else {
                advice = "name a child only with the family's consent"
            }
        case .surname, .surnamePlural:
            what = " is the surname of a pupil on the roster"
            advice = "naming the family identifies the child"
        case .surnameForename, .concatenated:
            what = " is a pupil's name"
        }
        let placement = inAltText ? " (in an image's alt text, which ties the name to the photo)" : ""
        let message = consent == .refused
            ? String.concatenation("\u{201C}", name, "\u{201D}", what, Self.noConsent, "; remove the name", placement)
            : advice.map { String.concatenation("\u{201C}", name, "\u{201D}", what, "; ", $0, placement) }
                ?? String.concatenation("\u{201C}", name, "\u{201D}", what, placement)
        if consent == .refused { return Finding(range: range, message: message, level: .error, fix: fix) }
        if inAltText { return Finding(range: range, message: message, raisesLevel: true, fix: fix) }
        return Finding(range: range, message: message, level: level, fix: fix)
    }
}
