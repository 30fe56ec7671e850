/// A SARIF result written with `JSONWriter`: each member in sorted key order, exactly as
/// `JSONEncoder` encodes the `Encodable` shape in `SARIFLog` (held to it by `JSONWriterTests`).
/// Results are the part of a log that grows with the findings; the rest goes through the encoder.
extension SARIFLog.Result {
    func write(to writer: inout JSONWriter) {
        writer.openObject()
        writer.string("baselineState", baselineState)
        if let fixes {
            writer.key("fixes")
            writer.openArray()
            for fix in fixes { fix.write(to: &writer) }
            writer.closeArray()
        }
        writer.key("level")
        writer.string(level)
        writer.key("locations")
        writer.openArray()
        for location in locations { location.write(to: &writer) }
        writer.closeArray()
        writer.key("message")
        message.write(to: &writer)
        writer.key("partialFingerprints")
        writer.openObject()
        // One fingerprint per result in practice: sorting (an allocation per finding) only when there are more.
        if partialFingerprints.count == 1, let (key, value) = partialFingerprints.first {
            writer.key(key)
            writer.string(value)
        } else {
            for key in partialFingerprints.keys.sorted() {
                writer.key(key)
                writer.string(partialFingerprints[key]!)
            }
        }
        writer.closeObject()
        if let properties {
            writer.key("properties")
            writer.openObject()
            writer.key("postlint.policy")
            writer.string(properties.policy)
            writer.closeObject()
        }
        writer.key("ruleId")
        writer.string(ruleId)
        writer.int("ruleIndex", ruleIndex)
        if let suppressions {
            writer.key("suppressions")
            writer.openArray()
            for suppression in suppressions {
                writer.openObject()
                writer.key("kind")
                writer.string(suppression.kind)
                writer.closeObject()
            }
            writer.closeArray()
        }
        writer.closeObject()
    }
}

extension SARIFLog.Location {
    func write(to writer: inout JSONWriter) {
        writer.openObject()
        if let logicalLocations {
            writer.key("logicalLocations")
            writer.openArray()
            for logical in logicalLocations {
                writer.openObject()
                writer.key("kind")
                writer.string(logical.kind)
                writer.key("name")
                writer.string(logical.name)
                writer.closeObject()
            }
            writer.closeArray()
        }
        writer.key("physicalLocation")
        writer.openObject()
        writer.key("artifactLocation")
        physicalLocation.artifactLocation.write(to: &writer)
        if let region = physicalLocation.region {
            writer.key("region")
            region.write(to: &writer)
        }
        writer.closeObject()
        writer.closeObject()
    }
}

extension SARIFLog.ArtifactLocation {
    func write(to writer: inout JSONWriter) {
        writer.openObject()
        writer.key("uri")
        writer.string(uri)
        writer.string("uriBaseId", uriBaseId)
        writer.closeObject()
    }
}

extension SARIFLog.Region {
    func write(to writer: inout JSONWriter) {
        writer.openObject()
        writer.int("endColumn", endColumn)
        writer.int("endLine", endLine)
        if let snippet {
            writer.key("snippet")
            snippet.write(to: &writer)
        }
        writer.int("startColumn", startColumn)
        writer.key("startLine")
        writer.int(startLine)
        writer.closeObject()
    }
}

extension SARIFLog.Message {
    func write(to writer: inout JSONWriter) {
        writer.openObject()
        writer.string("markdown", markdown)
        writer.key("text")
        writer.string(text)
        writer.closeObject()
    }
}

extension SARIFLog.Fix {
    func write(to writer: inout JSONWriter) {
        writer.openObject()
        writer.key("artifactChanges")
        writer.openArray()
        for change in artifactChanges {
            writer.openObject()
            writer.key("artifactLocation")
            change.artifactLocation.write(to: &writer)
            writer.key("replacements")
            writer.openArray()
            for replacement in change.replacements {
                writer.openObject()
                writer.key("deletedRegion")
                replacement.deletedRegion.write(to: &writer)
                writer.key("insertedContent")
                replacement.insertedContent.write(to: &writer)
                writer.closeObject()
            }
            writer.closeArray()
            writer.closeObject()
        }
        writer.closeArray()
        writer.key("description")
        description.write(to: &writer)
        writer.closeObject()
    }
}
