import Foundation
import ProvstatCore
import ProvstatExtract
import ProvstatParse

/// One reader worker: parses a fetched page and extracts its facts.
struct PageReader {
    let parser = PageParser()
    let extractor = FactExtractor()

    func read(_ page: FetchedSource) -> ReadSource {
        guard let body = page.body else {
            return ReadSource(record: page.record, facts: [], transientFailure: page.transientFailure)
        }
        var record = page.record
        do {
            let parsed = try parser.parse(
                data: body, source: record.url, contentType: page.contentType, xpath: page.definition.xpath)
            let facts = extractor.extract(from: parsed.blocks)
            record.factCount = facts.count
            return ReadSource(record: record, facts: facts)
        } catch {
            record.outcome = .failed
            record.reason = "parse: \(error.description)"
            return ReadSource(record: record, facts: [])
        }
    }
}
