import ArgumentParser
import Foundation
import ProvstatCore
import ProvstatPipeline
import ProvstatSnapshot

/// `provstat extract`: the facts of one page (see `spec/facts.md`).
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract", abstract: "Print the facts found on one page (a file path or a URL).")

    @Option(name: .long, help: "XPath selecting the article body; detected when absent.")
    var xpath: String?

    @Flag(name: .long, help: "Print JSON as spec/facts.md describes.")
    var json = false

    @Argument(help: "A file path (HTML or .txt) or an http(s):// or file:// URL.")
    var location: String

    func run() throws {
        let facts: [Fact]
        do { facts = try ExtractJob(location: location, xpath: xpath).run() } catch {
            printError("provstat: \(error)")
            throw ExitStatus.noInput
        }
        if json {
            let document = ExtractOutput(source: location, facts: facts)
            FileHandle.standardOutput.write(try SnapshotCoding.encode(document))
        } else {
            print(FactTable(facts: facts).text)
        }
    }
}

/// The JSON document `extract --json` prints.
struct ExtractOutput: Encodable {
    let source: String
    let facts: [Fact]
}

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
