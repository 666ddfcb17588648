import Foundation
import ProvstatCore
import ProvstatPipeline
import Testing

@Suite("Pipeline definitions")
struct DefinitionLoaderTests {
    static let valid = """
        pipeline: test
        sources:
          - id: report
            url: pages/{year}-{month2}.html
        indicators:
          - id: exports
            name: kim ngạch xuất khẩu
            unit: USD
            components: [seafood]
          - id: seafood
            name: thủy sản
            unit: USD
        targets:
          - indicator: exports
            year: 2023
            value: 1.500 triệu USD
        """

    func load(_ yaml: String) throws -> PipelineDefinition {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        return try DefinitionLoader().load(file: try directory.write("test.yaml", yaml))
    }

    func error(_ yaml: String) throws -> DefinitionError {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write("broken.yaml", yaml)
        do {
            _ = try DefinitionLoader().load(file: file)
        } catch {
            #expect(error.file.hasSuffix("broken.yaml"))
            return error
        }
        Issue.record("expected the definition to be rejected")
        throw CancellationError()
    }

    @Test func readsAValidDefinition() throws {
        let definition = try load(Self.valid)
        #expect(definition.name == "test")
        #expect(definition.indicators.map(\.id) == ["exports", "seafood"])
        #expect(definition.targets.first?.value == 1_500_000_000)
        #expect(definition.targets.first?.unit == "USD")
        #expect(definition.digest.count == 64)
        guard case .template(let url) = definition.sources[0].location else {
            Issue.record("expected a URL template")
            return
        }
        // Relative locations are files next to the definition.
        #expect(url.hasPrefix("file:///"))
        #expect(url.hasSuffix("/pages/{year}-{month2}.html"))
    }

    @Test func titleWordsMeanAllOfThemAndListsOrTitleAnyMeanAnyOf() throws {
        let yaml = """
            pipeline: words
            sources:
              - id: plain
                listing:
                  url: https://portal.example/tin
                  title_contains: ["tình hình"]
              - id: mixed
                listing:
                  url: https://portal.example/tin
                  title_contains: ["tình hình", ["kinh tế - xã hội", "KT-XH"]]
                  title_any: [báo cáo, thông cáo]
            """
        let definition = try load(yaml)
        guard case .listing(let plain) = definition.sources[0].location,
            case .listing(let mixed) = definition.sources[1].location
        else {
            Issue.record("expected listing sources")
            return
        }
        #expect(plain.titleContains == ["tình hình"])
        #expect(plain.titleAlternatives.isEmpty)
        #expect(mixed.titleContains == ["tình hình"])
        #expect(mixed.titleAlternatives == [["kinh tế - xã hội", "KT-XH"], ["báo cáo", "thông cáo"]])
    }

    @Test func aTitlePhraseWithoutWordsNamesFileLineAndKey() throws {
        let failure = try error(
            """
            pipeline: words
            sources:
              - id: listed
                listing:
                  url: https://portal.example/tin
                  title_any: ["–"]
            """)
        #expect(failure.line == 6)
        #expect(failure.key == "sources[0].listing.title_any[0]")
        #expect(failure.message.contains("no words"))
    }

    @Test func invalidYAMLNamesTheLine() throws {
        let error = try error("pipeline: test\nsources:\n  - id: [unclosed\n")
        #expect(error.line == 4)  // libyaml reports the end of the unclosed flow sequence
        #expect(error.description.contains("invalid YAML"))
    }

    @Test func aMissingKeyNamesTheKeyAndLine() throws {
        let error = try error("pipeline: test\nsources:\n  - id: report\n    xpath: //div\n")
        #expect(error.key == "sources[0].url")
        #expect(error.line == 3)
    }

    @Test func anUnknownKeyIsATypo() throws {
        let error = try error(
            Self.valid.replacingOccurrences(of: "    unit: USD\n    components", with: "    units: USD\n    components")
        )
        #expect(error.key == "indicators[0].units")
        #expect(error.line == 8)
    }

    @Test func aComponentMustBeDefined() throws {
        let error = try error(Self.valid.replacingOccurrences(of: "[seafood]", with: "[seafod]"))
        #expect(error.message.contains("seafod"))
    }

    @Test func anUnreadablePlanAmountIsRejected() throws {
        let error = try error(Self.valid.replacingOccurrences(of: "1.500 triệu USD", with: "a lot"))
        #expect(error.key == "targets[0].value")
        #expect(error.line == 16)
    }

    @Test func anUnknownKindListsTheKinds() throws {
        let error = try error(
            Self.valid.replacingOccurrences(
                of: "    unit: USD\n    components", with: "    unit: USD\n    kind: levels\n    components"))
        #expect(error.key == "indicators[0].kind")
        #expect(error.message.contains("growth_yoy"))
    }

    @Test func theMonthsLeftInTheYearAreNoIndicatorsPeriod() throws {
        let error = try error(
            Self.valid.replacingOccurrences(
                of: "    unit: USD\n    components", with: "    unit: USD\n    period: rest_of_year\n    components"))
        #expect(error.key == "indicators[0].period")
        #expect(error.message.contains("month, ytd, quarter, year"))
    }

    @Test func anUnknownPipelineNameSaysWhereItLooked() {
        #expect(throws: DefinitionError.self) {
            try DefinitionLoader(searchPaths: [URL(fileURLWithPath: "/nonexistent")]).load("nope")
        }
    }

    @Test func theBundledDefinitionsLoad() throws {
        let folder = repositoryRoot.appendingPathComponent("Pipelines")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
        #expect(files.contains("demo.yaml"))
        for file in files {
            let definition = try DefinitionLoader().load(file: folder.appendingPathComponent(file))
            #expect(!definition.sources.isEmpty)
        }
    }
}
