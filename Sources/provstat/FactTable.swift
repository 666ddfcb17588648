import Foundation
import ProvstatCore

/// Facts as a readable table.
struct FactTable {
    let facts: [Fact]

    var text: String {
        if facts.isEmpty { return "no facts found" }
        let rows = facts.map { fact in
            [
                "\(fact.value)", fact.unit, fact.kind.rawValue, fact.estimate ? "≈" : "", fact.raw,
                String(fact.subject.prefix(40)),
            ]
        }
        let header = ["value", "unit", "kind", "est", "raw", "subject"]
        let widths = (0..<header.count).map { column in
            ([header] + rows).map { $0[column].count }.max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            zip(cells, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        return ([line(header)] + rows.map(line)).joined(separator: "\n") + "\n\(facts.count) facts"
    }
}
