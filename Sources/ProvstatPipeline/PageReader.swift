import Foundation
import Logging
import ProvstatCore
import ProvstatExtract
import ProvstatParse

/// One reader worker: parses a fetched page and extracts its facts, within a time budget.
struct PageReader {
    let parser = PageParser()
    let extractor = FactExtractor()
    /// Seconds of reading one page may take; a page that needs more is recorded as failed.
    var budget: TimeInterval = 120
    var logger = Logger(label: "provstat.read", factory: { _ in SwiftLogNoOpLogHandler() })

    func read(_ page: FetchedSource) -> ReadSource {
        guard let body = page.body else {
            return ReadSource(record: page.record, facts: [], transientFailure: page.transientFailure)
        }
        var record = page.record
        let clock = ContinuousClock()
        let end = clock.now.advanced(by: .milliseconds(Int64(min(budget, FetchSettings.longestSeconds) * 1000)))
        do {
            let parsed = try parser.parse(
                data: body, source: record.url, contentType: page.contentType, xpath: page.definition.xpath)
            if parsed.replacedBytes > 0 {
                let message =
                    "\(record.id): \(parsed.replacedBytes) bytes not valid in the page's character set became U+FFFD"
                if parsed.replacedBytes >= Self.manyReplacedBytes {
                    logger.warning("\(message)")
                } else {
                    logger.debug("\(message)")
                }
            }
            guard let facts = extractor.extract(from: parsed.blocks, shouldStop: { clock.now > end }) else {
                record.outcome = .failed
                record.reason =
                    "read: the page took longer than its \(String(format: "%g", budget)) s reading budget (\(body.count) bytes); "
                    + "raise fetch.page_budget or select the content with xpath"
                logger.error("\(record.reason ?? "")", metadata: ["source": "\(record.id)"])
                return ReadSource(record: record, facts: [])
            }
            record.factCount = facts.count
            return ReadSource(record: record, facts: facts, blocks: parsed.blocks.count)
        } catch {
            record.outcome = .failed
            record.reason = "parse: \(error.description)"
            return ReadSource(record: record, facts: [])
        }
    }

    /// Replacement characters on one page from which a warning is logged.
    static let manyReplacedBytes = 16
}
