import ArgumentParser
import Foundation
import ProvstatCore
import ProvstatPipeline
import ProvstatSnapshot

/// `provstat extract`: the facts of one page (see `spec/facts.md`).
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract", abstract: "Print the facts found on one page (a file path or a URL).")

    @Flag(name: .long, help: "Print JSON as spec/facts.md describes.")
    var json = false

    @OptionGroup var page: PageArguments

    func run() throws {
        let facts = try page.facts()
        if json {
            let document = ExtractOutput(source: page.location, facts: facts)
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
