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
