import CLibXML2
import CLibXML2Shim
import Foundation
import Synchronization
import TestSupport
import Testing

@testable import ProvstatParse

/// Flat reads keep one libxml2 parser context per thread and reset it between pages: page after
/// page, each must read as libxml2 reads it on a new context (its own tree of the same bytes).
@Suite("Parser context kept between pages")
struct ParserContextTests {
    /// A page's bytes and how they are handed to libxml2.
    struct Read: Sendable {
        let data: Data
        let encoding: String?
        let ignoreDeclaredEncoding: Bool
    }

    static let sentence = "Đầu tư công giải ngân được 2.450 tỷ đồng, đạt 61,3% kế hoạch, cao hơn cùng kỳ."

    /// Pages in an order where each one would read differently if the one before left state behind.
    static let reads: [Read] = {
        let declared1258 =
            "<html><head><meta charset=\"windows-1258\"><title>Thu chi</title></head><body><div><p>\(sentence)</p></div></body></html>"
        // Non-ASCII before anything names an encoding: a new context takes it as UTF-8.
        let undeclared = "<p>Đầu trang \(sentence)</p><div class=\"noidung\"><p>\(sentence)</p></div>"
        let deep = "<html><body>" + String(repeating: "<div>", count: 300) + sentence + "</body></html>"
        let latin1 = "<html><body><p>Caf\u{E9} cr\u{E8}me, 12 t\u{EF} 3%, 4%, 5%.</p></body></html>"
        let broken = "<html><body><p>\(sentence)<<</div>&#xFFFF;<table><td>1<b></i><o:p>"
        var utf16 = Data([0xFF, 0xFE])
        for unit in "<html><body><p>\(sentence)</p></body></html>".utf16 {
            utf16.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)])
        }
        return [
            Read(data: Data(LegacyEncoding.windows1258(declared1258)), encoding: nil, ignoreDeclaredEncoding: false),
            Read(data: Data(undeclared.utf8), encoding: nil, ignoreDeclaredEncoding: false),
            // UTF-8 bytes under a windows-1258 declaration: ignored once, then obeyed.
            Read(data: Data(declared1258.utf8), encoding: "UTF-8", ignoreDeclaredEncoding: true),
            Read(data: Data(declared1258.utf8), encoding: nil, ignoreDeclaredEncoding: false),
            // Past the depth limit the parser stops; the page after it must be read whole.
            Read(data: Data(deep.utf8), encoding: nil, ignoreDeclaredEncoding: false),
            Read(data: Data(undeclared.utf8), encoding: nil, ignoreDeclaredEncoding: false),
            Read(
                data: Data(latin1.unicodeScalars.map { UInt8($0.value) }), encoding: "ISO-8859-1",
                ignoreDeclaredEncoding: true),
            Read(data: Data(broken.utf8), encoding: nil, ignoreDeclaredEncoding: false),
            Read(data: utf16, encoding: nil, ignoreDeclaredEncoding: false),
            Read(data: Data(declared1258.utf8), encoding: "UTF-8", ignoreDeclaredEncoding: true),
        ]
    }()

    /// The flat tree's outline and title of a read, or nil when it fails.
    static func flat(_ read: Read) -> [String]? {
        guard
            let document = try? FlatDocument(
                data: read.data, source: "context.html", encoding: read.encoding,
                ignoreDeclaredEncoding: read.ignoreDeclaredEncoding)
        else { return nil }
        return withExtendedLifetime(document) {
            ["title \(document.title ?? "-")"] + FlatTreeTests.outline(document.tree, FlatTree.document) { _ in false }
        }
    }

    /// The same from libxml2's own tree (a new context every time), its doctype left out.
    static func libxml(_ read: Read) -> [String]? {
        guard
            let document = try? HTMLDocument(
                data: read.data, source: "context.html", encoding: read.encoding,
                ignoreDeclaredEncoding: read.ignoreDeclaredEncoding)
        else { return nil }
        let root = UnsafeMutableRawPointer(document.doc).assumingMemoryBound(to: xmlNode.self)
        return withExtendedLifetime(document) {
            ["title \(document.title ?? "-")"]
                + FlatTreeTests.outline(LibXMLTree(), root) { $0.pointee.type == XML_DTD_NODE }
        }
    }

    /// Runs `body` on a thread of its own (one that has read nothing yet) and waits for it.
    static func onNewThread<Result: Sendable>(_ body: @escaping @Sendable () -> Result) -> Result {
        let result = Mutex<Result?>(nil)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            let value = body()
            result.withLock { $0 = value }
            done.signal()
        }
        thread.start()
        done.wait()
        return result.withLock { $0! }
    }

    @Test("page after page on one thread, each read as on a new context, the context kept throughout")
    func pageAfterPage() throws {
        let expected = Self.reads.map(Self.libxml)
        #expect(expected[1] != nil && expected[1]!.contains { $0.contains("#text Đầu trang") })
        let (outlines, kept) = Self.onNewThread { () -> ([[String]?], Int32) in
            // Twice round, so that every page also follows the last one.
            let outlines = (Self.reads + Self.reads).map(Self.flat)
            return (outlines, provstat_html_context_reads())
        }
        for (index, outline) in outlines.enumerated() {
            #expect(outline == expected[index % Self.reads.count], "read \(index)")
        }
        #expect(kept == Int32(2 * Self.reads.count))
    }

    @Test("the same pages on many threads at once read as they read alone")
    func manyThreads() throws {
        let expected = Self.reads.map(Self.libxml)
        let count = Self.reads.count * 6
        let outlines = Mutex([[String]?](repeating: nil, count: count))
        DispatchQueue.concurrentPerform(iterations: count) { index in
            // A different order on each thread: a stride through the pages.
            let outline = Self.flat(Self.reads[(index * 7) % Self.reads.count])
            outlines.withLock { $0[index] = outline }
        }
        for (index, outline) in outlines.withLock({ $0 }).enumerated() {
            #expect(outline == expected[(index * 7) % Self.reads.count], "read \(index)")
        }
    }

    @Test("a page whose names outgrow the kept dictionary is read on a new context, which is not kept")
    func largeDictionary() throws {
        // 3,000 distinct element names of 30 bytes: about 90 KB of names.
        let names = (0..<3000).map { index -> String in
            let name = "x\(String(repeating: "n", count: 24))\(index + 10000)"
            return "<\(name)></\(name)>"
        }
        let large = Read(
            data: Data(("<html><body><p>\(Self.sentence)</p>" + names.joined() + "</body></html>").utf8), encoding: nil,
            ignoreDeclaredEncoding: false)
        let small = Self.reads[1]
        let (outline, counts) = Self.onNewThread { () -> ([String]?, [Int32]) in
            var counts: [Int32] = []
            _ = Self.flat(small)
            counts.append(provstat_html_context_reads())
            let outline = Self.flat(large)
            counts.append(provstat_html_context_reads())
            _ = Self.flat(small)
            counts.append(provstat_html_context_reads())
            return (outline, counts)
        }
        #expect(outline == Self.libxml(large))
        #expect(outline?.count ?? 0 > 3000)
        #expect(counts == [1, 0, 1])
    }
}
