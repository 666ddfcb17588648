import ArgumentParser
import Foundation
import ProvstatFetch
import ProvstatParse
import ProvstatPipeline

/// `provstat doctor`: what this installation can do, and what stands in its way.
struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor", abstract: "Report library versions, TLS support, writable folders and pipeline validity."
    )

    @Option(name: .long, help: OutputRoot.help)
    var output: String?

    @Option(name: .long, help: "The folder of pipeline definitions to check.")
    var pipelines: String = "Pipelines"

    func run() throws {
        var problems = 0
        func report(_ ok: Bool, _ line: String) {
            print("\(ok ? "ok  " : "FAIL") \(line)")
            if !ok { problems += 1 }
        }
        let curl = CurlVersionInfo.current()
        report(true, "libcurl \(curl.version)")
        report(curl.tls != nil, "TLS: \(curl.tls ?? "none: https sources cannot be fetched")")
        let needed = ["http", "https", "file"]
        let missing = needed.filter { !curl.protocols.contains($0) }
        report(
            missing.isEmpty,
            "protocols: \(missing.isEmpty ? needed.joined(separator: ", ") : "missing \(missing.joined(separator: ", "))")"
        )
        report(curl.compression, "compressed transfers: \(curl.compression ? "yes" : "no (libz missing)")")
        report(true, "libxml2 \(Self.dotted(LibXML2.version))")

        for (name, folder) in [("output", OutputRoot.resolve(output)), ("cache", OutputRoot.cache(output))] {
            let writable = OutputRoot.problemWriting(folder)
            report(writable == nil, "\(name) folder \(folder.path): \(writable ?? "writable")")
        }

        let folder = URL(fileURLWithPath: pipelines)
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        report(!files.isEmpty, "pipelines in \(folder.path): \(files.count)")
        for file in files {
            do {
                let definition = try DefinitionLoader().load(file: folder.appendingPathComponent(file))
                report(
                    true,
                    "pipeline \(definition.name): \(definition.sources.count) sources, \(definition.indicators.count) indicators"
                )
            } catch {
                report(false, "\(error)")
            }
        }
        if problems > 0 {
            print("\(problems) problem\(problems == 1 ? "" : "s") found")
            throw ExitStatus.configuration
        }
        print("all good")
    }

    /// libxml2 reports its version as digits (`20914`); people read `2.9.14`.
    static func dotted(_ version: String) -> String {
        guard let number = Int(version), version.count >= 5 else { return version }
        return "\(number / 10000).\(number / 100 % 100).\(number % 100)"
    }
}
