import Foundation
import ProvstatPipeline
import Testing

/// The `fetch:` keys of a definition file.
@Suite("fetch settings in YAML")
struct FetchSettingsReadingTests {
    private func load(_ yaml: String) throws -> PipelineDefinition {
        let folder = FetchStageFixtures.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("tinh.yaml")
        try Data(yaml.utf8).write(to: file)
        return try DefinitionLoader().load(file: file)
    }

    @Test("reads every politeness and retry key")
    func readsKeys() throws {
        let definition = try load(
            """
            pipeline: tinh
            contact: ops@example.org
            sources:
              - id: report
                url: https://example.org/bao-cao-{year}-{month2}.html
            fetch:
              per_host: 1
              delay: 2.5
              global: 4
              attempts: 3
              connect_timeout: 5
              timeout: 30
              max_bytes: 1048576
              robots: false
              backoff: 0.5
              max_backoff: 10
              retry_after_cap: 60
            """)
        let fetch = definition.fetch
        #expect(fetch.perHostConcurrency == 1)
        #expect(fetch.perHostDelay == 2.5)
        #expect(fetch.globalConcurrency == 4)
        #expect(fetch.attempts == 3)
        #expect(fetch.connectTimeout == 5 && fetch.totalTimeout == 30)
        #expect(fetch.maxBodyBytes == 1_048_576)
        #expect(!fetch.obeyRobots)
        #expect(fetch.backoff == 0.5 && fetch.maxBackoff == 10 && fetch.retryAfterCap == 60)
    }

    @Test("defaults: 2 per host, 1 s apart, 4 attempts, 20 MiB, robots obeyed")
    func defaults() throws {
        let fetch = try load("sources:\n  - id: r\n    url: https://example.org/r.html\n").fetch
        #expect(fetch.perHostConcurrency == 2 && fetch.perHostDelay == 1 && fetch.attempts == 4)
        #expect(fetch.maxBodyBytes == 20 << 20 && fetch.obeyRobots)
    }

    @Test("rejects a negative delay, naming the key")
    func rejectsNegative() throws {
        let error = #expect(throws: DefinitionError.self) {
            try load("sources:\n  - id: r\n    url: https://example.org/r.html\nfetch:\n  backoff: -1\n")
        }
        #expect(error?.description.contains("backoff") == true)
    }
}
