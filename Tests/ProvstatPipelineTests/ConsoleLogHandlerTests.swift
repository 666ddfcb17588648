import Foundation
import Logging
import ProvstatPipeline
import Synchronization
import Testing

@Suite("Log lines")
struct ConsoleLogHandlerTests {
    final class Lines: Sendable {
        let storage = Mutex<[String]>([])
        func append(_ line: String) { storage.withLock { $0.append(line) } }
        var all: [String] { storage.withLock { $0 } }
    }

    @Test func underSystemdEachLineCarriesItsPriority() {
        let lines = Lines()
        var logger = Logger(label: "test") { label in
            ConsoleLogHandler(label: label, level: .info, style: .journal, sink: lines.append)
        }
        logger[metadataKey: "pipeline"] = "demo"
        logger.warning("source failed", metadata: ["source": "report"])
        logger.error("cannot write")
        logger.debug("not shown at info")
        #expect(lines.all == ["<4>source failed pipeline=demo source=report", "<3>cannot write pipeline=demo"])
    }

    @Test func theStyleFollowsTheEnvironment() {
        #expect(ConsoleLogHandler.detectStyle(environment: ["JOURNAL_STREAM": "8:12345"]) == .journal)
    }

    @Test func onATerminalLinesNameTheLevel() {
        let lines = Lines()
        let logger = Logger(label: "test") {
            ConsoleLogHandler(label: $0, level: .trace, style: .terminal, sink: lines.append)
        }
        logger.notice("snapshot written")
        #expect(lines.all.count == 1)
        #expect(lines.all[0].contains("notice  snapshot written"))
    }
}
