import ArgumentParser
import Foundation
import ProvstatCore
import ProvstatPipeline

/// `provstat pipelines`: work with pipeline definitions.
struct PipelinesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pipelines", abstract: "Check pipeline definitions, or draft one from a report page.",
        subcommands: [Check.self, Draft.self])

    /// `provstat pipelines check [FILES]`: validate definitions, with file:line errors.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate pipeline definitions; errors name file, line and key (exit 78 when any is invalid).")

        @Argument(help: "Definition files or pipeline names (default: every file in Pipelines/).")
        var files: [String] = []

        func run() throws {
            let loader = DefinitionLoader()
            let targets = files.isEmpty ? Self.bundled() : files
            guard !targets.isEmpty else {
                printError("provstat: no pipeline definitions found in Pipelines/")
                throw ExitStatus.configuration
            }
            var invalid = 0
            for target in targets {
                do {
                    let definition = try loader.load(target)
                    print(
                        "ok   \(definition.file.path): pipeline \(definition.name), \(definition.sources.count) sources, "
                            + "\(definition.indicators.count) indicators, \(definition.targets.count) targets")
                } catch {
                    invalid += 1
                    print("FAIL \(error)")
                }
            }
            if invalid > 0 { throw ExitStatus.configuration }
        }

        static func bundled() -> [String] {
            let folder = "Pipelines"
            return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
                .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { "\(folder)/\($0)" }
        }
    }
}

extension PipelinesCommand {
    /// `provstat pipelines draft PAGE_OR_URL`: a starting definition written from one report page.
    struct Draft: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a starting definition from one report page: an indicator per subject, unit and period.")

        @Option(name: .long, help: "The pipeline's name in the draft.")
        var name = "draft"

        @OptionGroup var page: PageArguments

        func run() throws {
            let draft = DefinitionDraft(location: page.location, xpath: page.xpath, facts: try page.facts())
            print(draft.yaml(pipeline: name), terminator: "")
        }
    }
}
