/// `missing-logo`: a post published on the school's site must carry the school logo or brand.
package struct MissingLogoCheck: Check {
    package let descriptor = CheckDescriptor(
        id: "missing-logo",
        title: "School logo missing",
        explanation: "The school's hosted sites must always show the school logo or brand, so readers can trust that a post is official. A post with no logo image (or inline SVG) is flagged.",
        policy: PolicyClause(
            section: "8", heading: "Content of Webspace",
            text: "The school's hosted sites must always include the school logo or brand to ensure transparency and confidence in the site."),
        defaultLevel: .error,
        help: "Add the school logo, e.g. <img src=\"/images/school-logo.png\" alt=\"School logo\">. If your logo's file name or alt text does not contain \"logo\" or \"crest\", list what identifies it under school.logo in .postlint.yml.",
        wordHelp: "Insert the school logo picture in the Word document (Insert › Pictures; the header is a good place) and give it the Alt Text \"School logo\" (right-click the picture › View Alt Text). If your logo picture's name or Alt Text does not contain \"logo\" or \"crest\", list what identifies it under school.logo in .postlint.yml.",
        tags: ["branding"],
        triggeringExamples: [
            CheckExample("<html>«<body>»\n<h1>Sports Day</h1><img src=\"race.jpg\" alt=\"The egg and spoon race\">\n</body></html>", format: .html),
            CheckExample("«<p>»Term dates for 2026-27 are below.</p>\n", format: .html),
            CheckExample("<html>«<body>»<img src=\"/img/beechwood.png\" alt=\"Beechwood\"></body></html>", format: .html,
                         configuration: "school:\n  logo: [beechwood-logo]\n"),
            CheckExample("«# News»\n\nNo logo here.\n", format: .markdown, configuration: "school:\n  logo-formats: [html, markdown]\n"),
        ],
        nonTriggeringExamples: [
            CheckExample("<html><body><img src=\"/images/school-logo.png\" alt=\"\"><h1>News</h1></body></html>", format: .html),
            CheckExample("<html><body><img src=\"/a.png\" alt=\"Beechwood Primary crest\"><p>News</p></body></html>", format: .html),
            CheckExample("<html><body><img class=\"site-logo\" src=\"/a.png\"><p>News</p></body></html>", format: .html),
            CheckExample("<html><body><svg aria-label=\"School crest\" role=\"img\"></svg><p>News</p></body></html>", format: .html),
            CheckExample("<html><body><svg><title>Beechwood logo</title></svg><p>News</p></body></html>", format: .html),
            CheckExample("<html><body><img src=\"/img/bw.png\" alt=\"Beechwood\"><p>News</p></body></html>", format: .html,
                         configuration: "school:\n  logo: [bw.png]\n"),
            CheckExample("# News\n\nMarkdown posts get the logo from the site template.\n", format: .markdown),
            CheckExample("Plain text posts are not checked for a logo.\n"),
            CheckExample("![School logo](/images/logo.png)\n\n# News\n", format: .markdown, configuration: "school:\n  logo-formats: [markdown]\n"),
        ])

    package init() {}

    package func inspect(_ document: AnalyzedDocument, context: CheckContext) -> [Finding] {
        let school = context.configuration.school
        guard school.logoFormats.contains(document.format) else { return [] }
        let markers = school.logo.map { $0.lowercased() }.filter { !$0.isEmpty }
        guard !markers.isEmpty else { return [] }
        let matches: (String?) -> Bool = { value in
            guard let value = value?.lowercased() else { return false }
            return markers.contains { value.contains($0) }
        }
        for image in document.document.images {
            if matches(image.source) || matches(image.alt) { return [] }
            // `name`: a Word picture's name (wp:docPr), e.g. "School Logo".
            for attribute in image.attributes where ["class", "id", "title", "aria-label", "srcset", "data-src", "name"].contains(attribute.name) {
                if matches(attribute.value) { return [] }
            }
        }
        for element in document.document.elements where element.name == "svg" || element.name == "picture" || element.name == "object" {
            if matches(element.text) || ["aria-label", "title", "class", "id", "data"].contains(where: { matches(element.attribute($0)) }) {
                return []
            }
        }
        let wanted = markers.map { "\"\($0)\"" }.joined(separator: " or ")
        let message = document.format == .docx
            ? "the Word document does not show the school logo (no picture whose name or Alt Text contains \(wanted))"
            : "the post does not show the school logo (no image matching \(wanted))"
        return [Finding(range: DocumentAnchor.start(of: document.document), message: message,
                        isAboutDocument: true)]
    }
}
