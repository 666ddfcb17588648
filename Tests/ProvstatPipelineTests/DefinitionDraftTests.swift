import Foundation
import ProvstatCore
import ProvstatPipeline
import ProvstatReconcile
import Testing

@Suite("Drafting a definition from a report page")
struct DefinitionDraftTests {
    static let report = repositoryRoot.appendingPathComponent("Pipelines/demo/reports/ktxh-thang-10-2023.html").path
    static let xpath = "//div[@class='news-content']"

    /// The draft of the demo's October report.
    static func draft() throws -> String {
        let facts = try ExtractJob(location: report, xpath: xpath).run()
        return DefinitionDraft(location: report, xpath: xpath, facts: facts).yaml(pipeline: "draft")
    }

    /// The draft with only the indicator blocks `keep` accepts, and the `components:` and
    /// `monthly:` lines that name a deleted block deleted: lines are only ever deleted.
    static func trimmed(_ draft: String, keep: (_ name: String, _ unit: String, _ period: String?) -> Bool) -> String {
        let lines = draft.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(of: "indicators:") else { return draft }
        var blocks: [[String]] = []
        for line in lines[(start + 1)...] where !line.isEmpty {
            if line.hasPrefix("  - id:") {
                blocks.append([line])
            } else if !blocks.isEmpty {
                blocks[blocks.count - 1].append(line)
            }
        }
        func value(_ key: String, in block: [String]) -> String? {
            block.first { $0.hasPrefix("    \(key): ") }.map {
                String($0.dropFirst(key.count + 6)).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        let kept = blocks.filter { block in
            keep(value("name", in: block) ?? "", value("unit", in: block) ?? "", value("period", in: block))
        }
        let keptIDs = Set(kept.compactMap { $0.first?.dropFirst("  - id: ".count).description })
        var output = Array(lines[...start])
        for block in kept {
            for line in block {
                let names = line.split(whereSeparator: { " ,[]:".contains($0) }).map(String.init)
                let isReference = line.hasPrefix("    components:") || line.hasPrefix("    monthly:")
                if isReference, !names.dropFirst().allSatisfy(keptIDs.contains) { continue }
                output.append(line)
            }
        }
        return output.joined(separator: "\n") + "\n"
    }

    @Test func theDraftLoadsAndNamesTheReportsFigures() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let text = try Self.draft()
        let file = try directory.write("draft.yaml", text)
        let definition = try DefinitionLoader().load(file: file)
        let exports = try #require(
            definition.indicators.first { $0.name == "kim ngạch xuất khẩu" && $0.period == .yearToDate })
        #expect(exports.unit == "USD")
        #expect(exports.components.count == 3)
        #expect(exports.monthly.flatMap { id in definition.indicators.first { $0.id == id } }?.period == .month)
        #expect(text.contains("# read: đạt 1.245,6 triệu USD = 1245600000 USD"))
        let cpi = try #require(definition.indicators.first { $0.name == "chỉ số giá tiêu dùng" })
        #expect(cpi.kind == .growthMoM)
        #expect(cpi.unit == "%")
    }

    @Test func aTrimmedDraftGivesTheHandWrittenDefinitionsValues() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let demo = try DemoRunTests.demo()
        // The same indicator: same name and unit, and the period if the hand-written one states it.
        func same(_ name: String, _ unit: String, _ period: String?, _ other: IndicatorDefinition) -> Bool {
            other.name == name && other.unit == unit && (other.period == nil || other.period?.rawValue == period)
        }
        let text = Self.trimmed(try Self.draft()) { name, unit, period in
            demo.indicators.contains { same(name, unit, period, $0) }
        }
        let draft = try DefinitionLoader().load(file: try directory.write("trimmed.yaml", text))
        #expect(draft.indicators.count >= 4)

        let facts = try ExtractJob(location: Self.report, xpath: Self.xpath).run().map {
            SourcedFact(fact: $0, url: Self.report, fetchedAt: "2023-11-03T08:00:00Z", sha256: "00")
        }
        let month = try #require(Month("2023-10"))
        let fromDraft = IndicatorMapper(definitions: draft.indicators, month: month).mapAll(facts).values
        let fromDemo = IndicatorMapper(definitions: demo.indicators, month: month).mapAll(facts).values
        for indicator in draft.indicators {
            let twin = try #require(
                demo.indicators.first {
                    same(indicator.name, indicator.unit, indicator.period?.rawValue, $0) && $0.kind == indicator.kind
                })
            let drafted = try #require(fromDraft[indicator.id], "\(indicator.id) has no value")
            #expect(drafted.value == fromDemo[twin.id]?.value, "\(indicator.id) vs \(twin.id)")
        }
    }

    /// The shared portals' folder, next to the repository, when this machine has it.
    static let portals = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus/portals")

    @Test(.enabled(if: FileManager.default.fileExists(atPath: portals.path)))
    func aTrimmedDraftOfASharedPortalsReportGivesItsHandWrittenDefinitionsValues() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let folders = try FileManager.default.contentsOfDirectory(atPath: Self.portals.path).sorted()
        var compared = 0
        for folder in folders {
            let portal = Self.portals.appendingPathComponent(folder)
            let definitionFile = portal.appendingPathComponent("pipeline.yaml")
            guard FileManager.default.fileExists(atPath: definitionFile.path) else { continue }
            let handWritten = try DefinitionLoader().load(file: definitionFile)
            let xpath = try #require(handWritten.sources.first?.xpath, "\(folder): no report xpath")
            // The portal's first three report pages: those its report XPath finds figures in.
            let pages = try Self.htmlFiles(under: portal.appendingPathComponent("site")).lazy.filter { page in
                ((try? ExtractJob(location: page, xpath: xpath).run()) ?? []).count >= 5
            }.prefix(3)
            #expect(!pages.isEmpty, "\(folder): no report page")
            for page in pages {
                let facts = try ExtractJob(location: page, xpath: xpath).run()
                let draft = DefinitionDraft(location: page, xpath: xpath, facts: facts).yaml(pipeline: "draft")
                func same(_ name: String, _ unit: String, _ period: String?, _ other: IndicatorDefinition) -> Bool {
                    other.name == name && other.unit == unit && other.period?.rawValue == period
                }
                let text = Self.trimmed(draft) { name, unit, period in
                    handWritten.indicators.contains { same(name, unit, period, $0) }
                }
                let trimmed = try DefinitionLoader().load(file: try directory.write("\(folder).yaml", text))
                let sourced = facts.map {
                    SourcedFact(fact: $0, url: page, fetchedAt: "2024-01-01T00:00:00Z", sha256: "00")
                }
                let fromDraft = IndicatorMapper(definitions: trimmed.indicators).mapAll(sourced).values
                let fromHand = IndicatorMapper(definitions: handWritten.indicators).mapAll(sourced).values
                for indicator in trimmed.indicators {
                    guard
                        let twin = handWritten.indicators.first(where: {
                            same(indicator.name, indicator.unit, indicator.period?.rawValue, $0)
                                && $0.kind == indicator.kind
                        }), let expected = fromHand[twin.id]
                    else { continue }
                    #expect(fromDraft[indicator.id]?.value == expected.value, "\(page): \(indicator.id) vs \(twin.id)")
                    compared += 1
                }
            }
        }
        #expect(compared >= 10, "only \(compared) values compared")
    }

    /// The HTML files under `folder`, sorted by path.
    static func htmlFiles(under folder: URL) throws -> [String] {
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        var files: [String] = []
        while let url = enumerator?.nextObject() as? URL {
            if url.pathExtension == "html" { files.append(url.path) }
        }
        return files.sorted()
    }
}
