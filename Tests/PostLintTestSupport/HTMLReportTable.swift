/// Reads the HTML report's totals table back, for the reporter's tests and the batch run's.
package enum HTMLReportTable {
    /// Rule ID → [errors, warnings, notes, total] from the page's totals table.
    package static func ruleCounts(in html: String) -> [String: [Int]] {
        var counts: [String: [Int]] = [:]
        for row in html.components(separatedBy: "<tr><th scope=\"row\">").dropFirst() {
            guard let idStart = row.range(of: "<code>"), let idEnd = row.range(of: "</code>") else { continue }
            let id = String(row[idStart.upperBound..<idEnd.lowerBound])
            let cells = row.components(separatedBy: "<td>").dropFirst().map {
                Int($0.prefix { $0.isNumber }) ?? -1
            }
            counts[id] = cells
        }
        return counts
    }
}
