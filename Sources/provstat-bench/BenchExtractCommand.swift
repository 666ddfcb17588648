import ArgumentParser
import CLibXML2
import Foundation
import ProvstatCore
import ProvstatExtract
import ProvstatParse

/// `provstat-bench extract`: throughput of libxml2 alone against parse + detection + extraction.
struct BenchExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Time libxml2's htmlReadMemory alone and the whole parse + extract stage on one core.",
        discussion: """
            The pages of FOLDER (*.html) are repeated until they add up to --megabytes, then read three \
            ways in one run, batch by batch: (a) htmlReadMemory alone (the document is freed at once), \
            (b) parsing, article detection and fact extraction, single-threaded, and (c) libxml2's HTML \
            parser with no SAX callbacks, building nothing: the floor of any reader built on it. Prints \
            the rates in MB per second of the thread's CPU time (waiting for a core taken by another \
            process does not count), and the ratio b/a.
            """)

    @Argument(
        help:
            "A folder of HTML pages, searched recursively (default: the shared dev corpus when present, else the demo pages)."
    )
    var folder: String?

    @Option(name: .long, help: "How many megabytes of pages to read in each pass.")
    var megabytes = 50

    func run() throws {
        let pages = try loadPages()
        guard !pages.isEmpty else { throw ValidationError("no .html pages in \(pageFolder.path)") }
        let target = megabytes * 1_000_000
        var workload: [(name: String, data: Data)] = []
        var total = 0
        while total < target {
            for page in pages where total < target {
                workload.append(page)
                total += page.data.count
            }
        }
        LibXML2.initialise()
        let megabytes = Double(total) / 1_000_000

        // The passes alternate batch by batch, so that load from other processes on a shared
        // machine weighs on both alike.
        var libxml2 = 0.0
        var floor = 0.0
        var whole = 0.0
        var parseTime = 0.0
        var extractTime = 0.0
        var facts = 0
        var start = 0
        while start < workload.count {
            let batch = workload[start..<min(start + 100, workload.count)]
            libxml2 += try time {
                for page in batch { _ = try HTMLDocument(data: page.data, source: page.name) }
            }
            floor += time {
                for page in batch { Self.parseOnly(page.data) }
            }
            whole += try time {
                for page in batch {
                    var parsed: ParsedPage?
                    parseTime += try time { parsed = try PageParser().parse(data: page.data, source: page.name) }
                    extractTime += time { facts += FactExtractor().extract(from: parsed?.blocks ?? []).count }
                }
            }
            start += batch.count
        }
        print("pages: \(workload.count) (\(pages.count) distinct), \(String(format: "%.1f", megabytes)) MB per pass")
        print(
            String(
                format: "(a) htmlReadMemory alone:            %8.1f MB/s  (%.2f s CPU)", megabytes / libxml2, libxml2))
        print(
            String(
                format: "(b) parse + detection + extraction:  %8.1f MB/s  (%.2f s CPU, %d facts)", megabytes / whole,
                whole,
                facts))
        print(
            String(
                format: "    of which parse + detection %.0f%%, extraction %.0f%%", 100 * parseTime / whole,
                100 * extractTime / whole))
        print(
            String(
                format: "(c) libxml2's parser alone, no callbacks: %8.1f MB/s  (%.2f s CPU, c/a %.2f)",
                megabytes / floor,
                floor, libxml2 / floor))
        print(String(format: "ratio b/a: %.2f", libxml2 / whole))
    }

    /// Runs libxml2's HTML parser over `data` with every SAX callback unset, with the options of
    /// every read: the tokenizing and tag balancing that any reader on libxml2 pays, and nothing else.
    private static func parseOnly(_ data: Data) {
        data.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress?.assumingMemoryBound(to: CChar.self),
                let context = htmlCreateMemoryParserCtxt(base, Int32(buffer.count))
            else { return }
            defer { htmlFreeParserCtxt(context) }
            if let handler = context.pointee.sax {
                UnsafeMutableRawPointer(handler).initializeMemory(
                    as: UInt8.self, repeating: 0, count: MemoryLayout<htmlSAXHandler>.size)
            }
            _ = htmlCtxtUseOptions(
                context,
                Int32(
                    HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                        | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue))
            _ = htmlParseDocument(context)
        }
    }

    /// The folder given, else the shared corpus beside the checkout, else the bundled demo portal.
    private var pageFolder: URL {
        if let folder { return URL(fileURLWithPath: folder) }
        let shared = "../shared/corpus/dev/pages"
        return URL(fileURLWithPath: FileManager.default.fileExists(atPath: shared) ? shared : "Pipelines/demo")
    }

    private func loadPages() throws -> [(name: String, data: Data)] {
        let url = pageFolder
        guard let walker = FileManager.default.enumerator(atPath: url.path) else {
            throw ValidationError("cannot read the folder \(url.path)")
        }
        let names = walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".html") }.sorted()
        return try names.map { ($0, try Data(contentsOf: url.appendingPathComponent($0))) }
    }

    /// Seconds of this thread's CPU time taken by `body`: time the thread spent waiting for a
    /// core taken by other processes does not count.
    private func time(_ body: () throws -> Void) rethrows -> Double {
        let start = Self.threadCPUNanoseconds()
        try body()
        return Double(Self.threadCPUNanoseconds() - start) / 1e9
    }

    private static func threadCPUNanoseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
        return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
    }
}
